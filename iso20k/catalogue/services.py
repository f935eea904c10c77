"""Load the clause catalogue from its data files into the database.

load_catalogue() parses every file first (nothing is written when any file is malformed),
then upserts practices, clauses and required information in one transaction and records
one history row. Loading unchanged files again changes nothing.
"""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from iso20k.history import services as history

from .loader import DATA_DIR, parse_catalogue
from .models import CatalogueRelease, Clause, ItilPractice, RequiredInformation


@dataclass(frozen=True)
class LoadReport:
    changed: bool
    clauses: int
    practices: int
    information: int
    digest: str


def _search_text(clause: dict) -> str:
    parts = [clause["number"], *clause["title"].values(), *clause["summary"].values()]
    for item in clause["information"]:
        parts.extend(item["title"].values())
    return " ".join(parts).lower()


@transaction.atomic
def load_catalogue(*, actor, directory: Path = DATA_DIR, force: bool = False) -> LoadReport:
    """Parse and load the catalogue. Raises loader.CatalogueError on any malformed file.

    Event catalogue.catalogue.loaded (one row per load that changed something).
    """
    parsed = parse_catalogue(directory)
    counts = {
        "clauses": len(parsed.clauses),
        "practices": len(parsed.practices),
        "information": sum(len(c["information"]) for c in parsed.clauses),
    }
    latest = CatalogueRelease.objects.first()
    if not force and latest is not None and latest.digest == parsed.digest:
        return LoadReport(changed=False, digest=parsed.digest, **counts)
    for practice in parsed.practices:
        ItilPractice.objects.update_or_create(
            id=practice["id"],
            defaults={
                "group": practice["group"],
                "position": practice["position"],
                "name_en": practice["name"]["en"],
                "name_zh_hans": practice["name"]["zh-hans"],
                "summary_en": practice["summary"]["en"],
                "summary_zh_hans": practice["summary"]["zh-hans"],
            },
        )
    by_number: dict[str, Clause] = {}
    for data in parsed.clauses:
        parent = by_number.get(data["number"].rpartition(".")[0])
        clause, _created = Clause.objects.update_or_create(
            id=data["id"],
            defaults={
                "number": data["number"],
                "parent": parent,
                "level": data["level"],
                "sort_key": data["sort_key"],
                "title_en": data["title"]["en"],
                "title_zh_hans": data["title"]["zh-hans"],
                "summary_en": data["summary"]["en"],
                "summary_zh_hans": data["summary"]["zh-hans"],
                "assessable": data["assessable"],
                "amendment": data["amendment"],
                "search_text": _search_text(data),
                "is_current": True,
            },
        )
        clause.itil_practices.set(data["itil"])
        by_number[data["number"]] = clause
        for position, item in enumerate(data["information"]):
            RequiredInformation.objects.update_or_create(
                code=item["code"],
                defaults={
                    "clause": clause,
                    "kind": item["kind"],
                    "position": position,
                    "title_en": item["title"]["en"],
                    "title_zh_hans": item["title"]["zh-hans"],
                    "is_current": True,
                },
            )
    # Entries dropped from the files stay (other records may point at them) but leave the catalogue.
    Clause.objects.exclude(id__in=[c["id"] for c in parsed.clauses]).update(is_current=False)
    codes = [i["code"] for c in parsed.clauses for i in c["information"]]
    RequiredInformation.objects.exclude(code__in=codes).update(is_current=False)
    release = CatalogueRelease.objects.create(digest=parsed.digest, **counts)
    history.record(
        release,
        event="catalogue.catalogue.loaded",
        actor=actor,
        data={"digest": parsed.digest, **counts},
    )
    return LoadReport(changed=True, digest=parsed.digest, **counts)
