"""Who may see and do what with controlled documents. The only gate of this app.

Top management, the certification lead, internal auditors and administrators read the
whole register; process owners read and draft what serves their process; other staff
read approved documents and whatever they are asked to read or sign; external auditors
read approved documents; customers see nothing. Invisible objects answer 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role, ScopeKind

from .choices import DocumentStatus
from .models import Acknowledgement, Document, DocumentVersion, ReadAssignment, Signoff


def can_view_register(user) -> bool:
    return accounts.can_read_sms(user)


def reads_everything(user) -> bool:
    if accounts.is_administrator(user):
        return True
    return accounts.has_role(
        user,
        Role.CERTIFICATION_LEAD,
        Role.TOP_MANAGEMENT,
        Role.INTERNAL_AUDITOR,
        Role.PROCESS_OWNER,  # an organisation-wide grant only: has_role without scope
    )


def process_scopes(user) -> set[str]:
    """Clause numbers of the processes the user owns."""
    return accounts.scopes_of(user, Role.PROCESS_OWNER, ScopeKind.PROCESS)


def is_process_owner(user) -> bool:
    return Role.PROCESS_OWNER in accounts.roles_of(user)


def can_manage(user) -> bool:
    """May edit any document and assign reading of any document."""
    return accounts.is_administrator(user) or accounts.has_role(user, Role.CERTIFICATION_LEAD)


def can_create(user) -> bool:
    return can_manage(user) or is_process_owner(user)


def can_see_library(user) -> bool:
    """May see the template set and the mandatory documented information overview."""
    return reads_everything(user) or is_process_owner(user)


def clause_in_scopes(number: str, scopes: set[str]) -> bool:
    return any(number == scope or number.startswith(f"{scope}.") for scope in scopes)


def _scope_q(scopes: set[str], prefix: str = "") -> Q:
    condition = Q(pk__in=[])
    for scope in scopes:
        condition |= Q(**{f"{prefix}clauses__number": scope})
        condition |= Q(**{f"{prefix}clauses__number__startswith": f"{scope}."})
    return condition


def _involved(user) -> Q:
    """Documents the user owns, wrote a version of, or is named to sign, or that serve
    a process they own: they may read all of its versions, drafts included."""
    authored = DocumentVersion.objects.filter(author=user).values("document_id")
    signing = Signoff.objects.filter(person=user).values("document_version__document_id")
    condition = Q(owner=user) | Q(pk__in=authored) | Q(pk__in=signing)
    scopes = process_scopes(user)
    if scopes:
        serving = Document.objects.filter(_scope_q(scopes)).values("pk")
        condition |= Q(pk__in=serving)
    return condition


def visible_documents(user) -> QuerySet[Document]:
    if not can_view_register(user):
        return Document.objects.none()
    if reads_everything(user):
        return Document.objects.all()
    approved = Q(status=DocumentStatus.APPROVED)
    if not accounts.is_internal(user):
        return Document.objects.filter(approved)
    assigned = Acknowledgement.objects.filter(person=user).values("document_version__document_id")
    return Document.objects.filter(approved | _involved(user) | Q(pk__in=assigned))


def reads_drafts_of(user, document: Document) -> bool:
    if reads_everything(user):
        return True
    if not accounts.is_internal(user):
        return False
    return Document.objects.filter(_involved(user), pk=document.pk).exists()


def visible_versions(user) -> QuerySet[DocumentVersion]:
    """Versions the user may read: every version of documents they read in full, and the
    approved (or once approved) versions of the other documents they see."""
    documents = visible_documents(user)
    versions = DocumentVersion.objects.filter(document__in=documents)
    if reads_everything(user):
        return versions
    if not accounts.is_internal(user):
        return versions.filter(approved_at__isnull=False)
    full = Document.objects.filter(_involved(user)).values("pk")
    return versions.filter(Q(approved_at__isnull=False) | Q(document__in=full))


def can_edit_document(user, document: Document) -> bool:
    if can_manage(user):
        return True
    if document.owner_id == user.pk:
        return True
    scopes = process_scopes(user)
    return bool(scopes) and any(
        clause_in_scopes(clause.number, scopes) for clause in document.clauses.all()
    )


def can_edit_version(user, version: DocumentVersion) -> bool:
    return version.author_id == user.pk or can_edit_document(user, version.document)


def is_signer(user, version: DocumentVersion, kind: str | None = None) -> bool:
    """Named on the version (as reviewer or approver, or as `kind` when given)."""
    signoffs = version.signoffs.filter(person=user)
    return (signoffs.filter(kind=kind) if kind else signoffs).exists()


def get_document_for(user, pk: int, action: str = "view") -> Document:
    document = visible_documents(user).filter(pk=pk).select_related("owner").first()
    if document is None:
        raise Http404
    if action == "edit" and not can_edit_document(user, document):
        raise PermissionDenied
    if action == "reading" and not can_follow_reading(user, document):
        raise PermissionDenied
    return document


def can_follow_reading(user, document: Document) -> bool:
    """May see who has and has not read the document."""
    return accounts.has_role(user, Role.TOP_MANAGEMENT, Role.INTERNAL_AUDITOR) or can_edit_document(
        user, document
    )


def get_version_for(user, document_pk: int, number: int, action: str = "view") -> DocumentVersion:
    version = (
        visible_versions(user)
        .filter(document_id=document_pk, number=number)
        .select_related("document", "document__owner", "author", "file", "superseded_by")
        .first()
    )
    if version is None:
        raise Http404
    if action == "edit" and not can_edit_version(user, version):
        raise PermissionDenied
    if action in {"reviewer", "approver"} and not is_signer(user, version, action):
        raise PermissionDenied
    if action == "manage" and not can_edit_document(user, version.document):
        raise PermissionDenied
    return version


def visible_acknowledgements(user) -> QuerySet[Acknowledgement]:
    """A person's own requests to read; the requests of every document they may edit."""
    if not can_view_register(user):
        return Acknowledgement.objects.none()
    own = Q(person=user)
    if can_manage(user) or accounts.has_role(user, Role.TOP_MANAGEMENT, Role.INTERNAL_AUDITOR):
        return Acknowledgement.objects.all()
    editable = Document.objects.filter(Q(owner=user) | _scope_q(process_scopes(user))).values("pk")
    return Acknowledgement.objects.filter(own | Q(document_version__document__in=editable))


def get_acknowledgement_for(user, pk: int, action: str = "view") -> Acknowledgement:
    acknowledgement = (
        visible_acknowledgements(user)
        .filter(pk=pk)
        .select_related("document_version__document", "person")
        .first()
    )
    if acknowledgement is None:
        raise Http404
    if action == "acknowledge" and acknowledgement.person_id != user.pk:
        raise PermissionDenied
    return acknowledgement


def get_assignment_for(user, pk: int, action: str = "view") -> ReadAssignment:
    assignment = ReadAssignment.objects.filter(pk=pk).select_related("document").first()
    if assignment is None:
        raise Http404
    get_document_for(user, assignment.document_id, "edit" if action != "view" else "view")
    return assignment


def can_view_version_file(user, owner_id: str) -> bool:
    """files.owners check: a version's file is readable by whoever may read the version."""
    return owner_id.isdigit() and visible_versions(user).filter(pk=int(owner_id)).exists()
