from .views import AssessmentViewSet, ClauseRatingViewSet, GapViewSet


def register(router) -> None:
    router.register("gap-assessments", AssessmentViewSet, basename="gap-assessment")
    router.register("clause-ratings", ClauseRatingViewSet, basename="clause-rating")
    router.register("gaps", GapViewSet, basename="gap")
