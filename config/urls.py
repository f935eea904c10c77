"""URL map: pages per app, the REST API under /api/v1/, its schema and interactive docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from iso20k.accounts.api import urls as accounts_api
from iso20k.calendars.api import urls as calendars_api
from iso20k.catalogue.api import urls as catalogue_api
from iso20k.customers.api import urls as customers_api
from iso20k.documents.api import urls as documents_api
from iso20k.evidence.api import urls as evidence_api
from iso20k.gaps.api import urls as gaps_api
from iso20k.incidents.api import urls as incidents_api
from iso20k.organisations.api import urls as organisations_api
from iso20k.problems.api import urls as problems_api
from iso20k.programme.api import urls as programme_api
from iso20k.servicecatalogue.api import urls as servicecatalogue_api
from iso20k.servicedesk.api import urls as servicedesk_api
from iso20k.servicerequests.api import urls as servicerequests_api
from iso20k.slas.api import urls as slas_api
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
    customers_api,
    servicecatalogue_api,
    calendars_api,
    slas_api,
    servicedesk_api,
    incidents_api,
    servicerequests_api,
    problems_api,
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
    path("services/", include("iso20k.servicecatalogue.urls")),
    path("customers/", include("iso20k.customers.urls")),
    path("calendars/", include("iso20k.calendars.urls")),
    path("slas/", include("iso20k.slas.urls")),
    path("desk/", include("iso20k.servicedesk.urls")),
    path("incidents/", include("iso20k.incidents.urls")),
    path("requests/", include("iso20k.servicerequests.urls")),
    path("problems/", include("iso20k.problems.urls")),
    path("portal/", include("iso20k.portal.urls")),
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
