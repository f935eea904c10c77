"""Generated documents list the organisation's live services and active agreements, in the
document's language (documents.template_context providers registered by the SLA app)."""

import pytest

from iso20k.documents import template_context
from iso20k.servicecatalogue.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_services_table_lists_live_services_with_hours_and_owner(desk):
    ServiceFactory(code="OLD", name_en="Fax", retired=True)
    calendar = desk["agreement"].calendar
    owner = str(desk["service"].owner)
    assert template_context.rows("services", "en") == [
        {"name": "E-mail (MAIL)", "description": "", "hours": str(calendar), "owner": owner}
    ]
    assert template_context.rows("services", "zh-hans")[0]["name"] == "邮件 (MAIL)"


def test_the_agreements_table_gives_targets_in_the_documents_language(desk):
    (row,) = template_context.rows("slas", "zh-hans")
    assert (row["service"], row["customer"]) == ("任意服务", "任意客户")
    assert row["targets"].startswith("P1 30 分钟 / 4 小时; P2 1 小时 / 8 小时")
    assert "95.0 %" in row["targets"]
    table = template_context.listing_table("slas", template_context.rows("slas", "en"))
    assert "P1 30 min / 4 h" in table and "| Any service | Any customer |" in table


def test_with_no_service_the_document_says_so(db):
    table = template_context.listing_table("services", template_context.rows("services", "en"))
    assert "None defined yet" in table
