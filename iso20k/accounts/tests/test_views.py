"""Signing in and out, throttled failures, language and preferences, as a person sees them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from iso20k.accounts.models import User
from iso20k.history.models import ChangeRecord

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_signing_in_and_out_is_recorded(client):
    user = UserFactory(username="bo")
    response = login(client, "bo", PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get("/").status_code == 302
    events = list(ChangeRecord.objects.for_object(user).values_list("event", flat=True))
    assert events == ["accounts.user.logged_in", "accounts.user.logged_out"]


def test_a_wrong_password_gets_a_clear_message(client):
    UserFactory(username="bo")
    response = login(client, "bo", "wrong")
    assert response.status_code == 422
    assert b'id="login-error"' in response.content
    assert ChangeRecord.objects.filter(event="accounts.user.login_failed").count() == 1


def test_repeated_failures_pause_signing_in_then_it_works_again(client, settings, time_machine):
    UserFactory(username="bo")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "bo", "wrong")
    response = login(client, "bo", PASSWORD)
    assert response.status_code == 429
    assert b'id="locked-out"' in response.content
    time_machine.move_to(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
    assert login(client, "bo", PASSWORD).status_code == 302


def test_pages_need_a_signed_in_user(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_browser_language_is_used_until_the_user_chooses(client_for):
    user = UserFactory(username="bo")
    client = client_for(user)
    response = client.get("/", headers={"accept-language": "zh-hans"})
    assert "准备".encode() in response.content or "阶段".encode() in response.content
    client.post(reverse("accounts:switch-language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"
    response = client.get("/", headers={"accept-language": "zh-hans"})
    assert b"Readiness journey" in response.content


def test_switching_language_refuses_a_redirect_elsewhere(client_for):
    client = client_for(UserFactory(username="bo"))
    response = client.post(
        reverse("accounts:switch-language"),
        {"language": "zh-hans", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_preferences_conflict_keeps_the_input_and_names_who_changed_it(client_for):
    from iso20k.accounts import services

    user = UserFactory(username="bo")
    client = client_for(user)
    services.update_preferences(
        user,
        actor=user,
        expected_version=1,
        language="en",
        time_zone="Asia/Tokyo",
        display_name="Changed elsewhere",
    )
    response = client.post(
        reverse("accounts:preferences"),
        {
            "version": 1,
            "display_name": "My new name",
            "language": "zh-hans",
            "time_zone": "Asia/Shanghai",
        },
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert 'id="conflict"' in content
    assert "My new name" in content
    assert "Changed elsewhere" in content
    assert User.objects.get(pk=user.pk).display_name == "Changed elsewhere"


def test_times_are_shown_in_the_users_time_zone(client_for, admin):
    from iso20k.accounts import services

    admin.time_zone = "UTC"
    admin.save(update_fields=["time_zone"])
    when = timezone.now().replace(hour=1, minute=30, second=0, microsecond=0)
    target = UserFactory(username="bo", last_login=when)
    page_utc = client_for(admin).get(reverse("accounts:user-detail", args=[target.pk])).content
    services.update_preferences(
        admin, actor=admin, expected_version=admin.version, language="en", time_zone="Asia/Shanghai"
    )
    page_sh = client_for(admin).get(reverse("accounts:user-detail", args=[target.pk])).content
    assert b"1:30" in page_utc and b"9:30" in page_sh


def test_an_administrator_creates_a_user_and_grants_a_role(client_for, admin):
    client = client_for(admin)
    response = client.post(
        reverse("accounts:user-create"),
        {
            "username": "newbie",
            "email": "newbie@example.com",
            "display_name": "New Bie",
            "department": "IT",
            "language": "en",
            "time_zone": "Asia/Shanghai",
            "password": "",
        },
    )
    assert response.status_code == 303
    user = User.objects.get(username="newbie")
    response = client.post(
        reverse("accounts:grant-create", args=[user.pk]),
        {"role": "agent", "scope_kind": "organisation", "scope_ref": "", "note": "desk"},
    )
    assert response.status_code == 303
    assert user.grants.get().role == "agent"


def test_a_bad_grant_form_shows_the_error_on_the_field(client_for, admin):
    user = UserFactory(username="bo")
    response = client_for(admin).post(
        reverse("accounts:grant-create", args=[user.pk]),
        {"role": "external_auditor", "scope_kind": "organisation", "scope_ref": ""},
    )
    assert response.status_code == 422
    assert "must have an end" in response.content.decode()
    assert not user.grants.exists()
