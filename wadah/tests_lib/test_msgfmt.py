import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

from wadah.lib.msgfmt import parse_po, write_mo

PO = Path(__file__).resolve().parents[2] / "locale" / "id" / "LC_MESSAGES" / "django.po"


def _catalog(path: Path) -> dict:
    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    catalog.pop("", None)  # the header: msgfmt drops POT-Creation-Date, nothing that is shown to anyone
    return catalog


def test_it_compiles_the_indonesian_catalogue_without_gnu_gettext(tmp_path):
    mo = tmp_path / "django.mo"
    write_mo(parse_po(PO.read_text(encoding="utf-8")), mo)
    with mo.open("rb") as handle:
        translation = gettext.GNUTranslations(handle)
    assert translation.gettext("Log in") == "Masuk"
    assert translation.ngettext("%(shown)s Ormas", "%(shown)s Ormas", 2) == "%(shown)s Ormas"


def test_it_skips_fuzzy_and_untranslated_entries(tmp_path):
    po = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#, fuzzy\nmsgid "A"\nmsgstr "Satu"\n\nmsgid "B"\nmsgstr ""\n\nmsgctxt "month"\nmsgid "May"\nmsgstr "Mei"\n'
    catalogue = parse_po(po)
    assert "A" not in catalogue and "B" not in catalogue
    assert catalogue["month\x04May"] == "Mei"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU msgfmt not installed; nothing to compare with")
def test_it_writes_what_gnu_msgfmt_writes(tmp_path):
    ours, theirs = tmp_path / "ours.mo", tmp_path / "theirs.mo"
    write_mo(parse_po(PO.read_text(encoding="utf-8")), ours)
    subprocess.run(["msgfmt", "-o", str(theirs), str(PO)], check=True)
    assert _catalog(ours) == _catalog(theirs)
