"""Loading the clause catalogue: real files load; a malformed file is named by line and reason."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from iso20k.catalogue.loader import DATA_DIR, CatalogueError, parse_catalogue
from iso20k.catalogue.models import CatalogueRelease, Clause, ItilPractice, RequiredInformation
from iso20k.catalogue.services import load_catalogue
from iso20k.history.models import ChangeRecord

GOOD_CLAUSES = """\
framework: iso20000-1:2018
clauses:
  - id: "iso20000-1:2018:8"
    number: "8"
    title: {en: "Operation of the service management system", zh-hans: "服务管理体系的运行"}
    summary: {en: "Running the processes.", zh-hans: "运行各过程。"}
    assessable: false
    required_information: []
    itil: []
  - id: "iso20000-1:2018:8.1"
    number: "8.1"
    title: {en: "Operational planning and control", zh-hans: "运行策划和控制"}
    summary: {en: "Plan and control.", zh-hans: "策划和控制。"}
    assessable: true
    required_information:
      - code: "incident-records"
        kind: record
        title: {en: "Incident records", zh-hans: "事件记录"}
    itil: ["incident-management"]
"""
GOOD_PRACTICES = """\
practices:
  - id: "incident-management"
    group: service
    name: {en: "Incident management", zh-hans: "事件管理"}
    summary: {en: "Restore service fast.", zh-hans: "尽快恢复服务。"}
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "clauses-08.yaml").write_text(GOOD_CLAUSES, encoding="utf-8")
    (tmp_path / "itil4-practices.yaml").write_text(GOOD_PRACTICES, encoding="utf-8")
    return tmp_path


def problems(directory: Path) -> list[str]:
    with pytest.raises(CatalogueError) as exc:
        parse_catalogue(directory)
    return [str(p) for p in exc.value.problems]


def test_a_well_formed_directory_parses(data_dir):
    parsed = parse_catalogue(data_dir)
    assert [c["number"] for c in parsed.clauses] == ["8", "8.1"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'number: "8.1"',
            "number: 8.1",
            "clauses-08.yaml:10: clause 8.1: 'number' must be a quoted",
        ),
        (
            'zh-hans: "运行策划和控制"',
            'zh-hans: ""',
            "clauses-08.yaml:12: clause 8.1: title.zh-hans is missing",
        ),
        (
            "kind: record",
            "kind: recording",
            "kind of 'incident-records' must be document or record",
        ),
        (
            'itil: ["incident-management"]',
            'itil: ["incident-mgmt"]',
            "unknown ITIL practice 'incident-mgmt'",
        ),
        (
            "assessable: true",
            "assessable: false",
            "'assessable' should be true (it has no sub-clauses)",
        ),
        (
            'id: "iso20000-1:2018:8.1"',
            'id: "iso20000-1:2018:8.2"',
            "'id' must be \"iso20000-1:2018:8.1\"",
        ),
        (
            "    itil: []\n  - id",
            "    itil: []\n    colour: red\n  - id",
            "clause 8: unknown field(s) colour",
        ),
    ],
)
def test_each_kind_of_mistake_is_reported_by_file_line_and_reason(data_dir, old, new, expected):
    path = data_dir / "clauses-08.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    found = problems(data_dir)
    assert any(expected in p for p in found), found


def test_broken_yaml_is_reported_with_its_line(data_dir):
    path = data_dir / "clauses-08.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "    summary: {en: unclosed"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(data_dir)
    assert (
        len(found) == 1 and found[0].startswith("clauses-08.yaml:") and "not valid YAML" in found[0]
    )


def test_duplicate_keys_and_duplicate_clauses_are_refused(data_dir):
    path = data_dir / "clauses-08.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    assessable: false\n", "    assessable: false\n    assessable: false\n", 1
    )
    path.write_text(text, encoding="utf-8")
    assert any("duplicate key 'assessable'" in p for p in problems(data_dir))
    path.write_text(GOOD_CLAUSES, encoding="utf-8")
    (data_dir / "clauses-09.yaml").write_text(GOOD_CLAUSES, encoding="utf-8")
    assert any("clause 8 appears twice" in p for p in problems(data_dir))


def test_a_child_without_its_parent_is_refused(data_dir):
    path = data_dir / "clauses-08.yaml"
    path.write_text(
        GOOD_CLAUSES.replace('"8.1"', '"8.1.1"').replace(":8.1", ":8.1.1"), encoding="utf-8"
    )
    assert any("its parent 8.1 is not in the catalogue" in p for p in problems(data_dir))


@pytest.mark.django_db
def test_a_malformed_file_changes_nothing_in_the_database(data_dir, system):
    (data_dir / "clauses-08.yaml").write_text(
        GOOD_CLAUSES.replace("kind: record", "kind: x"), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="clauses-08.yaml:"):
        call_command("load_catalogue", directory=data_dir)
    assert not Clause.objects.exists() and not ItilPractice.objects.exists()
    assert not ChangeRecord.objects.filter(event="catalogue.catalogue.loaded").exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing_the_second_time(data_dir, system):
    first = load_catalogue(actor=system, directory=data_dir)
    second = load_catalogue(actor=system, directory=data_dir)
    assert first.changed and not second.changed
    assert CatalogueRelease.objects.count() == 1
    assert ChangeRecord.objects.filter(event="catalogue.catalogue.loaded").count() == 1
    assert Clause.objects.get(number="8.1").parent.number == "8"
    assert RequiredInformation.objects.get().clause.number == "8.1"


@pytest.mark.django_db
def test_an_entry_dropped_from_the_files_leaves_the_current_catalogue(data_dir, system):
    load_catalogue(actor=system, directory=data_dir)
    path = data_dir / "clauses-08.yaml"
    path.write_text(
        GOOD_CLAUSES.split('  - id: "iso20000-1:2018:8.1"')[0].replace(
            "assessable: false", "assessable: true"
        ),
        encoding="utf-8",
    )
    load_catalogue(actor=system, directory=data_dir)
    assert list(Clause.objects.current().values_list("number", flat=True)) == ["8"]
    assert Clause.objects.filter(number="8.1", is_current=False).exists()


def test_the_shipped_catalogue_is_complete():
    parsed = parse_catalogue(DATA_DIR)
    numbers = {c["number"] for c in parsed.clauses}
    assert len(parsed.clauses) == 77
    assert {
        "4",
        "4.3",
        "5.2.1",
        "6.2.2",
        "7.5.4",
        "8.3.4.2",
        "8.5.1.3",
        "8.7.3.3",
        "9.3",
        "10.2",
    } <= numbers
    assert len(parsed.practices) == 34
    records = {i["code"] for c in parsed.clauses for i in c["information"] if i["kind"] == "record"}
    assert len(records) >= 18
    by_number = {c["number"]: c for c in parsed.clauses}
    assert by_number["4.1"]["amendment"] == "Amd 1:2024"
    assert "incident-management" in by_number["8.6.1"]["itil"]


def test_shipped_summaries_are_ours_not_the_standards(tmp_path):
    """Guard: no summary reuses the standard's typical requirement phrasing."""
    parsed = parse_catalogue(DATA_DIR)
    for clause in parsed.clauses:
        assert "shall" not in clause["summary"]["en"].lower(), clause["number"]


def test_the_command_loads_the_shipped_files(db, capsys):
    call_command("load_catalogue")
    assert "catalogue loaded: 77 clauses" in capsys.readouterr().out
    call_command("load_catalogue")
    assert "catalogue unchanged" in capsys.readouterr().out
    assert shutil.which("true")
