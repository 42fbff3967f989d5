"""Every change to programmes, events, invitations, participants, check-ins and certificates, in one place.

One action per move of the TRANSITIONS dicts (ACTION_FOR lists them; a test walks them). Each action runs in a
transaction, refuses what the dict does not list, checks who may act, and writes one audit entry.
Capacity assessments have their own actions in guidance/assessments.py.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import diff, record
from guidance.models import (
    QR_PREFIX,
    Certificate,
    CheckIn,
    Event,
    EventFile,
    Invitation,
    Participant,
    Programme,
)
from letters.actions import issue_letter
from letters.pdf import indonesian_date
from registry.models import Ormas
from wadah.lib import checkin
from wadah.lib.files import DOCUMENT_TYPES, IMAGE_TYPES, save_private, sha256_of, sniff
from wadah.lib.nik import validate_nik
from wadah.lib.workflow import InvalidTransition

MAX_FILE_MB = 10
MATERIAL_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "docx", "xlsx", "jpg", "png")}
# Ormas that no longer exist in law are not invited (a halted one still may be: guidance is part of the remedy).
NOT_INVITABLE = (Ormas.Status.DISSOLVED, Ormas.Status.REVOKED)
MAX_PARTICIPANT_FIELDS = {"name": 150, "position": 120, "phone": 40}


def _check(obj: Programme | Event | Invitation, new: str) -> None:
    if not obj.can_move_to(new):
        old_label = obj.get_status_display()  # type: ignore[attr-defined]
        new_label = type(obj).Status(new).label  # type: ignore[attr-defined]
        raise InvalidTransition(
            _("A %(kind)s that is “%(old)s” cannot become “%(new)s”.")
            % {"kind": obj._meta.verbose_name, "old": old_label, "new": new_label}
        )


def require_editor(user: User, region_code: str) -> None:
    """Officers and leaders whose scope covers the region; everyone else is refused."""
    if not (user.can_edit_registry and user.in_scope(region_code)):
        raise PermissionDenied(_("Only an officer whose region covers this programme may do this."))


def _require_account_of(user: User, ormas_id: int) -> None:
    if user.role != Role.ORMAS_ACCOUNT or user.ormas_id != ormas_id:
        raise PermissionDenied(_("Only an account of the invited Ormas may answer this invitation."))


# --- Programmes -------------------------------------------------------------------------------------------


def _validate_programme(values: dict[str, Any]) -> None:
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError(_("The programme cannot end before it starts."))
    amount = values.get("budget_amount")
    if amount is not None and amount < 0:
        raise ValidationError(_("The budget cannot be negative."))


@transaction.atomic
def create_programme(*, by: User, fields_of_activity: Iterable[Any] = (), **values: Any) -> Programme:
    region = values["region"]
    require_editor(by, region.code)
    _validate_programme(values)
    programme = Programme(office=by.office, created_by=by, **values)
    programme.full_clean()
    programme.save()
    programme.fields_of_activity.set(fields_of_activity)
    record(programme, "programme.created", by=by, data={"region": region.code, "type": programme.programme_type.code})
    return programme


@transaction.atomic
def update_programme(
    programme: Programme, *, by: User, changes: dict[str, Any], fields_of_activity: Iterable[Any] | None = None
) -> Programme:
    require_editor(by, programme.region_id)
    if "region" in changes:
        require_editor(by, changes["region"].code)
    before = {field: getattr(programme, field) for field in changes}
    for field, value in changes.items():
        setattr(programme, field, value)
    _validate_programme({f: getattr(programme, f) for f in ("starts_on", "ends_on", "budget_amount")})
    programme.full_clean()
    programme.save()
    if fields_of_activity is not None:
        programme.fields_of_activity.set(fields_of_activity)
    record(programme, "programme.updated", by=by, changes=diff(before, changes))
    return programme


def _move_programme(programme: Programme, new: str, *, by: User, reason: str = "") -> Programme:
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    require_editor(by, programme.region_id)
    _check(programme, new)
    old = programme.status
    programme.status = new
    programme.save(update_fields=["status"])
    data = {"reason": reason} if reason else {}
    record(programme, "programme.status_changed", by=by, changes={"status": [old, new]}, data=data)
    return programme


@transaction.atomic
def start_programme(programme: Programme, *, by: User) -> Programme:
    return _move_programme(programme, Programme.Status.RUNNING, by=by)


@transaction.atomic
def complete_programme(programme: Programme, *, by: User) -> Programme:
    return _move_programme(programme, Programme.Status.COMPLETED, by=by)


@transaction.atomic
def cancel_programme(programme: Programme, *, by: User, reason: str) -> Programme:
    if not reason.strip():
        raise ValidationError(_("Give the reason the programme is cancelled."))
    return _move_programme(programme, Programme.Status.CANCELLED, by=by, reason=reason.strip())


# --- Events -----------------------------------------------------------------------------------------------


def _validate_event(event: Event) -> None:
    if event.ends_at and event.starts_at and event.ends_at < event.starts_at:
        raise ValidationError(_("The event cannot end before it starts."))
    if not event.venue_region_id and not event.online_url:
        raise ValidationError(_("Give the venue's village, or the online meeting link, or both."))
    if event.capacity < 1:
        raise ValidationError(_("An event needs at least one seat."))
    if event.seats_per_ormas < 1:
        raise ValidationError(_("Each Ormas must be able to name at least one participant."))


@transaction.atomic
def create_event(programme: Programme, *, by: User, **values: Any) -> Event:
    require_editor(by, programme.region_id)
    if programme.status in (Programme.Status.COMPLETED, Programme.Status.CANCELLED):
        raise ValidationError(
            _("The programme is %(status)s; it takes no new events.")
            % {"status": programme.get_status_display().lower()}
        )
    event = Event(programme=programme, **values)
    _validate_event(event)
    event.full_clean()
    event.save()
    record(event, "event.created", by=by, data={"programme": programme.pk, "starts_at": event.starts_at})
    return event


@transaction.atomic
def update_event(event: Event, *, by: User, changes: dict[str, Any]) -> Event:
    event = Event.objects.select_for_update().select_related("programme").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    if event.status != Event.Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled event can be changed."))
    before = {field: getattr(event, field) for field in changes}
    for field, value in changes.items():
        setattr(event, field, value)
    _validate_event(event)
    if event.capacity < event.seats_taken():
        raise ValidationError(
            _("%(taken)s participants are already confirmed; the event needs at least that many seats.")
            % {"taken": event.seats_taken()}
        )
    event.full_clean()
    event.save()
    record(event, "event.updated", by=by, changes=diff(before, changes))
    return event


@transaction.atomic
def mark_event_held(event: Event, *, by: User) -> Event:
    event = Event.objects.select_for_update().select_related("programme").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    _check(event, Event.Status.HELD)
    if event.starts_at > timezone.now():
        raise ValidationError(_("The event has not started yet."))
    event.status = Event.Status.HELD
    event.save(update_fields=["status"])
    record(event, "event.held", by=by, changes={"status": [Event.Status.SCHEDULED, Event.Status.HELD]})
    return event


@transaction.atomic
def cancel_event(event: Event, *, by: User, reason: str) -> Event:
    event = Event.objects.select_for_update().select_related("programme").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    if not reason.strip():
        raise ValidationError(_("Give the reason the event is cancelled; invited Ormas will read it."))
    _check(event, Event.Status.CANCELLED)
    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status"])
    record(
        event,
        "event.cancelled",
        by=by,
        changes={"status": [Event.Status.SCHEDULED, Event.Status.CANCELLED]},
        data={"reason": reason.strip()},
    )
    return event


@transaction.atomic
def record_outcome(event: Event, *, by: User, report: str) -> Event:
    event = Event.objects.select_for_update().select_related("programme").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    if event.status != Event.Status.HELD:
        raise ValidationError(_("Record the outcome once the event has been held."))
    if not report.strip():
        raise ValidationError(_("Write what the event achieved."))
    before = event.outcome_report
    event.outcome_report = report.strip()
    event.outcome_recorded_at = timezone.now()
    event.save(update_fields=["outcome_report", "outcome_recorded_at"])
    record(
        event,
        "event.outcome_recorded",
        by=by,
        changes=diff({"outcome_report": before}, {"outcome_report": event.outcome_report}),
    )
    return event


@transaction.atomic
def add_event_file(event: Event, *, by: User, kind: str, upload: UploadedFile, title: str = "") -> EventFile:
    require_editor(by, event.programme.region_id)
    allowed = IMAGE_TYPES if kind == EventFile.Kind.PHOTO else MATERIAL_TYPES
    sniffed = sniff(upload, allowed, max_mb=MAX_FILE_MB)
    digest = sha256_of(upload)
    item = EventFile(
        event=event,
        kind=kind,
        title=title.strip(),
        original_name=(upload.name or "file")[:255],
        content_type=sniffed.mime,
        size=upload.size or 0,
        sha256=digest,
        uploaded_by=by,
    )
    save_private(item.file, upload, sniffed, digest)
    item.save()
    record(event, "event.file_added", by=by, data={"kind": kind, "name": item.original_name, "size": item.size})
    return item


# --- Invitations ------------------------------------------------------------------------------------------


def invitation_letter_body(event: Event) -> tuple[str, str, dict[str, Any]]:
    """Subject, body and the aligned fields of an invitation letter; official wording is Indonesian."""
    start = timezone.localtime(event.starts_at)
    place = event.venue_name or ""
    if event.venue_address:
        place = f"{place}, {event.venue_address}" if place else event.venue_address
    if event.online_url:
        place = f"{place} / daring: {event.online_url}" if place else f"daring: {event.online_url}"
    body = (
        f"Dalam rangka pelaksanaan program {event.programme.name}, dengan hormat kami mengundang Saudara "
        f"untuk mengutus paling banyak {event.seats_per_ormas} orang peserta pada kegiatan:\n\n"
        "Konfirmasi kehadiran dan nama peserta disampaikan melalui akun Ormas di Wadah. Kode hadir (QR) setiap "
        "peserta tersedia di akun tersebut setelah undangan diterima.\n\n"
        "Demikian undangan ini disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih."
    )
    fields = [
        ["Kegiatan", event.title],
        ["Hari, tanggal", indonesian_date(start.date())],
        ["Waktu", f"{start:%H.%M} WIB s.d. selesai"],
        ["Tempat", place or "-"],
    ]
    return f"Undangan {event.title}", body, {"fields": fields}


def _refusal(ormas: Ormas, visible: set[int]) -> str | None:
    if ormas.pk not in visible:
        return _("%(name)s is outside your region.") % {"name": ormas.name}
    if ormas.status in NOT_INVITABLE:
        return _("%(name)s is %(status)s and cannot be invited.") % {
            "name": ormas.name,
            "status": ormas.get_status_display().lower(),
        }
    return None


@transaction.atomic
def invite(
    event: Event,
    ormas_list: Iterable[Ormas],
    *,
    by: User,
    reason: str,
    source: str = Invitation.Source.MANUAL,
    reasons: dict[int, str] | None = None,
    with_letter: bool = False,
) -> tuple[list[Invitation], list[Ormas]]:
    """Invite Ormas to an event, each with its reason; returns (invitations made, Ormas already invited).

    Refuses the whole batch (nothing invited) if any Ormas is outside the officer's scope or no longer exists
    in law. reasons may give a reason per Ormas (the suggestion's gap); reason is the common one.
    """
    event = Event.objects.select_for_update().select_related("programme__office").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    if event.status != Event.Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled event takes invitations."))
    ormas_list = list(ormas_list)
    if not ormas_list:
        raise ValidationError(_("Choose at least one Ormas to invite."))
    reasons = reasons or {}
    if not reason.strip() and not all(reasons.get(o.pk, "").strip() for o in ormas_list):
        raise ValidationError(_("Say why these Ormas are invited (the reason is kept with each invitation)."))
    visible = set(Ormas.objects.visible_to(by).filter(pk__in=[o.pk for o in ormas_list]).values_list("pk", flat=True))
    problems = [p for p in (_refusal(o, visible) for o in ormas_list) if p]
    if problems:
        raise ValidationError(problems)
    already = set(event.invitations.filter(ormas__in=ormas_list).values_list("ormas_id", flat=True))
    made: list[Invitation] = []
    for ormas in ormas_list:
        if ormas.pk in already:
            continue
        text = "; ".join(part for part in (reason.strip(), reasons.get(ormas.pk, "").strip()) if part)
        invitation = Invitation.objects.create(event=event, ormas=ormas, reason=text, source=source, invited_by=by)
        if with_letter:
            invitation.letter = _invitation_letter(invitation, by=by)
            invitation.save(update_fields=["letter"])
        record(
            invitation,
            "invitation.sent",
            by=by,
            ormas=ormas,
            data={"event": event.pk, "reason": text, "source": source, "letter": bool(with_letter)},
        )
        made.append(invitation)
    return made, [o for o in ormas_list if o.pk in already]


def _invitation_letter(invitation: Invitation, *, by: User) -> Any:
    event = invitation.event
    office = event.programme.office
    subject, body, content = invitation_letter_body(event)
    position = f"Kepala {office.name}" if by.role == Role.LEADER else f"a.n. Kepala {office.name}"
    return issue_letter(
        office=office,
        kind="event-invitation",
        title="Undangan",
        subject=subject,
        body=body,
        content=content,
        by=by,
        signatory_name=by.get_full_name() or by.username,
        signatory_position=position,
        signatory_nip=by.nip,
        ormas=invitation.ormas,
        addressee=f"Ketua {invitation.ormas.name}",
        source=invitation,
    )


def clean_participants(rows: Iterable[dict[str, str]], *, limit: int) -> list[dict[str, str]]:
    """The named participants, stripped and checked: a name each, a valid NIK where one is given."""
    people = []
    for index, row in enumerate(rows, start=1):
        values = {key: (row.get(key) or "").strip()[:size] for key, size in MAX_PARTICIPANT_FIELDS.items()}
        nik = "".join((row.get("nik") or "").split())
        if not any(values.values()) and not nik:
            continue
        if not values["name"]:
            raise ValidationError(_("Participant %(n)s needs a name.") % {"n": index})
        if nik:
            try:
                validate_nik(nik)
            except ValidationError as error:
                raise ValidationError(
                    _("Participant %(n)s: %(error)s") % {"n": index, "error": " ".join(error.messages)}
                ) from error
        people.append({**values, "nik": nik})
    if not people:
        raise ValidationError(_("Name at least one participant."))
    if len(people) > limit:
        raise ValidationError(
            _("Each Ormas may name at most %(limit)s participants for this event.") % {"limit": limit}
        )
    return people


@transaction.atomic
def accept_invitation(invitation: Invitation, *, by: User, participants: Iterable[dict[str, str]]) -> Invitation:
    """The Ormas accepts and names its participants: ACCEPTED if seats remain, WAITLISTED if the event is full.

    Asking for more seats than are left (but some are) is refused, nothing changed: the Ormas names fewer
    people, or waits until the event is full and joins the waiting list.
    """
    invitation = (
        Invitation.objects.select_for_update().select_related("event__programme", "ormas").get(pk=invitation.pk)
    )
    _require_account_of(by, invitation.ormas_id)
    event = Event.objects.select_for_update().get(pk=invitation.event_id)
    if event.status != Event.Status.SCHEDULED:
        raise ValidationError(
            _("This event is %(status)s; invitations can no longer be answered.")
            % {"status": event.get_status_display().lower()}
        )
    people = clean_participants(participants, limit=event.seats_per_ormas)
    left = event.seats_left()
    if left == 0:
        new = Invitation.Status.WAITLISTED
    elif len(people) > left:
        raise ValidationError(
            _("Only %(left)s seats are left; you named %(count)s participants. Name at most %(left)s.")
            % {"left": left, "count": len(people)}
        )
    else:
        new = Invitation.Status.ACCEPTED
    _check(invitation, new)
    old = invitation.status
    invitation.status = new
    invitation.responded_at = timezone.now()
    invitation.responded_by = by
    invitation.save(update_fields=["status", "responded_at", "responded_by"])
    for person in people:
        Participant.objects.create(event=event, invitation=invitation, ormas=invitation.ormas, **person)
    record(
        invitation,
        "invitation.accepted" if new == Invitation.Status.ACCEPTED else "invitation.waitlisted",
        by=by,
        ormas=invitation.ormas,
        changes={"status": [old, new]},
        data={"participants": len(people)},
    )
    return invitation


@transaction.atomic
def promote_from_waiting_list(event: Event, *, by: User | None) -> list[Invitation]:
    """Move waiting Ormas up, first come first served, as long as all their participants fit."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    promoted = []
    waiting = (
        event.invitations.select_for_update().filter(status=Invitation.Status.WAITLISTED).order_by("responded_at", "pk")
    )
    for invitation in waiting:
        needed = invitation.participants.count()
        if needed > event.seats_left():
            break
        _check(invitation, Invitation.Status.ACCEPTED)
        invitation.status = Invitation.Status.ACCEPTED
        invitation.save(update_fields=["status"])
        record(
            invitation,
            "invitation.promoted",
            by=by,
            ormas=invitation.ormas,
            changes={"status": [Invitation.Status.WAITLISTED, Invitation.Status.ACCEPTED]},
        )
        promoted.append(invitation)
    return promoted


@transaction.atomic
def decline_invitation(invitation: Invitation, *, by: User, reason: str = "") -> Invitation:
    invitation = Invitation.objects.select_for_update().select_related("event", "ormas").get(pk=invitation.pk)
    _require_account_of(by, invitation.ormas_id)
    if invitation.participants.filter(checkin__isnull=False).exists():
        raise ValidationError(_("Your participants have already checked in; the invitation can no longer be declined."))
    _check(invitation, Invitation.Status.DECLINED)
    old = invitation.status
    invitation.status = Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.responded_by = by
    invitation.decline_reason = reason.strip()
    invitation.save(update_fields=["status", "responded_at", "responded_by", "decline_reason"])
    invitation.participants.all().delete()
    record(
        invitation,
        "invitation.declined",
        by=by,
        ormas=invitation.ormas,
        changes={"status": [old, Invitation.Status.DECLINED]},
        data={"reason": invitation.decline_reason},
    )
    if old == Invitation.Status.ACCEPTED:
        promote_from_waiting_list(invitation.event, by=None)
    return invitation


@transaction.atomic
def withdraw_invitation(invitation: Invitation, *, by: User, reason: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("event__programme", "ormas").get(pk=invitation.pk)
    )
    require_editor(by, invitation.event.programme.region_id)
    if not reason.strip():
        raise ValidationError(_("Give the reason the invitation is withdrawn; the Ormas will read it."))
    if invitation.participants.filter(checkin__isnull=False).exists():
        raise ValidationError(_("Participants of this Ormas have checked in; the invitation stays."))
    _check(invitation, Invitation.Status.WITHDRAWN)
    old = invitation.status
    invitation.status = Invitation.Status.WITHDRAWN
    invitation.decline_reason = reason.strip()
    invitation.save(update_fields=["status", "decline_reason"])
    invitation.participants.all().delete()
    record(
        invitation,
        "invitation.withdrawn",
        by=by,
        ormas=invitation.ormas,
        changes={"status": [old, Invitation.Status.WITHDRAWN]},
        data={"reason": reason.strip()},
    )
    if old == Invitation.Status.ACCEPTED:
        promote_from_waiting_list(invitation.event, by=by)
    return invitation


S = Invitation.Status
ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (S.INVITED, S.ACCEPTED): accept_invitation,
    (S.INVITED, S.WAITLISTED): accept_invitation,
    (S.WAITLISTED, S.ACCEPTED): promote_from_waiting_list,
    (S.INVITED, S.DECLINED): decline_invitation,
    (S.WAITLISTED, S.DECLINED): decline_invitation,
    (S.ACCEPTED, S.DECLINED): decline_invitation,
    (S.INVITED, S.WITHDRAWN): withdraw_invitation,
    (S.WAITLISTED, S.WITHDRAWN): withdraw_invitation,
    (S.ACCEPTED, S.WITHDRAWN): withdraw_invitation,
}
PROGRAMME_ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (Programme.Status.PLANNED, Programme.Status.RUNNING): start_programme,
    (Programme.Status.RUNNING, Programme.Status.COMPLETED): complete_programme,
    (Programme.Status.PLANNED, Programme.Status.CANCELLED): cancel_programme,
    (Programme.Status.RUNNING, Programme.Status.CANCELLED): cancel_programme,
}
EVENT_ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (Event.Status.SCHEDULED, Event.Status.HELD): mark_event_held,
    (Event.Status.SCHEDULED, Event.Status.CANCELLED): cancel_event,
}


