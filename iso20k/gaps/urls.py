from django.urls import path, re_path

from .views import assessments, gaps

app_name = "gaps"

urlpatterns = [
    path("", assessments.assessment_list, name="assessment-list"),
    path("assessments/new/", assessments.AssessmentCreateView.as_view(), name="assessment-create"),
    path(
        "assessments/<int:pk>/",
        assessments.AssessmentDetailView.as_view(),
        name="assessment-detail",
    ),
    path(
        "assessments/<int:pk>/edit/",
        assessments.AssessmentEditView.as_view(),
        name="assessment-edit",
    ),
    path(
        "assessments/<int:pk>/complete/",
        assessments.CompleteView.as_view(),
        name="assessment-complete",
    ),
    path("assessments/<int:pk>/copy/", assessments.CopyView.as_view(), name="assessment-copy"),
    path("assessments/<int:pk>/compare/", assessments.compare, name="assessment-compare"),
    re_path(
        r"^assessments/(?P<pk>[0-9]+)/report\.(?P<extension>docx|xlsx)$",
        assessments.export_report,
        name="report-export",
    ),
    path(
        "assessments/<int:pk>/clauses/<str:number>/",
        assessments.RatingView.as_view(),
        name="rating",
    ),
    path(
        "assessments/<int:pk>/clauses/<str:number>/gaps/new/",
        gaps.GapRaiseView.as_view(),
        name="gap-create",
    ),
    path(
        "assessments/<int:pk>/clauses/<str:number>/evidence/",
        gaps.add_evidence,
        name="evidence-add",
    ),
    path(
        "assessments/<int:pk>/clauses/<str:number>/evidence/withdraw/",
        gaps.withdraw_evidence,
        name="evidence-withdraw",
    ),
    path("list/", gaps.GapListView.as_view(), name="gap-list"),
    path("to-tasks/", gaps.GapsToTasksView.as_view(), name="gaps-to-tasks"),
    path("<int:pk>/", gaps.GapDetailView.as_view(), name="gap-detail"),
    path("<int:pk>/edit/", gaps.GapEditView.as_view(), name="gap-edit"),
    path("<int:pk>/close/", gaps.GapCloseView.as_view(), name="gap-close"),
    path("<int:pk>/reopen/", gaps.GapCloseView.as_view(reopen=True), name="gap-reopen"),
]
