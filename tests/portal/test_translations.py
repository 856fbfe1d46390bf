"""The Chinese translation is complete, and the committed .mo files match their .po files."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PO_FILES = sorted(
    p for p in BASE_DIR.glob("**/locale/*/LC_MESSAGES/*.po") if ".venv" not in p.parts
)


def test_there_is_a_chinese_catalogue():
    assert BASE_DIR / "portal/locale/zh_Hans/LC_MESSAGES/django.po" in PO_FILES


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_every_message_is_translated_and_none_is_fuzzy(po_path):
    catalogue = polib.pofile(str(po_path))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_compiled_catalogue_is_up_to_date(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make compilemessages`"

    def messages(catalogue):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert messages(polib.mofile(str(mo_path))) == messages(polib.pofile(str(po_path)))


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_every_ui_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Collect the strings afresh from a copy of the tree and find each in the catalogue."""
    copy = tmp_path / "tree"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".*", "__pycache__", "media", "staticfiles", "tests", "node_modules", "*.sqlite3*"
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=copy,
        env={"DJANGO_DEBUG": "true", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(copy / "portal/locale/zh_Hans/LC_MESSAGES/django.po"))
    assert [e.msgid for e in fresh.untranslated_entries()] == []
    assert [e.msgid for e in fresh.fuzzy_entries()] == []
