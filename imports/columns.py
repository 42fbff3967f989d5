"""Finding the header row of a legacy list and guessing which column holds what."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from imports.models import HeadingSynonym
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

# The headings offices were found to use, normalised (lower-case words: "Tgl. SKT" → "tgl skt"). These are the
# seed of the HeadingSynonym table (migration 0002 copies them) and the answer when the table is not at hand;
# at run time the table is the truth, so an administrator can add the next office's wording.
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
        "alamat sekretariat ormas",
        "alamat sekret",
        "alamat kantor ormas",
        "domisili",
        "alamat domisili",
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
        "skt no",
        "nomor skt ormas",
        "no surat keterangan terdaftar",
        "no reg skt",
        "nomor registrasi",
        "no registrasi",
    ),
    "skt_issued_on": (
        "tanggal skt",
        "tgl skt",
        "skt tanggal",
        "skt tgl",
        "tanggal terbit skt",
        "tgl terbit skt",
        "tanggal terbit",
        "tgl terbit",
        "terbit",
        "diterbitkan",
        "tanggal dikeluarkan",
        "tgl dikeluarkan",
        "dikeluarkan",
        "dikeluarkan tanggal",
        "tanggal dikeluarkan skt",
        "tgl dikeluarkan skt",
        "tanggal",
        "tgl",
    ),
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
        "no sk kemenkumham",
        "nomor sk kemenkumham",
        "sk menkumham",
        "no sk menkumham",
        "no badan hukum",
    ),
    "ahu_date": ("tanggal ahu", "tgl ahu", "tanggal sk ahu", "ahu tanggal", "tgl sk ahu", "ahu tgl", "sk ahu tgl"),
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
        "no telepon",
        "no hp wa",
        "hp wa",
        "telp wa",
        "no kontak",
        "kontak person",
        "cp",
    ),
    "email": ("email", "e mail", "surel", "alamat email", "alamat e mail"),
    "status": ("status", "keterangan", "ket", "status ormas", "keaktifan", "status keaktifan", "keterangan status"),
}
# Headings that are generic on their own and count only with a neighbouring heading above (merged header).
WEAK = {
    "nomor", "tanggal", "tgl", "keterangan", "ket", "kab", "daerah", "wilayah", "kegiatan", "terbit",
    "dikeluarkan", "diterbitkan", "cp",
}  # fmt: skip


ANSWERS_KEPT = 5000


@dataclass(frozen=True)
class Synonyms:
    """{normalised heading: target} and the headings that are generic on their own."""

    exact: dict[str, str]
    weak: frozenset[str]
    # classify() answers, by normalised heading: a file's header scan meets the same cell texts again and again
    # (statuses, kab/kota names, dates), and locate() runs for the upload and again for the analysis.
    answers: dict[str, tuple[str | None, float]] = field(default_factory=dict, compare=False, repr=False)


DEFAULT = Synonyms({syn: target for target, syns in SYNONYMS.items() for syn in syns}, frozenset(WEAK))


def load_synonyms() -> Synonyms:
    """The synonyms in the HeadingSynonym table (admin-editable); the built-in list if the table is empty."""
    rows = list(HeadingSynonym.objects.filter(is_active=True).values_list("heading", "target", "weak"))
    if not rows:
        return DEFAULT
    exact = {normalize(heading): target for heading, target, _weak in rows if target in TARGETS}
    return Synonyms(exact, frozenset(normalize(heading) for heading, _target, weak in rows if weak))


def classify(heading: str, synonyms: Synonyms = DEFAULT) -> tuple[str | None, float]:
    """The target a heading most likely means, with a confidence between 0 and 1."""
    text = normalize(heading)
    if not text:
        return None, 0.0
    if text not in synonyms.answers:
        if len(synonyms.answers) >= ANSWERS_KEPT:  # the built-in DEFAULT lives as long as the process
            synonyms.answers.clear()
        synonyms.answers[text] = _classify(text, synonyms)
    return synonyms.answers[text]


def _classify(text: str, synonyms: Synonyms) -> tuple[str | None, float]:
    if text in synonyms.exact:
        return synonyms.exact[text], 0.6 if text in synonyms.weak else 1.0
    best: tuple[str | None, float] = (None, 0.0)
    for syn, target in synonyms.exact.items():
        if syn in synonyms.weak or len(syn) < 4:
            continue
        score = fuzz.token_sort_ratio(text, syn) / 100
        if score >= 0.88 and score > best[1]:
            best = (target, score * 0.9)
        elif f" {syn} " in f" {text} " and best[1] < 0.75:
            best = (target, 0.75)
    return best


def guess_mapping(headings: list[str], synonyms: Synonyms = DEFAULT) -> dict[str, str]:
    """{column index: target}; each target at most once, the most confident column wins."""
    chosen: dict[str, tuple[int, float]] = {}
    for index, heading in enumerate(headings):
        target, score = classify(heading, synonyms)
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


def _score(headings: list[str], synonyms: Synonyms) -> tuple[float, bool]:
    targets: dict[str, float] = {}
    for heading in headings:
        target, score = classify(heading, synonyms)
        if target:
            targets[target] = max(score, targets.get(target, 0))
    return sum(targets.values()), "name" in targets


def find_header(
    rows: list[list[Any]], *, scan: int = 30, synonyms: Synonyms = DEFAULT
) -> tuple[int, int, list[str]] | None:
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
            score, has_name = _score(headings, synonyms)
            if not has_name or score < 2.5:
                continue
            if best is None or score > best[0] + 0.01:
                best = (score, index, height, headings)
    if best is None:
        return None
    return best[1], best[2], best[3]
