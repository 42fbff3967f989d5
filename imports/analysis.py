"""Reading a batch: finding the list in the file and turning each row into parsed values, errors, warnings and
matches. Nothing here changes an ImportBatch; imports/actions.py does (and writes the rows this module builds).

Decisions a user would expect, documented here once:

* Secretariat village. Ormas.region must be a desa/kelurahan. When the row names a desa (and
  perhaps a kecamatan) it is matched by fuzzy name within the row's kab/kota. When the row names
  no desa, the batch's "default village" is used — but only for rows in that village's kab/kota,
  because silently placing an Ormas in some other village would be wrong data. Every other row
  without a desa is an error ("The secretariat village could not be determined"); the officer
  either picks a default village and re-checks, fixes the file, or skips the row.
* Kab/kota. Matched by alias table and rapidfuzz. If the file has no kab/kota column, a kab/kota
  officer's rows are in their own kab/kota; otherwise the default village's kab/kota is used.
  A kab/kota officer's rows for another kab/kota are errors.
* Board members (ketua/sekretaris/bendahara). Legacy lists carry names without NIK; creating
  people without NIK would fill the register with persons that can never be told apart, so they
  are shown in the preview but not imported (the preview says so).
* Status is set only when an Ormas is created; an update never changes the status (that needs
  a reason and goes through change_ormas_status).
* Duplicates inside the file (same normalised name in the same kab/kota) are errors on the later
  rows; rows that match an existing Ormas with score ≥ 90 default to "skip" for review, other
  rows default to "create". Rows with errors have no action until the officer skips them, and
  block the commit until then.
* The commit is one transaction: any failure rolls back every row, and the batch says why.
"""

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from accounts.models import User
from imports.columns import Synonyms, find_header, load_synonyms
from imports.matching import MatchQuery, OrmasMatcher, RegionMatcher
from imports.models import ImportBatch, ImportRow
from imports.reading import MAX_ROWS, read_sheets
from registry.models import FieldOfActivity, Ormas
from wadah.lib.dates import parse_indonesian_date
from wadah.lib.text import normalize

DUPLICATE_SCORE = 90
TEXT_LIMITS = {"name": 255, "abbreviation": 60, "address": 300, "skt_number": 80, "ahu_number": 80, "phone": 40}
DATE_FIELDS = ("skt_issued_on", "skt_expires_on", "ahu_date")


class NoHeader(ValidationError):
    pass


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


# Placeholders offices write in a cell that has no value. Compared on the lower-cased, trimmed text.
PLACEHOLDERS = {
    "n/a", "na", "n.a", "n.a.", "belum ada", "tidak ada", "tdk ada", "blm ada", "nihil", "kosong", "belum",
    "tidak", "tidak diketahui", "belum diketahui", "#n/a", "null", "none",
}  # fmt: skip
_DASHES = re.compile(r"^[\s\-–—_.,/?]*$")


def is_placeholder(text: str) -> bool:
    """ "-", "—", "…", "n/a", "belum ada", "tidak ada": the office's way of leaving a cell empty."""
    return bool(_DASHES.match(text)) or text.strip().lower() in PLACEHOLDERS


# The end of the list: a totals line, a "place, date" line above the signature, the signature block itself.
_TOTAL = re.compile(r"^(jumlah|total|jml|sub ?total|grand total)\b")
_PLACE_DATE = re.compile(r"^[a-z][a-z .'-]{2,40},\s*(\d{1,2}[\s./-]+[a-z0-9]+[\s./-]+\d{2,4}|[a-z]+\s+\d{4})$")
_SIGNATURE = re.compile(
    r"^(mengetahui|menyetujui|kepala\b|a\.?\s?n\.?\s|plt\.?\s|plh\.?\s|nip\b|nip\.|ttd\b|"
    r"sekretaris (badan|daerah)|kabid\b|kasubbid\b|pembina\b|penata\b|dibuat oleh|diketahui)"
)
# So many blank rows in a row end the list: what follows is a note or another table, not more Ormas.
BLANK_RUN = 3


