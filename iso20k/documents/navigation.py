from django.utils.translation import gettext_lazy as _

from iso20k.accounts import access as accounts
from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "document",
        _("Document register"),
        "documents:document-list",
        "ti-files",
        access.can_view_register,
        order=10,
    )
)
register(
    NavItem(
        "document",
        _("My reading list"),
        "documents:my-reading",
        "ti-eye-check",
        access.can_view_register,
        order=15,
    )
)
register(
    NavItem(
        "document",
        _("Mandatory documented information"),
        "documents:mandatory",
        "ti-checklist",
        access.can_see_library,
        order=20,
    )
)
register(
    NavItem(
        "document",
        _("Templates"),
        "documents:template-list",
        "ti-template",
        access.can_see_library,
        order=30,
    )
)
register(
    NavItem(
        "document",
        _("ITIL 4 mapping"),
        "documents:itil",
        "ti-arrows-exchange",
        access.can_view_register,
        order=40,
    )
)


def coverage_card(user):
    """Required documents approved and in force, against what the catalogue asks for."""
    from django.urls import reverse
    from django.utils import timezone

    from iso20k.core.journey import JourneyCard

    from . import coverage
    from .models import Document

    if not access.can_see_library(user):
        return None
    summary = coverage.evaluate(Document.objects.all(), timezone.localdate())
    done, total = summary.documents_covered, summary.documents_total
    text = _("%(done)s of %(total)s required documents approved and in force.") % {
        "done": done,
        "total": total,
    }
    status = "done" if total and done == total else ("progress" if done else "todo")
    return JourneyCard(
        str(_("Required documents")), status, str(text), reverse("documents:mandatory")
    )


def reading_card(user):
    """What the person still has to read; for document managers, everyone's backlog."""
    from django.urls import reverse
    from django.utils.translation import ngettext

    from iso20k.core.journey import JourneyCard

    from .querysets import outstanding_acknowledgements

    if not access.can_view_register(user) or not accounts.is_internal(user):
        return None
    mine = outstanding_acknowledgements().filter(person=user).count()
    if mine:
        text = ngettext(
            "You have %(n)s document to read.", "You have %(n)s documents to read.", mine
        ) % {"n": mine}
        return JourneyCard(str(_("Reading")), "attention", text, reverse("documents:my-reading"))
    if access.can_manage(user) or access.reads_everything(user):
        everyone = outstanding_acknowledgements().count()
        text = ngettext(
            "%(n)s read acknowledgement outstanding across the organisation.",
            "%(n)s read acknowledgements outstanding across the organisation.",
            everyone,
        ) % {"n": everyone}
        status = "progress" if everyone else "done"
        return JourneyCard(str(_("Reading")), status, text, reverse("documents:document-list"))
    text = str(_("Nothing for you to read."))
    return JourneyCard(str(_("Reading")), "done", text, reverse("documents:my-reading"))


register_card("document", coverage_card)
register_card("document", reading_card)
