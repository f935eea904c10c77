"""API shapes of users, grants and the signed-in user's own profile."""

from rest_framework import serializers

from .. import scopes
from ..choices import Language, Role, ScopeKind
from ..models import Grant, User


class GrantSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:grant-detail")
    user = serializers.PrimaryKeyRelatedField(read_only=True)
    display = serializers.CharField(source="__str__", read_only=True)
    scope_label = serializers.SerializerMethodField()
    is_active = serializers.SerializerMethodField()
    granted_by = serializers.StringRelatedField()
    revoked_by = serializers.StringRelatedField()

    class Meta:
        model = Grant
        fields = [
            "id",
            "url",
            "display",
            "user",
            "role",
            "scope_kind",
            "scope_ref",
            "scope_label",
            "valid_from",
            "valid_until",
            "note",
            "granted_by",
            "revoked_at",
            "revoked_by",
            "is_active",
            "version",
        ]

    def get_scope_label(self, obj) -> str:
        return scopes.label(obj.scope_kind, obj.scope_ref)

    def get_is_active(self, obj) -> bool:
        return obj.is_active()


class GrantCreateSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.exclude(username="system"))
    role = serializers.ChoiceField(choices=Role.choices)
    scope_kind = serializers.ChoiceField(choices=ScopeKind.choices, default=ScopeKind.ORGANISATION)
    scope_ref = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    valid_from = serializers.DateTimeField(required=False, allow_null=True, default=None)
    valid_until = serializers.DateTimeField(required=False, allow_null=True, default=None)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class GrantUpdateSerializer(serializers.Serializer):
    valid_until = serializers.DateTimeField(allow_null=True)
    note = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")


class RevokeSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")


class UserSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:user-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "url",
            "display",
            "username",
            "email",
            "display_name",
            "first_name",
            "last_name",
            "department",
            "language",
            "time_zone",
            "is_active",
            "last_login",
            "roles",
            "version",
        ]
        read_only_fields = fields

    def get_roles(self, obj) -> list[str]:
        grants = getattr(obj, "active_grant_list", None)
        if grants is None:
            grants = obj.grants.active()
        return sorted({g.role for g in grants})


class UserCreateSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    display_name = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default=""
    )
    department = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(choices=Language.choices, required=False, default="")
    time_zone = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    password = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        default="",
        style={"input_type": "password"},
    )


class UserUpdateSerializer(serializers.Serializer):
    email = serializers.EmailField(required=False, allow_blank=True)
    display_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    department = serializers.CharField(max_length=100, required=False, allow_blank=True)


class PreferencesSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=Language.choices)
    time_zone = serializers.CharField(max_length=64)
    display_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
