"""Evidence checks on the certification programme: commitment (5.1) and roles (5.3)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .choices import ProgrammeRole
from .models import Programme, TeamMember


def programme_at(ctx):
    """The programme in force at ctx.at: the latest approved by then and not ended by then."""
    return (
        ctx.existing(Programme.objects.filter(approved_at__lte=ctx.at))
        .select_related("decided_by")
        .order_by("-approved_at")
        .first()
    )


@check(
    "programme.charter-approved",
    clauses=["5.1"],
    depends_on=["programme.programme"],
    title=_("Top management approved the certification programme"),
    messages={
        Status.PASS: _("“%(programme)s” approved by %(approver)s on %(date)s."),
        Status.FAIL: _("No certification programme has been approved by top management."),
    },
)
def charter_approved(ctx):
    programme = programme_at(ctx)
    if programme is None:
        pending = ctx.existing(Programme.objects.all())
        return ctx.result(Status.FAIL, refs=ctx.refs(pending))
    return ctx.result(
        Status.PASS,
        {
            "programme": str(programme),
            "approver": str(programme.decided_by),
            "date": programme.approved_at.date().isoformat(),
        },
        refs=[ctx.ref(programme)],
    )


@check(
    "programme.team-roles",
    clauses=["5.3"],
    depends_on=["programme.teammember", "programme.programme"],
    title=_("The programme team has a sponsor, a project lead and internal auditors"),
    messages={
        Status.PASS: _(
            "%(members)s team members from %(departments)s departments, with a "
            "sponsor, a project lead and %(auditors)s internal auditors."
        ),
        Status.WARNING: _("The team has no internal auditor yet (%(members)s members)."),
        Status.FAIL: _("The programme team lacks: %(missing)s."),
    },
)
def team_roles(ctx):
    programme = programme_at(ctx)
    if programme is None:
        return ctx.result(Status.FAIL, {"missing": str(_("an approved programme"))})
    day = ctx.at.date()
    team = list(
        ctx.existing(TeamMember.objects.filter(programme=programme, joined_on__lte=day))
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
        .select_related("person")
    )
    roles = {m.role for m in team}
    missing = [
        str(label)
        for role, label in [
            (ProgrammeRole.SPONSOR, _("a sponsor")),
            (ProgrammeRole.PROJECT_LEAD, _("a project lead")),
        ]
        if role not in roles
    ]
    params = {
        "members": len({m.person_id for m in team}),
        "departments": len({m.department for m in team if m.department}),
        "auditors": sum(1 for m in team if m.role == ProgrammeRole.INTERNAL_AUDITOR),
        "missing": missing,
    }
    refs = [ctx.ref(m) for m in team]
    if missing:
        return ctx.result(Status.FAIL, params, refs=refs)
    return ctx.result(Status.WARNING if not params["auditors"] else Status.PASS, params, refs=refs)
