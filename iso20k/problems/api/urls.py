from .views import KnownErrorViewSet, ProblemViewSet


def register(router) -> None:
    router.register("problems", ProblemViewSet, basename="problem")
    router.register("known-errors", KnownErrorViewSet, basename="known-error")
