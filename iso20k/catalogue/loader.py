"""Read and check the catalogue's data files, reporting every problem by file, line and reason.

parse_catalogue(directory) returns the parsed clauses and practices, or raises
CatalogueError listing every problem found. Writing to the database is services.py's job.
"""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
FRAMEWORK = "iso20000-1:2018"
NUMBER = re.compile(r"^(?:[4-9]|10)(?:\.[1-9][0-9]?){0,3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = ("en", "zh-hans")
CLAUSE_KEYS = {
    "id",
    "number",
    "title",
    "summary",
    "assessable",
    "amendment",
    "required_information",
    "itil",
}
PRACTICE_KEYS = {"id", "group", "name", "summary"}
PRACTICE_GROUPS = {"general", "service", "technical"}
INFO_KINDS = {"document", "record"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class CatalogueError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ParsedCatalogue:
    clauses: list[dict] = field(default_factory=list)
    practices: list[dict] = field(default_factory=list)
    digest: str = ""


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's line and refuses duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _value in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int, reason: str) -> None:
        self.problems.append(Problem(file, line, reason))

    def load(self, path: Path) -> dict | None:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
        except UnicodeDecodeError:
            self.problem(path.name, 1, "the file is not UTF-8 text")
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self.problem(
                path.name,
                (mark.line + 1) if mark else 1,
                f"not valid YAML: {exc.problem or exc.context}",
            )
            return None
        if not isinstance(data, dict):
            self.problem(path.name, 1, "expected a mapping at the top of the file")
            return None
        return data

    def bilingual(self, file: str, entry: dict, key: str, where: str) -> dict | None:
        value = entry.get(key)
        line = entry.get("__line__", 1)
        if not isinstance(value, dict):
            self.problem(file, line, f"{where}: {key!r} must have 'en' and 'zh-hans' texts")
            return None
        texts = {}
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.problem(
                    file, value.get("__line__", line), f"{where}: {key}.{lang} is missing or empty"
                )
                return None
            texts[lang] = " ".join(text.split()) if key != "summary" else text.strip()
        return texts


def _sort_key(number: str) -> str:
    return ".".join(f"{int(part):02d}" for part in number.split("."))


def _check_clause(reader: _Reader, file: str, entry: object, index: int) -> dict | None:
    if not isinstance(entry, dict):
        reader.problem(file, 1, f"clause #{index + 1} is not a mapping")
        return None
    line = entry["__line__"]
    number = entry.get("number")
    where = f"clause {number}" if number else f"clause #{index + 1}"
    unknown = set(entry) - CLAUSE_KEYS - {"__line__"}
    if unknown:
        reader.problem(file, line, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(number, str) or not NUMBER.match(number):
        reader.problem(
            file, line, f"{where}: 'number' must be a quoted clause number like \"8.6.1\""
        )
        return None
    if entry.get("id") != f"{FRAMEWORK}:{number}":
        reader.problem(file, line, f"{where}: 'id' must be \"{FRAMEWORK}:{number}\"")
    if not isinstance(entry.get("assessable"), bool):
        reader.problem(file, line, f"{where}: 'assessable' must be true or false")
    title = reader.bilingual(file, entry, "title", where)
    summary = reader.bilingual(file, entry, "summary", where)
    info = _check_information(reader, file, entry, where)
    itil = entry.get("itil", [])
    if not isinstance(itil, list) or not all(isinstance(i, str) for i in itil):
        reader.problem(file, line, f"{where}: 'itil' must be a list of practice ids")
        itil = []
    if title is None or summary is None or info is None:
        return None
    return {
        "id": f"{FRAMEWORK}:{number}",
        "number": number,
        "line": line,
        "file": file,
        "title": title,
        "summary": summary,
        "assessable": entry.get("assessable") is True,
        "amendment": entry.get("amendment") or "",
        "information": info,
        "itil": itil,
        "sort_key": _sort_key(number),
        "level": number.count(".") + 1,
    }


def _check_information(reader: _Reader, file: str, entry: dict, where: str) -> list[dict] | None:
    items = entry.get("required_information", [])
    if not isinstance(items, list):
        reader.problem(file, entry["__line__"], f"{where}: 'required_information' must be a list")
        return None
    result = []
    for item in items:
        line = (
            item.get("__line__", entry["__line__"]) if isinstance(item, dict) else entry["__line__"]
        )
        if not isinstance(item, dict) or not SLUG.match(str(item.get("code", ""))):
            reader.problem(
                file, line, f"{where}: each required_information needs a kebab-case 'code'"
            )
            return None
        if item.get("kind") not in INFO_KINDS:
            reader.problem(
                file, line, f"{where}: kind of {item['code']!r} must be document or record"
            )
            return None
        title = reader.bilingual(file, item, "title", f"{where} {item['code']}")
        if title is None:
            return None
        result.append({"code": item["code"], "kind": item["kind"], "title": title, "line": line})
    return result


def _check_practice(reader: _Reader, file: str, entry: object, index: int) -> dict | None:
    if not isinstance(entry, dict):
        reader.problem(file, 1, f"practice #{index + 1} is not a mapping")
        return None
    line = entry["__line__"]
    pid = entry.get("id")
    where = f"practice {pid}" if pid else f"practice #{index + 1}"
    unknown = set(entry) - PRACTICE_KEYS - {"__line__"}
    if unknown:
        reader.problem(file, line, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(pid, str) or not SLUG.match(pid):
        reader.problem(file, line, f"{where}: 'id' must be kebab-case")
        return None
    if entry.get("group") not in PRACTICE_GROUPS:
        reader.problem(file, line, f"{where}: 'group' must be general, service or technical")
        return None
    name = reader.bilingual(file, entry, "name", where)
    summary = reader.bilingual(file, entry, "summary", where)
    if name is None or summary is None:
        return None
    return {
        "id": pid,
        "group": entry["group"],
        "name": name,
        "summary": summary,
        "position": index,
        "line": line,
        "file": file,
    }


def _cross_check(reader: _Reader, catalogue: ParsedCatalogue) -> None:
    numbers: dict[str, dict] = {}
    codes: dict[str, str] = {}
    practices = {p["id"] for p in catalogue.practices}
    for clause in catalogue.clauses:
        if clause["number"] in numbers:
            first = numbers[clause["number"]]
            reader.problem(
                clause["file"],
                clause["line"],
                f"clause {clause['number']} appears twice (also {first['file']}:{first['line']})",
            )
        numbers[clause["number"]] = clause
        for item in clause["information"]:
            if item["code"] in codes:
                reader.problem(
                    clause["file"],
                    item["line"],
                    f"required_information code {item['code']!r} is used twice",
                )
            codes[item["code"]] = clause["number"]
        for practice in clause["itil"]:
            if practice not in practices:
                reader.problem(
                    clause["file"],
                    clause["line"],
                    f"clause {clause['number']}: unknown ITIL practice {practice!r}",
                )
    for clause in catalogue.clauses:
        parent = clause["number"].rpartition(".")[0]
        if parent and parent not in numbers:
            reader.problem(
                clause["file"],
                clause["line"],
                f"clause {clause['number']}: its parent {parent} is not in the catalogue",
            )
        has_children = any(
            c["number"].rpartition(".")[0] == clause["number"] for c in catalogue.clauses
        )
        if has_children == clause["assessable"]:
            expected = (
                "false (it has sub-clauses)" if has_children else "true (it has no sub-clauses)"
            )
            reader.problem(
                clause["file"],
                clause["line"],
                f"clause {clause['number']}: 'assessable' should be {expected}",
            )


def parse_catalogue(directory: Path = DATA_DIR) -> ParsedCatalogue:
    """Parse every data file; raise CatalogueError naming each problem by file and line."""
    reader = _Reader()
    catalogue = ParsedCatalogue()
    digest = hashlib.sha256()
    clause_files = sorted(directory.glob("clauses-*.yaml"))
    practice_file = directory / "itil4-practices.yaml"
    if not clause_files:
        reader.problem(str(directory), 0, "no clauses-*.yaml file found")
    if not practice_file.exists():
        reader.problem(practice_file.name, 0, "the file is missing")
    for path in [*clause_files, practice_file] if practice_file.exists() else clause_files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        data = reader.load(path)
        if data is None:
            continue
        key = "practices" if path == practice_file else "clauses"
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            reader.problem(path.name, data.get("__line__", 1), f"expected a non-empty '{key}' list")
            continue
        check = _check_practice if key == "practices" else _check_clause
        for index, entry in enumerate(entries):
            parsed = check(reader, path.name, entry, index)
            if parsed is not None:
                getattr(catalogue, key).append(parsed)
    if not reader.problems:
        _cross_check(reader, catalogue)
    if reader.problems:
        raise CatalogueError(reader.problems)
    catalogue.clauses.sort(key=lambda c: c["sort_key"])
    catalogue.digest = digest.hexdigest()
    return catalogue
