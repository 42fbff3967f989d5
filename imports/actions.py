"""Every change of an ImportBatch, in one place: one action per move of ImportBatch.TRANSITIONS (ACTION_FOR below),
plus the officer's per-row decisions. Views, tasks and commands call these; none of them sets a status itself.

Each move is a conditional UPDATE (… WHERE status = old), so two requests racing for the same batch (a double
click on "Import", a task run twice) cannot both move it: the second one gets InvalidTransition. The registry
writes of a commit happen in one transaction with their audit entries (registry.actions + "ormas.imported").
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import record
from imports.analysis import DATE_FIELDS, Analyser, counts, locate
from imports.columns import guess_mapping, load_synonyms
from imports.models import ImportBatch, ImportRow
from regions.models import Region
from registry import actions as registry_actions
from registry.models import Ormas
from wadah.lib.bulk import insert_objects
from wadah.lib.workflow import InvalidTransition

log = logging.getLogger(__name__)

S = ImportBatch.Status
# Rows analysed and written per round: large enough to amortise the queries, small enough for a visible progress bar.
CHUNK = 2000
# New Ormas per call of the bulk action (COPY on PostgreSQL): progress is written between chunks.
CREATE_CHUNK = 5000
ORMAS_FIELDS = (
    "name", "abbreviation", "legal_form", "skt_number", "skt_issued_on", "skt_expires_on",
    "ahu_number", "ahu_date", "address", "phone", "email",
)  # fmt: skip


class CommitBlocked(Exception):
    pass


@dataclass
class _Row:
    """What the commit reads of an ImportRow (no model instance per row: a commit reads thousands)."""

    pk: int
    number: int
    action: str
    errors: list[str]
    values: dict[str, Any]
    target_id: int | None
    result: Ormas | None = None


def _move(batch: ImportBatch, new: str, *, source: str | None = None, **fields: Any) -> str:
    """The one gate every status change passes: refuse what TRANSITIONS does not list (or, with `source`, a move
    from any other status than that one), or what another request has already moved (the UPDATE only matches
    the status this object was read with)."""
    old = batch.status
    if not batch.can_move_to(new) or (source is not None and old != source):
        raise InvalidTransition(
            _("An import with status “%(old)s” cannot become “%(new)s”.")
            % {"old": batch.get_status_display(), "new": S(new).label}
        )
    now = timezone.now()
    if not ImportBatch.objects.filter(pk=batch.pk, status=old).update(status=new, updated_at=now, **fields):
        raise InvalidTransition(_("This import was changed meanwhile. Reload the page."))
    batch.status, batch.updated_at = new, now
    for key, value in fields.items():
        setattr(batch, key, value)
    return old


def _save_progress(batch: ImportBatch, **fields: Any) -> None:
    """Counters only (total, processed, error): never the status, which only _move() changes."""
    for key, value in fields.items():
        setattr(batch, key, value)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields, updated_at=timezone.now())


def _require_review(batch: ImportBatch) -> None:
    if batch.status != S.READY:
        raise ValidationError(_("This import is no longer open for review."), code="not_ready")


# --- upload and analysis -------------------------------------------------------------------------------------------


def create_batch(*, by: User, upload: UploadedFile, kind: str) -> ImportBatch:
    """A new batch waiting for its column mapping; ValidationError (nothing saved) when no list is found."""
    synonyms = load_synonyms()
    upload.seek(0)
    sheet, index, height, headings, body = locate(upload.read(), kind, synonyms)
    upload.seek(0)
    batch = ImportBatch(
        created_by=by,
        scope_code=by.scope_code or "",
        file_kind=kind,
        original_name=(upload.name or "import")[:255],
        size=upload.size or 0,
        sheet_name=sheet[:100],
        header_row=index,
        header_rows=height,
        columns=headings,
        mapping=guess_mapping(headings, synonyms),
        total=len(body),
    )
    batch.file.save("upload", upload, save=False)
    batch.save()
    return batch


def start_analysis(batch: ImportBatch, *, mapping: dict[str, str], default_region: Region | None) -> ImportBatch:
    """mapping/ready/failed → analysing, with the officer's mapping. The caller enqueues tasks.analyse_batch."""
    _move(batch, S.ANALYSING, mapping=mapping, default_region=default_region, processed=0, error="")
    return batch


