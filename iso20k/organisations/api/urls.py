from .views import OrganisationView, ScopeStatementViewSet, SiteViewSet


def register(router) -> None:
    router.register("sites", SiteViewSet, basename="site")
    router.register("scope-statements", ScopeStatementViewSet, basename="scope-statement")


def extra_urls():
    from django.urls import path

    return [path("organisation/", OrganisationView.as_view(), name="organisation")]
