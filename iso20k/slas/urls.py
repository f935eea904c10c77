from django.urls import path

from . import views
from .choices import AgreementStatus

app_name = "slas"

urlpatterns = [
    path("", views.AgreementListView.as_view(), name="agreement-list"),
    path("new/", views.AgreementCreateView.as_view(), name="agreement-create"),
    path("<slug:code>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("<slug:code>/edit/", views.AgreementEditView.as_view(), name="agreement-edit"),
    path(
        "<slug:code>/retire/",
        views.AgreementStatusView.as_view(status=AgreementStatus.RETIRED),
        name="agreement-retire",
    ),
    path(
        "<slug:code>/reactivate/",
        views.AgreementStatusView.as_view(status=AgreementStatus.ACTIVE),
        name="agreement-reactivate",
    ),
    path("<slug:code>/recompute/", views.RecomputeView.as_view(), name="agreement-recompute"),
]
