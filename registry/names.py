"""Name and symbol conflict check (UU 17/2013 Pasal 59 as amended by UU 16/2017; domain.md §3.5).

An Ormas may not use a name that is the same as a lembaga pemerintahan's, a foreign state's or international body's
(without permission), or similar "pada pokoknya atau keseluruhannya" to another Ormas's, a political party's or a
forbidden organisation's. `find_conflicts()` compares a proposed name (and singkatan) against every registered Ormas
and the active `ReservedName` entries and returns the closest, scored 0–100 with a human reason. It is a hint for the
officer, not a decision.

How names are compared
  1. wadah.lib.text.normalize (case, accents, punctuation, spacing); a trailing "(ABC)" is read as the singkatan.
  2. Common abbreviations are expanded (Kab. → kabupaten, Kalteng → kalimantan tengah; EXPANSIONS).
  3. The *distinctive part* drops the generic words of Ormas names (ikatan, persatuan, forum …; STOP_WORDS), so
     "Ikatan  Pemuda-Dayak (IPD)" and "Persatuan Pemuda Dayak" compare as "pemuda dayak" = "pemuda dayak".
  4. rapidfuzz scores the distinctive parts (word order and one-letter slips do not hide a match); an equal
     singkatan is a strong signal on its own.

How candidates are found (never a scan of the whole table)
  PostgreSQL: a few indexed queries on the trigram-indexed `name_search` (registry/migrations/0002): the exact name,
  the distinctive part as a phrase, all its words (LIKE, ANDed), every word but one with the left-out word matched
  fuzzily (pg_trgm word similarity, `%>`), every word but one (a word added), and the singkatan. Each is capped.
  SQLite: the same LIKE branches without the fuzzy one, capped at a few thousand rows (one province's registry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db import connections
from django.db.models import Q
from rapidfuzz import fuzz

from registry.models import Ormas, ReservedName
from wadah.lib.text import compact, normalize

# Generic words of Ormas names: the kind of organisation and its chapter level. They are left out of the
# *distinctive part* (they say what the organisation is, not which one). Deliberately NOT in the list:
#   "indonesia", "nasional", "kalimantan", region names — in "Pemuda Pancasila Indonesia" vs "Pemuda Pancasila" the
#   extra word is only a small penalty anyway, and for short names ("Laskar Indonesia") it is half the name;
#   "pemuda", "wanita", "mahasiswa", "adat" … — they carry meaning ("Pemuda Dayak" ≠ "Wanita Dayak");
#   "partai" — the check against political parties needs it.
STOP_WORDS = frozenset(
    {
        "ikatan",
        "persatuan",
        "perkumpulan",
        "yayasan",
        "lembaga",
        "forum",
        "himpunan",
        "gerakan",
        "organisasi",
        "ormas",
        "perhimpunan",
        "paguyuban",
        "asosiasi",
        "serikat",
        "kerukunan",
        "keluarga",
        "besar",
        "komunitas",
        "majelis",
        "dewan",
        "badan",
        "barisan",
        "jaringan",
        "wadah",
        "kelompok",
        "aliansi",
        "laskar",
        "dpp",
        "dpw",
        "dpd",
        "dpc",
        "pac",
        "pw",
        "pd",
        "pc",
        "pp",
        "pengurus",
        "pusat",
        "wilayah",
        "daerah",
        "cabang",
        "ranting",
        "dan",
        "the",
        "of",
    }
)

# Abbreviations written inside names, expanded before comparing (keys and values already normalised).
EXPANSIONS = {
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "ds": "desa",
    "prov": "provinsi",
    "prop": "provinsi",
    "propinsi": "provinsi",
    "kalteng": "kalimantan tengah",
    "kalbar": "kalimantan barat",
    "kalsel": "kalimantan selatan",
    "kaltim": "kalimantan timur",
    "kaltara": "kalimantan utara",
    "kotim": "kotawaringin timur",
    "kobar": "kotawaringin barat",
    "kapuas": "kapuas",
    "pky": "palangka raya",
    "palangkaraya": "palangka raya",
    "ri": "republik indonesia",
    "nkri": "negara kesatuan republik indonesia",
    "kementrian": "kementerian",
    "kemenkumham": "kementerian hukum dan hak asasi manusia",
    "kemendagri": "kementerian dalam negeri",
    "kemenag": "kementerian agama",
    "polri": "kepolisian negara republik indonesia",
    "pdip": "pdi perjuangan",
}

# Reserved abbreviations that are also ordinary words inside names ("Ahmad bin Umar"): matched only as the
# proposal's singkatan, never as a word of its name. Abbreviations of two letters are never matched inside names.
AMBIGUOUS_ABBREVIATIONS = frozenset({"bin", "pan", "ma", "mk", "un", "ji", "pd", "who"})

# Candidates below this score are not shown.
MIN_SCORE = 60
# Caps per candidate query.
BRANCH_LIMIT = 300
SQLITE_BRANCH_LIMIT = 3000
# Words at most this short are not used to retrieve candidates (they still count in the score).
MIN_WORD = 3

_TRAILING_ABBR = re.compile(r"\(([^()]{1,30})\)\s*$")


@dataclass(frozen=True)
class Conflict:
    kind: str  # "ormas" | "reserved"
    object_id: int
    name: str
    abbreviation: str
    score: int
    reason: str
    category: str = ""  # reserved: ReservedName.Category value
    category_label: str = ""
    legal_basis: str = ""
    source: str = ""
    region_code: str = ""  # ormas: its regency code
    status: str = ""  # ormas: its status label


@dataclass(frozen=True)
class _Parsed:
    full: str  # normalised, expanded
    words: tuple[str, ...]
    distinctive: str
    distinctive_words: tuple[str, ...]
    abbreviation: str  # normalised


def split_abbreviation(name: str, abbreviation: str = "") -> tuple[str, str]:
    """ "Ikatan Pemuda Dayak (IPD)" -> ("Ikatan Pemuda Dayak", "IPD"); a given abbreviation wins."""
    match = _TRAILING_ABBR.search(name or "")
    if match:
        name = name[: match.start()]
        abbreviation = abbreviation or match.group(1)
    return name, abbreviation


def expand(normalised: str) -> str:
    return " ".join(EXPANSIONS.get(word, word) for word in normalised.split())


def distinctive_words(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The words left when the generic ones are dropped (all of them if nothing would be left)."""
    kept = tuple(dict.fromkeys(w for w in words if w not in STOP_WORDS))
    return kept or tuple(dict.fromkeys(words))


