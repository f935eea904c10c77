"""URL map: pages per app, the REST API under /api/v1/, its schema and interactive docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from iso20k.accounts.api import urls as accounts_api
from iso20k.catalogue.api import urls as catalogue_api
from iso20k.documents.api import urls as documents_api
from iso20k.evidence.api import urls as evidence_api
from iso20k.gaps.api import urls as gaps_api
from iso20k.organisations.api import urls as organisations_api
from iso20k.programme.api import urls as programme_api
from iso20k.training.api import urls as training_api

router = DefaultRouter()
API_MODULES = [
    accounts_api,
    organisations_api,
    catalogue_api,
    # Stages 1 and 2 register here.
    programme_api,
    gaps_api,
    training_api,
    # Stage 3 registers here.
    documents_api,
    # Stage 4 registers here.
    evidence_api,
]
for module in API_MODULES:
    module.register(router)

urlpatterns = [
    path("", include("iso20k.core.urls")),
    path("accounts/", include("iso20k.accounts.urls")),
    path("organisation/", include("iso20k.organisations.urls")),
    path("catalogue/", include("iso20k.catalogue.urls")),
    path("history/", include("iso20k.history.urls")),
    path("files/", include("iso20k.files.urls")),
    # Stages 1 and 2 pages.
    path("programme/", include("iso20k.programme.urls")),
    path("gaps/", include("iso20k.gaps.urls")),
    path("training/", include("iso20k.training.urls")),
    # Stage 3 pages.
    path("documents/", include("iso20k.documents.urls")),
    # Stage 4 pages.
    path("readiness/", include("iso20k.evidence.urls")),
    path("api/v1/", include((router.urls, "api"))),
    path(
        "api/v1/",
        include(
            (
                accounts_api.extra_urls + organisations_api.extra_urls() + evidence_api.extra_urls,
                "api-extra",
            )
        ),
    ),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]
