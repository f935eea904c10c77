from .views import RequestViewSet


def register(router) -> None:
    router.register("service-requests", RequestViewSet, basename="service-request")
