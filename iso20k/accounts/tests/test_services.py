"""Rules of users and grants: each passes and fails as an administrator would expect."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from iso20k.accounts import services
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.accounts.models import Grant, User
from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def events_for(obj) -> list[str]:
    return list(
        ChangeRecord.objects.for_object(obj).order_by("seq").values_list("event", flat=True)
    )


class TestCreateUser:
    def test_creates_the_user_and_records_history_without_the_password(self, admin):
        user = services.create_user(
            actor=admin, username="mei", email="mei@example.com", password="a-long-passphrase-9"
        )
        assert user.check_password("a-long-passphrase-9")
        record = ChangeRecord.objects.for_object(user).get()
        assert record.event == "accounts.user.created"
        assert "password" not in record.changes
        assert record.changes["email"] == [None, "mei@example.com"]

    @pytest.mark.parametrize(
        ("fields", "field", "code"),
        [
            ({"username": "Admin"}, "username", "duplicate_username"),
            ({"username": "  "}, "username", "required"),
            ({"username": "x", "email": "not-an-address"}, "email", "invalid_email"),
            ({"username": "x", "password": "short"}, "password", "password_too_short"),
            ({"username": "x", "time_zone": "Mars/Olympus"}, "time_zone", "unknown_time_zone"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_created(self, admin, fields, field, code):
        before = User.objects.count()
        with pytest.raises(ValidationError) as exc:
            services.create_user(actor=admin, **fields)
        assert code in codes(exc.value)[field]
        assert User.objects.count() == before

    def test_an_email_already_in_use_is_refused(self, admin):
        UserFactory(username="first", email="same@example.com")
        with pytest.raises(ValidationError) as exc:
            services.create_user(actor=admin, username="second", email="SAME@example.com")
        assert codes(exc.value) == {"email": ["duplicate_email"]}


class TestGrants:
    def test_granting_a_role_records_who_granted_it(self, admin):
        user = UserFactory(username="bo")
        grant = services.grant_role(user, actor=admin, role=Role.AGENT)
        assert grant.granted_by == admin
        assert grant.is_active()
        assert events_for(grant) == ["accounts.grant.granted"]

    def test_nobody_grants_roles_to_themselves(self, admin):
        with pytest.raises(PermissionDenied):
            services.grant_role(admin, actor=admin, role=Role.TOP_MANAGEMENT)

    def test_a_process_scope_must_name_an_existing_clause(self, admin, catalogue):
        user = UserFactory(username="bo")
        grant = services.grant_role(
            user,
            actor=admin,
            role=Role.PROCESS_OWNER,
            scope_kind=ScopeKind.PROCESS,
            scope_ref="8.5.1",
        )
        assert grant.scope_ref == "8.5.1"
        with pytest.raises(ValidationError) as exc:
            services.grant_role(
                user,
                actor=admin,
                role=Role.PROCESS_OWNER,
                scope_kind=ScopeKind.PROCESS,
                scope_ref="8.99",
            )
        assert codes(exc.value) == {"scope_ref": ["unknown_scope"]}

    def test_a_scope_that_does_not_fit_the_role_is_refused(self, admin):
        user = UserFactory(username="bo")
        with pytest.raises(ValidationError) as exc:
            services.grant_role(
                user,
                actor=admin,
                role=Role.TOP_MANAGEMENT,
                scope_kind=ScopeKind.PROCESS,
                scope_ref="8.6.1",
            )
        assert codes(exc.value) == {"scope_kind": ["scope_not_for_role"]}

    def test_external_auditors_need_an_end_date(self, admin):
        user = UserFactory(username="cb")
        with pytest.raises(ValidationError) as exc:
            services.grant_role(user, actor=admin, role=Role.EXTERNAL_AUDITOR)
        assert codes(exc.value) == {"valid_until": ["external_auditor_unlimited"]}
        grant = services.grant_role(
            user,
            actor=admin,
            role=Role.EXTERNAL_AUDITOR,
            valid_until=timezone.now() + timedelta(days=10),
        )
        assert grant.is_active()

    def test_the_end_must_come_after_the_start(self, admin):
        user = UserFactory(username="bo")
        now = timezone.now()
        with pytest.raises(ValidationError) as exc:
            services.grant_role(
                user,
                actor=admin,
                role=Role.STAFF,
                valid_from=now,
                valid_until=now - timedelta(hours=1),
            )
        assert codes(exc.value) == {"valid_until": ["end_before_start"]}
        assert not Grant.objects.filter(user=user).exists()

    def test_the_same_active_role_twice_is_refused(self, admin):
        user = UserFactory(username="bo")
        services.grant_role(user, actor=admin, role=Role.STAFF)
        with pytest.raises(ValidationError) as exc:
            services.grant_role(user, actor=admin, role=Role.STAFF)
        assert codes(exc.value) == {"role": ["duplicate_grant"]}

    def test_a_grant_ends_when_its_time_is_up(self, admin, time_machine):
        user = UserFactory(username="bo")
        grant = services.grant_role(
            user, actor=admin, role=Role.STAFF, valid_until=timezone.now() + timedelta(days=1)
        )
        time_machine.move_to(timezone.now() + timedelta(days=2))
        assert not Grant.objects.active().filter(pk=grant.pk).exists()

    def test_revoking_keeps_the_grant_on_record(self, admin):
        grant = services.grant_role(UserFactory(username="bo"), actor=admin, role=Role.STAFF)
        grant = services.revoke_grant(
            grant, actor=admin, expected_version=grant.version, reason="left the company"
        )
        assert grant.revoked_by == admin and not grant.is_active()
        assert events_for(grant) == ["accounts.grant.granted", "accounts.grant.revoked"]
        with pytest.raises(ValidationError):
            services.revoke_grant(grant, actor=admin, expected_version=grant.version)

    def test_a_stale_edit_is_refused_and_nothing_changes(self, admin):
        grant = services.grant_role(UserFactory(username="bo"), actor=admin, role=Role.STAFF)
        stale = grant.version
        services.update_grant(
            grant, actor=admin, expected_version=stale, valid_until=None, note="first edit"
        )
        with pytest.raises(ConflictError) as exc:
            services.update_grant(
                Grant.objects.get(pk=grant.pk),
                actor=admin,
                expected_version=stale,
                valid_until=None,
                note="second edit",
            )
        assert exc.value.current.note == "first edit"
        assert Grant.objects.get(pk=grant.pk).note == "first edit"


class TestPreferencesAndPasswords:
    def test_users_change_their_own_language_and_time_zone(self):
        user = UserFactory(username="bo")
        user = services.update_preferences(
            user,
            actor=user,
            expected_version=user.version,
            language="zh-hans",
            time_zone="Europe/Berlin",
        )
        assert (user.language, user.time_zone, user.version) == ("zh-hans", "Europe/Berlin", 2)
        record = ChangeRecord.objects.for_object(user).get()
        assert record.changes["language"] == ["", "zh-hans"]

    def test_nobody_changes_another_users_preferences(self):
        bo, al = UserFactory(username="bo"), UserFactory(username="al")
        with pytest.raises(PermissionDenied):
            services.update_preferences(
                bo, actor=al, expected_version=1, language="en", time_zone="UTC"
            )

    def test_a_wrong_current_password_is_refused(self):
        user = UserFactory(username="bo")
        with pytest.raises(ValidationError) as exc:
            services.change_password(
                user, actor=user, old_password="nope", new_password="another-long-pass-1"
            )
        assert codes(exc.value) == {"old_password": ["wrong_password"]}

    def test_a_weak_new_password_is_refused(self):
        from .factories import PASSWORD

        user = UserFactory(username="bo")
        with pytest.raises(ValidationError) as exc:
            services.change_password(
                user, actor=user, old_password=PASSWORD, new_password="12345678"
            )
        assert "new_password1" in codes(exc.value)
        user.refresh_from_db()
        assert user.check_password(PASSWORD)

    def test_administrators_cannot_deactivate_themselves(self, admin):
        with pytest.raises(ValidationError):
            services.set_user_active(
                admin, actor=admin, expected_version=admin.version, active=False
            )
        other = UserFactory(username="bo")
        other = services.set_user_active(
            other, actor=admin, expected_version=other.version, active=False
        )
        assert not other.is_active
