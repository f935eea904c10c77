"""The gap report as DOCX and XLSX: opened by LibreOffice, in the reader's language."""

import io

import pytest
from django.urls import reverse

from iso20k.core.testing.office import convert
from iso20k.gaps import services

from .conftest import rate_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(assessment, lead):
    rate_all(assessment, lead, "defined")
    services.raise_gap(
        assessment,
        actor=lead,
        clause="8.6.1",
        priority="critical",
        description="@SUM(1+1) 重大事件没有回顾",
    )
    return assessment


@pytest.mark.parametrize("extension", ["docx", "xlsx"])
def test_the_gap_report_opens_in_libreoffice(client_for, rated, lead, tmp_path, extension):
    response = client_for(lead).get(reverse("gaps:report-export", args=[rated.pk, extension]))
    assert response.status_code == 200
    path = tmp_path / f"report.{extension}"
    path.write_bytes(response.content)
    assert convert(path, "pdf").stat().st_size > 1000


def test_the_report_is_in_the_readers_language_and_safe(client_for, rated, lead):
    from docx import Document
    from openpyxl import load_workbook

    url = reverse("gaps:report-export", args=[rated.pk, "docx"])
    zh = client_for(lead).get(url, headers={"accept-language": "zh-hans"})
    text = "\n".join(p.text for p in Document(io.BytesIO(zh.content)).paragraphs)
    assert "Gap assessment report" not in text
    book = load_workbook(
        io.BytesIO(
            client_for(lead).get(reverse("gaps:report-export", args=[rated.pk, "xlsx"])).content
        )
    )
    gaps = book["Gaps"]
    assert gaps["B2"].value.startswith("'@")
    assert book["Ratings"].max_row == rated.ratings.count() + 1
