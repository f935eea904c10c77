"""Evidence check on the integrity of the change history (clause 7.5.3, control of records)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .models import ChainVerification


@check(
    "history.chain-intact",
    clauses=["7.5.3"],
    depends_on=["history.chainverification"],
    title=_("The change history is verified as untampered"),
    messages={
        Status.PASS: _("Verified intact on %(date)s (%(rows)s rows)."),
        Status.WARNING: _("Last verified on %(date)s, more than two days ago."),
        Status.FAIL: _(
            "Verification on %(date)s found the history broken at position %(position)s."
        ),
        Status.NOT_ENOUGH_DATA: _("The history has not been verified yet."),
    },
)
def chain_intact(ctx):
    latest = ChainVerification.objects.filter(ran_at__lte=ctx.at).order_by("-ran_at").first()
    if latest is None:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    params = {
        "date": latest.ran_at.date().isoformat(),
        "rows": latest.checked,
        "position": latest.first_broken_seq or "—",
    }
    if not latest.ok:
        return ctx.result(Status.FAIL, params)
    stale = ctx.at - latest.ran_at > timedelta(days=2)
    return ctx.result(Status.WARNING if stale else Status.PASS, params)
