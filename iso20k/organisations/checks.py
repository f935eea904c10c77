"""Evidence checks on the SMS scope (clause 4.3)."""

from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .models import ScopeStatement


@check(
    "sms.scope-approved",
    clauses=["4.3"],
    depends_on=["organisations.scopestatement"],
    title=_("The SMS scope is written down and approved by top management"),
    messages={
        Status.PASS: _("Scope version %(version)s approved by %(approver)s on %(date)s."),
        Status.FAIL: _("No version of the SMS scope has been approved yet."),
    },
)
def scope_approved(ctx):
    approved = (
        ctx.existing(
            ScopeStatement.objects.filter(approved_at__isnull=False, approved_at__lte=ctx.at)
        )
        .select_related("decided_by")
        .order_by("-approved_at")
        .first()
    )
    if approved is None:
        drafts = ctx.existing(ScopeStatement.objects.all()).order_by("-number")
        return ctx.result(Status.FAIL, refs=ctx.refs(drafts))
    return ctx.result(
        Status.PASS,
        {
            "version": approved.number,
            "approver": str(approved.decided_by),
            "date": approved.approved_at.date().isoformat(),
        },
        refs=[ctx.ref(approved)],
    )
