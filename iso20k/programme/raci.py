"""The RACI matrix as pages and exports show it: processes down, team members across."""

from iso20k.catalogue.querysets import process_options

from .models import ProcessRaci, RaciAssignment


def matrix(programme) -> dict:
    """{members, rows}: each row a process with its letter per member, in three queries."""
    members = list(programme.team.active().for_list().in_role_order())
    rows_by_clause = {
        row.clause.number: row
        for row in ProcessRaci.objects.filter(programme=programme).select_related("clause")
    }
    letters = {}
    for assignment in RaciAssignment.objects.filter(raci__programme=programme).select_related(
        "raci__clause"
    ):
        letters[(assignment.raci.clause.number, assignment.member_id)] = assignment.letter
    rows = []
    from iso20k.catalogue.models import Clause

    numbers = [number for number, _label in process_options()]
    clauses = {c.number: c for c in Clause.objects.filter(number__in=numbers)}
    for number in numbers:
        cells = [letters.get((number, m.pk), "") for m in members]
        rows.append(
            {
                "clause": clauses[number],
                "row": rows_by_clause.get(number),
                "cells": cells,
                "complete": "A" in cells and "R" in cells,
            }
        )
    return {"members": members, "rows": rows}


def form_initial(row) -> dict:
    if row is None:
        return {}
    initial = {f"member_{a.member_id}": a.letter for a in row.assignments.all()}
    initial["version"] = row.version
    return initial


def letters_of(member) -> list[tuple]:
    """(clause, letter) pairs a member holds, for their detail page."""
    return [
        (a.raci.clause, a.get_letter_display(), a.letter)
        for a in RaciAssignment.objects.filter(member=member).select_related("raci__clause")
    ]
