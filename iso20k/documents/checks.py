"""Evidence checks on documented information (clause 7.5 and the clauses that require documents).

One check per document the catalogue says is required, registered against that document's
clause, plus summary checks: all required documents in force (7.5.4), periodic reviews on
time and approved versions read by those assigned (7.5.3). All of them read the world as it
stood at ctx.at: versions approved by then and not yet replaced by then.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from iso20k.catalogue.loader import parse_catalogue
from iso20k.evidence.lazy import DataTitle
from iso20k.evidence.registry import check
from iso20k.evidence.results import RecordRef, Status

from .models import Acknowledgement, DocumentVersion

TITLE = gettext_noop("“%(title)s” is approved and in force")
OVERDUE_GRACE_DAYS = 30


def in_force(ctx):
    """Versions in force at ctx.at: approved by then, not obsolete or superseded by then."""
    later = DocumentVersion.objects.filter(
        document=OuterRef("document"), approved_at__lte=ctx.at, number__gt=OuterRef("number")
    )
    return (
        ctx.existing(DocumentVersion.objects.filter(approved_at__lte=ctx.at))
        .exclude(obsolete_at__lte=ctx.at)
        .exclude(Exists(later))
        .filter(Q(document__retired_at__isnull=True) | Q(document__retired_at__gt=ctx.at))
        .select_related("document")
    )


def _coverage(ctx, code: str):
    versions = in_force(ctx).filter(document__required_information__code=code)
    return versions.order_by("-approved_at").first()


def _register_required(code: str, number: str, titles: dict[str, str]) -> None:
    def required_document(ctx):
        version = _coverage(ctx, code)
        if version is not None:
            return ctx.result(
                Status.PASS,
                {
                    "document": version.document.code,
                    "version": version.number,
                    "date": version.approved_at.date().isoformat(),
                },
                refs=[ctx.ref(version)],
            )
        drafts = ctx.existing(
            DocumentVersion.objects.filter(document__required_information__code=code)
        )
        refs = [ctx.ref(v) for v in drafts.select_related("document")[:20]]
        status = Status.WARNING if refs else Status.FAIL
        return ctx.result(
            status,
            {"drafts": len(refs)},
            refs=refs or [RecordRef("catalogue.requiredinformation", code, titles["en"])],
        )

    check(
        f"documents.required.{code}",
        clauses=[number],
        depends_on=["documents.document", "documents.documentversion"],
        title=DataTitle(TITLE, titles),
        messages={
            Status.PASS: _("%(document)s version %(version)s, approved on %(date)s."),
            Status.WARNING: _(
                "Only drafts or versions in review exist (%(drafts)s); none is approved."
            ),
            Status.FAIL: _("No document in the register covers it."),
        },
    )(required_document)


for _clause in parse_catalogue().clauses:
    for _item in _clause["information"]:
        if _item["kind"] == "document":
            _register_required(_item["code"], _clause["number"], _item["title"])


@check(
    "documents.required-in-force",
    clauses=["7.5.4"],
    depends_on=["documents.document", "documents.documentversion"],
    title=_("Every document the standard requires is approved and in force"),
    messages={
        Status.PASS: _("All %(required)s required documents are approved and in force."),
        Status.FAIL: _(
            "%(missing)s of %(required)s required documents are missing or not approved: %(codes)s."
        ),
    },
)
def required_in_force(ctx):
    codes = [
        i["code"]
        for c in parse_catalogue().clauses
        for i in c["information"]
        if i["kind"] == "document"
    ]
    covered = set(
        in_force(ctx)
        .filter(document__required_information__code__in=codes)
        .values_list("document__required_information__code", flat=True)
    )
    missing = [code for code in codes if code not in covered]
    refs = [RecordRef("catalogue.requiredinformation", code, code) for code in missing]
    params = {"required": len(codes), "missing": len(missing), "codes": missing}
    return ctx.result(Status.FAIL if missing else Status.PASS, params, refs=refs)


@check(
    "documents.reviews-on-time",
    clauses=["7.5.3"],
    depends_on=["documents.documentversion"],
    title=_("Documents in force are reviewed when due"),
    messages={
        Status.PASS: _("All %(documents)s documents in force are within their review date."),
        Status.WARNING: _(
            "%(overdue)s documents are past their review date (by at most %(grace)s days)."
        ),
        Status.FAIL: _(
            "%(overdue)s documents are past their review date, %(late)s of them by "
            "more than %(grace)s days."
        ),
        Status.NOT_ENOUGH_DATA: _("No document is in force yet."),
    },
)
def reviews_on_time(ctx):
    versions = list(in_force(ctx))
    if not versions:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    today = ctx.at.date()
    overdue = [v for v in versions if v.next_review_on and v.next_review_on < today]
    late = [v for v in overdue if v.next_review_on < today - timedelta(days=OVERDUE_GRACE_DAYS)]
    params = {
        "documents": len(versions),
        "overdue": len(overdue),
        "late": len(late),
        "grace": OVERDUE_GRACE_DAYS,
    }
    status = Status.FAIL if late else Status.WARNING if overdue else Status.PASS
    return ctx.result(status, params, refs=[ctx.ref(v) for v in overdue])


@check(
    "documents.read-by-assignees",
    clauses=["7.5.3", "7.3"],
    depends_on=["documents.acknowledgement"],
    title=_("People confirm they have read the documents assigned to them"),
    messages={
        Status.PASS: _("%(confirmed)s of %(due)s readings due are confirmed."),
        Status.WARNING: _("%(overdue)s of %(due)s readings due are not confirmed (%(share)s%%)."),
        Status.FAIL: _("%(overdue)s of %(due)s readings due are not confirmed (%(share)s%%)."),
        Status.NOT_ENOUGH_DATA: _("No reading was due yet."),
    },
)
def read_by_assignees(ctx):
    due = ctx.existing(Acknowledgement.objects.filter(due_on__lt=ctx.at.date())).exclude(
        cancelled_at__lte=ctx.at
    )
    total = due.count()
    if not total:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    overdue = due.filter(Q(acknowledged_at__isnull=True) | Q(acknowledged_at__gt=ctx.at))
    count = overdue.count()
    share = round(100 * count / total, 1)
    params = {"due": total, "overdue": count, "confirmed": total - count, "share": share}
    status = Status.PASS if count == 0 else Status.WARNING if share <= 10 else Status.FAIL
    refs = ctx.refs(overdue.select_related("person", "document_version__document"))
    return ctx.result(status, params, refs=refs, ref_count=count)
