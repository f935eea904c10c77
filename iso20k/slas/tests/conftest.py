import pytest

from .fakes import FakeTickets


@pytest.fixture
def tickets():
    """The fake ticket type, registered for the test."""
    fake = FakeTickets()
    fake.register()
    yield fake
    fake.unregister()
