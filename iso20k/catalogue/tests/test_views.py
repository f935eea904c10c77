"""The clause tree, clause pages, search in both languages, and the read-only API."""

import pytest
from django.urls import reverse

from conftest import PERSONAS

pytestmark = pytest.mark.django_db

READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "staff",
}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_who_may_read_the_catalogue(persona, catalogue, client_for, api_client_for, request):
    name = request.node.callspec.params["persona"]
    page = 200 if name in READERS else 404
    client = client_for(persona)
    assert client.get(reverse("catalogue:clause-list")).status_code == page
    assert client.get(reverse("catalogue:clause-detail", args=["8.6.1"])).status_code == page
    api = api_client_for(persona)
    assert api.get("/api/v1/clauses/").status_code == (200 if name in READERS else 403)


def test_the_tree_shows_every_main_clause_in_order(client_for, staff, catalogue):
    content = client_for(staff).get(reverse("catalogue:clause-list")).content.decode()
    positions = [
        content.index(f'<span class="clause-number">{n}</span>')
        for n in ["4", "5", "6", "7", "8", "9", "10"]
    ]
    assert positions == sorted(positions)
    assert "8.7.3.3" in content


@pytest.mark.parametrize(
    ("query", "language", "number"),
    [
        ("incident", "en", "8.6.1"),
        ("事件", "zh-hans", "8.6.1"),
        ("change management policy", "en", "8.5.1.1"),
        ("变更", "en", "8.5.1"),
    ],
)
def test_search_finds_clauses_in_either_language(
    client_for, staff, catalogue, query, language, number
):
    response = client_for(staff).get(
        reverse("catalogue:clause-list"), {"q": query}, headers={"accept-language": language}
    )
    assert f'href="/catalogue/{number}/"' in response.content.decode()


def test_search_through_htmx_returns_only_the_results(client_for, staff, catalogue):
    response = client_for(staff).get(
        reverse("catalogue:clause-list"), {"q": "audit"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="results"')
    assert "<html" not in content


def test_a_search_with_no_match_says_what_to_try(client_for, staff, catalogue):
    response = client_for(staff).get(reverse("catalogue:clause-list"), {"q": "zzzqqq"})
    assert "Try fewer words" in response.content.decode()


def test_a_clause_page_shows_paraphrase_documents_and_practices(client_for, staff, catalogue):
    content = (
        client_for(staff).get(reverse("catalogue:clause-detail", args=["8.6.1"])).content.decode()
    )
    assert "Incident management" in content
    assert 'id="required-information"' in content and "Incident" in content
    assert 'id="itil"' in content
    assert client_for(staff).get("/catalogue/8.99/").status_code == 404


def test_catalogue_pages_cost_a_fixed_number_of_queries(
    client_for, staff, catalogue, django_assert_max_num_queries
):
    client = client_for(staff)
    client.get(reverse("catalogue:clause-list"))
    with django_assert_max_num_queries(12):
        client.get(reverse("catalogue:clause-list"))
    with django_assert_max_num_queries(15):
        client.get(reverse("catalogue:clause-detail", args=["8.5.1.2"]))


def test_the_api_lists_and_filters_clauses(api_client_for, staff, catalogue):
    api = api_client_for(staff)
    body = api.get("/api/v1/clauses/", {"under": "8.6", "page_size": 100}).json()
    assert [c["number"] for c in body["results"]] == ["8.6", "8.6.1", "8.6.2", "8.6.3"]
    clause = api.get("/api/v1/clauses/8.6.1/").json()
    assert clause["parent"] == "8.6" and clause["title_zh_hans"] == "事件管理"
    assert api.post("/api/v1/clauses/", {}).status_code == 405
    practices = api.get("/api/v1/itil-practices/", {"page_size": 100}).json()
    assert practices["count"] == 34
