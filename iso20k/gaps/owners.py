"""Evidence files belong to clause ratings; whoever may read gap assessments may read them."""

from iso20k.files import owners


def _can_view(user, owner_id: str) -> bool:
    from . import access

    return access.can_view(user)


owners.register("gaps.clauserating", _can_view)
