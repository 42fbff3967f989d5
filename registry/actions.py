"""Every change to registry data, in one place: views, imports, commands and the API all call these.

Each action runs in a transaction, keeps the denormalised columns in step, and writes one audit
entry with the before → after of what changed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import diff, record
from audit.models import Entry
from audit.visibility import PERSONAL_KEYS
from regions.models import Region
from registry import logos
from registry.models import BoardMember, Chapter, Document, DocumentType, FieldOfActivity, Ormas, Person
from registry.names.index import index_ormas
from wadah.lib.bulk import insert_objects, insert_rows, insert_values
from wadah.lib.files import SniffedType
from wadah.lib.nik import parse_nik
from wadah.lib.text import compact, normalize
from wadah.lib.workflow import check_move


def _snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in fields:
        model_field = obj._meta.get_field(field)
        if model_field.many_to_many:
            values[field] = sorted(str(v) for v in getattr(obj, field).all()) if obj.pk else []
        else:
            values[field] = getattr(obj, field)
    return values


def sync_search_columns(ormas: Ormas) -> None:
    """Recompute the normalised search and scope columns from the fields people edit."""
    ormas.name_search = normalize(ormas.name)
    ormas.abbreviation_search = normalize(ormas.abbreviation)
    ormas.number_search = " ".join(
        filter(
            None,
            (
                compact(ormas.skt_number),
                compact(ormas.ahu_number),
                compact(ormas.foreign_permit_number),
                compact(ormas.siormas_reference),
                compact(ormas.siola_reference),
            ),
        )
    )[:200]
    ormas.province_code = ormas.region_id[:2]
    ormas.regency_code = ormas.region_id[:5]


@transaction.atomic
def create_ormas(*, by: User | None, fields_of_activity: Iterable[Any] = (), **values: Any) -> Ormas:
    """Enter a new Ormas in the Buku Induk."""
    ormas = Ormas(**values)
    if not ormas.status_changed_on:
        ormas.status_changed_on = timezone.localdate()
    sync_search_columns(ormas)
    ormas.full_clean(exclude=["fields_of_activity"])
    ormas.save()
    ormas.fields_of_activity.set(fields_of_activity)
    index_ormas([ormas], replace=False)
    after = _snapshot(ormas, [*values.keys(), "fields_of_activity"])
    record(ormas, "ormas.created", by=by, ormas=ormas, changes=diff({}, after))
    return ormas


@transaction.atomic
def create_ormas_many(entries: list[dict[str, Any]], *, by: User | None, source: str = "") -> list[Ormas]:
    """Enter many Ormas at once (imports): the same checks and audit entries as create_ormas(), in a few queries.

    Each entry is {"values": {...Ormas fields...}, "fields_of_activity": [ids]}. Regions are checked in
    one query here instead of one per row; field validation runs per object without touching the database.
    """
    region_codes = {entry["values"]["region"].pk for entry in entries}
    known = set(Region.objects.filter(code__in=region_codes).values_list("code", flat=True))
    if region_codes - known:
        raise ValidationError(_("Unknown region code: %(codes)s") % {"codes": ", ".join(sorted(region_codes - known))})
    today = timezone.localdate()
    objects = []
    for entry in entries:
        ormas = Ormas(**entry["values"])
        ormas.status_changed_on = ormas.status_changed_on or today
        sync_search_columns(ormas)
        ormas.full_clean(exclude=["fields_of_activity", "region"], validate_unique=False, validate_constraints=False)
        objects.append(ormas)
    # COPY on PostgreSQL (keys drawn from the sequence first), large bulk inserts elsewhere: an import of 10,000
    # Ormas writes them, their ~90,000 name-index rows and their audit entries in a handful of statements.
    created = insert_objects(Ormas, objects)
    index_ormas(created, replace=False)
    through = Ormas.fields_of_activity.through
    insert_rows(
        through,
        ("ormas_id", "fieldofactivity_id"),
        [
            (ormas.pk, field_id)
            for ormas, entry in zip(created, entries, strict=True)
            for field_id in entry.get("fields_of_activity", [])
        ],
    )
    subject_type = ContentType.objects.get_for_model(Ormas)
    field_names = (
        dict(FieldOfActivity.objects.values_list("pk", "name"))
        if any(entry.get("fields_of_activity") for entry in entries)
        else {}
    )
    actor = by if getattr(by, "pk", None) else None
    # Audit entries as rows, not model instances (write-once; the same fields record() writes).
    insert_values(
        Entry,
        [
            {
                "actor": actor,
                "action": "ormas.created",
                "subject_type": subject_type,
                "subject_id": str(ormas.pk),
                "subject_repr": str(ormas)[:300],
                "ormas_id": ormas.pk,
                "changes": diff(
                    {},
                    {
                        **entry["values"],
                        "fields_of_activity": sorted(field_names[i] for i in entry.get("fields_of_activity", [])),
                    },
                ),
                "data": {"source": source} if source else {},
            }
            for ormas, entry in zip(created, entries, strict=True)
        ],
    )
    return created


@transaction.atomic
def update_ormas(ormas: Ormas, *, by: User | None, changes: dict[str, Any]) -> dict[str, list[Any]]:
    """Correct an Ormas's record; returns {field: [before, after]} of what actually changed."""
    if "status" in changes:
        raise ValueError("use change_ormas_status() to change the status")
    # Compare with the stored row: a bound ModelForm has already copied the new values onto `ormas`.
    stored = Ormas.objects.get(pk=ormas.pk)
    before = _snapshot(stored, changes.keys())
    for field, value in changes.items():
        if field == "fields_of_activity":
            continue
        setattr(ormas, field, value)
    sync_search_columns(ormas)
    ormas.full_clean(exclude=["fields_of_activity"])
    ormas.save()
    if ormas.name_search != stored.name_search:
        index_ormas([ormas])
    if "fields_of_activity" in changes:
        ormas.fields_of_activity.set(changes["fields_of_activity"])
    if "logo" in changes:
        # The perceptual hash the logo check compares (registry/logos.py); kept in step with the file.
        logos.fingerprint(ormas)
    changed = diff(before, _snapshot(ormas, changes.keys()))
    if changed:
        record(ormas, "ormas.updated", by=by, ormas=ormas, changes=changed)
    return changed


