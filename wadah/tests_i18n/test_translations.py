"""The Indonesian catalogue is complete and is what users see by default.

Set CHECK_MESSAGES=1 to also extract the messages from a copy of the source tree and fail on any string that
has no Indonesian translation yet (run `make messages` or makemessages, then translate).
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parents[2]
PO_FILE = BASE_DIR / "locale" / "id" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]")


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def where(self) -> str:
        return " ".join(self.references[:2]) or "?"


def parse_po(path: Path) -> list[Entry]:
    """A minimal reader for the gettext PO format as msgmerge writes it (no polib in the venv)."""
    entries: list[Entry] = []
    current: Entry | None = None
    key: tuple[str, int] | None = None

    def start() -> Entry:
        nonlocal current
        if current is None:
            current = Entry()
        return current

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current is not None:
                entries.append(current)
            current, key = None, None
            continue
        if line.startswith("#~"):
            start().obsolete = True
            continue
        if line.startswith("#,"):
            start().flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#:"):
            start().references.extend(line[2:].split())
            continue
        if line.startswith("#"):
            start()
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line)
        entry = start()
        if match:
            name, index, literal = match.group(1), int(match.group(2) or 0), match.group(3)
            key = (name, index)
            value = ast.literal_eval(literal)
            if name == "msgstr":
                entry.msgstr[index] = value
            else:
                setattr(entry, name, value)
        elif line.startswith('"') and key is not None:
            value = ast.literal_eval(line)
            name, index = key
            if name == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, name, (getattr(entry, name) or "") + value)
        else:
            raise AssertionError(f"{path}: cannot read line {raw!r}")
    return entries


def messages(path: Path = PO_FILE) -> list[Entry]:
    return [e for e in parse_po(path) if e.msgid and not e.obsolete]


def header(path: Path = PO_FILE) -> dict[str, str]:
    head = next(e for e in parse_po(path) if e.msgid == "")
    pairs = (line.split(":", 1) for line in head.msgstr[0].splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}


# --- The catalogue itself ------------------------------------------------------------------------------------


def test_the_catalogue_exists_and_has_messages():
    assert PO_FILE.exists(), "Run makemessages -l id (see the Makefile) and translate the result."
    assert len(messages()) > 100


def test_header_declares_indonesian_with_one_plural_form():
    values = header()
    assert values["Language"] == "id"
    assert values["Content-Type"] == "text/plain; charset=UTF-8"
    assert values["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert values.get("Language-Team")


def test_every_message_is_translated():
    untranslated = [f"{e.where}: {e.msgid!r}" for e in messages() if not any(e.msgstr.values())]
    assert not untranslated, "Untranslated messages:\n" + "\n".join(untranslated)


def test_no_message_is_fuzzy():
    fuzzy = [f"{e.where}: {e.msgid!r}" for e in messages() if "fuzzy" in e.flags]
    assert not fuzzy, "Fuzzy (unchecked) translations — check them and remove the flag:\n" + "\n".join(fuzzy)


def test_plural_messages_have_exactly_one_form():
    wrong = [e.msgid for e in messages() if e.msgid_plural is not None and set(e.msgstr) != {0}]
    assert not wrong, f"Indonesian has one plural form; give only msgstr[0] for: {wrong}"


def test_translations_keep_every_placeholder():
    wrong = []
    for e in messages():
        expected = set(PLACEHOLDER.findall(e.msgid)) | set(PLACEHOLDER.findall(e.msgid_plural or ""))
        for text in e.msgstr.values():
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"{e.where}: {e.msgid!r} -> {text!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def test_msgfmt_accepts_the_catalogue(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(PO_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.environ.get("CHECK_MESSAGES") != "1", reason="set CHECK_MESSAGES=1 to extract messages")
def test_source_has_no_message_missing_from_the_catalogue(tmp_path):
    """Extract from a copy of the tree, so the real locale/ is never touched."""
    if shutil.which("xgettext") is None:
        pytest.skip("gettext is not installed")
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "bench", "var", ".git", "staticfiles", "__pycache__", "*.mo", "*.sqlite3"
    )
    copy = tmp_path / "src"
    shutil.copytree(BASE_DIR, copy, ignore=ignore)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete",
         "--ignore=.venv", "--ignore=node_modules", "--ignore=bench"],
        cwd=copy, check=True, capture_output=True,
    )  # fmt: skip
    extracted = messages(copy / "locale" / "id" / "LC_MESSAGES" / "django.po")
    missing = [f"{e.where}: {e.msgid!r}" for e in extracted if not any(e.msgstr.values()) or "fuzzy" in e.flags]
    assert not missing, "New messages need an Indonesian translation:\n" + "\n".join(missing)


# --- What users see ------------------------------------------------------------------------------------------


# Looked up through variables, so that makemessages does not list this file as a source of the messages.
EXPECTED = [
    ("Log in", "Masuk"),
    ("Log out", "Keluar"),
    ("Download Excel", "Unduh Excel"),
    ("Skip to content", "Langsung ke isi"),
]
PLURAL = ("%(days)s day left", "%(days)s days left", "sisa %(days)s hari")


def test_gettext_uses_the_catalogue(fresh_translations):
    singular, plural, expected = PLURAL
    with translation.override("id"):
        for english, indonesian in EXPECTED:
            assert translation.gettext(english) == indonesian
        assert translation.ngettext(singular, plural, 1) == expected
        assert translation.ngettext(singular, plural, 5) == expected
    with translation.override("en"):
        assert translation.gettext(EXPECTED[0][0]) == EXPECTED[0][0]


@pytest.mark.django_db
@pytest.mark.indonesian
def test_login_page_is_indonesian_by_default(client, fresh_translations):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id"' in html
    assert "Masuk ke Wadah" in html
    assert "Kata sandi" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_login_page_is_english_with_the_language_cookie(client, fresh_translations):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Log in to Wadah" in html
    assert "Masuk ke Wadah" not in html
