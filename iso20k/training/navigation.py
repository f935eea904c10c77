from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from iso20k.core.journey import JourneyCard
from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(NavItem("learn", _("Training"), "training:overview", "ti-school", access.can_view, 40))
register(
    NavItem("learn", _("Competence matrix"), "training:matrix", "ti-table", access.can_view_all, 50)
)
register(
    NavItem("learn", _("My training"), "training:my-training", "ti-user-check", access.can_view, 60)
)


def _own_card(user, title: str) -> JourneyCard:
    from . import querysets

    missing = querysets.my_training(user)["missing"]
    url = reverse("training:my-training")
    if missing:
        text = ngettext(
            "You lack %(n)s required competence.", "You lack %(n)s required competences.", missing
        )
        return JourneyCard(title, "attention", text % {"n": missing}, url)
    return JourneyCard(title, "done", str(_("You hold every competence your role needs.")), url)


def _everyone_card(title: str) -> JourneyCard:
    from . import querysets

    matrix = querysets.competence_matrix()
    url = reverse("training:matrix")
    if not matrix.competences:
        return JourneyCard(title, "todo", str(_("No competences defined yet.")), url)
    lacking = ngettext(
        "%(n)s person lacks a required competence.",
        "%(n)s people lack a required competence.",
        matrix.people_lacking,
    ) % {"n": matrix.people_lacking}
    aware = _("%(percent)s%% took part in awareness activities this year.") % {
        "percent": querysets.awareness_coverage().percent
    }
    status = "attention" if matrix.people_lacking else "done"
    return JourneyCard(title, status, f"{lacking} {aware}", url)


def training_card(user):
    if not access.can_view(user):
        return None
    title = str(_("Training and competence"))
    if not access.can_view_all(user):
        return _own_card(user, title)
    return _everyone_card(title)


register_card("learn", training_card)
