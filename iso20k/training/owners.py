"""Certificates belong to attendance records and competence records: the person themselves
and whoever may read everyone's training may download them."""

from iso20k.files import owners


def _attendance(user, owner_id: str) -> bool:
    from . import access

    return (
        access.visible_attendances(user).filter(pk=owner_id).exists()
        if owner_id.isdigit()
        else False
    )


def _record(user, owner_id: str) -> bool:
    from . import access

    return (
        access.visible_records(user).filter(pk=owner_id).exists() if owner_id.isdigit() else False
    )


owners.register("training.attendance", _attendance)
owners.register("training.competencerecord", _record)
