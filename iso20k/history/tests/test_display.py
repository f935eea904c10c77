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
