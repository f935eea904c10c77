"""How the SLA engine sees tickets: the subject type built from a TicketKind.

on_change keeps the ticket's SLA columns current with a plain UPDATE (derived values: the
version is not bumped, so a breach marked by the worker never makes an agent's edit
conflict). recipients names who hears of a breach warning or a breach: the assignee, else
the group's members; a breach also reaches the group's manager and the process owners.
describe names tickets in e-mails and on agreement pages.
"""

from iso20k.slas import subjects

from .kinds import TicketKind


def subject_type_of(kind: TicketKind) -> subjects.SubjectType:
    def on_change(subject_id: int, snapshot) -> None:
        kind.model.objects.filter(pk=subject_id).update(**snapshot.fields())

    def recipients(subject_id: int, clock, event: str) -> list:
        return sla_recipients(kind, subject_id, event)

    def describe(ids: list[int]) -> dict[int, subjects.SubjectInfo]:
        rows = kind.model.objects.filter(pk__in=ids).only("pk", "subject")
        return {
            row.pk: subjects.SubjectInfo(
                kind.reference(row.pk), row.subject, row.get_absolute_url()
            )
            for row in rows
        }

    return subjects.SubjectType(
        key=kind.key,
        label=kind.label,
        stop_statuses=kind.stop_statuses,
        cancel_statuses=kind.cancel_statuses,
        recipients=recipients,
        describe=describe,
        on_change=on_change,
    )


def sla_recipients(kind: TicketKind, subject_id: int, event: str) -> list:
    from iso20k.accounts.models import User

    from .querysets import process_owners

    ticket = (
        kind.model.objects.select_related("assignee", "assigned_group__manager")
        .filter(pk=subject_id)
        .first()
    )
    if ticket is None:
        return []
    people: list[User] = []
    if ticket.assignee_id:
        people.append(ticket.assignee)
    elif ticket.assigned_group_id:
        people += list(ticket.assigned_group.members.filter(is_active=True))
    if event == "breach":
        if ticket.assigned_group_id and ticket.assigned_group.manager_id:
            people.append(ticket.assigned_group.manager)
        people += list(process_owners(kind.process))
    unique = {person.pk: person for person in people if person.is_active}
    return list(unique.values())
