from django.urls import path

from . import views

app_name = "servicerequests"

urlpatterns = [
    path("", views.RequestListView.as_view(), name="request-list"),
    path("new/", views.CatalogueView.as_view(), name="request-catalogue"),
    path("new/<int:item>/", views.RequestCreateView.as_view(), name="request-create"),
    path("<int:pk>/", views.RequestDetailView.as_view(), name="request-detail"),
    path("<int:pk>/assign/", views.AssignView.as_view(), name="request-assign"),
    path("<int:pk>/take/", views.TakeView.as_view(), name="request-take"),
    path("<int:pk>/approve/", views.ApproveView.as_view(), name="request-approve"),
    path("<int:pk>/reject/", views.RejectView.as_view(), name="request-reject"),
    path("<int:pk>/hold/", views.HoldView.as_view(), name="request-hold"),
    path("<int:pk>/resume/", views.ResumeView.as_view(), name="request-resume"),
    path("<int:pk>/fulfil/", views.FulfilView.as_view(), name="request-fulfil"),
    path("<int:pk>/close/", views.CloseView.as_view(), name="request-close"),
    path("<int:pk>/reopen/", views.ReopenView.as_view(), name="request-reopen"),
    path("<int:pk>/cancel/", views.CancelView.as_view(), name="request-cancel"),
    path("<int:pk>/comment/", views.CommentView.as_view(), name="request-comment"),
    path("<int:pk>/tasks/add/", views.TaskAddView.as_view(), name="request-task-add"),
    path(
        "<int:pk>/tasks/<int:task>/toggle/",
        views.TaskToggleView.as_view(),
        name="request-task-toggle",
    ),
]
