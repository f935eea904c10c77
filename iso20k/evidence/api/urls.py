from django.urls import path

from .views import CheckListView, EvaluationViewSet, ReadinessView, ResultListView, SnapshotViewSet


def register(router) -> None:
    router.register("evaluations", EvaluationViewSet, basename="evaluation")
    router.register("snapshots", SnapshotViewSet, basename="snapshot")


extra_urls = [
    path("checks/", CheckListView.as_view(), name="check-list"),
    path("results/", ResultListView.as_view(), name="result-list"),
    path("readiness/", ReadinessView.as_view(), name="readiness"),
]
