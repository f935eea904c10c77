"""Reads of the catalogue: the tree, search, and lookups other apps use."""

from django.db.models import Prefetch, QuerySet

from .models import Clause, RequiredInformation


def clause_tree() -> list[Clause]:
    """All current clauses as a forest of top-level clauses, children attached, in two queries."""
    clauses = list(
        Clause.objects.current().prefetch_related(
            Prefetch(
                "required_information", queryset=RequiredInformation.objects.filter(is_current=True)
            )
        )
    )
    by_id = {c.id: c for c in clauses}
    for clause in clauses:
        clause.child_list = []
    roots = []
    for clause in clauses:
        parent = by_id.get(clause.parent_id)
        (parent.child_list if parent else roots).append(clause)
    return roots


def search(query: str) -> QuerySet[Clause]:
    """Clauses whose number, titles, summaries or required information contain every term."""
    clauses = Clause.objects.current()
    for term in query.lower().split():
        clauses = clauses.filter(search_text__contains=term)
    return clauses


def clause_number_exists(number: str) -> bool:
    return Clause.objects.current().filter(number=number).exists()


def clause_label(number: str) -> str:
    clause = Clause.objects.filter(number=number).first()
    return str(clause) if clause else number


def process_options() -> list[tuple[str, str]]:
    """Clauses a process owner can own: the operational clauses of 8 at level 3 and below."""
    return [
        (c.number, str(c))
        for c in Clause.objects.current().filter(number__startswith="8.", level__gte=3)
    ]


def get_clause(number: str) -> Clause | None:
    return Clause.objects.current().filter(number=number).first()
