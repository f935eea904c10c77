"""History panels show related objects by name and registered codes by their labels."""

import pytest

from iso20k.history import display
from iso20k.history.models import ChangeRecord

pytestmark = pytest.mark.django_db


def test_foreign_keys_and_registered_codes_read_as_words(lead, manager):
    import datetime

    from iso20k.programme import services

    programme = services.create_programme(
        actor=lead,
        title_en="Certify",
        purposes=["tenders"],
        sponsor=manager,
        lead=lead,
        starts_on=datetime.date(2025, 1, 1),
        target_on=datetime.date(2025, 6, 1),
    )
    record = ChangeRecord.objects.for_object(programme).get()
    rows = {label: new for label, _old, new in record.labelled_changes}
    assert rows["Sponsor"] == str(manager)
    assert rows["Purposes"] == "Qualify for tenders and contracts"
    assert display._labelled(None, "x") == "x"


def test_labels_use_related_objects_at_hand_and_read_the_rest(agent, manager):
    """Opening a ticket names its group and assignee from the objects the service already
    holds; an id nobody holds is still read and named."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from iso20k.history.services import with_labels
    from iso20k.incidents.models import Incident

    ticket = Incident(assignee=agent)
    changes = {"assignee": [manager.pk, agent.pk], "subject": [None, "Printer"]}
    with CaptureQueriesContext(connection) as captured:
        labelled = with_labels(Incident, changes, obj=ticket)
    assert labelled["assignee"] == [f"{manager} (#{manager.pk})", f"{agent} (#{agent.pk})"]
    assert labelled["subject"] == [None, "Printer"]
    assert len(captured.captured_queries) == 1  # the old assignee only
