from .views import AgreementViewSet, ClockViewSet


def register(router) -> None:
    router.register("agreements", AgreementViewSet, basename="agreement")
    router.register("sla-clocks", ClockViewSet, basename="sla-clock")
