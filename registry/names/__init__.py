"""Name conflict check (UU 17/2013 Pasal 59 as amended by UU 16/2017; domain.md §0 and §3.5).

An Ormas may not use a name that is the same as a lembaga pemerintahan's, a foreign state's or international body's
(without permission), or similar "pada pokoknya atau keseluruhannya" to another Ormas's, a political party's or a
forbidden organisation's. `find_conflicts()` compares a proposed name (and singkatan) with the registered Ormas and
the active `ReservedName` entries and returns the closest, scored 0–100, each with the reasons in words an officer
reads. Reserved words are review hints, not prohibitions (domain.md §0): it is a hint for the officer, not a decision.

How a name is read (registry/names/lexicon.py)
  Normalised (case, accents, punctuation, spacing; a trailing "(ABC)" is the singkatan), put in the spelling key
  (old spelling = new), equivalents applied (Sei = Sungai, Kalteng = Kalimantan Tengah), then every word is
  *generic* (ikatan, forum: ignored), a *region or level* word (kabupaten, Kalimantan Tengah, the kab/kota names,
  DPD/DPC: a separate signal), *common* (pemuda, dayak, peduli: weak evidence) or *distinctive* (the rest).
  The *core* of a name is its common and distinctive words.

How two names are scored (score_names)
  Same core → 97; otherwise each core word counts by how well it is matched in the other name (a slip of a letter
  counts, a different word does not), distinctive words weighing more than common ones; one core containing the
  other counts as at least 75–80. A match on common words alone is not reported. Then the region signal: a name
  that only adds a region or level to the other loses a little (it is the same name there), two different regions
  lose much (it may be the same organisation elsewhere) and, on a core of common words only, drop out.

How candidates are found (registry/names/retrieval.py over the index of registry/names/index.py; never a scan)
  Both ways, by exact index lookups: registered names whose core is a subset of the proposal's (or such a subset
  plus one word), names holding all the proposal's words, and every name holding one of its rare distinctive
  words; mistyped words through the vocabulary. Region words are never used to fetch.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from registry.models import Ormas, ReservedName
from registry.names.lexicon import Lexicon, apply_equivalents, lexicon, spelling_key
from registry.names.retrieval import candidates
from wadah.lib.text import compact, normalize

# Candidates below this score are not shown.
MIN_SCORE = 60
# How much a common word ("pemuda") weighs beside a distinctive one.
COMMON_WEIGHT = 0.4
# Two words are "the same word written differently" at this rapidfuzz ratio or more.
WORD_MATCH = 80
# Reserved abbreviations that are also ordinary words inside names ("Ahmad bin Umar"): matched only as the
# proposal's singkatan, never as a word of its name. Abbreviations of two letters are never matched inside names.
OLD_DIGRAPHS = ("oe", "dj", "tj", "sj", "nj")
AMBIGUOUS_ABBREVIATIONS = frozenset({"bin", "pan", "ma", "mk", "un", "ji", "pd", "who"})


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
    effect: str = ""  # reserved: ReservedName.Effect value ("review_hint": no statutory prohibition of the word)

    @property
    def is_hint(self) -> bool:
        return self.effect == ReservedName.Effect.REVIEW_HINT


@dataclass(frozen=True)
class Reading:
    """A name as the check reads it (all words in the spelling key, equivalents applied)."""

    raw: str  # normalize(name) without the singkatan: what Ormas.name_search holds
    words: tuple[str, ...]  # every word
    core: tuple[str, ...]  # common and distinctive words, in order, once each
    distinct: frozenset[str]  # the distinctive ones among them
    region: tuple[str, ...]  # region and level phrases
    generic: tuple[str, ...]
    abbreviation: str  # normalised
    respelled: bool  # the spelling key changed a word
    equivalents: tuple[tuple[str, str], ...]  # (as written, read as) applied

    @property
    def distinctive(self) -> str:
        """The core as one string (kept for callers that compare whole strings, such as the bench baseline)."""
        return " ".join(self.core)

    @property
    def full(self) -> str:
        return " ".join(self.words)


def split_abbreviation(name: str, abbreviation: str = "") -> tuple[str, str]:
    """ "Ikatan Pemuda Dayak (IPD)" -> ("Ikatan Pemuda Dayak", "IPD"); a given abbreviation wins."""
    name = name or ""
    stripped = name.rstrip()
    if stripped.endswith(")") and "(" in stripped:
        start = stripped.rindex("(")
        inner = stripped[start + 1 : -1]
        if 0 < len(inner) <= 30 and "(" not in inner:
            return stripped[:start], abbreviation or inner
    return name, abbreviation


def read(name: str, abbreviation: str = "", lex: Lexicon | None = None, *, cache: bool = True) -> Reading:
    lex = lex or lexicon()
    cache_key = (name, abbreviation)
    cached = lex.readings.get(cache_key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    name, abbreviation = split_abbreviation(name, abbreviation)
    raw = normalize(name)
    plain = tuple(raw.split())
    keyed = tuple(spelling_key(w) for w in plain)
    words = apply_equivalents(lex, keyed)
    used = tuple(
        (w, " ".join(lex.equivalents[(k,)])) for w, k in zip(plain, keyed, strict=True) if (k,) in lex.equivalents
    )
    region: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(5, len(words) - i), 0, -1):
            if words[i : i + size] in lex.region:
                region.append(" ".join(words[i : i + size]))
                i += size
                break
        else:
            rest.append(words[i])
            i += 1
    generic = tuple(w for w in rest if w in lex.generic)
    core = tuple(dict.fromkeys(w for w in rest if w not in lex.generic))
    if not core:
        # "Forum Kalimantan Tengah", "Laskar Indonesia": the region words are all there is to compare.
        core, region = tuple(dict.fromkeys(" ".join(region).split())), []
    if not core:
        core = tuple(dict.fromkeys(generic))
    reading = Reading(
        raw=raw,
        words=words,
        core=core,
        distinct=frozenset(w for w in core if lex.classify(w) == "distinctive"),
        region=tuple(dict.fromkeys(region)),
        generic=generic,
        abbreviation=normalize(abbreviation),
        # Old spelling shows in its digraphs; a modern j ("pelajar") is keyed too but is not old spelling.
        respelled=any(old in w for w in plain for old in OLD_DIGRAPHS),
        equivalents=used,
    )
    if cache and len(lex.readings) < 5000:
        lex.readings[cache_key] = reading
    return reading


# Kept under its old name: callers (and the bench) parse a proposal once and score it against many names.
parse = read


def find_conflicts(
    name: str, abbreviation: str = "", *, exclude_ormas_id: int | None = None, limit: int = 10
) -> list[Conflict]:
    """The registered Ormas and reserved names closest to a proposed name, best first (score ≥ MIN_SCORE)."""
    lex = lexicon()
    proposal = read(name, abbreviation, lex)
    if not proposal.words and not proposal.abbreviation:
        return []
    found = _ormas_conflicts(proposal, lex, exclude_ormas_id) + _reserved_conflicts(proposal, lex)
    found.sort(key=lambda c: (-c.score, c.kind != "reserved", c.name))
    return found[:limit]


# --- registered Ormas -------------------------------------------------------------------------------------------


def _ormas_conflicts(proposal: Reading, lex: Lexicon, exclude_ormas_id: int | None) -> list[Conflict]:
    statuses = dict(Ormas.Status.choices)
    found = []
    rows = candidates(proposal, lex, exclude_ormas_id)
    for pk, name, abbreviation, name_search, abbreviation_search, regency_code, status in rows.values():
        other = read(name_search, "", lex)
        score, reason = score_readings(proposal, other, abbreviation_search)
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


def score_names(proposal: Reading | str, other_name: str, other_abbreviation: str = "") -> tuple[int, str]:
    """How alike a proposal and a registered name are (0–100) and why, in words for the officer."""
    lex = lexicon()
    if isinstance(proposal, str):
        proposal = read(proposal, "", lex)
    return score_readings(proposal, read(other_name, "", lex), normalize(other_abbreviation))


def _matched(words: tuple[str, ...], others: tuple[str, ...]) -> list[tuple[str, str, float]]:
    """For each word, its best match among the others (word, other, ratio), if it reaches WORD_MATCH. Numbers and
    words under 4 letters match only exactly; the fuzzy part runs in rapidfuzz's C code (this is the hot loop)."""
    fuzzy_others = [o for o in others if not o.isdigit() and len(o) >= 4]
    found = []
    for word in words:
        if word in others:
            found.append((word, word, 100.0))
        elif fuzzy_others and not word.isdigit() and len(word) >= 4:
            best = process.extractOne(word, fuzzy_others, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
            if best:
                found.append((word, best[0], best[1]))
    return found


def score_readings(a: Reading, b: Reading, b_abbreviation: str = "") -> tuple[int, str]:
    lex_common = COMMON_WEIGHT

    def weight(word: str, reading: Reading) -> float:
        return 1.0 if word in reading.distinct else lex_common

    reasons: list[str] = []
    hidden = False
    same_core = set(a.core) == set(b.core) or "".join(a.core) == "".join(b.core)
    matched_a = _matched(a.core, b.core)
    matched_b = _matched(b.core, a.core)
    distinctive_shared = any(w in a.distinct and o in b.distinct for w, o, _r in matched_a)
    if a.raw and a.raw == b.raw:
        score = 100
        reasons.append(_("Same name"))
    elif same_core:
        score = 97
        if a.generic != b.generic:
            reasons.append(_("Same name apart from generic words (ikatan, forum, …)"))
        elif a.core != b.core and set(a.core) == set(b.core):
            reasons.append(_("Same words in another order"))
        else:
            reasons.append(_("Same name apart from spacing or spelling"))
        if not distinctive_shared and not a.distinct and a.region and b.region and set(a.region) != set(b.region):
            hidden = True  # "Pemuda Dayak Kapuas" / "Pemuda Dayak Katingan": common words, different places
    else:
        total = sum(weight(w, a) for w in a.core) + sum(weight(w, b) for w in b.core)
        got = sum(weight(w, a) * r / 100 for w, _o, r in matched_a) + sum(
            weight(w, b) * r / 100 for w, _o, r in matched_b
        )
        score = round(100 * got / total) if total else 0
        shorter, matched = (a, matched_a) if len(a.core) <= len(b.core) else (b, matched_b)
        contained = len(matched) == len(shorter.core) and bool(shorter.distinct)
        if contained:
            score = max(score, 80 if len(shorter.core) > 1 else 75)
        if score >= 90:
            reasons.append(_("Nearly the same name (a letter or two differ)"))
        elif contained:
            reasons.append(_("One name contains the other"))
        else:
            shared = ", ".join(f"“{w}”" for w, _o, _r in matched_a)
            reasons.append(_("Shares the words %(words)s") % {"words": shared})
        if not distinctive_shared:
            hidden = True  # only common words ("Pemuda", "Dayak", "Peduli") in common
    if score < 100:
        if a.respelled != b.respelled:
            reasons.append(_("one is in the old spelling (oe = u, dj = j, tj = c …)"))
        for written, read_as in {*a.equivalents, *b.equivalents}:
            reasons.append(_("“%(written)s” read as “%(read_as)s”") % {"written": written, "read_as": read_as})
        region_a, region_b = set(a.region), set(b.region)
        if region_a != region_b:
            if not region_a or not region_b:
                added = ", ".join(sorted(region_a or region_b))
                score -= 3
                reasons.append(_("the same name with a region or level added (%(words)s)") % {"words": added})
            else:
                score -= 25
                reasons.append(
                    _("another region or level (%(a)s / %(b)s)")
                    % {"a": ", ".join(sorted(region_a)), "b": ", ".join(sorted(region_b))}
                )
                if not a.distinct and not b.distinct:
                    hidden = True
    if hidden:
        score = min(score, MIN_SCORE - 1)
    if a.abbreviation and compact(a.abbreviation) == compact(b_abbreviation):
        score = min(100, score + 10) if score >= MIN_SCORE else 85
        reasons.insert(0, _("Same abbreviation"))
    text = "; ".join(reasons)
    return max(score, 0), text[:1].upper() + text[1:]


# --- reserved names -----------------------------------------------------------------------------------------------


def _contains_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    return bool(phrase) and f" {' '.join(phrase)} " in f" {' '.join(words)} "


def _reserved_conflicts(proposal: Reading, lex: Lexicon) -> list[Conflict]:
    labels = dict(ReservedName.Category.choices)
    found = []
    for entry in ReservedName.objects.filter(is_active=True):
        reserved = read(entry.name, "", lex).words
        reserved_abbr = normalize(entry.abbreviation)
        score, reason = 0, ""
        if proposal.words and proposal.words == reserved:
            score, reason = 100, _("Same as a reserved name")
        elif _contains_phrase(proposal.words, reserved):
            score = 95 if len(reserved) > 1 else 80
            reason = _("The name contains “%(name)s”") % {"name": entry.name}
        elif reserved_abbr and compact(proposal.abbreviation) == compact(reserved_abbr):
            score, reason = 90, _("Same abbreviation as “%(name)s”") % {"name": entry.name}
        elif (
            reserved_abbr
            and len(reserved_abbr) >= 3
            and reserved_abbr not in AMBIGUOUS_ABBREVIATIONS
            and _contains_phrase(proposal.words, read(reserved_abbr, "", lex).words)
        ):
            score = 90
            reason = _("The name contains the abbreviation “%(abbr)s” (%(name)s)") % {
                "abbr": entry.abbreviation,
                "name": entry.name,
            }
        elif len(reserved) > 1 and proposal.words:
            # Every word of the reserved name present in the proposal, allowing a slip of the keyboard.
            present = sum(1 for rw in reserved if any(fuzz.ratio(rw, w) >= 85 for w in proposal.words))
            if present == len(reserved):
                score, reason = 85, _("The name resembles “%(name)s”") % {"name": entry.name}
            else:
                whole = fuzz.token_sort_ratio(" ".join(proposal.words), " ".join(reserved))
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
                    effect=entry.effect,
                    legal_basis=entry.legal_basis,
                    source=entry.source,
                )
            )
    return found