@dataclass(frozen=True)
class Decision:
    """The recorded decision a sanction status rests on: a sanction step, a court decision, a dissolution notice."""

    number: str
    date: Any
    basis: str
    source: str = ""


@transaction.atomic
def set_logo(ormas: Ormas, *, by: User | None, upload: UploadedFile, sniffed: SniffedType) -> None:
    """Store a new logo (already sniffed as an image) and record the change of file name.

    The file is written before the row changes; if anything after that fails the new file is removed again, so a
    failed save never leaves an unreferenced upload behind. The earlier logo stays on disk: Riwayat names it.
    """
    old = ormas.logo.name
    ormas.logo.save(f"logo-{ormas.pk}.{sniffed.extension}", upload, save=False)
    new = ormas.logo.name
    try:
        update_ormas(ormas, by=by, changes={"logo": new})
    except BaseException:
        if new:
            ormas.logo.storage.delete(new)
        ormas.logo.name = old
        raise


@transaction.atomic
def change_ormas_status(
    ormas: Ormas,
    status: str,
    *,
    by: User | None,
    reason: str,
    effective_on: Any = None,
    legal_basis: str = "",
    decision: Decision | None = None,
) -> None:
    """Move an Ormas to another status along Ormas.TRANSITIONS, recording why and on what basis.

    Entering or leaving a sanction status (dibekukan, dicabut, bubar) needs a recorded decision with its number,
    date and basis: those statuses are never set by hand (issue 11), only by the action that records the decision
    (supervision's steps), so that the status and the sanction in force always agree."""
    check_move(ormas, status, _("An Ormas with status “%(old)s” cannot become “%(new)s”."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the status change."))
    touches_sanction = status in Ormas.SANCTION_STATUSES or ormas.status in Ormas.SANCTION_STATUSES
    if touches_sanction and (
        decision is None or not decision.number.strip() or not decision.date or not decision.basis
    ):
        raise ValidationError(
            _(
                "“%(status)s” is set only by a recorded decision (sanction step, court decision, dissolution "
                "notice) with its number, date and basis; record it on the supervision case."
            )
            % {"status": Ormas.Status(status if status in Ormas.SANCTION_STATUSES else ormas.status).label}
        )
    old = ormas.status
    ormas.status = status
    ormas.status_changed_on = effective_on or timezone.localdate()
    ormas.save(update_fields=["status", "status_changed_on", "updated_at"])
    record(
        ormas,
        "ormas.status_changed",
        by=by,
        ormas=ormas,
        changes={"status": [old, status]},
        data={
            "reason": reason,
            "legal_basis": legal_basis,
            "effective_on": ormas.status_changed_on,
            **(
                {"decision": {"number": decision.number, "date": str(decision.date), "source": decision.source}}
                if decision
                else {}
            ),
        },
    )


@transaction.atomic
def save_chapter(chapter: Chapter, *, by: User | None, changed_fields: Iterable[str] | None = None) -> None:
    """Add a chapter to an Ormas, or correct one."""
    is_new = chapter.pk is None
    fields = list(changed_fields or [])
    before = _snapshot(Chapter.objects.get(pk=chapter.pk), fields) if not is_new and fields else {}
    if chapter.parent_id and chapter.parent and chapter.parent.ormas_id != chapter.ormas_id:
        raise ValidationError(_("The parent chapter must belong to the same Ormas."))
    chapter.full_clean()
    chapter.save()
    if is_new:
        record(chapter, "chapter.created", by=by, ormas=chapter.ormas, data={"level": chapter.level})
    else:
        changed = diff(before, _snapshot(chapter, fields))
        if changed:
            record(chapter, "chapter.updated", by=by, ormas=chapter.ormas, changes=changed)


def _person_for(nik: str | None, values: dict[str, Any]) -> tuple[Person, bool]:
    """The Person with this NIK, or a new one. A known NIK keeps its record; the same person, many boards."""
    if nik:
        info = parse_nik(nik)
        person = Person.objects.filter(nik=nik).first()
        if person:
            return person, False
        values.setdefault("birth_date", info.birth_date)
        values.setdefault("gender", Person.Gender.FEMALE if info.is_female else Person.Gender.MALE)
    person = Person(nik=nik or None, **values)
    person.name_search = normalize(person.name)
    person.full_clean()
    person.save()
    return person, True


@transaction.atomic
def add_board_member(
    chapter: Chapter,
    *,
    by: User | None,
    nik: str | None,
    person_values: dict[str, Any],
    position: str,
    title: str = "",
    term_start: Any = None,
    term_end: Any = None,
) -> BoardMember:
    """Seat a person (found or created by NIK) on a chapter's board."""
    person, created = _person_for(nik, dict(person_values))
    if BoardMember.objects.filter(chapter=chapter, person=person, position=position, ended_on__isnull=True).exists():
        raise ValidationError(_("%(name)s already holds this position on this board.") % {"name": person.name})
    seat = BoardMember(
        chapter=chapter,
        ormas_id=chapter.ormas_id,
        person=person,
        position=position,
        title=title,
        term_start=term_start or chapter.term_start,
        term_end=term_end or chapter.term_end,
    )
    seat.full_clean()
    seat.save()
    record(
        seat,
        "board_member.added",
        by=by,
        ormas=chapter.ormas,
        data={"chapter": chapter.name, "person": person.name, "position": position, "new_person": created},
    )
    return seat


@transaction.atomic
def end_board_member(seat: BoardMember, *, by: User | None, ended_on: Any, reason: str) -> None:
    """Record that a board member left; the seat stays as board history."""
    if seat.ended_on:
        raise ValidationError(_("This board member has already left the board."))
    seat.ended_on = ended_on
    seat.end_reason = reason
    seat.save(update_fields=["ended_on", "end_reason"])
    record(
        seat,
        "board_member.ended",
        by=by,
        ormas=seat.ormas,
        data={"person": seat.person.name, "position": seat.position, "ended_on": ended_on, "reason": reason},
    )


@transaction.atomic
def update_person(person: Person, *, by: User | None, changes: dict[str, Any], ormas: Ormas | None = None) -> None:
    """Correct a person's details (name, address, contact). A NIK, once set, changes only with its birth data."""
    before = _snapshot(Person.objects.get(pk=person.pk), changes.keys())
    for field, value in changes.items():
        setattr(person, field, value)
    if "nik" in changes and person.nik:
        info = parse_nik(person.nik)
        person.birth_date = info.birth_date
    person.name_search = normalize(person.name)
    person.full_clean()
    person.save()
    changed = diff(before, _snapshot(person, changes.keys()))
    if "nik" in changed:  # The audit trail must not become a second copy of personal data.
        changed["nik"] = ["(diubah)", "(diubah)"]
    if changed:
        record(person, "person.updated", by=by, ormas=ormas, changes=changed, personal=PERSONAL_KEYS & set(changed))


@transaction.atomic
def add_document(
    ormas: Ormas,
    *,
    by: User | None,
    document_type: DocumentType,
    upload: UploadedFile,
    sniffed: SniffedType,
    title: str = "",
) -> Document:
    """Store an uploaded file for an Ormas (the caller has already checked its size and real type)."""
    document = Document(ormas=ormas, document_type=document_type, title=title, uploaded_by=by)
    document.store(upload, sniffed)
    document.save()
    record(
        document,
        "document.added",
        by=by,
        ormas=ormas,
        data={"type": document_type.name, "name": document.original_name, "size": document.size},
    )
    return document


@transaction.atomic
def archive_document(document: Document, *, by: User | None, reason: str) -> None:
    """Take a document out of the current list; the file and its history are kept."""
    document.archived_at = timezone.now()
    document.save(update_fields=["archived_at"])
    record(document, "document.archived", by=by, ormas=document.ormas, data={"reason": reason})


def record_nik_view(person: Person, *, by: User, ormas: Ormas | None, ip_address: str | None) -> None:
    """Log that a user displayed a full NIK (UU 27/2022: access to personal data is accountable)."""
    record(person, "person.nik_viewed", by=by, ormas=ormas, ip_address=ip_address)
