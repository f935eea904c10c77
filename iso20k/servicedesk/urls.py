from django.urls import path

from .views import groups, reports, workspace

app_name = "servicedesk"

urlpatterns = [
    path("", workspace.DeskView.as_view(), name="desk"),
    path("<slug:desk>/bulk/", workspace.BulkView.as_view(), name="bulk"),
    path("<slug:desk>/filters/save/", workspace.SaveFilterView.as_view(), name="filter-save"),
    path("filters/<int:pk>/delete/", workspace.DeleteFilterView.as_view(), name="filter-delete"),
    path("groups/", groups.GroupListView.as_view(), name="group-list"),
    path("groups/new/", groups.GroupCreateView.as_view(), name="group-create"),
    path("groups/<slug:code>/", groups.GroupDetailView.as_view(), name="group-detail"),
    path("groups/<slug:code>/edit/", groups.GroupEditView.as_view(), name="group-edit"),
    path("reports/", reports.ReportsView.as_view(), name="reports"),
    path("reports/achievement/", reports.AchievementView.as_view(), name="report-achievement"),
    path("reports/overdue/", reports.OverdueView.as_view(), name="report-overdue"),
    path("reports/reopens/", reports.ReopensView.as_view(), name="report-reopens"),
    path("reports/satisfaction/", reports.SatisfactionView.as_view(), name="report-satisfaction"),
]
