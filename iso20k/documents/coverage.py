"""Mandatory documented information: for each item the catalogue says the standard asks
for, which register entry covers it and how far it is.

A document item is covered when an approved document in force declares it and its review
is not overdue; "review overdue", "draft only" and "missing" are the gaps. Record items
are kept by the records iso20k produces; here they show the L4 form that defines them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from iso20k.catalogue.choices import InformationKind
from iso20k.catalogue.models import RequiredInformation

from .choices import DocumentStatus, Tier
from .models import Document

COVERED, OVERDUE, DRAFT_ONLY, MISSING = "covered", "overdue", "draft_only", "missing"
STATES = (COVERED, OVERDUE, DRAFT_ONLY, MISSING)


@dataclass
class Item:
    information: RequiredInformation
    state: str
    documents: list[Document]
    templates: list = field(default_factory=list)  # filled by the page: templates covering it


@dataclass
class ClauseGroup:
    clause: object
    items: list[Item] = field(default_factory=list)


@dataclass
class Summary:
    groups: list[ClauseGroup]
    counts: dict[str, dict[str, int]]

    @property
    def documents_total(self) -> int:
        return sum(self.counts[InformationKind.DOCUMENT].values())

    @property
    def documents_covered(self) -> int:
        return self.counts[InformationKind.DOCUMENT][COVERED]


def _state(documents: list[Document], today: date) -> str:
    approved = [d for d in documents if d.status == DocumentStatus.APPROVED]
    if any(d.current_version.next_review_on >= today for d in approved):
        return COVERED
    if approved:
        return OVERDUE
    if documents:
        return DRAFT_ONLY
    return MISSING


def evaluate(documents, today: date, *, only_gaps: bool = False) -> Summary:
    """Coverage of every current item by `documents` (the reader's visible register)."""
    in_force = documents.exclude(status=DocumentStatus.OBSOLETE).select_related("current_version")
    items = RequiredInformation.objects.filter(is_current=True).select_related("clause")
    items = items.prefetch_related(
        Prefetch("documents", queryset=in_force.order_by("tier", "code"), to_attr="covering")
    )
    groups: dict[str, ClauseGroup] = {}
    counts = {kind: dict.fromkeys(STATES, 0) for kind in InformationKind.values}
    for information in items:
        covering = information.covering
        if information.kind == InformationKind.RECORD:
            covering = [d for d in covering if d.tier == Tier.FORM] or covering
        state = _state(covering, today)
        counts[information.kind][state] += 1
        if only_gaps and state == COVERED:
            continue
        group = groups.setdefault(information.clause_id, ClauseGroup(information.clause))
        group.items.append(Item(information, state, covering))
    return Summary(list(groups.values()), counts)
