"""Mandatory documented information coverage, the home-page cards, and the demo register."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from iso20k.catalogue.models import RequiredInformation
from iso20k.documents import coverage, services
from iso20k.documents.models import Document

pytestmark = pytest.mark.django_db


def state_of(code: str, today=None) -> str:
    summary = coverage.evaluate(Document.objects.all(), today or timezone.localdate())
    return next(
        item.state
        for group in summary.groups
        for item in group.items
        if item.information.code == code
    )


def covering(code):
    return [RequiredInformation.objects.get(code=code)]


def test_an_item_goes_from_missing_to_draft_to_covered_to_overdue(
    catalogue, lead, manager, make_document, send_for_review
):
    assert state_of("change-management-policy") == "missing"
    document = make_document(lead, required_information=covering("change-management-policy"))
    assert state_of("change-management-policy") == "draft_only"
    version = send_for_review(document, lead, approvers=[manager])
    services.approve_version(version, actor=manager, expected_version=version.version)
    assert state_of("change-management-policy") == "covered"
    later = timezone.localdate() + timedelta(days=400)
    assert state_of("change-management-policy", later) == "overdue"


def test_the_overview_counts_documents_and_shows_gaps_only_on_request(
    catalogue, lead, manager, approved_document, client_for
):
    approved_document(lead, manager, required_information=covering("service-management-policy"))
    summary = coverage.evaluate(Document.objects.all(), timezone.localdate())
    total = RequiredInformation.objects.filter(kind="document").count()
    assert summary.documents_total == total and summary.documents_covered == 1
    gaps = client_for(lead).get(reverse("documents:mandatory"), {"gaps": "1"}).content.decode()
    assert "Service management policy" not in gaps.split('id="coverage"')[1]
    assert "Start from the template" in gaps


def test_the_home_page_shows_required_documents_and_what_to_read(
    catalogue, lead, manager, staff, approved_document, client_for
):
    document = approved_document(
        lead, manager, required_information=covering("service-management-policy")
    )
    services.assign_reading(document, actor=lead, people=[staff])
    home = client_for(lead).get("/").content.decode()
    assert "1 of 18 required documents approved and in force." in home
    assert "1 read acknowledgement outstanding across the organisation." in home
    assert "You have 1 document to read." in client_for(staff).get("/").content.decode()


def test_the_demo_register_loads_once(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    count = Document.objects.count()
    assert count >= 10
    call_command("load_demo", verbosity=0)
    assert Document.objects.count() == count
    manual = Document.objects.get(code="SMS-M-01")
    assert manual.status == "approved" and manual.template_code == "service-management-manual"
    revised = Document.objects.get(code="SMS-P-8.6.2")
    assert list(revised.versions.values_list("number", "status")) == [
        (3, "draft"),
        (2, "approved"),
        (1, "obsolete"),
    ]
    assert Document.objects.get(code="SMS-P-8.6.3").status == "in_review"
