"""Matching what legacy files write to our reference data: kab/kota, kecamatan, desa, and existing Ormas."""

import re
from dataclasses import dataclass, field

import numpy
from rapidfuzz import fuzz, process

from regions.models import Region
from registry.models import Ormas
from wadah.lib.text import compact, normalize

# Short names every office uses for the kabupaten of Kalimantan Tengah.
REGENCY_ALIASES = {
    "kobar": "kotawaringin barat",
    "kotim": "kotawaringin timur",
    "kapuas": "kapuas",
    "barsel": "barito selatan",
    "barut": "barito utara",
    "bartim": "barito timur",
    "mura": "murung raya",
    "pulpis": "pulang pisau",
    "gumas": "gunung mas",
    "katingan": "katingan",
    "seruyan": "seruyan",
    "sukamara": "sukamara",
    "lamandau": "lamandau",
    "palangkaraya": "palangkaraya",
    "palangka raya": "palangkaraya",
    "pky": "palangkaraya",
    "p raya": "palangkaraya",
    "plk": "palangkaraya",
}
_REGENCY_PREFIX = re.compile(r"^(kabupaten|kab|kota administratif|kotamadya|kota madya|kodya|kota|pemkab|pemkot)\s+")
_VILLAGE_PREFIX = re.compile(r"^(desa|ds|kelurahan|kel|kec|kecamatan)\s+")


def _bare_regency(text: str) -> str:
    text = normalize(text)
    previous = None
    while previous != text:
        previous, text = text, _REGENCY_PREFIX.sub("", text)
    return text


def _bare_place(text: str) -> str:
    return _VILLAGE_PREFIX.sub("", normalize(text))


def _squash(text: str) -> str:
    return text.replace(" ", "")


