"""Evidence checks on competence (7.2) and awareness (7.3), from the matrix as it stood then."""

from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import RecordRef, Status

from .querysets import awareness_coverage, competence_matrix

AWARENESS_TARGET = 90  # % of the organisation's people aware within the last 12 months


@check(
    "training.competence-held",
    clauses=["7.2"],
    depends_on=["training.competencerecord", "training.competencerequirement", "accounts.grant"],
    title=_("People hold the competences their roles require"),
    messages={
        Status.PASS: _(
            "All %(people)s people hold the %(required)s competences their roles require."
        ),
        Status.WARNING: _(
            "%(lacking)s of %(people)s people lack %(gaps)s of %(required)s required competences."
        ),
        Status.FAIL: _(
            "%(lacking)s of %(people)s people lack %(gaps)s of %(required)s required competences."
        ),
        Status.NOT_ENOUGH_DATA: _("No competence is required of any role yet."),
    },
)
def competence_held(ctx):
    matrix = competence_matrix(moment=None if ctx.live else ctx.at)
    required = sum(
        1
        for row in matrix.rows
        for _c, state, _r in row.cells
        if state in {"held", "missing", "expired"}
    )
    if not required:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    gaps = sum(row.missing for row in matrix.rows)
    lacking = [row.person for row in matrix.rows if row.missing]
    params = {
        "people": len(matrix.rows),
        "lacking": len(lacking),
        "gaps": gaps,
        "required": required,
    }
    share = 100 * gaps / required
    status = Status.PASS if not gaps else Status.WARNING if share <= 10 else Status.FAIL
    refs = [RecordRef("accounts.user", str(p.pk), str(p)) for p in lacking]
    return ctx.result(status, params, refs=refs)


@check(
    "training.awareness",
    clauses=["7.3"],
    depends_on=["training.attendance", "accounts.grant"],
    title=_("People took part in awareness activities in the last 12 months"),
    messages={
        Status.PASS: _(
            "%(aware)s of %(people)s people (%(percent)s%%) took part in an awareness "
            "activity in the last 12 months."
        ),
        Status.WARNING: _(
            "Only %(aware)s of %(people)s people (%(percent)s%%) took part in an "
            "awareness activity in the last 12 months; the aim is %(target)s%%."
        ),
        Status.FAIL: _(
            "Only %(aware)s of %(people)s people (%(percent)s%%) took part in an "
            "awareness activity in the last 12 months."
        ),
        Status.NOT_ENOUGH_DATA: _("Nobody holds a role in the organisation yet."),
    },
)
def awareness(ctx):
    coverage = awareness_coverage(moment=None if ctx.live else ctx.at)
    if not coverage.people:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    params = {
        "people": coverage.people,
        "aware": coverage.aware,
        "percent": coverage.percent,
        "target": AWARENESS_TARGET,
    }
    status = (
        Status.PASS
        if coverage.percent >= AWARENESS_TARGET
        else Status.WARNING
        if coverage.percent >= 60
        else Status.FAIL
    )
    return ctx.result(status, params)