def parse(name: str, abbreviation: str = "") -> _Parsed:
    name, abbreviation = split_abbreviation(name, abbreviation)
    full = expand(normalize(name))
    words = tuple(full.split())
    distinct = distinctive_words(words)
    return _Parsed(full, words, " ".join(distinct), distinct, normalize(abbreviation))


def find_conflicts(
    name: str, abbreviation: str = "", *, exclude_ormas_id: int | None = None, limit: int = 10
) -> list[Conflict]:
    """The registered Ormas and reserved names closest to a proposed name, best first (score ≥ MIN_SCORE)."""
    proposal = parse(name, abbreviation)
    if not proposal.words and not proposal.abbreviation:
        return []
    found = _ormas_conflicts(proposal, exclude_ormas_id) + _reserved_conflicts(proposal)
    found.sort(key=lambda c: (-c.score, c.kind != "reserved", c.name))
    return found[:limit]


# --- registered Ormas -------------------------------------------------------------------------------------------


def _all_words(words: tuple[str, ...] | list[str]) -> Q:
    return reduce(and_, (Q(name_search__contains=w) for w in words))


_FIELDS = ("pk", "name", "abbreviation", "name_search", "abbreviation_search", "regency_code", "status")
# At most this many distinctive words (the longest, usually the rarest) drive the candidate queries.
MAX_RETRIEVAL_WORDS = 4


def _candidates(proposal: _Parsed, exclude_ormas_id: int | None) -> dict[int, tuple]:
    """Registered Ormas worth scoring, by id: a handful of capped index queries (see the module docstring)."""
    queryset = Ormas.objects.order_by()
    if exclude_ormas_id:
        queryset = queryset.exclude(pk=exclude_ormas_id)
    postgres = connections[queryset.db].vendor == "postgresql"
    cap = BRANCH_LIMIT if postgres else SQLITE_BRANCH_LIMIT
    found: dict[int, tuple] = {}

    def fetch(condition: Q) -> bool:
        """Add the matches of condition; False if there were more than the cap (the kept ones are arbitrary)."""
        rows = list(queryset.filter(condition).values_list(*_FIELDS)[: cap + 1])
        found.update((row[0], row) for row in rows[:cap])
        return len(rows) <= cap

    words = [w for w in proposal.distinctive_words if len(w) >= MIN_WORD or w.isdigit()]
    words = sorted(words, key=len, reverse=True)[:MAX_RETRIEVAL_WORDS]
    if proposal.full:
        fetch(Q(name_search=proposal.full))
    if proposal.abbreviation:
        # Stored normalised ("pdi p"); "G.R.P.H." is compared without its spaces too.
        fetch(Q(abbreviation_search__in={proposal.abbreviation, proposal.abbreviation.replace(" ", "")}))
    if words and not fetch(_all_words(words)) and len(proposal.distinctive_words) > 1:
        # Too many names contain all the words: those with the distinctive part as a phrase come first.
        fetch(Q(name_search__contains=proposal.distinctive))
    if len(words) >= 2:
        for left_out in words:
            others = [w for w in words if w != left_out]
            # Every other word: the proposal adds or changes one word. If that is too unspecific, the left-out
            # word must be there too, written slightly differently (pg_trgm word similarity, PostgreSQL only).
            if not fetch(_all_words(others)) and postgres:
                fetch(_all_words(others) & Q(name_search__trigram_word_similar=left_out))
    return found


