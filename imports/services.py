"""Reading a batch into rows (analyse) and writing the officer's decisions to the registry (commit).

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
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from accounts.models import User
from audit.log import record
from imports.columns import find_header
from imports.matching import OrmasMatcher, RegionMatcher
from imports.models import ImportBatch, ImportRow
from imports.reading import MAX_ROWS, read_sheets
from regions.models import Region
from registry import actions
from registry.models import FieldOfActivity, Ormas
from wadah.lib.dates import parse_indonesian_date
from wadah.lib.text import normalize

log = logging.getLogger(__name__)

CHUNK = 500
DUPLICATE_SCORE = 90
TEXT_LIMITS = {"name": 255, "abbreviation": 60, "address": 300, "skt_number": 80, "ahu_number": 80, "phone": 40}
DATE_FIELDS = ("skt_issued_on", "skt_expires_on", "ahu_date")
ORMAS_FIELDS = (
    "name", "abbreviation", "legal_form", "skt_number", "skt_issued_on", "skt_expires_on",
    "ahu_number", "ahu_date", "address", "phone", "email",
)  # fmt: skip


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


def locate(data: bytes, kind: str) -> tuple[str, int, int, list[str], list[list[Any]]]:
    """(sheet name, header row, header height, headings, data rows) of the sheet that looks most like the list."""
    for name, rows in read_sheets(data, kind):
        found = find_header(rows)
        if found:
            index, height, headings = found
            body = rows[index + height :]
            while body and not any(cell_text(v) for v in body[-1]):
                body.pop()
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
    if re.search(r"(tidak|non|belum|kurang)\s*aktif|vakum|pasif", value):
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

    def row(self, number: int, raw: list[Any]) -> ImportRow:
        texts = [cell_text(v) for v in raw]
        item = ImportRow(batch=self.batch, number=number, raw=texts)
        if not any(texts):
            item.state, item.action = ImportRow.State.BLANK, ImportRow.Action.SKIP
            return item
        src: dict[str, Any] = {}
        for index, target in self.mapping.items():
            if index < len(raw):
                src[target] = raw[index]
        get = lambda key: cell_text(src.get(key))  # noqa: E731
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
        if not values["address"]:
            errors.append(_("The secretariat address is missing."))

        for key in DATE_FIELDS:
            try:
                date = parse_indonesian_date(src.get(key))
            except ValueError:
                errors.append(_("“%(value)s” is not a date I can read.") % {"value": get(key)})
                date = None
            values[key] = date.isoformat() if date else None
        if values["skt_issued_on"] and values["skt_expires_on"] and values["skt_expires_on"] <= values["skt_issued_on"]:
            errors.append(_("The SKT must expire after the day it was issued."))

        legal = parse_legal_form(get("legal_form"), name, values["skt_number"], values["ahu_number"])
        values["legal_form"] = legal
        if legal is None:
            errors.append(
                _("The legal form is unknown: “%(value)s”. Use perkumpulan, yayasan or tidak berbadan hukum.")
                % {"value": get("legal_form")}
            )
        elif legal == Ormas.LegalForm.UNINCORPORATED and not values["skt_number"]:
            errors.append(_("An Ormas without legal-entity status needs its SKT number."))
        elif legal in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION) and not values["ahu_number"]:
            errors.append(_("A perkumpulan or yayasan needs its SK AHU number."))

        status = parse_status(get("status"))
        if status is None:
            warnings.append(_("Status “%(value)s” is not known; the Ormas will be active.") % {"value": get("status")})
            status = Ormas.Status.ACTIVE
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

        regency = self.place(get("regency"), get("district"), get("village"), values, errors)
        if regency and name:
            name_key = (regency, normalize(name))
            if name_key in self.seen:
                errors.append(_("Same name as row %(row)d in this file.") % {"row": self.seen[name_key]})
            else:
                self.seen[name_key] = number
            item.matches = self.ormas.match(
                regency, name, values["abbreviation"], [values["skt_number"], values["ahu_number"]]
            )

        item.values, item.errors, item.warnings = values, errors, warnings
        if errors:
            item.state, item.action = ImportRow.State.ERROR, ImportRow.Action.UNDECIDED
        elif item.matches and item.matches[0]["score"] >= DUPLICATE_SCORE:
            item.state, item.action = ImportRow.State.DUPLICATE, ImportRow.Action.SKIP
        else:
            item.state, item.action = ImportRow.State.OK, ImportRow.Action.CREATE
        if item.matches:
            item.target_id = item.matches[0]["id"]
        return item

    def place(self, regency_text: str, district: str, village: str, values: dict, errors: list[str]) -> str | None:
        """Fill values["regency"], ["region"]; return the kab/kota code or None."""
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


def _save_progress(batch: ImportBatch, **fields: Any) -> None:
    for key, value in fields.items():
        setattr(batch, key, value)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields, updated_at=timezone.now())


def analyse(batch: ImportBatch) -> None:
    """Read the batch's file with its mapping into ImportRows (replacing earlier ones), updating progress."""
    user = batch.created_by
    with batch.file.open("rb") as handle:
        data = handle.read()
    _sheet, index, height, _headings, body = locate(data, batch.file_kind)
    batch.rows.all().delete()
    _save_progress(batch, total=len(body), processed=0, error="")
    analyser = Analyser(batch, user)
    first = index + height + 1  # the spreadsheet row number of the first data row
    for start in range(0, len(body), CHUNK):
        items = [analyser.row(first + start + i, raw) for i, raw in enumerate(body[start : start + CHUNK])]
        ImportRow.objects.bulk_create(items, batch_size=CHUNK)
        _save_progress(batch, processed=start + len(items))
    _save_progress(batch, status=ImportBatch.Status.READY)


