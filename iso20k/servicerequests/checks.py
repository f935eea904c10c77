"""Evidence that service request management has run for the required period (8.6.2)."""

from django.utils.translation import gettext_lazy as _

from iso20k.evidence.operation import operation_check

from .models import ServiceRequest

operation_check(
    "servicerequests.operated-90-days",
    clauses=["8.6.2"],
    depends_on=["servicerequests.servicerequest"],
    title=_("Service request management has run for at least 90 days"),
    records=ServiceRequest.objects.all,
)
