"""The programme plan as DOCX and XLSX: in the reader's language and opened by LibreOffice."""

import datetime
import io

import pytest
from django.urls import reverse

from iso20k.core.testing.office import convert
from iso20k.programme import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_plan(programme, lead, catalogue):
    services.add_budget_line(
        programme,
        actor=lead,
        category="training",
        description_zh_hans="内审员培训",
        description_en="Internal auditor course",
        planned_amount=12000,
        actual_amount=11800,
    )
    services.create_task(
        programme,
        actor=lead,
        title="=cmd|' /C calc'!A0",
        owner=lead,
        due_on=datetime.date(2025, 3, 1),
        clause="8.6.1",
    )
    return programme


@pytest.mark.parametrize(("extension", "target"), [("docx", "pdf"), ("xlsx", "pdf")])
def test_the_plan_opens_in_libreoffice(client_for, full_plan, lead, tmp_path, extension, target):
    response = client_for(lead).get(
        reverse("programme:plan-export", args=[full_plan.pk, extension])
    )
    assert response.status_code == 200
    assert f".{extension}" in response["Content-Disposition"]
    path = tmp_path / f"plan.{extension}"
    path.write_bytes(response.content)
    assert convert(path, target).stat().st_size > 1000


def test_the_word_plan_speaks_the_readers_language(client_for, full_plan, lead):
    from docx import Document

    url = reverse("programme:plan-export", args=[full_plan.pk, "docx"])
    english = client_for(lead).get(url, headers={"accept-language": "en"})
    chinese = client_for(lead).get(url, headers={"accept-language": "zh-hans"})
    text_en = "\n".join(p.text for p in Document(io.BytesIO(english.content)).paragraphs)
    text_zh = "\n".join(p.text for p in Document(io.BytesIO(chinese.content)).paragraphs)
    assert "Certification programme plan" in text_en
    assert "Certification programme plan" not in text_zh
    assert "History chain head" in text_en


def test_the_excel_plan_neutralises_formulas_and_hides_money_from_staff(
    client_for, full_plan, lead, staff
):
    from openpyxl import load_workbook

    url = reverse("programme:plan-export", args=[full_plan.pk, "xlsx"])
    book = load_workbook(io.BytesIO(client_for(lead).get(url).content))
    assert "Budget" in book.sheetnames
    tasks = book["Tasks"]
    assert tasks["A2"].value.startswith("'=")
    budget = book["Budget"]
    assert budget["C2"].value == 12000 and budget["E2"].value == -200
    staff_book = load_workbook(io.BytesIO(client_for(staff).get(url).content))
    assert "Budget" not in staff_book.sheetnames
