"""API of accounts: the signed-in user, users and grants (administrators), API tokens."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authentication import BasicAuthentication
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..filtersets import GrantFilterSet, UserFilterSet
from ..models import Grant, User
from .serializers import (
    GrantCreateSerializer,
    GrantSerializer,
    GrantUpdateSerializer,
    PreferencesSerializer,
    RevokeSerializer,
    UserCreateSerializer,
    UserSerializer,
    UserUpdateSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class IsAdministrator(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.is_administrator(request.user)


class MeView(ETagMixin, GenericAPIView):
    """The signed-in user: profile, roles, and their own language and time zone."""

    serializer_class = UserSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response(UserSerializer(request.user, context={"request": request}).data)

    @extend_schema(
        request=PreferencesSerializer,
        responses={200: UserSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def patch(self, request):
        payload = PreferencesSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        user = services.update_preferences(
            request.user,
            actor=request.user,
            expected_version=expected_version(request),
            display_name=payload.validated_data.get("display_name"),
            language=payload.validated_data["language"],
            time_zone=payload.validated_data["time_zone"],
        )
        return Response(UserSerializer(user, context={"request": request}).data)


class UserViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = UserSerializer
    filterset_class = UserFilterSet
    permission_classes = [IsAdministrator]
    queryset = User.objects.none()

    def get_queryset(self):
        return access.visible_users(self.request.user).prefetch_related(
            Prefetch("grants", queryset=Grant.objects.active(), to_attr="active_grant_list")
        )

    @extend_schema(request=UserCreateSerializer, responses={201: UserSerializer, **ERRORS})
    def create(self, request):
        payload = UserCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        user = services.create_user(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(user).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=UserUpdateSerializer,
        responses={200: UserSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        user = self.get_object()
        payload = UserUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        user = services.update_user(
            user,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(user).data)

    @extend_schema(request=None, responses={200: UserSerializer, **ERRORS}, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def deactivate(self, request, pk=None):
        user = services.set_user_active(
            self.get_object(),
            actor=request.user,
            expected_version=expected_version(request),
            active=False,
        )
        return Response(self.get_serializer(user).data)

    @extend_schema(request=None, responses={200: UserSerializer, **ERRORS}, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def reactivate(self, request, pk=None):
        user = services.set_user_active(
            self.get_object(),
            actor=request.user,
            expected_version=expected_version(request),
            active=True,
        )
        return Response(self.get_serializer(user).data)


class GrantViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Role grants. Everyone sees their own; administrators see and change all."""

    serializer_class = GrantSerializer
    filterset_class = GrantFilterSet
    queryset = Grant.objects.none()

    def get_queryset(self):
        return (
            access.visible_grants(self.request.user)
            .select_related("user", "granted_by", "revoked_by")
            .order_by("pk")
        )

    def _check_admin(self):
        if not access.is_administrator(self.request.user):
            self.permission_denied(self.request)

    @extend_schema(request=GrantCreateSerializer, responses={201: GrantSerializer, **ERRORS})
    def create(self, request):
        self._check_admin()
        payload = GrantCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        grant = services.grant_role(data.pop("user"), actor=request.user, **data)
        return Response(self.get_serializer(grant).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=GrantUpdateSerializer,
        responses={200: GrantSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        grant = self.get_object()
        self._check_admin()
        payload = GrantUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        grant = services.update_grant(
            grant,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(grant).data)

    @extend_schema(
        request=RevokeSerializer, responses={200: GrantSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        grant = self.get_object()
        self._check_admin()
        payload = RevokeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        grant = services.revoke_grant(
            grant,
            actor=request.user,
            expected_version=expected_version(request),
            reason=payload.validated_data["reason"],
        )
        return Response(self.get_serializer(grant).data)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    expiry = serializers.DateTimeField(read_only=True)


class TokenLoginView(GenericAPIView):
    """Exchange a user name and password (HTTP Basic) for an API token; shown once, throttled."""

    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [AnonRateThrottle]
    serializer_class = TokenSerializer

    @extend_schema(request=None, responses={200: TokenSerializer})
    def post(self, request):
        instance, secret = services.issue_api_token(request.user, actor=request.user)
        return Response({"token": secret, "expiry": instance.expiry})


class TokenLogoutView(GenericAPIView):
    """Revoke the token used for this request."""

    serializer_class = None

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        token_key = getattr(request.auth, "token_key", None)
        if token_key:
            services.revoke_api_token(request.user, actor=request.user, token_key=token_key)
        return Response(status=status.HTTP_204_NO_CONTENT)
