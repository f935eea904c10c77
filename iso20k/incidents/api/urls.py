from .views import IncidentViewSet


def register(router) -> None:
    router.register("incidents", IncidentViewSet, basename="incident")
