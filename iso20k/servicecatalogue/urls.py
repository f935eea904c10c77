from django.urls import path

from . import views
from .choices import ServiceStatus

app_name = "servicecatalogue"

urlpatterns = [
    path("", views.ServiceListView.as_view(), name="service-list"),
    path("new/", views.ServiceCreateView.as_view(), name="service-create"),
    path("<str:code>/", views.ServiceDetailView.as_view(), name="service-detail"),
    path("<str:code>/edit/", views.ServiceEditView.as_view(), name="service-edit"),
    path(
        "<str:code>/go-live/",
        views.ServiceStatusView.as_view(status=ServiceStatus.LIVE),
        name="service-go-live",
    ),
    path(
        "<str:code>/retire/",
        views.ServiceStatusView.as_view(status=ServiceStatus.RETIRED),
        name="service-retire",
    ),
    path("<str:code>/items/new/", views.ItemFormView.as_view(), name="item-create"),
    path("<str:code>/items/<slug:item>/", views.ItemDetailView.as_view(), name="item-detail"),
    path("<str:code>/items/<slug:item>/edit/", views.ItemEditView.as_view(), name="item-edit"),
]