def is_footer(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    if not filled:
        return False
    first = filled[0].lower()
    if _TOTAL.match(first):
        return True
    return len(filled) <= 3 and bool(_PLACE_DATE.match(first) or _SIGNATURE.match(first))


def data_block(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows of the list proper: up to the first footer row or run of blank rows, trailing blanks removed."""
    body: list[list[Any]] = []
    blanks = 0
    for raw in rows:
        texts = [cell_text(v) for v in raw]
        if not any(texts):
            blanks += 1
            if blanks >= BLANK_RUN:
                break
        else:
            if is_footer(texts):
                break
            blanks = 0
        body.append(raw)
    while body and not any(cell_text(v) for v in body[-1]):
        body.pop()
    return body


def locate(
    data: bytes, kind: str, synonyms: Synonyms | None = None
) -> tuple[str, int, int, list[str], list[list[Any]]]:
    """(sheet name, header row, header height, headings, data rows) of the sheet that looks most like the list."""
    synonyms = synonyms or load_synonyms()
    for name, rows in read_sheets(data, kind):
        found = find_header(rows, synonyms=synonyms)
        if found:
            index, height, headings = found
            body = data_block(rows[index + height :])
            if len(body) > MAX_ROWS:
                raise ValidationError(
                    _("The list has %(count)d rows; at most %(max)d rows can be imported at once. Split the file.")
                    % {"count": len(body), "max": MAX_ROWS},
                    code="too_many_rows",
                )
            return name, index, height, headings, body
    raise NoHeader(
        _(
            "No header row was found. The sheet needs a row of column headings such as "
            "“Nama Organisasi”, “Alamat”, “Kabupaten/Kota”, “Nomor SKT”."
        ),
        code="no_header",
    )


def parse_legal_form(text: str, name: str, skt: str, ahu: str) -> str | None:
    value = normalize(text)
    if value:
        if "yayasan" in value:
            return Ormas.LegalForm.FOUNDATION
        if "perkumpulan" in value:
            return Ormas.LegalForm.ASSOCIATION
        if "asing" in value:
            return Ormas.LegalForm.FOREIGN
        if value in {"tbh", "skt", "non bh", "ormas"} or re.search(r"(tidak|belum|non|bukan)\s*(ber)?badan", value):
            return Ormas.LegalForm.UNINCORPORATED
        if "badan hukum" in value or value in {"bh", "berbadan hukum"}:
            return Ormas.LegalForm.FOUNDATION if normalize(name).startswith("yayasan") else Ormas.LegalForm.ASSOCIATION
        return None
    if ahu:
        return Ormas.LegalForm.FOUNDATION if normalize(name).startswith("yayasan") else Ormas.LegalForm.ASSOCIATION
    if skt:
        return Ormas.LegalForm.UNINCORPORATED
    return None


def parse_status(text: str) -> str | None:
    value = normalize(text)
    if not value:
        return Ormas.Status.ACTIVE
    # Known but unregistered (MK 82/PUU-XI/2013): registering, or only recorded.
    if re.search(r"dalam\s*proses|sedang\s*(di)?proses|proses\s*(skt|pendaftaran)", value):
        return Ormas.Status.IN_PROCESS
    if re.search(r"terdata|(tidak|tdk|belum)\s*terdaftar", value):
        return Ormas.Status.TERDATA
    if re.search(r"(tidak|tdk|non|belum|kurang)\s*aktif|vakum|pasif", value):
        return Ormas.Status.INACTIVE
    if "beku" in value:
        return Ormas.Status.FROZEN
    if "cabut" in value:
        return Ormas.Status.REVOKED
    if "bubar" in value:
        return Ormas.Status.DISSOLVED
    if "aktif" in value:
        return Ormas.Status.ACTIVE
    return None


class Analyser:
    """Turns raw rows into ImportRow objects: parsed values, errors, warnings, matches and a default action."""

    def __init__(self, batch: ImportBatch, user: User) -> None:
        self.batch = batch
        self.user = user
        self.mapping = {int(k): v for k, v in batch.mapping.items() if v}
        self.regions = RegionMatcher()
        self.ormas = OrmasMatcher()
        self.fields = {normalize(f.name): f.pk for f in FieldOfActivity.objects.filter(is_active=True)}
        self.seen: dict[tuple[str, str], int] = {}
        self.default = batch.default_region
        scope = user.scope_code or ""
        self.own_regency = scope if scope.count(".") == 1 else None

    def field_id(self, text: str) -> int | None:
        key = normalize(text)
        if key in self.fields:
            return self.fields[key]
        found = process.extractOne(key, list(self.fields), scorer=fuzz.token_set_ratio, score_cutoff=90)
        return self.fields[found[0]] if found else None

    def _read(self, number: int, raw: list[Any]) -> tuple[ImportRow, MatchQuery | None]:
        """One row's values, errors and warnings, and what to match it with; rows() fills in matches and state."""
        texts = [cell_text(v) for v in raw]
        item = ImportRow(batch=self.batch, number=number, raw=texts)
        if not any(texts):
            item.state, item.action = ImportRow.State.BLANK, ImportRow.Action.SKIP
            return item, None
        src: dict[str, Any] = {}
        cells: dict[str, str] = {}  # each mapped cell's text, placeholders emptied, once per row
        for index, target in self.mapping.items():
            if index < len(raw):
                src[target] = raw[index]
                cells[target] = "" if is_placeholder(texts[index]) else texts[index]

        def get(key: str) -> str:
            return cells.get(key, "")

        errors: list[str] = []
        warnings: list[str] = []
        values: dict[str, Any] = {}

        name = get("name")
        if not name:
            errors.append(_("The name of the Ormas is missing."))
        for key in ("name", "abbreviation", "address", "skt_number", "ahu_number", "phone"):
            values[key] = get(key)
            if len(values[key]) > TEXT_LIMITS[key]:
                if key == "phone":
                    values[key] = values[key][:40]
                else:
                    errors.append(
                        _("%(field)s is longer than %(max)d characters.") % {"field": key, "max": TEXT_LIMITS[key]}
                    )
        values["phone"] = self.phone(values["phone"], warnings)

        for key in DATE_FIELDS:
            try:
                date = parse_indonesian_date(src.get(key) if get(key) else None)
            except ValueError:
                errors.append(_("“%(value)s” is not a date I can read.") % {"value": get(key)})
                date = None
            values[key] = date.isoformat() if date else None
        if values["skt_issued_on"] and values["skt_expires_on"] and values["skt_expires_on"] <= values["skt_issued_on"]:
            errors.append(_("The SKT must expire after the day it was issued."))

        registered = bool(values["skt_number"] or values["ahu_number"])
        legal = parse_legal_form(get("legal_form"), name, values["skt_number"], values["ahu_number"])
        if legal is None and not registered and not get("legal_form"):
            legal = Ormas.LegalForm.UNINCORPORATED  # an Ormas without any registration is not a legal entity
        values["legal_form"] = legal
        if legal is None:
            errors.append(
                _("The legal form is unknown: “%(value)s”. Use perkumpulan, yayasan or tidak berbadan hukum.")
                % {"value": get("legal_form")}
            )
        elif not registered:
            pass  # recorded as terdata (or dalam proses, when the sheet says so) below
        elif legal == Ormas.LegalForm.UNINCORPORATED and not values["skt_number"]:
            errors.append(_("An Ormas without legal-entity status needs its SKT number."))
        elif legal in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION) and not values["ahu_number"]:
            errors.append(_("A perkumpulan or yayasan needs its SK AHU number."))

        status = parse_status(get("status"))
        if status is None:
            warnings.append(_("Status “%(value)s” is not known; the Ormas will be active.") % {"value": get("status")})
            status = Ormas.Status.ACTIVE
        # No back door (issue 11 item 4): halted, revoked and dissolved come only from a recorded decision, never
        # from a sheet's word. The row is checked against the registry below; the sheet's word is kept for the page.
        if status in Ormas.SANCTION_STATUSES:
            values["sheet_status"], values["sheet_status_text"] = status, get("status")
            status = Ormas.Status.ACTIVE
        if not registered and status == Ormas.Status.ACTIVE:
            # Known to the office, but without SKT or SK AHU it is recorded, not registered (domain §0).
            status = Ormas.Status.TERDATA
            warnings.append(_("No SKT or SK AHU number: the Ormas is recorded as terdata."))
        values["status"] = status

        email = get("email").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                warnings.append(_("“%(value)s” is not an e-mail address and is left out.") % {"value": email})
                email = ""
        values["email"] = email

        values["fields"] = []
        for part in filter(None, (p.strip() for p in re.split(r"[,;/\n]", get("field_of_activity")))):
            pk = self.field_id(part)
            if pk:
                values["fields"].append(pk)
            else:
                warnings.append(
                    _("Field of activity “%(value)s” is not in the list and is left out.") % {"value": part}
                )
        board = {k: get(k) for k in ("chair", "secretary", "treasurer") if get(k)}
        if board:
            values["board"] = board

        regency = self.place(get("regency"), get("district"), get("village"), values, errors, warnings)
        if not values["address"]:
            if values.get("region"):
                # The Ormas must have an address; the list has none, so the place it is in stands for it.
                values["address"] = self.regions.place_label(values["region"])
                warnings.append(_("No address in the list: “%(place)s” is recorded.") % {"place": values["address"]})
            else:
                errors.append(_("The secretariat address is missing."))
        query: MatchQuery | None = None
        if regency and name:
            name_key = (regency, normalize(name))
            if name_key in self.seen:
                item.possible_duplicate = True
                errors.append(_("Same name as row %(row)d in this file.") % {"row": self.seen[name_key]})
            else:
                self.seen[name_key] = number
            # Matched together with the rest of the chunk (OrmasMatcher.match_many), in rows().
            query = (regency, name, values["abbreviation"], [values["skt_number"], values["ahu_number"]])

        item.values, item.errors, item.warnings = values, errors, warnings
        return item, query

    def rows(self, numbered: Iterable[tuple[int, list[Any]]]) -> list[ImportRow]:
        """ImportRows for (row number, raw cells) pairs, the existing-Ormas matches found for all of them at once."""
        read = [self._read(number, raw) for number, raw in numbered]
        pending = [(item, query) for item, query in read if query is not None]
        for (item, _query), matches in zip(pending, self.ormas.match_many([q for _i, q in pending]), strict=True):
            item.matches = matches
        items = [item for item, _query in read]
        for item in items:
            if item.state != ImportRow.State.BLANK:
                self._decide(item)
        return items

    def _decide(self, item: ImportRow) -> None:
        """State and default action from the errors and the best match."""
        errors = item.errors
        if item.matches and item.matches[0]["score"] >= DUPLICATE_SCORE:
            item.possible_duplicate = True
        sheet_word = item.values.get("sheet_status_text")
        if sheet_word and item.possible_duplicate:
            item.warnings.append(
                _(
                    "The sheet says “%(value)s”: an update keeps the registry's status, which only a recorded "
                    "decision (its number, date and basis) changes."
                )
                % {"value": sheet_word}
            )
        elif sheet_word:
            errors.append(
                _(
                    "The sheet says “%(value)s”: that status is set only by a recorded decision (its number, date and "
                    "basis). Leave the row out, enter the Ormas by hand and record the decision on its page."
                )
                % {"value": sheet_word}
            )
        if errors:
            item.state, item.action = ImportRow.State.ERROR, ImportRow.Action.UNDECIDED
        elif item.matches and item.matches[0]["score"] >= DUPLICATE_SCORE:
            item.state, item.action = ImportRow.State.DUPLICATE, ImportRow.Action.SKIP
        else:
            item.state, item.action = ImportRow.State.OK, ImportRow.Action.CREATE
        if item.matches:
            item.target_id = item.matches[0]["id"]

    def phone(self, text: str, warnings: list[str]) -> str:
        """The number in national format ("0812-3456-7890"); a number that lost its leading 0 (Excel keeps phone
        numbers as numbers) is repaired and flagged; one that is no number is kept as written, with a warning."""
        if not text:
            return ""
        digits = re.sub(r"\D", "", text)
        lost_zero = bool(digits) and not text.lstrip().startswith(("0", "+")) and not digits.startswith("62")
        try:
            number = phonenumbers.parse(("0" + digits) if lost_zero else text, "ID")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            warnings.append(_("“%(value)s” is not a phone number I can read; it is kept as written.") % {"value": text})
            return text[:40]
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if lost_zero:
            warnings.append(
                _("The phone number “%(value)s” had lost its leading 0; it is recorded as %(number)s.")
                % {"value": text, "number": national}
            )
        return national

    def place(
        self, regency_text: str, district: str, village: str, values: dict, errors: list[str], warnings: list[str]
    ) -> str | None:
        """Fill values["regency"], ["region"]; return the kab/kota code or None.

        The village comes from the desa/kelurahan (and kecamatan) columns; failing those, from the address text
        (a guess, flagged for the officer); failing that, from the batch's default village."""
        values["regency"] = values["region"] = None
        if regency_text:
            regency = self.regions.regency(regency_text)
            if regency is None:
                errors.append(_("Unknown regency/city “%(value)s”.") % {"value": regency_text})
                return None
        elif self.own_regency:
            regency = self.own_regency
        elif self.default:
            regency = self.default.regency_code
        else:
            errors.append(_("The regency/city is missing."))
            return None
        values["regency"] = regency
        values["regency_name"] = self.regions.regencies.get(regency, regency)
        if not self.user.in_scope(regency):
            errors.append(
                _("%(place)s lies outside your office's area; you can only import Ormas of your own area.")
                % {"place": values["regency_name"]}
            )
            return regency
        code, _district = self.regions.village(regency, district, village) if (district or village) else (None, None)
        if not code and not village and values.get("address"):
            code, _district = self.regions.village_in_address(regency, values["address"])
            if code:
                values["region_guessed"] = True
                warnings.append(
                    _("Village guessed from the address: %(place)s. Check it before importing.")
                    % {"place": self.regions.place_label(code)}
                )
        if village and not code:
            errors.append(
                _("Village “%(village)s” was not found in %(place)s.")
                % {"village": village, "place": values["regency_name"]}
            )
        elif code:
            values["region"] = code
            values["region_name"] = self.regions.names.get(code, code)
        elif self.default and self.default.regency_code == regency:
            values["region"] = self.default.code
            values["region_name"] = self.default.name
            values["default_region"] = True
        else:
            errors.append(
                _(
                    "The secretariat village (desa/kelurahan) could not be determined. Add a desa/kelurahan column, "
                    "or choose a default village for %(place)s."
                )
                % {"place": values["regency_name"]}
            )
        return regency


def counts(rows: QuerySet[ImportRow]) -> dict[str, int]:
    """Rows per decision (blank rows left out), counted by the database: a batch has up to MAX_ROWS rows."""
    result = {"create": 0, "update": 0, "skip": 0, "undecided": 0}
    grouped = rows.exclude(state=ImportRow.State.BLANK).order_by().values_list("action").annotate(n=Count("pk"))
    for action, n in grouped:
        result[action or "undecided"] += n
    return result
