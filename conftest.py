"""Shared test fixtures: personas named by role, logged-in clients, the loaded catalogue.

Factories arrange state; the act step of a test goes through a service or HTTP.
"""

from datetime import timedelta

import pytest
from django.core.management.commands import flush
from django.db import connections
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from iso20k.accounts.choices import Role, ScopeKind


@pytest.fixture(autouse=True, scope="session")
def _history_guards_lifted_during_flush():
    """Transactional tests flush tables; the append-only triggers would refuse that."""
    from iso20k.history import guards

    original = flush.Command.handle

    def handle(self, **options):
        with guards.suspended(connections[options.get("database") or "default"]):
            return original(self, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in Chinese leaves the thread's
    active language behind, which must not leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def system(db):
    from iso20k.accounts.services import system_actor

    return system_actor()


@pytest.fixture
def catalogue(db, system):
    """The real clause catalogue, loaded from the data files (a no-op when already loaded)."""
    from iso20k.catalogue.services import load_catalogue

    return load_catalogue(actor=system)


def make_person(
    username: str,
    role: str | None,
    *,
    scope_kind: str = ScopeKind.ORGANISATION,
    scope_ref: str = "",
    **extra,
):
    from iso20k.accounts.tests.factories import GrantFactory, UserFactory

    user = UserFactory(username=username, **extra)
    if role:
        until = timezone.now() + timedelta(days=30) if role == Role.EXTERNAL_AUDITOR else None
        GrantFactory(
            user=user, role=role, scope_kind=scope_kind, scope_ref=scope_ref, valid_until=until
        )
    return user


@pytest.fixture
def admin(db):
    return make_person("admin", Role.ADMINISTRATOR)


@pytest.fixture
def manager(db):
    """Top management."""
    return make_person("manager", Role.TOP_MANAGEMENT)


@pytest.fixture
def lead(db):
    """The certification lead."""
    return make_person("lead", Role.CERTIFICATION_LEAD)


@pytest.fixture
def process_owner(db, catalogue):
    return make_person("owner", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.6.1")


@pytest.fixture
def agent(db):
    return make_person("agent", Role.AGENT)


@pytest.fixture
def internal_auditor(db):
    return make_person("auditor", Role.INTERNAL_AUDITOR)


@pytest.fixture
def external_auditor(db):
    return make_person("cbauditor", Role.EXTERNAL_AUDITOR)


@pytest.fixture
def customer(db):
    return make_person("customer", Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref="acme")


@pytest.fixture
def staff(db):
    return make_person("staff", Role.STAFF)


@pytest.fixture
def outsider(db):
    """Signed in, but holds no role at all."""
    return make_person("outsider", None)


PERSONAS = [
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "customer",
    "staff",
    "outsider",
]


@pytest.fixture
def persona(request):
    """Parametrise with indirect=True over PERSONAS to get each persona in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def client_for():
    def make(user) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def api_client_for():
    def make(user) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def run_tasks(db):
    """Run every queued background task in-process (wrap the act in
    django_capture_on_commit_callbacks(execute=True) so that on-commit enqueues happen)."""
    from iso20k.core.testing.tasks import run_queued_tasks

    return run_queued_tasks
