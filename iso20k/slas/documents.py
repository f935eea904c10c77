"""What generated documents say about services and agreements: the rows of the `services`
and `slas` lists that document templates fill in (documents.template_context).

Each provider runs inside the document's language, so names, descriptions and labels come
out in that language; only live services and active agreements are listed."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from iso20k.servicecatalogue.choices import ServiceStatus
from iso20k.servicecatalogue.models import Service

from .choices import AgreementStatus
from .display import format_duration
from .models import ServiceLevelAgreement, SlaTarget


def _minutes(value: int | None) -> str:
    return "—" if value is None else format_duration(value * 60)


def _active_agreements():
    return ServiceLevelAgreement.objects.filter(status=AgreementStatus.ACTIVE).select_related(
        "customer", "service", "calendar"
    )


def services(language: str) -> list[dict]:
    """Live services: name, description, service hours (the calendar of the agreement that
    covers the service for any customer) and owner."""
    agreements = list(_active_agreements().filter(customer__isnull=True))
    calendar_of = {a.service_id: a.calendar for a in agreements}
    default = calendar_of.get(None)
    rows = []
    for service in Service.objects.filter(status=ServiceStatus.LIVE).select_related("owner"):
        calendar = calendar_of.get(service.pk, default)
        rows.append(
            {
                "name": f"{service.localized('name')} ({service.code})",
                "description": service.localized("description"),
                "hours": str(calendar) if calendar else _("Not agreed"),
                "owner": str(service.owner),
            }
        )
    return rows


def agreements(language: str) -> list[dict]:
    """Active agreements: name, service, customer and the targets per priority."""
    targets = Prefetch("targets", queryset=SlaTarget.objects.order_by("priority"))
    rows = []
    for agreement in _active_agreements().prefetch_related(targets):
        parts = [
            f"{t.priority} {_minutes(t.response_minutes)} / {_minutes(t.resolution_minutes)}"
            for t in agreement.targets.all()
        ]
        rows.append(
            {
                "name": f"{agreement} ({agreement.code})",
                "service": str(agreement.service) if agreement.service else _("Any service"),
                "customer": str(agreement.customer) if agreement.customer else _("Any customer"),
                "targets": "; ".join(parts)
                + " "
                + _("(response / resolution, business time; %(percent)s %% within target)")
                % {"percent": agreement.achievement_percent},
            }
        )
    return rows