# --- Check-in ---------------------------------------------------------------------------------------------

# Outcomes of one queued check-in, as the officer's phone shows them.
RECORDED, DUPLICATE, ALREADY, UNKNOWN, OTHER_EVENT, NOT_CONFIRMED, INVALID = (
    "recorded",
    "duplicate",
    "already",
    "unknown",
    "other_event",
    "not_confirmed",
    "invalid",
)
OK_OUTCOMES = {RECORDED, DUPLICATE}


_client_uuid = checkin.client_uuid
_when = checkin.plausible_time


def _find_participant(event: Event, *, code: str, participant_id: Any) -> tuple[Participant | None, str]:
    if code:
        code = code.strip().removeprefix(QR_PREFIX)
        participant = Participant.objects.select_related("invitation", "event").filter(code=code).first()
        if participant is None:
            return None, UNKNOWN
        if participant.event_id != event.pk:
            return participant, OTHER_EVENT
        return participant, ""
    participant = (
        Participant.objects.select_related("invitation").filter(event=event, pk=participant_id).first()
        if str(participant_id or "").isdigit()
        else None
    )
    return participant, "" if participant else UNKNOWN


def check_in(
    event: Event,
    *,
    by: User,
    client_id: Any,
    code: str = "",
    participant_id: Any = None,
    at: Any = None,
) -> tuple[str, Participant | None]:
    """Record one participant's presence; returns (outcome, participant). Safe to replay with the same client_id."""
    require_editor(by, event.programme.region_id)
    key = _client_uuid(client_id)
    existing = CheckIn.objects.select_related("participant").filter(client_id=key).first()
    if existing is not None:
        return DUPLICATE, existing.participant
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event was cancelled."))
    participant, problem = _find_participant(event, code=code, participant_id=participant_id)
    if problem:
        return problem, participant if problem == OTHER_EVENT else None
    assert participant is not None
    if participant.invitation_id and participant.invitation.status != Invitation.Status.ACCEPTED:  # type: ignore[union-attr]
        return NOT_CONFIRMED, participant
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                participant=participant,
                event=event,
                client_id=key,
                method=CheckIn.Method.QR if code else CheckIn.Method.MANUAL,
                checked_in_at=_when(at),
                by=by,
            )
            record(
                checkin,
                "participant.checked_in",
                by=by,
                ormas=participant.ormas,
                data={"event": event.pk, "participant": participant.pk, "method": checkin.method},
            )
    except IntegrityError:
        # The participant already has a check-in (another phone, or a second scan): counted once.
        if CheckIn.objects.filter(client_id=key).exists():
            return DUPLICATE, participant
        return ALREADY, participant
    return RECORDED, participant


