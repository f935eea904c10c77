"""Every visible string is translated to zh-hans, and the catalogue is up to date with the code."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MAKEMESSAGES = {
    "locale": ["zh_Hans"],
    "add_location": "file",
    "no_obsolete": True,
    "ignore_patterns": [".venv/*", "node_modules/*", "var/*", "artifacts/*"],
    "verbosity": 0,
}


def entry_keys(po: polib.POFile) -> set[tuple]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}


def test_no_zh_hans_entry_is_empty_or_fuzzy():
    po = polib.pofile(str(PO))
    empty = [e.msgid for e in po if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert empty == [] and fuzzy == []


def test_placeholders_survive_translation():
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]")
    po = polib.pofile(str(PO))
    for entry in po:
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(translated)), (
            entry.msgid
        )


def test_makemessages_leaves_the_catalogue_unchanged(tmp_path, settings, monkeypatch):
    """Run makemessages on a copy of the sources, so the check never rewrites the repository."""
    if not shutil.which("xgettext"):
        pytest.fail("gettext is missing: `make test` installs it (apt-get install gettext)")
    skip = shutil.ignore_patterns("*.mo", "__pycache__", "*.pyc")
    for name in ("iso20k", "templates", "config", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=skip)
    copy = tmp_path / "locale"
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", **MAKEMESSAGES)
    fresh = polib.pofile(str(copy / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    current = polib.pofile(str(PO))
    missing = entry_keys(fresh) - entry_keys(current)
    stale = entry_keys(current) - entry_keys(fresh)
    assert not missing, f"run `make messages-update`; new strings: {sorted(missing)[:10]}"
    assert not stale, f"run `make messages-update`; strings no longer used: {sorted(stale)[:10]}"
