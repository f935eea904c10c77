from .views import ContactViewSet, CustomerViewSet


def register(router) -> None:
    router.register("customers", CustomerViewSet, basename="customer")
    router.register("customer-contacts", ContactViewSet, basename="customer-contact")
