from django.urls import path, re_path

from . import views

app_name = "evidence"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("evaluate/", views.evaluate_now, name="evaluate"),
    path("as-of/", views.AsOfView.as_view(), name="as-of"),
    re_path(
        r"^clauses/(?P<number>(?:[4-9]|10)(?:\.\d{1,2}){0,3})/$",
        views.clause_readiness,
        name="clause",
    ),
    path("checks/<str:code>/", views.check_detail, name="check-detail"),
    path("evaluations/<uuid:pk>/", views.evaluation_detail, name="evaluation-detail"),
    path("snapshots/", views.snapshot_list, name="snapshot-list"),
    path("snapshots/new/", views.SnapshotCreateView.as_view(), name="snapshot-create"),
    path("snapshots/<uuid:pk>/", views.snapshot_detail, name="snapshot-detail"),
    path("snapshots/<uuid:pk>/export.<str:fmt>", views.snapshot_export, name="snapshot-export"),
]
