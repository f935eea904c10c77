"""Evidence checks on the service catalogue (8.2.4) and its agreements (8.3.3): every live
service has an owner who is still here, and service levels agreed for it."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import Status
from iso20k.slas.choices import AgreementStatus
from iso20k.slas.models import ServiceLevelAgreement

from .choices import ServiceStatus
from .models import Service


def live_services(ctx):
    """Services live at ctx.at (as of a past date: by the dates the status changes keep)."""
    if ctx.live:
        return Service.objects.filter(status=ServiceStatus.LIVE)
    day = timezone.localdate(ctx.at)
    return ctx.existing(
        Service.objects.filter(went_live_on__lte=day).filter(
            Q(retired_on__isnull=True) | Q(retired_on__gt=day)
        )
    )


@check(
    "services.owned",
    clauses=["8.2.4"],
    depends_on=["servicecatalogue.service", "accounts.user"],
    title=_("Every live service has an owner who is still with the organisation"),
    messages={
        Status.PASS: _("All %(services)s live services have an active owner."),
        Status.FAIL: _(
            "%(orphaned)s of %(services)s live services are owned by a deactivated account."
        ),
        Status.NOT_ENOUGH_DATA: _("The catalogue has no live service yet."),
    },
)
def services_owned(ctx):
    services = live_services(ctx)
    total = services.count()
    if not total:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    orphaned = services.filter(owner__is_active=False).order_by("code")
    count = orphaned.count()
    params = {"services": total, "orphaned": count}
    if not count:
        return ctx.result(Status.PASS, params)
    return ctx.result(Status.FAIL, params, refs=ctx.refs(orphaned), ref_count=count)


@check(
    "services.sla-covered",
    clauses=["8.2.4", "8.3.3"],
    depends_on=["servicecatalogue.service", "slas.servicelevelagreement"],
    title=_("Every live service has agreed service levels"),
    messages={
        Status.PASS: _(
            "All %(services)s live services are covered by an active agreement, %(own)s of "
            "them by one of their own."
        ),
        Status.FAIL: _("%(missing)s of %(services)s live services have no active agreement."),
        Status.NOT_ENOUGH_DATA: _("The catalogue has no live service yet."),
    },
)
def services_sla_covered(ctx):
    services = live_services(ctx)
    total = services.count()
    if not total:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    active = ctx.existing(ServiceLevelAgreement.objects.filter(status=AgreementStatus.ACTIVE))
    own = Exists(active.filter(service=OuterRef("pk")))
    params = {"services": total, "own": services.filter(own).count()}
    if active.filter(service__isnull=True).exists():
        return ctx.result(Status.PASS, params)
    missing = services.exclude(own).order_by("code")
    count = missing.count()
    if not count:
        return ctx.result(Status.PASS, params)
    params["missing"] = count
    return ctx.result(Status.FAIL, params, refs=ctx.refs(missing), ref_count=count)