class CommitBlocked(Exception):
    pass


# Rows per bulk insert: large enough to amortise the queries, small enough for a visible progress bar.
CREATE_CHUNK = 500


def _first_invalid_row(rows: list[ImportRow], regions: dict[str, Region]) -> int:
    """The number of the first row whose values do not validate, to name it in the error message."""
    for row in rows:
        try:
            Ormas(**{**_ormas_values(row.values, regions), "status": row.values["status"]}).full_clean(
                exclude=["fields_of_activity", "region", "name_search", "province_code", "regency_code"],
                validate_unique=False,
            )
        except ValidationError:
            return row.number
    return rows[0].number


def _progress_writer(batch_id: int):
    """On PostgreSQL, write commit progress through a second connection so it is visible mid-transaction."""
    if connection.vendor != "postgresql":
        return None
    try:
        side = connections.create_connection("default")
        side.ensure_connection()
    except Exception:  # pragma: no cover - progress is a nicety
        return None

    def write(processed: int) -> None:
        with side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportBatch._meta.db_table} SET processed = %s WHERE id = %s",  # noqa: S608
                [processed, batch_id],
            )

    write.close = side.close  # type: ignore[attr-defined]
    return write


def _ormas_values(values: dict[str, Any], regions: dict[str, Region]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ORMAS_FIELDS:
        value = values.get(key)
        if key in DATE_FIELDS and value:
            value = dt.date.fromisoformat(value)
        out[key] = value if value is not None else ("" if key not in DATE_FIELDS else None)
    out["region"] = regions[values["region"]]
    return out


def commit(batch: ImportBatch, user: User) -> None:
    """Apply every row's decision in one transaction; on any error nothing is written and the batch says why."""
    rows = list(batch.rows.exclude(state=ImportRow.State.BLANK).order_by("number"))
    undecided = [r for r in rows if not r.action or (r.errors and r.action != ImportRow.Action.SKIP)]
    if undecided:
        raise CommitBlocked(
            _("%(count)d rows with errors still need a decision (skip them or fix the file).")
            % {"count": len(undecided)}
        )
    work = [r for r in rows if r.action in (ImportRow.Action.CREATE, ImportRow.Action.UPDATE)]
    _save_progress(batch, total=len(work), processed=0, error="")
    regions = Region.objects.in_bulk([r.values["region"] for r in work if r.values.get("region")])
    targets = Ormas.objects.in_bulk([r.target_id for r in work if r.action == ImportRow.Action.UPDATE])
    writer = _progress_writer(batch.pk)
    created = updated = 0
    try:
        with transaction.atomic():
            creates: list[ImportRow] = []
            for done, row in enumerate(work, start=1):
                values = row.values
                region_code = values.get("region")
                if not region_code or not user.in_scope(region_code):
                    raise CommitBlocked(_("Row %(row)d lies outside your office's area.") % {"row": row.number})
                ormas_values = _ormas_values(values, regions)
                try:
                    if row.action == ImportRow.Action.CREATE:
                        creates.append(row)
                        continue
                    target = targets.get(row.target_id)
                    if target is None or not user.in_scope(target.region_id):
                        raise CommitBlocked(
                            _("Row %(row)d: the Ormas to update no longer exists.") % {"row": row.number}
                        )
                    changes = {k: v for k, v in ormas_values.items() if v not in ("", None)}
                    if values.get("default_region"):
                        changes.pop("region", None)  # a guessed village never moves a known Ormas
                    if values.get("fields"):
                        current = set(target.fields_of_activity.values_list("pk", flat=True))
                        changes["fields_of_activity"] = sorted(current | set(values["fields"]))
                    actions.update_ormas(target, by=user, changes=changes)
                    row.result = target
                    updated += 1
                except ValidationError as error:
                    messages = "; ".join(error.messages)
                    raise CommitBlocked(_("Row %(row)d: %(error)s") % {"row": row.number, "error": messages}) from error
                if writer and done % 200 == 0:
                    writer(done)
            # New Ormas go in chunks through the bulk action: same checks and audit entries, far fewer queries.
            for start in range(0, len(creates), CREATE_CHUNK):
                chunk = creates[start : start + CREATE_CHUNK]
                entries = [
                    {
                        "values": {**_ormas_values(row.values, regions), "status": row.values["status"]},
                        "fields_of_activity": row.values.get("fields", []),
                    }
                    for row in chunk
                ]
                try:
                    created_objects = actions.create_ormas_many(entries, by=user, source="import")
                except ValidationError as error:
                    failed = _first_invalid_row(chunk, regions)
                    messages = "; ".join(error.messages)
                    raise CommitBlocked(_("Row %(row)d: %(error)s") % {"row": failed, "error": messages}) from error
                for row, ormas in zip(chunk, created_objects, strict=True):
                    row.result = ormas
                created += len(chunk)
                if writer:
                    writer(updated + created)
            with connection.cursor() as cursor:  # one statement, many rows: far cheaper than bulk_update's CASE
                cursor.executemany(
                    f"UPDATE {ImportRow._meta.db_table} SET result_id = %s WHERE id = %s",  # noqa: S608
                    [(r.result.pk, r.pk) for r in work if r.result is not None],
                )
            skipped = len(rows) - len(work)
            record(
                batch,
                "ormas.imported",
                by=user,
                data={
                    "file": batch.original_name,
                    "created": created,
                    "updated": updated,
                    "skipped": skipped,
                    "ormas": [r.result.pk for r in work if r.result is not None],
                },
            )
    finally:
        if writer:
            writer.close()  # type: ignore[attr-defined]
    _save_progress(
        batch,
        status=ImportBatch.Status.DONE,
        processed=len(work),
        created_count=created,
        updated_count=updated,
        skipped_count=skipped,
        committed_at=timezone.now(),
        committed_by=user,
    )


def counts(rows: Iterable[ImportRow]) -> dict[str, int]:
    result = {"create": 0, "update": 0, "skip": 0, "undecided": 0}
    for row in rows:
        if row.state == ImportRow.State.BLANK:
            continue
        result[row.action or "undecided"] += 1
    return result