def add_walk_in(
    event: Event,
    *,
    by: User,
    client_id: Any,
    name: str,
    organisation: str = "",
    position: str = "",
    phone: str = "",
    at: Any = None,
) -> tuple[str, Participant | None]:
    """Someone who came without an invitation: added and checked in at once; replaying adds them once."""
    require_editor(by, event.programme.region_id)
    key = _client_uuid(client_id)
    existing = Participant.objects.filter(client_id=key).first()
    if existing is not None:
        return DUPLICATE, existing
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event was cancelled."))
    name = (name or "").strip()[:150]
    if not name:
        return INVALID, None
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                event=event,
                name=name,
                organisation_name=(organisation or "").strip()[:255],
                position=(position or "").strip()[:120],
                phone=(phone or "").strip()[:40],
                is_walk_in=True,
                client_id=key,
            )
            CheckIn.objects.create(
                participant=participant,
                event=event,
                client_id=key,
                method=CheckIn.Method.WALK_IN,
                checked_in_at=_when(at),
                by=by,
            )
            record(
                participant,
                "participant.walked_in",
                by=by,
                data={"event": event.pk, "organisation": participant.organisation_name},
            )
    except IntegrityError:
        return DUPLICATE, Participant.objects.filter(client_id=key).first()
    return RECORDED, participant


