import pytest

from iso20k.servicecatalogue.tests.factories import RequestItemFactory


@pytest.fixture
def item(desk):
    """A new-VM item of the desk's service: a form, approval, a 4-hour fulfilment target."""
    return RequestItemFactory(
        service=desk["service"],
        code="new-vm",
        requires_approval=True,
        fulfilment_target_minutes=240,
    )
