from django.urls import path

from . import views

app_name = "problems"

urlpatterns = [
    path("", views.ProblemListView.as_view(), name="problem-list"),
    path("new/", views.ProblemCreateView.as_view(), name="problem-create"),
    path("trends/", views.TrendsView.as_view(), name="trends"),
    path("<int:pk>/", views.ProblemDetailView.as_view(), name="problem-detail"),
    path("<int:pk>/edit/", views.ProblemEditView.as_view(), name="problem-edit"),
    path("<int:pk>/investigate/", views.InvestigateView.as_view(), name="problem-investigate"),
    path("<int:pk>/known-error/", views.KnownErrorRecordView.as_view(), name="problem-known-error"),
    path("<int:pk>/resolve/", views.ResolveProblemView.as_view(), name="problem-resolve"),
    path("<int:pk>/close/", views.CloseProblemView.as_view(), name="problem-close"),
    path("<int:pk>/reopen/", views.ReopenProblemView.as_view(), name="problem-reopen"),
    path("known-errors/", views.KnownErrorListView.as_view(), name="knownerror-list"),
    path("known-errors/new/", views.KnownErrorCreateView.as_view(), name="knownerror-create"),
    path("known-errors/search/", views.KnownErrorSearchView.as_view(), name="knownerror-search"),
    path("known-errors/<int:pk>/", views.KnownErrorDetailView.as_view(), name="knownerror-detail"),
    path("known-errors/<int:pk>/edit/", views.KnownErrorEditView.as_view(), name="knownerror-edit"),
    path(
        "known-errors/<int:pk>/retire/",
        views.KnownErrorRetireView.as_view(),
        name="knownerror-retire",
    ),
]
