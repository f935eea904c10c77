"""REST API of document control: the register, versions and their workflow, reading,
and the template set. Every change goes through the same services as the pages."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core import exports
from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, library, services
from ..choices import DocumentStatus
from ..docx_writer import version_docx
from ..filtersets import DocumentFilterSet
from ..models import Acknowledgement, Document, DocumentVersion
from . import serializers as s

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}
LANG = OpenApiParameter(
    "lang", OpenApiTypes.STR, enum=["en", "zh-hans"], description="Language of the export."
)


class CanViewRegister(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view_register(request.user)


class CanSeeLibrary(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_see_library(request.user)


def _forbid_unless(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


class DocumentViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The document register. Obsolete documents are listed only with ?status=obsolete."""

    serializer_class = s.DocumentSerializer
    permission_classes = [CanViewRegister]
    filterset_class = DocumentFilterSet
    queryset = Document.objects.none()

    def get_queryset(self):
        documents = access.visible_documents(self.request.user).select_related(
            "owner", "current_version"
        )
        documents = documents.prefetch_related("clauses", "required_information")
        if self.action == "list" and self.request.GET.get("status") != DocumentStatus.OBSOLETE:
            documents = documents.exclude(status=DocumentStatus.OBSOLETE)
        return documents.order_by("tier", "code")

    @extend_schema(
        request=s.DocumentWriteSerializer, responses={201: s.DocumentSerializer, **ERRORS}
    )
    def create(self, request):
        _forbid_unless(access.can_create(request.user))
        payload = s.DocumentWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        document = services.create_document(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.DocumentWriteSerializer,
        responses={200: s.DocumentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        document = self.get_object()
        _forbid_unless(access.can_edit_document(request.user, document))
        payload = s.DocumentWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        document = services.update_document(
            document,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=document.pk)).data)

    @extend_schema(
        request=s.ReasonSerializer,
        responses={200: s.DocumentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        document = self.get_object()
        _forbid_unless(access.can_edit_document(request.user, document))
        payload = s.ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        document = services.retire_document(
            document,
            actor=request.user,
            expected_version=expected_version(request),
            reason=payload.validated_data["reason"],
        )
        return Response(self.get_serializer(document).data)

    @extend_schema(request=None, responses={201: s.DocumentVersionSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def revise(self, request, pk=None):
        """Start the next version as a draft (copied from the version in force)."""
        document = self.get_object()
        _forbid_unless(access.can_edit_document(request.user, document))
        version = services.start_revision(document, actor=request.user)
        data = s.DocumentVersionSerializer(version, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.AssignReadingSerializer, responses={201: s.ReadingAssignedSerializer, **ERRORS}
    )
    @action(detail=True, methods=["post"], url_path="assign-reading")
    def assign_reading(self, request, pk=None):
        """Ask people, or everyone now holding a role, to read the version in force."""
        document = self.get_object()
        _forbid_unless(access.can_edit_document(request.user, document))
        payload = s.AssignReadingSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        result = services.assign_reading(document, actor=request.user, **payload.validated_data)
        body = {
            "assignments": [a.pk for a in result.assignments],
            "asked": result.asked,
            "already_asked": result.already_asked,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class DocumentVersionViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Versions of documents and their workflow: submit, review, approve, return, discard."""

    serializer_class = s.DocumentVersionSerializer
    permission_classes = [CanViewRegister]
    filterset_fields = ["document", "status"]
    queryset = DocumentVersion.objects.none()
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        versions = access.visible_versions(self.request.user).select_related(
            "document", "author", "file", "superseded_by"
        )
        return versions.prefetch_related("signoffs__person").order_by("document_id", "-number")

    def _editable(self):
        version = self.get_object()
        _forbid_unless(access.can_edit_version(self.request.user, version))
        return version

    def _respond(self, version):
        return Response(self.get_serializer(self.get_queryset().get(pk=version.pk)).data)

    @extend_schema(
        request=s.VersionDraftSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        version = self._editable()
        payload = s.VersionDraftSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        version = services.update_version_draft(
            version,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return self._respond(version)

    @extend_schema(
        request={"multipart/form-data": s.UploadSerializer},
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def upload(self, request, pk=None):
        """Attach (or replace) the draft's file; checked by content, never by name."""
        version = self._editable()
        payload = s.UploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = services.update_version_draft(
            version,
            actor=request.user,
            expected_version=expected_version(request),
            upload=payload.validated_data["file"],
        )
        return self._respond(version)

    def _transition(self, request, service, serializer_class=None, *, signer: str = ""):
        version = self.get_object()
        if signer:
            _forbid_unless(access.is_signer(request.user, version, signer))
        else:
            _forbid_unless(access.can_edit_version(request.user, version))
        data = {}
        if serializer_class is not None:
            payload = serializer_class(data=request.data)
            payload.is_valid(raise_exception=True)
            data = dict(payload.validated_data)
        version = service(
            version, actor=request.user, expected_version=expected_version(request), **data
        )
        return self._respond(version)

    @extend_schema(
        request=None, responses={200: s.DocumentVersionSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._transition(request, services.submit_version)

    @extend_schema(
        request=None, responses={200: s.DocumentVersionSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._transition(request, services.withdraw_version)

    @extend_schema(
        request=s.ReasonSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def discard(self, request, pk=None):
        return self._transition(request, services.discard_version, s.ReasonSerializer)

    @extend_schema(
        request=s.ReviewSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._transition(
            request, services.review_version, s.ReviewSerializer, signer="reviewer"
        )

    @extend_schema(
        request=s.ApproveSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._transition(
            request, services.approve_version, s.ApproveSerializer, signer="approver"
        )

    @extend_schema(
        request=s.VersionNoteSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._transition(
            request, services.reject_version, s.VersionNoteSerializer, signer="approver"
        )

    @extend_schema(
        request=s.VersionNoteSerializer,
        responses={200: s.DocumentVersionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"], url_path="confirm-review")
    def confirm_review(self, request, pk=None):
        """Record the periodic review of the version in force; the next is due one interval on."""
        version = self.get_object()
        _forbid_unless(access.can_edit_document(request.user, version.document))
        payload = s.VersionNoteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = services.confirm_periodic_review(
            version,
            actor=request.user,
            expected_version=expected_version(request),
            note=payload.validated_data["note"],
        )
        return self._respond(version)

    @extend_schema(
        parameters=[LANG],
        responses={(200, exports.DOCX_TYPE): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None):
        """The version as a Word file."""
        version = self.get_object()
        language = "zh-hans" if request.GET.get("lang") == "zh-hans" else "en"
        name = f"{version.document.code}-v{version.number}-{language}.docx".replace("/", "-")
        content = version_docx(version, language)
        return exports.file_response(content, filename=name, content_type=exports.DOCX_TYPE)


class AcknowledgementViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Requests to read a version: one's own, and those of documents one may follow."""

    serializer_class = s.AcknowledgementSerializer
    permission_classes = [CanViewRegister]
    queryset = Acknowledgement.objects.none()
    filterset_fields = ["person", "document_version"]

    def get_queryset(self):
        return (
            access.visible_acknowledgements(self.request.user)
            .select_related("document_version__document", "person")
            .order_by("due_on", "pk")
        )

    @extend_schema(
        request=None, responses={200: s.AcknowledgementSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        """Confirm you have read this version (only the person asked can)."""
        acknowledgement = self.get_object()
        _forbid_unless(acknowledgement.person_id == request.user.pk)
        acknowledgement = services.acknowledge_reading(
            acknowledgement, actor=request.user, expected_version=expected_version(request)
        )
        return Response(self.get_serializer(acknowledgement).data)


class DocumentTemplateViewSet(viewsets.ViewSet):
    """The bilingual template set; `generate` registers a draft filled with your data."""

    permission_classes = [CanSeeLibrary]
    lookup_field = "code"
    lookup_value_regex = r"[a-z0-9-]+"
    serializer_class = s.TemplateSerializer

    @extend_schema(responses=s.TemplateSerializer(many=True))
    def list(self, request):
        return Response(s.TemplateSerializer(library.all_templates(), many=True).data)

    @extend_schema(responses=s.TemplateSerializer)
    def retrieve(self, request, code=None):
        template = library.get_template(code)
        if template is None:
            raise Http404
        return Response(s.TemplateSerializer(template).data)

    @extend_schema(request=s.GenerateSerializer, responses={201: s.DocumentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def generate(self, request, code=None):
        if library.get_template(code) is None:
            raise Http404
        _forbid_unless(access.can_create(request.user))
        payload = s.GenerateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        document = services.generate_document(code, actor=request.user, **payload.validated_data)
        data = s.DocumentSerializer(document, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)
