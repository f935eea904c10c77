from .views import LiveCatalogueViewSet, RequestItemViewSet, ServiceViewSet


def register(router) -> None:
    router.register("services", ServiceViewSet, basename="service")
    router.register("request-items", RequestItemViewSet, basename="request-item")
    router.register("live-catalogue", LiveCatalogueViewSet, basename="live-catalogue")
