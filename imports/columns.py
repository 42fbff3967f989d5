"""Finding the header row of a legacy list and guessing which column holds what."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from wadah.lib.text import normalize

# Target fields an officer can map a column to, with their labels (order = order in the mapping form).
TARGETS: dict[str, Any] = {
    "name": _("Name of the Ormas"),
    "abbreviation": _("Abbreviation"),
    "address": _("Secretariat address"),
    "regency": _("Regency/city (kabupaten/kota)"),
    "district": _("District (kecamatan)"),
    "village": _("Village (desa/kelurahan)"),
    "legal_form": _("Legal form"),
    "skt_number": _("SKT number"),
    "skt_issued_on": _("SKT date"),
    "skt_expires_on": _("SKT valid until"),
    "ahu_number": _("SK AHU number"),
    "ahu_date": _("SK AHU date"),
    "field_of_activity": _("Field of activity (bidang)"),
    "chair": _("Chair (ketua)"),
    "secretary": _("Secretary (sekretaris)"),
    "treasurer": _("Treasurer (bendahara)"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "status": _("Status"),
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "nama organisasi",
        "nama ormas",
        "nama",
        "nama lembaga",
        "organisasi",
        "ormas",
        "nama organisasi kemasyarakatan",
        "nama perkumpulan",
    ),
    "abbreviation": ("singkatan", "nama singkatan", "akronim", "singkatan ormas"),
    "address": (
        "alamat",
        "alamat sekretariat",
        "alamat kantor",
        "sekretariat",
        "alamat lengkap",
        "alamat kantor sekretariat",
    ),
    "regency": ("kabupaten kota", "kab kota", "kabupaten", "kota", "kota kabupaten", "kab", "daerah", "wilayah"),
    "district": ("kecamatan", "kec"),
    "village": ("desa kelurahan", "desa", "kelurahan", "kel desa", "desa kel", "kelurahan desa"),
    "legal_form": (
        "bentuk",
        "badan hukum",
        "bentuk badan hukum",
        "status badan hukum",
        "bentuk organisasi",
        "jenis ormas",
        "bentuk ormas",
    ),
    "skt_number": (
        "nomor skt",
        "no skt",
        "skt",
        "skt nomor",
        "nomor surat keterangan terdaftar",
        "no skt ormas",
        "nomor",
    ),
    "skt_issued_on": ("tanggal skt", "tgl skt", "skt tanggal", "tanggal terbit skt", "tanggal", "tgl"),
    "skt_expires_on": (
        "masa berlaku skt",
        "masa berlaku",
        "berlaku sampai",
        "berlaku s d",
        "berlaku hingga",
        "tanggal berakhir skt",
        "skt masa berlaku",
        "skt berlaku s d",
        "berakhir",
    ),
    "ahu_number": (
        "nomor ahu",
        "no ahu",
        "sk ahu",
        "nomor sk ahu",
        "no sk ahu",
        "ahu",
        "ahu nomor",
        "sk kemenkumham",
        "nomor badan hukum",
    ),
    "ahu_date": ("tanggal ahu", "tgl ahu", "tanggal sk ahu", "ahu tanggal", "tgl sk ahu"),
    "field_of_activity": ("bidang", "bidang kegiatan", "bidang organisasi", "kegiatan", "bidang ormas"),
    "chair": ("ketua", "nama ketua", "ketua umum", "pengurus ketua"),
    "secretary": ("sekretaris", "nama sekretaris", "sekretaris umum", "pengurus sekretaris"),
    "treasurer": ("bendahara", "nama bendahara", "bendahara umum", "pengurus bendahara"),
    "phone": (
        "telepon",
        "telp",
        "no telp",
        "hp",
        "no hp",
        "nomor telepon",
        "kontak",
        "telepon hp",
        "no telp hp",
        "nomor hp",
        "telp hp",
    ),
    "email": ("email", "e mail", "surel", "alamat email", "alamat e mail"),
    "status": ("status", "keterangan", "status ormas", "keaktifan", "status keaktifan"),
}
# Headings that are generic on their own and count only with a neighbouring heading above (merged header).
_WEAK = {"nomor", "tanggal", "tgl", "keterangan", "kab", "daerah", "wilayah", "kegiatan"}

_EXACT = {syn: target for target, syns in SYNONYMS.items() for syn in syns}


def classify(heading: str) -> tuple[str | None, float]:
    """The target a heading most likely means, with a confidence between 0 and 1."""
    text = normalize(heading)
    if not text:
        return None, 0.0
    if text in _EXACT:
        return _EXACT[text], 0.6 if text in _WEAK else 1.0
    best: tuple[str | None, float] = (None, 0.0)
    for target, syns in SYNONYMS.items():
        for syn in syns:
            if syn in _WEAK or len(syn) < 4:
                continue
            score = fuzz.token_sort_ratio(text, syn) / 100
            if score >= 0.88 and score > best[1]:
                best = (target, score * 0.9)
            elif f" {syn} " in f" {text} " and best[1] < 0.75:
                best = (target, 0.75)
    return best


def guess_mapping(headings: list[str]) -> dict[str, str]:
    """{column index: target}; each target at most once, the most confident column wins."""
    chosen: dict[str, tuple[int, float]] = {}
    for index, heading in enumerate(headings):
        target, score = classify(heading)
        if target and (target not in chosen or score > chosen[target][1]):
            chosen[target] = (index, score)
    return {str(index): target for target, (index, _score) in chosen.items()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _combined(top: list[Any], bottom: list[Any]) -> list[str]:
    """Headings of a two-line header whose top cells are merged across columns ("SKT" over "Nomor", "Tanggal")."""
    width = max(len(top), len(bottom))
    headings, carry = [], ""
    for i in range(width):
        upper = _text(top[i]) if i < len(top) else ""
        lower = _text(bottom[i]) if i < len(bottom) else ""
        if upper:
            carry = upper
        elif not lower:
            carry = ""
        if lower and (upper or carry):
            headings.append(f"{upper or carry} {lower}")
        else:
            headings.append(upper or lower)
    return headings


def _score(headings: list[str]) -> tuple[float, bool]:
    targets: dict[str, float] = {}
    for heading in headings:
        target, score = classify(heading)
        if target:
            targets[target] = max(score, targets.get(target, 0))
    return sum(targets.values()), "name" in targets


def find_header(rows: list[list[Any]], *, scan: int = 30) -> tuple[int, int, list[str]] | None:
    """(header row index, number of header rows (1 or 2), headings) or None if no row looks like a header."""
    best: tuple[float, int, int, list[str]] | None = None
    for index, row in enumerate(rows[:scan]):
        single = [_text(v) for v in row]
        if sum(1 for h in single if h) < 2:
            continue
        candidates = [(1, single)]
        if index + 1 < len(rows):
            candidates.append((2, _combined(row, rows[index + 1])))
        for height, headings in candidates:
            score, has_name = _score(headings)
            if not has_name or score < 2.5:
                continue
            if best is None or score > best[0] + 0.01:
                best = (score, index, height, headings)
    if best is None:
        return None
    return best[1], best[2], best[3]