def sync_checkins(event: Event, *, by: User, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply a phone's queue of check-ins and walk-ins, each on its own; returns one result per item."""
    require_editor(by, event.programme.region_id)
    results = []
    for item in items[:500]:
        client_id = str(item.get("client_id", ""))
        try:
            if item.get("kind") == "walk_in":
                outcome, participant = add_walk_in(
                    event,
                    by=by,
                    client_id=client_id,
                    name=str(item.get("name", "")),
                    organisation=str(item.get("organisation", "")),
                    position=str(item.get("position", "")),
                    phone=str(item.get("phone", "")),
                    at=item.get("at"),
                )
            else:
                outcome, participant = check_in(
                    event,
                    by=by,
                    client_id=client_id,
                    code=str(item.get("code", "") or ""),
                    participant_id=item.get("participant"),
                    at=item.get("at"),
                )
        except ValidationError as error:
            outcome, participant = INVALID, None
            message = " ".join(error.messages)
        else:
            message = outcome_message(outcome, participant)
        results.append(
            {
                "client_id": client_id,
                "outcome": outcome,
                "ok": outcome in OK_OUTCOMES,
                "participant": participant.pk if participant and participant.event_id == event.pk else None,
                "name": participant.name if participant else "",
                "message": message,
            }
        )
    return results


def outcome_message(outcome: str, participant: Participant | None) -> str:
    name = participant.name if participant else ""
    if outcome == RECORDED:
        return _("%(name)s is checked in.") % {"name": name}
    if outcome == DUPLICATE:
        return _("%(name)s was already recorded from this phone.") % {"name": name}
    if outcome == ALREADY:
        checkin = CheckIn.objects.filter(participant=participant).first()
        when = timezone.localtime(checkin.checked_in_at).strftime("%H.%M") if checkin else ""
        return _("This code was already used: %(name)s checked in at %(time)s.") % {"name": name, "time": when}
    if outcome == OTHER_EVENT:
        return _("This code is for another event (%(event)s).") % {"event": participant.event if participant else ""}
    if outcome == NOT_CONFIRMED:
        return _("%(name)s's Ormas has not been confirmed a seat (waiting list or declined).") % {"name": name}
    if outcome == UNKNOWN:
        return _("This code is not a Wadah check-in code for this event.")
    return _("The check-in could not be read.")


# --- Certificates -----------------------------------------------------------------------------------------


@transaction.atomic
def issue_certificates(event: Event, *, by: User) -> list[Certificate]:
    """One certificate per participant who checked in and has none yet."""
    event = Event.objects.select_for_update().select_related("programme").get(pk=event.pk)
    require_editor(by, event.programme.region_id)
    if event.status != Event.Status.HELD:
        raise ValidationError(_("Certificates are issued once the event is marked as held."))
    today = timezone.localdate()
    made = []
    for participant in event.participants.filter(checkin__isnull=False, certificate__isnull=True):
        certificate = Certificate.objects.create(participant=participant, issued_on=today, issued_by=by)
        made.append(certificate)
    if made:
        record(event, "event.certificates_issued", by=by, data={"count": len(made)})
    return made