def _ormas_conflicts(proposal: _Parsed, exclude_ormas_id: int | None) -> list[Conflict]:
    statuses = dict(Ormas.Status.choices)
    found = []
    for pk, name, abbreviation, name_search, abbreviation_search, regency_code, status in _candidates(
        proposal, exclude_ormas_id
    ).values():
        score, reason = score_names(proposal, name_search, abbreviation_search)
        if score >= MIN_SCORE:
            found.append(
                Conflict(
                    kind="ormas",
                    object_id=pk,
                    name=name,
                    abbreviation=abbreviation,
                    score=score,
                    reason=reason,
                    region_code=regency_code,
                    status=str(statuses.get(status, status)),
                )
            )
    return found


def score_names(proposal: _Parsed, other_name_search: str, other_abbreviation_search: str = "") -> tuple[int, str]:
    """How alike a proposal and a registered name are (0–100) and why, in words for the officer."""
    from django.utils.translation import gettext as _

    other_full = expand(other_name_search)
    other_words = distinctive_words(other_full.split())
    other = " ".join(other_words)
    same_abbreviation = bool(proposal.abbreviation) and compact(proposal.abbreviation) == compact(
        other_abbreviation_search
    )
    reasons = []
    if proposal.full and proposal.full == other_full:
        score = 100
        reasons.append(_("Same name"))
    elif proposal.distinctive and proposal.distinctive == other:
        score = 97
        reasons.append(_("Same name apart from generic words (ikatan, forum, …)"))
    elif proposal.distinctive.replace(" ", "") == other.replace(" ", ""):
        score = 97
        reasons.append(_("Same name apart from spacing"))
    elif proposal.distinctive and other:
        score = _word_score(proposal.distinctive_words, other_words)
        shorter, longer = sorted((proposal.distinctive_words, other_words), key=len)
        if score >= 90:
            reasons.append(_("Nearly the same name"))
        elif all(max(fuzz.ratio(w, o) for o in longer) >= 80 for w in shorter):
            reasons.append(_("One name contains the other"))
        else:
            reasons.append(_("Similar name"))
    else:
        score = 0
    if same_abbreviation:
        score = min(100, score + 10) if score >= MIN_SCORE else 85
        reasons.insert(0, _("Same abbreviation"))
    return score, "; ".join(reasons)


def _word_score(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Word-level likeness: each word counts by how well it is matched in the other name (a slip of a letter or
    two still counts, a different word counts nothing), so "Pemantau Anggaran Kaur" vs "… Kebar" is 67, not the 90
    a character-level ratio gives."""

    def matched(words: tuple[str, ...], others: tuple[str, ...]) -> float:
        total = 0.0
        for word in words:
            best = max(fuzz.ratio(word, other) for other in others)
            total += best if best >= 80 else 0
        return total

    return round((matched(a, b) + matched(b, a)) / (len(a) + len(b)))


# --- reserved names -----------------------------------------------------------------------------------------------


def _contains_phrase(words: tuple[str, ...], phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {' '.join(words)} "


def _reserved_conflicts(proposal: _Parsed) -> list[Conflict]:
    from django.utils.translation import gettext as _

    labels = dict(ReservedName.Category.choices)
    found = []
    for entry in ReservedName.objects.filter(is_active=True):
        reserved = expand(normalize(entry.name))
        reserved_words = reserved.split()
        reserved_abbr = normalize(entry.abbreviation)
        score, reason = 0, ""
        if proposal.full and proposal.full == reserved:
            score, reason = 100, _("Same as a reserved name")
        elif _contains_phrase(proposal.words, reserved):
            score = 95 if len(reserved_words) > 1 else 80
            reason = _("The name contains “%(name)s”") % {"name": entry.name}
        elif reserved_abbr and compact(proposal.abbreviation) == compact(reserved_abbr):
            score, reason = 90, _("Same abbreviation as “%(name)s”") % {"name": entry.name}
        elif (
            reserved_abbr
            and len(reserved_abbr) >= 3
            and reserved_abbr not in AMBIGUOUS_ABBREVIATIONS
            and _contains_phrase(proposal.words, expand(reserved_abbr))
        ):
            score = 90
            reason = _("The name contains the abbreviation “%(abbr)s” (%(name)s)") % {
                "abbr": entry.abbreviation,
                "name": entry.name,
            }
        elif len(reserved_words) > 1 and proposal.words:
            # Every word of the reserved name present in the proposal, allowing a slip of the keyboard.
            present = sum(1 for rw in reserved_words if any(fuzz.ratio(rw, w) >= 85 for w in proposal.words))
            coverage = present / len(reserved_words)
            if coverage == 1:
                score, reason = 85, _("The name resembles “%(name)s”") % {"name": entry.name}
            else:
                whole = fuzz.token_sort_ratio(proposal.full, reserved)
                if whole >= 80:
                    score, reason = round(whole), _("The name resembles “%(name)s”") % {"name": entry.name}
        if score >= MIN_SCORE:
            found.append(
                Conflict(
                    kind="reserved",
                    object_id=entry.pk,
                    name=entry.name,
                    abbreviation=entry.abbreviation,
                    score=score,
                    reason=reason,
                    category=entry.category,
                    category_label=str(labels.get(entry.category, entry.category)),
                    legal_basis=entry.legal_basis,
                    source=entry.source,
                )
            )
    return found
