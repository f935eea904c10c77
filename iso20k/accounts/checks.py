"""Evidence checks on roles, responsibilities and authorities (clause 5.3)."""

from django.utils.translation import gettext_lazy as _

from iso20k.catalogue.models import Clause
from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .choices import Role, ScopeKind
from .models import Grant


@check(
    "accounts.roles-assigned",
    clauses=["5.3"],
    depends_on=["accounts.grant"],
    title=_("Top management, a certification lead and an owner for every SMS process are named"),
    messages={
        Status.PASS: _(
            "Top management, the certification lead and owners of all %(processes)s "
            "processes are named."
        ),
        Status.WARNING: _(
            "%(missing_count)s of %(processes)s processes have no owner: %(missing)s."
        ),
        Status.FAIL: _("Missing: %(missing_roles)s."),
    },
)
def roles_assigned(ctx):
    grants = list(ctx.existing(Grant.objects.active(at=ctx.at)).select_related("user"))
    missing_roles = [
        str(label)
        for role, label in [
            (Role.TOP_MANAGEMENT, _("top management")),
            (Role.CERTIFICATION_LEAD, _("certification lead")),
        ]
        if not any(g.role == role for g in grants)
    ]
    if missing_roles:
        return ctx.result(Status.FAIL, {"missing_roles": missing_roles})
    processes = list(
        Clause.objects.assessable()
        .filter(number__startswith="8.")
        .exclude(number="8.1")
        .values_list("number", flat=True)
    )
    organisation_wide = any(
        g.role == Role.PROCESS_OWNER and g.scope_kind == ScopeKind.ORGANISATION for g in grants
    )
    owned = {g.scope_ref for g in grants if g.role == Role.PROCESS_OWNER}
    missing = [] if organisation_wide else [n for n in processes if n not in owned]
    refs = [
        ctx.ref(g)
        for g in grants
        if g.role in (Role.TOP_MANAGEMENT, Role.CERTIFICATION_LEAD, Role.PROCESS_OWNER)
    ]
    params = {"processes": len(processes), "missing": missing, "missing_count": len(missing)}
    return ctx.result(Status.WARNING if missing else Status.PASS, params, refs=refs)
