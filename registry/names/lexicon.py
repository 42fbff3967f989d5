"""How the name check reads a name: spelling, equivalents, and which words are generic, common or regional.

The word lists are data (registry.NameTerm, seeded by migration 0007, edited by admins); the kab/kota and province
names of the regions table count as region words too. The lists are read once per process and read again when an
entry or the regions change (two cheap aggregate queries per check).

Spelling. Names registered before the 1972 spelling reform (EYD) write oe for u, dj for j, tj for c, nj for ny,
sj for sy, ch for kh and j for y ("Persatoean Pemoeda Dajak", "Tjahaja"). Every word is compared in a *key* form
that both spellings reach: oe→u, tj→c, dj→j, ch→kh, then every j→y (so old j = new y, old dj = new j, and
old nj/sj = new ny/sy follow). Modern j and y fall together in the key; two names differing only there are rare,
and the officer sees the real names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

from django.db.models import Count, Max

from regions.models import Region
from registry.models import NameTerm
from wadah.lib.text import normalize

_SPELLING = (("oe", "u"), ("tj", "c"), ("dj", "j"), ("ch", "kh"))
# Key letters and the spellings they may stand for in stored names (for the LIKE queries of retrieval).
_SURFACE = {"y": ("y", "j", "dj"), "c": ("c", "tj"), "u": ("u", "oe")}
MAX_SURFACE_FORMS = 8
MAX_PHRASE = 5


def spelling_key(word: str) -> str:
    for old, new in _SPELLING:
        word = word.replace(old, new)
    return word.replace("j", "y")


def surface_forms(key: str) -> list[str]:
    """Ways a key word may be written in a stored (normalised, unkeyed) name, the likeliest first, capped."""
    options = [_SURFACE.get(ch, (ch,)) for ch in key.replace("kh", "\0")]
    forms = []
    for combo in product(*options):
        forms.append("".join(combo).replace("\0", "kh"))
        if len(forms) >= 64:
            break
    forms.sort(key=lambda f: (f.count("dj") + f.count("tj") + f.count("oe"), f != key))
    if "kh" in key:
        forms.append(forms[0].replace("kh", "ch"))
    return list(dict.fromkeys(forms))[:MAX_SURFACE_FORMS]


@dataclass
class Lexicon:
    equivalents: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    region: set[tuple[str, ...]] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)
    # key word -> other written forms that equivalents read as it ("sungai" -> {"sei", "sg"}), for retrieval
    written_as: dict[str, set[str]] = field(default_factory=dict)
    # cache of read names (reserved names are read on every check)
    readings: dict[tuple[str, str], object] = field(default_factory=dict)

    def classify(self, word: str) -> str:
        if word in self.generic:
            return "generic"
        if word in self.common:
            return "common"
        return "distinctive"


def _keyed(text: str) -> tuple[str, ...]:
    return tuple(spelling_key(w) for w in normalize(text).split())


def build_lexicon() -> Lexicon:
    lexicon = Lexicon()
    for term in NameTerm.objects.filter(is_active=True):
        words = _keyed(term.term)
        if not words:
            continue
        if term.kind == NameTerm.Kind.EQUIVALENT:
            replacement = _keyed(term.replacement)
            if replacement and replacement != words:
                lexicon.equivalents[words] = replacement
                if len(replacement) == 1 and len(words) == 1:
                    lexicon.written_as.setdefault(replacement[0], set()).add(normalize(term.term))
        elif term.kind == NameTerm.Kind.REGION:
            lexicon.region.add(words)
        elif term.kind == NameTerm.Kind.GENERIC and len(words) == 1:
            lexicon.generic.add(words[0])
        elif term.kind == NameTerm.Kind.COMMON and len(words) == 1:
            lexicon.common.add(words[0])
    levels = (Region.Level.PROVINSI, Region.Level.KABUPATEN, Region.Level.KOTA)
    for name in Region.objects.filter(level__in=levels).values_list("name", flat=True):
        words = _keyed(name)
        while words and words[0] in ("kabupaten", "kota", "provinsi", "kab", "daerah", "istimewa", "dki"):
            words = words[1:]
        words = apply_equivalents(lexicon, words)
        # A one-word kab/kota that is also an ordinary word ("Batu", "Puncak") would hide that word in every name.
        if words and not (len(words) == 1 and (words[0] in lexicon.common or words[0] in lexicon.generic)):
            lexicon.region.add(words)
    return lexicon


def apply_equivalents(lexicon: Lexicon, words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            replacement = lexicon.equivalents.get(words[i : i + size])
            if replacement:
                out.extend(replacement)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


_cache: dict[str, object] = {}


def lexicon() -> Lexicon:
    """The current lexicon (rebuilt when a NameTerm or the regions change)."""
    terms = NameTerm.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    regions = Region.objects.filter(level__in=(Region.Level.PROVINSI, Region.Level.KABUPATEN, Region.Level.KOTA))
    version = (terms["n"], terms["at"], regions.count())
    if _cache.get("version") != version:
        _cache["lexicon"] = build_lexicon()
        _cache["version"] = version
    return _cache["lexicon"]  # type: ignore[return-value]
