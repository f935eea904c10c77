from django.urls import path

from . import views

app_name = "history"

urlpatterns = [
    path("", views.record_list, name="record-list"),
    path("<int:seq>/", views.record_detail, name="record-detail"),
    path("verification/", views.verification, name="verification"),
    path("verification/run/", views.verify_now, name="verify-now"),
]
