from .views import ClauseViewSet, ItilPracticeViewSet


def register(router) -> None:
    router.register("clauses", ClauseViewSet, basename="clause")
    router.register("itil-practices", ItilPracticeViewSet, basename="itil-practice")
