from .views import GroupViewSet, MonthStatViewSet


def register(router) -> None:
    router.register("support-groups", GroupViewSet, basename="support-group")
    router.register("ticket-month-stats", MonthStatViewSet, basename="ticket-month-stat")
