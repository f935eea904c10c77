"""API of customers and contacts. Internal readers see every customer; a customer user sees
only their own organisation; administrators, the lead and 8.2.4/8.3.3 owners change them."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..filtersets import CustomerFilterSet
from ..models import Customer, CustomerContact
from .serializers import (
    ContactCreateSerializer,
    ContactSerializer,
    ContactWriteSerializer,
    CustomerCreateSerializer,
    CustomerSerializer,
    CustomerWriteSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanSeeCustomers(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user) or access.is_customer_user(request.user)


def require_manage(user) -> None:
    if not access.can_manage(user):
        raise PermissionDenied


class CustomerViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Customer organisations (bilingual names, contacts)."""

    serializer_class = CustomerSerializer
    permission_classes = [CanSeeCustomers]
    filterset_class = CustomerFilterSet
    lookup_field = "code"
    queryset = Customer.objects.none()

    def get_queryset(self):
        return (
            access.visible_customers(self.request.user)
            .prefetch_related("contacts")
            .order_by("code")
        )

    @extend_schema(request=CustomerCreateSerializer, responses={201: CustomerSerializer, **ERRORS})
    def create(self, request):
        require_manage(request.user)
        payload = CustomerCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        customer = services.create_customer(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(customer).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=CustomerWriteSerializer,
        responses={200: CustomerSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, code=None):
        customer = self.get_object()
        require_manage(request.user)
        payload = CustomerWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        customer = services.update_customer(
            customer,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(customer).data)

    def _activate(self, request, active: bool):
        customer = self.get_object()
        require_manage(request.user)
        customer = services.set_customer_active(
            customer, actor=request.user, expected_version=expected_version(request), active=active
        )
        return Response(self.get_serializer(customer).data)

    @extend_schema(
        request=None, responses={200: CustomerSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, code=None):
        return self._activate(request, False)

    @extend_schema(
        request=None, responses={200: CustomerSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def reactivate(self, request, code=None):
        return self._activate(request, True)


class ContactViewSet(ETagMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Contacts of customers: add, change, remove (customer managers)."""

    serializer_class = ContactSerializer
    permission_classes = [CanSeeCustomers]
    queryset = CustomerContact.objects.none()

    def get_queryset(self):
        visible = access.visible_customers(self.request.user)
        return CustomerContact.objects.filter(customer__in=visible).select_related("customer")

    @extend_schema(request=ContactCreateSerializer, responses={201: ContactSerializer, **ERRORS})
    def create(self, request):
        require_manage(request.user)
        payload = ContactCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        customer = data.pop("customer")
        contact = services.add_contact(customer, actor=request.user, **data)
        return Response(self.get_serializer(contact).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ContactWriteSerializer,
        responses={200: ContactSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        contact = self.get_object()
        require_manage(request.user)
        payload = ContactWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        contact = services.update_contact(
            contact,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(contact).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, parameters=[IF_MATCH])
    def destroy(self, request, pk=None):
        contact = self.get_object()
        require_manage(request.user)
        services.remove_contact(
            contact, actor=request.user, expected_version=expected_version(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