def analyse(batch: ImportBatch) -> ImportBatch:
    """analysing → ready: read the file with its mapping into ImportRows (replacing earlier ones), with progress."""
    if batch.status != S.ANALYSING:
        raise InvalidTransition(_("This import is not being checked."))
    with batch.file.open("rb") as handle:
        data = handle.read()
    _sheet, index, height, _headings, body = locate(data, batch.file_kind)
    batch.rows.all().delete()
    _save_progress(batch, total=len(body), processed=0, error="")
    analyser = Analyser(batch, batch.created_by)
    first = index + height + 1  # the spreadsheet row number of the first data row
    for start in range(0, len(body), CHUNK):
        items = analyser.rows((first + start + i, raw) for i, raw in enumerate(body[start : start + CHUNK]))
        insert_objects(ImportRow, items, keys=False)
        _save_progress(batch, processed=start + len(items))
    _move(batch, S.READY, source=S.ANALYSING)
    return batch


def fail_analysis(batch: ImportBatch, *, reason: str) -> ImportBatch:
    """analysing → failed, saying why (the officer can correct the mapping and check again)."""
    _move(batch, S.FAILED, error=reason)
    return batch


def run_analysis(batch: ImportBatch) -> None:
    """analyse(), turning any error into a failed batch with a message for the officer (the task's body)."""
    if batch.status != S.ANALYSING:
        return  # a repeated task: the batch has moved on
    try:
        analyse(batch)
    except InvalidTransition:
        return
    except ValidationError as error:
        batch.refresh_from_db()
        fail_analysis(batch, reason="; ".join(error.messages))
    except Exception:
        log.exception("import analysis failed for batch %s", batch.pk)
        batch.refresh_from_db()
        fail_analysis(batch, reason=_("The file could not be checked because of an unexpected error."))


# --- review --------------------------------------------------------------------------------------------------------


def decide_rows(batch: ImportBatch, choices: dict[int, str]) -> int:
    """Save per-row choices {row id: "create" | "skip" | "update:<matched Ormas id>" | ""}; return rows changed.

    A row with errors may only be skipped (or left undecided); "update" only targets one of the row's matches."""
    _require_review(batch)
    changed = []
    for row in batch.rows.filter(pk__in=list(choices)).exclude(state=ImportRow.State.BLANK):
        choice = choices[row.pk]
        if choice == ImportRow.Action.SKIP or (not row.errors and choice == ImportRow.Action.CREATE):
            row.action = choice
        elif not row.errors and choice.startswith("update:"):
            target = choice[7:]
            if target.isdigit() and int(target) in {m["id"] for m in row.matches}:
                row.action, row.target_id = ImportRow.Action.UPDATE, int(target)
        elif choice == "" and row.errors:
            row.action = ""
        changed.append(row)
    ImportRow.objects.bulk_update(changed, ["action", "target"])
    return len(changed)


def skip_errors(batch: ImportBatch) -> int:
    """Every row with errors is skipped; return how many."""
    _require_review(batch)
    return batch.rows.filter(state=ImportRow.State.ERROR).update(action=ImportRow.Action.SKIP)


def request_commit(batch: ImportBatch) -> ImportBatch:
    """ready → committing, once every row has a decision. The caller enqueues tasks.commit_batch."""
    if counts(batch.rows.all())["undecided"]:
        raise ValidationError(_("Some rows still need a decision."), code="undecided")
    _move(batch, S.COMMITTING, processed=0, error="")
    return batch


# --- commit --------------------------------------------------------------------------------------------------------


