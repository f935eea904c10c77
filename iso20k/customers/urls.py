from django.urls import path

from . import views

app_name = "customers"

urlpatterns = [
    path("", views.CustomerListView.as_view(), name="customer-list"),
    path("new/", views.CustomerCreateView.as_view(), name="customer-create"),
    path("<slug:code>/", views.CustomerDetailView.as_view(), name="customer-detail"),
    path("<slug:code>/edit/", views.CustomerEditView.as_view(), name="customer-edit"),
    path(
        "<slug:code>/retire/",
        views.CustomerActivationView.as_view(active=False),
        name="customer-retire",
    ),
    path(
        "<slug:code>/reactivate/",
        views.CustomerActivationView.as_view(active=True),
        name="customer-reactivate",
    ),
    path("<slug:code>/contacts/new/", views.ContactCreateView.as_view(), name="contact-create"),
    path(
        "<slug:code>/contacts/<int:pk>/edit/",
        views.ContactEditView.as_view(),
        name="contact-edit",
    ),
    path(
        "<slug:code>/contacts/<int:pk>/remove/",
        views.ContactRemoveView.as_view(),
        name="contact-remove",
    ),
]
