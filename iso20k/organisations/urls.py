from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("setup/", views.OrganisationSetupView.as_view(), name="setup"),
    path("edit/", views.OrganisationEditView.as_view(), name="edit"),
    path("sites/new/", views.SiteCreateView.as_view(), name="site-create"),
    path("sites/<int:pk>/edit/", views.SiteEditView.as_view(), name="site-edit"),
    path("scope/new/", views.start_scope_draft, name="scope-create"),
    path("scope/<int:number>/", views.ScopeDetailView.as_view(), name="scope-detail"),
    path("scope/<int:number>/edit/", views.ScopeEditView.as_view(), name="scope-edit"),
    path(
        "scope/<int:number>/submit/",
        views.ScopeActionView.as_view(action="submit"),
        name="scope-submit",
    ),
    path(
        "scope/<int:number>/withdraw/",
        views.ScopeActionView.as_view(action="withdraw"),
        name="scope-withdraw",
    ),
    path(
        "scope/<int:number>/approve/",
        views.ScopeActionView.as_view(action="approve"),
        name="scope-approve",
    ),
    path(
        "scope/<int:number>/reject/",
        views.ScopeActionView.as_view(action="reject"),
        name="scope-reject",
    ),
]
