from django.utils.translation import gettext_lazy as _

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


def training_card(user):
    from django.urls import reverse
    from django.utils.translation import ngettext

    from iso20k.core.journey import JourneyCard

    from . import querysets

    if not access.can_view(user):
        return None
    title = str(_("Training and competence"))
    if not access.can_view_all(user):
        mine = querysets.my_training(user)
        url = reverse("training:my-training")
        if mine["missing"]:
            text = ngettext(
                "You lack %(n)s required competence.",
                "You lack %(n)s required competences.",
                mine["missing"],
            )
            return JourneyCard(title, "attention", text % {"n": mine["missing"]}, url)
        return JourneyCard(title, "done", str(_("You hold every competence your role needs.")), url)
    matrix = querysets.competence_matrix()
    coverage = querysets.awareness_coverage()
    url = reverse("training:matrix")
    lacking = ngettext(
        "%(n)s person lacks a required competence.",
        "%(n)s people lack a required competence.",
        matrix.people_lacking,
    )
    text = (
        lacking % {"n": matrix.people_lacking}
        + " "
        + str(
            _("%(percent)s%% took part in awareness activities this year.")
            % {"percent": coverage.percent}
        )
    )
    if not matrix.competences:
        return JourneyCard(title, "todo", str(_("No competences defined yet.")), url)
    status = "attention" if matrix.people_lacking else "done"
    return JourneyCard(title, status, text, url)


register_card("learn", training_card)