def _ormas_values(values: dict[str, Any], regions: dict[str, Region]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ORMAS_FIELDS:
        value = values.get(key)
        if key in DATE_FIELDS and value:
            value = dt.date.fromisoformat(value)
        out[key] = value if value is not None else ("" if key not in DATE_FIELDS else None)
    out["region"] = regions[values["region"]]
    return out


def _first_invalid_row(rows: list[_Row], regions: dict[str, Region]) -> int:
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


def _progress_writer(batch_id: int) -> Callable[[int], None] | None:
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


def _link_results(pairs: list[tuple[int, int]]) -> None:
    """Set ImportRow.result for (row id, Ormas id) pairs: one statement on PostgreSQL, far cheaper than
    bulk_update's CASE or an UPDATE per row."""
    if not pairs:
        return
    table = ImportRow._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} AS r SET result_id = v.result FROM unnest(%s::bigint[], %s::bigint[]) "  # noqa: S608
                "AS v(id, result) WHERE r.id = v.id",
                [[p[0] for p in pairs], [p[1] for p in pairs]],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET result_id = %s WHERE id = %s",  # noqa: S608
                [(result, pk) for pk, result in pairs],
            )


def commit(batch: ImportBatch, user: User) -> None:
    """committing → done: apply every row's decision in one transaction; on any error nothing is written
    (CommitBlocked says why; run_commit() returns the batch to review with that reason)."""
    if not batch.can_move_to(S.DONE):
        raise InvalidTransition(_("This import is not being imported."))
    rows = [
        _Row(*fields)
        for fields in batch.rows.exclude(state=ImportRow.State.BLANK)
        .order_by("number")
        .values_list("pk", "number", "action", "errors", "values", "target_id")
    ]
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
            creates: list[_Row] = []
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
                    registry_actions.update_ormas(target, by=user, changes=changes)
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
                    created_objects = registry_actions.create_ormas_many(entries, by=user, source="import")
                except ValidationError as error:
                    failed = _first_invalid_row(chunk, regions)
                    messages = "; ".join(error.messages)
                    raise CommitBlocked(_("Row %(row)d: %(error)s") % {"row": failed, "error": messages}) from error
                for row, ormas in zip(chunk, created_objects, strict=True):
                    row.result = ormas
                created += len(chunk)
                if writer:
                    writer(updated + created)
            _link_results([(r.pk, r.result.pk) for r in work if r.result is not None])
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
    _move(
        batch,
        S.DONE,
        processed=len(work),
        created_count=created,
        updated_count=updated,
        skipped_count=skipped,
        committed_at=timezone.now(),
        committed_by=user,
    )


def return_to_review(batch: ImportBatch, *, reason: str) -> ImportBatch:
    """committing → ready: the commit was refused or failed and rolled back; the batch says why."""
    _move(batch, S.READY, source=S.COMMITTING, error=reason)
    return batch


def run_commit(batch: ImportBatch, user: User) -> None:
    """commit(), turning a refusal or failure into a batch back in review with a message (the task's body)."""
    if batch.status != S.COMMITTING:
        return  # a repeated task: the batch has moved on
    try:
        commit(batch, user)
    except InvalidTransition:
        return
    except CommitBlocked as error:
        batch.refresh_from_db()
        return_to_review(batch, reason=_("Nothing was imported. %(reason)s") % {"reason": error})
    except Exception:
        log.exception("import commit failed for batch %s", batch.pk)
        batch.refresh_from_db()
        return_to_review(
            batch,
            reason=_(
                "Nothing was imported: an unexpected error stopped the import. Try again or ask an administrator."
            ),
        )


# Which action performs which move. The tests walk TRANSITIONS against this table.
ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (S.MAPPING, S.ANALYSING): start_analysis,
    (S.READY, S.ANALYSING): start_analysis,
    (S.FAILED, S.ANALYSING): start_analysis,
    (S.ANALYSING, S.READY): analyse,
    (S.ANALYSING, S.FAILED): fail_analysis,
    (S.READY, S.COMMITTING): request_commit,
    (S.COMMITTING, S.DONE): commit,
    (S.COMMITTING, S.READY): return_to_review,
}
