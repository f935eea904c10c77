"""The search module finds Chinese and English text through the index on both databases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iso20k.core import search

pytestmark = pytest.mark.django_db
KIND = "tests.document"


@pytest.fixture
def documents():
    texts = {
        1: ("核心数据库服务器宕机", "交易系统无法登录，报错 ORA-12541"),
        2: ("Printer on the 3rd floor jams", "Paper jam in tray 2; 打印机卡纸"),
        3: ("ＶＰＮ 无法连接", "Full-width letters from a Chinese keyboard"),
        4: ("邮件发送延迟", "Outbound mail queue grows; SMTP relay slow"),
    }
    for pk, (subject, description) in texts.items():
        search.index(KIND, pk, subject, description)
    return texts


def found(query: str) -> set[int]:
    return set(search.matching_ids(KIND, query).values_list("object_id", flat=True))


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("宕机", {1}),  # a two-character Chinese word
        ("数据库服务器", {1}),  # longer Chinese: substring
        ("打印机", {2}),
        ("卡纸", {2}),
        ("printer", {2}),
        ("PRINTER jams", {2}),  # case folded, every term must match
        ("ora-12541", {1}),
        ("vpn", {3}),  # full-width letters normalised
        ("无法", {1, 3}),
        ("mail 延迟", {4}),
        ("relay 宕机", set()),
        ("floor", {2}),
        ("loo", {2}),  # substring of a word (three characters or more)
    ],
)
def test_search_finds_chinese_and_english(documents, query, ids):
    assert found(query) == ids


def test_two_latin_letters_match_whole_words_only(documents):
    search.index(KIND, 5, "VM 无响应", "")
    assert found("vm") == {5}
    assert found("sm") == set()  # inside "smtp", not a word of its own


def test_queries_without_a_usable_term_find_nothing(documents):
    assert found("a") == set() and found("  ") == set()
    assert not search.is_searchable("机")


def test_reindexing_replaces_the_text(documents):
    search.index(KIND, 1, "网络抖动", "")
    assert found("宕机") == set() and found("抖动") == {1}
    search.remove(KIND, 1)
    assert found("抖动") == set()


def test_tokens_pair_chinese_characters():
    assert search.tokens_of(search.normalise("服务器 win10系统")) == [
        "win10",
        "务器",
        "服务",
        "系统",
    ]


def test_the_index_answers_the_query(documents):
    with CaptureQueriesContext(connection) as queries:
        found("宕机")
    sql = queries.captured_queries[-1]["sql"]
    if connection.vendor == "sqlite":
        assert "MATCH" in sql
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN QUERY PLAN SELECT rowid FROM {search.FTS_TABLE} "
                f"WHERE {search.FTS_TABLE} MATCH 'tokens : \" 宕机 \"'"
            )
            assert "VIRTUAL TABLE INDEX" in " ".join(str(r) for r in cursor.fetchall())
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT object_id FROM core_searchentry WHERE tokens LIKE %s",
                ["% 宕机 %"],
            )
            plan = " ".join(r[0] for r in cursor.fetchall())
            cursor.execute("SET enable_seqscan = on")
        assert "core_search_tokens_trgm" in plan
