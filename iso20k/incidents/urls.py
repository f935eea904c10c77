from django.urls import path

from . import views

app_name = "incidents"

urlpatterns = [
    path("", views.IncidentListView.as_view(), name="incident-list"),
    path("new/", views.IncidentCreateView.as_view(), name="incident-create"),
    path("<int:pk>/", views.IncidentDetailView.as_view(), name="incident-detail"),
    path("<int:pk>/edit/", views.IncidentEditView.as_view(), name="incident-edit"),
    path("<int:pk>/assign/", views.AssignView.as_view(), name="incident-assign"),
    path("<int:pk>/take/", views.TakeView.as_view(), name="incident-take"),
    path("<int:pk>/hold/", views.HoldView.as_view(), name="incident-hold"),
    path("<int:pk>/resume/", views.ResumeView.as_view(), name="incident-resume"),
    path("<int:pk>/resolve/", views.ResolveView.as_view(), name="incident-resolve"),
    path("<int:pk>/close/", views.CloseView.as_view(), name="incident-close"),
    path("<int:pk>/reopen/", views.ReopenView.as_view(), name="incident-reopen"),
    path("<int:pk>/cancel/", views.CancelView.as_view(), name="incident-cancel"),
    path("<int:pk>/escalate/", views.EscalateView.as_view(), name="incident-escalate"),
    path("<int:pk>/comment/", views.CommentView.as_view(), name="incident-comment"),
    path("<int:pk>/review/", views.ReviewView.as_view(), name="incident-review"),
    path("<int:pk>/link/", views.LinkView.as_view(), name="incident-link"),
    path("<int:pk>/problem/", views.ProblemLinkView.as_view(), name="incident-problem"),
]
