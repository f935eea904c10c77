"""Fixtures of the document tests: documents arranged through the services themselves."""

import itertools

import pytest

from iso20k.documents import services
from iso20k.documents.choices import Tier

_codes = itertools.count(1)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def make_document(db):
    """Register a document with a v1 draft written by `actor` (defaults: an L2 procedure)."""

    def make(actor, **fields):
        values = {
            "code": f"SMS-P-{next(_codes):03d}",
            "tier": Tier.PROCEDURE,
            "owner": actor,
            "title_en": "Incident management procedure",
            "title_zh_hans": "事件管理程序",
            "body_en": "# Purpose\nRestore service quickly.",
            "body_zh_hans": "# 目的\n尽快恢复服务。",
        }
        values.update(fields)
        return services.create_document(actor=actor, **values)

    return make


@pytest.fixture
def send_for_review():
    """Name signers on the open draft and send it for review; returns the version."""

    def send(document, author, *, approvers, reviewers=()):
        version = document.versions.get(status="draft")
        version = services.update_version_draft(
            version,
            actor=author,
            expected_version=version.version,
            reviewers=list(reviewers),
            approvers=list(approvers),
        )
        return services.submit_version(version, actor=author, expected_version=version.version)

    return send


@pytest.fixture
def approved_document(make_document, send_for_review):
    """A document whose v1 went through review and is approved, in force."""

    def make(author, approver, *, reviewer=None, **fields):
        document = make_document(author, **fields)
        version = send_for_review(
            document, author, approvers=[approver], reviewers=[reviewer] if reviewer else []
        )
        if reviewer is not None:
            version = services.review_version(
                version, actor=reviewer, expected_version=version.version, agree=True
            )
        version.refresh_from_db()
        services.approve_version(version, actor=approver, expected_version=version.version)
        document.refresh_from_db()
        return document

    return make