class RegionMatcher:
    """Matches kab/kota, kecamatan and desa names. Loads the regions of a kab/kota once, caches every answer."""

    VILLAGE_LEVELS = (Region.Level.DESA, Region.Level.KELURAHAN, Region.Level.DESA_ADAT)

    def __init__(self) -> None:
        self.regencies = {r.code: r.name for r in Region.objects.regencies()}
        # "kotawaringintimur" → code; both kota and kabupaten of the same name would clash, the kota wins.
        self._by_bare: dict[str, str] = {}
        for code, name in sorted(self.regencies.items()):
            self._by_bare[_squash(_bare_regency(name))] = code
        self._regency_cache: dict[str, str | None] = {}
        self._places: dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]] = {}
        self._place_cache: dict[tuple[str, str, str], str | None] = {}
        self.names: dict[str, str] = {}

    def regency(self, text: str) -> str | None:
        """The kab/kota code for text such as "Kab. Kotim", "KOTA PALANGKA RAYA" or "Kotawaringin Timur"."""
        key = normalize(text)
        if key in self._regency_cache:
            return self._regency_cache[key]
        if re.fullmatch(r"62 \d\d", key):
            code: str | None = key.replace(" ", ".") if key.replace(" ", ".") in self.regencies else None
        else:
            bare = _bare_regency(key)
            bare = REGENCY_ALIASES.get(bare, bare)
            code = self._by_bare.get(_squash(bare))
            if code is None and bare:
                found = process.extractOne(_squash(bare), list(self._by_bare), scorer=fuzz.ratio, score_cutoff=85)
                code = self._by_bare[found[0]] if found else None
        self._regency_cache[key] = code
        return code

    def _load(self, regency_code: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        """({bare kecamatan name: code}, {kecamatan code: {bare village name: code}}) of one kab/kota."""
        if regency_code not in self._places:
            districts: dict[str, str] = {}
            villages: dict[str, dict[str, str]] = {}
            for code, name, level in Region.objects.within(regency_code).values_list("code", "name", "level"):
                self.names[code] = name
                if level == Region.Level.KECAMATAN:
                    districts[_bare_place(name)] = code
                elif level in self.VILLAGE_LEVELS:
                    villages.setdefault(code.rsplit(".", 1)[0], {})[_bare_place(name)] = code
            self._places[regency_code] = (districts, villages)
        return self._places[regency_code]

    def village(self, regency_code: str, district: str, village: str) -> tuple[str | None, str | None]:
        """(village code, district code) within a kab/kota; either may be None when not found."""
        key = (regency_code, normalize(district), normalize(village))
        districts, villages = self._load(regency_code)
        district_code = None
        if key[1]:
            bare = _bare_place(district)
            district_code = districts.get(bare)
            if district_code is None:
                found = process.extractOne(bare, list(districts), scorer=fuzz.ratio, score_cutoff=85)
                district_code = districts[found[0]] if found else None
        if not key[2]:
            return None, district_code
        if key in self._place_cache:
            return self._place_cache[key], district_code
        if district_code:
            pool = villages.get(district_code, {})
        else:
            pool = {name: code for group in villages.values() for name, code in group.items()}
        bare = _bare_place(village)
        code = pool.get(bare)
        if code is None and pool:
            found = process.extractOne(bare, list(pool), scorer=fuzz.ratio, score_cutoff=85)
            code = pool[found[0]] if found else None
        self._place_cache[key] = code
        return code, district_code

    def place_label(self, village_code: str) -> str:
        """ "Langkai, Kec. Pahandut" for a village code."""
        self._load(village_code[:5])
        district = self.names.get(village_code.rsplit(".", 1)[0], "")
        name = self.names.get(village_code, village_code)
        return f"{name}, Kec. {district}" if district else name

    def village_in_address(self, regency_code: str, address: str) -> tuple[str | None, str | None]:
        """(village code, district code) read from a secretariat address within one kab/kota.

        First the parts the address names with a prefix (Kec./Kel./Desa); then, for an address that names places
        without prefixes ("Jl. Tjilik Riwut Km 5, Langkai, Pahandut"), each comma-separated part against the
        villages of the kab/kota (of the kecamatan, if one was found): exactly, without spaces
        ("Palangkaraya" = "Palangka Raya"), or by a close spelling (≥ 90)."""
        district, village = address_parts(address)
        code, district_code = self.village(regency_code, district, village) if (district or village) else (None, None)
        if code:
            return code, district_code
        districts, villages = self._load(regency_code)
        parts = [_bare_place(p) for p in re.split(r"[,;/\n]", address)]
        parts = [p for p in parts if p and not re.match(r"^(jl|jln|jalan|gg|gang|rt|rw|no|km|komp|perum)\b", p)]
        if district_code is None:
            for part in parts:
                if part in districts:
                    district_code = districts[part]
                    break
        pool = (
            villages.get(district_code, {})
            if district_code
            else {name: c for group in villages.values() for name, c in group.items()}
        )
        squashed = {_squash(name): c for name, c in pool.items()}
        for part in parts:
            found = pool.get(part) or squashed.get(_squash(part))
            if found is None and len(part) >= 5:
                best = process.extractOne(_squash(part), list(squashed), scorer=fuzz.ratio, score_cutoff=90)
                found = squashed[best[0]] if best else None
            if found:
                return found, district_code or found.rsplit(".", 1)[0]
        return None, district_code


# "Kec. Pahandut", "Kecamatan Bukit Batu", "Kel. Langkai", "Desa Tangkiling", "Ds Marang" inside an address.
_STOP = (
    r"(?=\s*(?:[,;()]|\b(?:kec|kecamatan|kel|kelurahan|desa|ds|kab|kabupaten|kota|kode pos|rt|rw|jl|jln|jalan|no)\b|$))"
)
_DISTRICT_IN = re.compile(r"\b(?:kec|kecamatan)\b\.?\s*([a-z][a-z' .-]*?)" + _STOP, re.IGNORECASE)
_VILLAGE_IN = re.compile(r"\b(?:kel|kelurahan|desa|ds)\b\.?\s*([a-z][a-z' .-]*?)" + _STOP, re.IGNORECASE)


def _part(match: re.Match[str] | None) -> str:
    return match.group(1).strip(" .-") if match else ""


def address_parts(address: str) -> tuple[str, str]:
    """(kecamatan, desa/kelurahan) as an address names them with their prefixes; "" where it names none."""
    return _part(_DISTRICT_IN.search(address)), _part(_VILLAGE_IN.search(address))


# (kab/kota code, name, singkatan, registration numbers) of one row to match.
MatchQuery = tuple[str, str, str, list[str]]
# Rows scored against a kab/kota's Ormas per cdist call (a block of rows × Ormas scores in memory at once).
MATCH_BLOCK = 256


def _sorted_words(text: str) -> str:
    """What rapidfuzz's token_sort_ratio compares: the words sorted and joined by one space."""
    return " ".join(sorted(text.split()))


@dataclass
class _Candidates:
    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    sorted_names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    abbreviations: dict[str, list[int]] = field(default_factory=dict)
    numbers: dict[str, list[int]] = field(default_factory=dict)


class OrmasMatcher:
    """Likely existing Ormas for a row: fuzzy name, equal abbreviation or equal registration number, in one kab/kota.

    The Ormas of a kab/kota are loaded once (one query, their words pre-sorted); the rows of a chunk are then scored
    against all of them at once (rapidfuzz cdist: token_sort_ratio as fuzz.ratio over the sorted words, in native
    code on every core), the singkatan and the SKT / SK AHU numbers by exact lookups in dictionaries. The result is
    the same as scoring each row on its own with process.extract, only without a Python loop over the names.
    """

    MIN_SCORE = 75
    # Fuzzy candidates kept per row before the singkatan and numbers are weighed in.
    FUZZY_LIMIT = 5

    def __init__(self) -> None:
        self._cache: dict[str, _Candidates] = {}

    def _load(self, regency_code: str) -> _Candidates:
        if regency_code not in self._cache:
            found = _Candidates()
            rows = Ormas.objects.filter(regency_code=regency_code).values_list(
                "id", "name", "abbreviation", "name_search", "abbreviation_search", "number_search"
            )
            for index, (pk, name, abbreviation, name_search, abbreviation_search, numbers) in enumerate(rows):
                found.ids.append(pk)
                found.names.append(name_search)
                found.sorted_names.append(_sorted_words(name_search))
                found.labels.append(f"{name} ({abbreviation})" if abbreviation else name)
                if len(abbreviation_search) >= 3:
                    found.abbreviations.setdefault(abbreviation_search, []).append(index)
                for number in numbers.split():
                    if len(number) >= 6:
                        found.numbers.setdefault(number, []).append(index)
            self._cache[regency_code] = found
        return self._cache[regency_code]

    def match_many(self, queries: list[MatchQuery]) -> list[list[dict]]:
        """For each row [{"id", "name", "score"}] best first, at most 3, scores 75–100; the rows of each kab/kota
        scored against its Ormas in blocks."""
        results: list[list[dict]] = [[] for _q in queries]
        by_regency: dict[str, list[int]] = {}
        for position, query in enumerate(queries):
            by_regency.setdefault(query[0], []).append(position)
        for regency_code, positions in by_regency.items():
            found = self._load(regency_code)
            if not found.ids:
                continue
            for start in range(0, len(positions), MATCH_BLOCK):
                block = positions[start : start + MATCH_BLOCK]
                names = [normalize(queries[p][1]) for p in block]
                # Only scores ≥ MIN_SCORE can end up in the result (a fuzzy score below it is never raised by the
                # singkatan above it), so the cut-off is MIN_SCORE; 0 stands for "below".
                matrix = process.cdist(
                    [_sorted_words(n) for n in names],
                    found.sorted_names,
                    scorer=fuzz.ratio,
                    score_cutoff=self.MIN_SCORE,
                    dtype=numpy.float64,
                    workers=-1,
                )
                for row, position in enumerate(block):
                    scores: dict[int, float] = {}
                    hits = numpy.flatnonzero(matrix[row])
                    if len(hits):
                        values = matrix[row][hits]
                        # Best first, the earlier Ormas first among equal scores (as process.extract orders them).
                        order = numpy.lexsort((hits, -values))[: self.FUZZY_LIMIT]
                        scores = {int(hits[i]): float(values[i]) for i in order}
                    results[position] = self._weigh(found, names[row], queries[position], scores)
        return results

    def _weigh(self, found: _Candidates, name: str, query: MatchQuery, scores: dict[int, float]) -> list[dict]:
        """Add the singkatan and registration-number evidence to the fuzzy scores; the best three ≥ MIN_SCORE."""
        _regency, _name, abbreviation, numbers = query
        abbreviation = normalize(abbreviation)
        for index in found.abbreviations.get(abbreviation, []) if len(abbreviation) >= 3 else []:
            name_score = scores.get(index, fuzz.token_sort_ratio(name, found.names[index]))
            scores[index] = max(name_score, (name_score + 100) / 2)
        for number in filter(None, (compact(n) for n in numbers)):
            for index in found.numbers.get(number, []):
                scores[index] = 100
        best = sorted(((s, i) for i, s in scores.items() if s >= self.MIN_SCORE), reverse=True)[:3]
        return [{"id": found.ids[i], "name": found.labels[i], "score": round(s)} for s, i in best]
