"""Every change to partnerships and business units, one function per move, audited inside its transaction.

Views, the demo and tests call these. A refusal raises ValidationError (bad input: an end before the start, a file
that is not a document, a link already recorded) or PermissionDenied (the wrong person), and leaves nothing changed.
Who may do what:

* an officer or Pimpinan whose scope holds the Ormas (and, for a link between two Ormas, the other one too) records
  a link, which is confirmed at once, and confirms or declines what an Ormas account proposed;
* an Ormas account proposes links of its own Ormas and records its business units and their yearly figures.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import diff, record
from partnerships.models import (
    BusinessUnit,
    BusinessUnitYear,
    Partner,
    Partnership,
    PartnershipDocument,
)
from registry.models import Ormas
from wadah.lib.files import DOCUMENT_TYPES, sniff
from wadah.lib.text import normalize
from wadah.lib.workflow import check_move

S = Partnership.Status
MAX_UPLOAD_MB = 10
# A partnership's documents: the signed MoU, minutes, a letter — a PDF, an office document or a scan.
PARTNERSHIP_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "docx", "jpg", "png")}
UNIT_FIELDS = (
    "name",
    "kind",
    "sector",
    "members_involved",
    "started_on",
    "regency",
    "programme",
    "registration_number",
    "bumdes_name",
    "is_active",
)


def is_officer_for(user: User | None, ormas: Ormas) -> bool:
    """An officer or Pimpinan whose region scope holds the Ormas's secretariat."""
    return bool(user and user.role in (Role.OFFICER, Role.LEADER) and user.in_scope(ormas.region_id))


def _require_officer(user: User, *ormas: Ormas | None) -> None:
    if not all(is_officer_for(user, o) for o in ormas if o is not None):
        raise PermissionDenied(_("Only an officer whose region holds both sides of the link may do this."))


def _require_own_or_officer(user: User, ormas: Ormas) -> None:
    if user.role == Role.ORMAS_ACCOUNT:
        if user.ormas_id != ormas.pk:
            raise PermissionDenied(_("An Ormas account may record only for its own Ormas."))
        return
    if not is_officer_for(user, ormas):
        raise PermissionDenied(_("Only an officer whose region holds this Ormas may do this."))


def _partner(kind: str, name: str) -> Partner:
    name = " ".join(name.split())
    if kind not in Partner.Kind.values:
        raise ValidationError(_("Choose what kind of body the partner is."))
    if len(normalize(name)) < 2:
        raise ValidationError(_("Write the partner's name."))
    partner = Partner.objects.filter(kind=kind, name_search=normalize(name)[:200]).first()
    return partner or Partner.objects.create(kind=kind, name=name[:200])


def _overlapping(
    ormas: Ormas, *, other: Ormas | None, partner: Partner | None, kind: str, starts: dt.date, ends: dt.date | None
) -> Partnership | None:
    """A live link of the same kind between the same two sides whose dates overlap these (either direction)."""
    if other is not None:
        pair = Q(ormas=ormas, other_ormas=other) | Q(ormas=other, other_ormas=ormas)
    else:
        pair = Q(ormas=ormas, partner=partner)
    same = Partnership.objects.filter(pair, kind=kind, status__in=Partnership.LIVE)
    same = same.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts))
    if ends is not None:
        same = same.filter(starts_on__lte=ends)
    return same.first()


def _store(partnership: Partnership, upload: UploadedFile, *, by: User, title: str = "") -> PartnershipDocument:
    try:
        sniffed = sniff(upload, PARTNERSHIP_TYPES, max_mb=MAX_UPLOAD_MB)
    except ValidationError as error:
        raise ValidationError(
            [_("The document was not accepted (nothing was saved):"), *error.messages], code="document"
        ) from None
    document = PartnershipDocument(partnership=partnership, title=title[:200], uploaded_by=by)
    digest = document.store(upload, sniffed)
    document.save()
    record(
        partnership,
        "partnership.document_added",
        by=by,
        ormas=partnership.ormas,
        data={"name": document.original_name, "sha256": digest},
    )
    return document


@transaction.atomic
def record_partnership(
    ormas: Ormas,
    *,
    by: User,
    kind: str,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    other_ormas: Ormas | None = None,
    partner_kind: str = "",
    partner_name: str = "",
    note: str = "",
    document: UploadedFile | None = None,
) -> Partnership:
    """A link of `ormas` with another Ormas or a partner. By an officer in scope: confirmed; by the Ormas's own
    account: proposed, for an officer to confirm."""
    if by.role == Role.ORMAS_ACCOUNT:
        _require_own_or_officer(by, ormas)
        status = S.PROPOSED
    else:
        _require_officer(by, ormas, other_ormas)
        status = S.CONFIRMED
    problems = []
    if kind not in Partnership.Kind.values:
        problems.append(_("Choose the kind of link."))
    if not title.strip():
        problems.append(_("Say what the partnership is about."))
    if ends_on is not None and ends_on < starts_on:
        problems.append(_("The partnership cannot end before it starts."))
    if other_ormas is not None and (partner_name.strip() or partner_kind):
        problems.append(_("Choose either another Ormas or a partner body, not both."))
    if other_ormas is not None and other_ormas.pk == ormas.pk:
        problems.append(_("An Ormas cannot be its own partner."))
    if problems:
        raise ValidationError(problems)
    partner = None if other_ormas is not None else _partner(partner_kind, partner_name)
    if ormas.status in Ormas.ENDED_STATUSES or (other_ormas and other_ormas.status in Ormas.ENDED_STATUSES):
        raise ValidationError(_("A revoked or dissolved Ormas can no longer enter new partnerships."))
    existing = _overlapping(ormas, other=other_ormas, partner=partner, kind=kind, starts=starts_on, ends=ends_on)
    if existing is not None:
        raise ValidationError(
            _("This link is already recorded (%(kind)s with %(other)s since %(date)s).")
            % {
                "kind": existing.get_kind_display(),
                "other": existing.counterpart_for(ormas),
                "date": existing.starts_on.strftime("%d-%m-%Y"),
            },
            code="duplicate",
        )
    now = timezone.now()
    partnership = Partnership.objects.create(
        ormas=ormas,
        other_ormas=other_ormas,
        partner=partner,
        kind=kind,
        title=title.strip()[:200],
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        status=status,
        recorded_by=by,
        decided_by=by if status == S.CONFIRMED else None,
        decided_at=now if status == S.CONFIRMED else None,
    )
    record(
        partnership,
        "partnership.recorded" if status == S.CONFIRMED else "partnership.proposed",
        by=by,
        ormas=ormas,
        data={
            "kind": kind,
            "with": partnership.counterpart_name,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat() if ends_on else "",
        },
    )
    if other_ormas is not None:
        # The other Ormas's history shows the link too.
        record(partnership, "partnership.linked", by=by, ormas=other_ormas, data={"with": str(ormas), "kind": kind})
    if document is not None:
        _store(partnership, document, by=by)
    return partnership


def _decide(partnership: Partnership, to: str, action: str, *, by: User, note: str = "") -> Partnership:
    check_move(partnership, to, _("A partnership that is “%(old)s” cannot become “%(new)s”."))
    old = partnership.status
    partnership.status = to
    partnership.decided_by = by
    partnership.decided_at = timezone.now()
    partnership.decision_note = note.strip()[:300]
    partnership.save()
    record(
        partnership,
        action,
        by=by,
        ormas=partnership.ormas,
        changes={"status": [old, to]},
        data={"note": partnership.decision_note} if partnership.decision_note else {},
    )
    return partnership


@transaction.atomic
def confirm_partnership(partnership: Partnership, *, by: User) -> Partnership:
    _require_officer(by, partnership.ormas, partnership.other_ormas)
    return _decide(partnership, S.CONFIRMED, "partnership.confirmed", by=by)


@transaction.atomic
def decline_partnership(partnership: Partnership, *, by: User, reason: str) -> Partnership:
    _require_officer(by, partnership.ormas, partnership.other_ormas)
    if not reason.strip():
        raise ValidationError(_("Say why the proposed link is declined; the Ormas reads it."))
    return _decide(partnership, S.DECLINED, "partnership.declined", by=by, note=reason)


@transaction.atomic
def remove_partnership(partnership: Partnership, *, by: User, reason: str) -> Partnership:
    """Take a link recorded in error out of the network (kept, with the reason, in the history)."""
    _require_officer(by, partnership.ormas, partnership.other_ormas)
    if not reason.strip():
        raise ValidationError(_("Say why the link is removed."))
    return _decide(partnership, S.REMOVED, "partnership.removed", by=by, note=reason)


@transaction.atomic
def add_partnership_document(
    partnership: Partnership, upload: UploadedFile, *, by: User, title: str = ""
) -> PartnershipDocument:
    if by.role == Role.ORMAS_ACCOUNT:
        if by.ormas_id not in (partnership.ormas_id, partnership.other_ormas_id):
            raise PermissionDenied(_("An Ormas account may record only for its own Ormas."))
    else:
        _require_officer(by, partnership.ormas)
    if partnership.status not in Partnership.LIVE:
        raise ValidationError(_("This link was declined or removed; it takes no more documents."))
    return _store(partnership, upload, by=by, title=title)


# ---- Business units ---------------------------------------------------------------------------------------------


def _check_unit(values: dict[str, Any]) -> None:
    problems = []
    if not str(values.get("name", "")).strip():
        problems.append(_("Write the business unit's name."))
    if values.get("kind") not in BusinessUnit.Kind.values:
        problems.append(_("Choose the kind of business unit."))
    if values.get("sector") not in BusinessUnit.Sector.values:
        problems.append(_("Choose the sector."))
    started = values.get("started_on")
    if started is not None and started > timezone.localdate():
        problems.append(_("The start date cannot be in the future."))
    regency = values.get("regency")
    if regency is not None and regency.level not in ("kabupaten", "kota"):
        problems.append(_("Choose a regency or city."))
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def record_business_unit(ormas: Ormas, *, by: User, **values: Any) -> BusinessUnit:
    _require_own_or_officer(by, ormas)
    unknown = set(values) - set(UNIT_FIELDS)
    if unknown:
        raise ValueError(unknown)
    _check_unit(values)
    if values.get("regency") is None:  # by default the kab/kota of the Ormas's secretariat
        values.pop("regency", None)
        values["regency_id"] = ormas.regency_code
    unit = BusinessUnit.objects.create(ormas=ormas, created_by=by, **values)
    record(
        unit,
        "business_unit.recorded",
        by=by,
        ormas=ormas,
        data={"name": unit.name, "kind": unit.kind, "sector": unit.sector},
    )
    return unit


@transaction.atomic
def update_business_unit(unit: BusinessUnit, *, by: User, changes: dict[str, Any]) -> BusinessUnit:
    _require_own_or_officer(by, unit.ormas)
    if set(changes) - set(UNIT_FIELDS):
        raise ValueError(set(changes) - set(UNIT_FIELDS))
    before = {name: getattr(unit, name) for name in changes}
    _check_unit({**{name: getattr(unit, name) for name in UNIT_FIELDS}, **changes})
    for name, value in changes.items():
        setattr(unit, name, value)
    unit.save()
    changed = diff(before, changes)
    if changed:
        record(unit, "business_unit.updated", by=by, ormas=unit.ormas, changes=changed)
    return unit


@transaction.atomic
def record_year(
    unit: BusinessUnit,
    *,
    by: User,
    year: int,
    people_trained: int,
    businesses_started: int,
    revenue_band: str,
    members_involved: int,
) -> BusinessUnitYear:
    """The unit's figures for one year (again for the same year: corrected, before → after in the history)."""
    _require_own_or_officer(by, unit.ormas)
    today = timezone.localdate()
    problems = []
    if not 2000 <= year <= today.year:
        problems.append(_("The year must be between 2000 and this year."))
    if unit.started_on is not None and year < unit.started_on.year:
        problems.append(_("The unit did not exist yet in that year."))
    if revenue_band not in BusinessUnitYear.RevenueBand.values:
        problems.append(_("Choose a revenue band."))
    if min(people_trained, businesses_started, members_involved) < 0:
        problems.append(_("Counts cannot be negative."))
    if problems:
        raise ValidationError(problems)
    values = {
        "people_trained": people_trained,
        "businesses_started": businesses_started,
        "revenue_band": revenue_band,
        "members_involved": members_involved,
    }
    existing = BusinessUnitYear.objects.select_for_update().filter(unit=unit, year=year).first()
    before = {k: getattr(existing, k) for k in values} if existing else {}
    row, _created = BusinessUnitYear.objects.update_or_create(
        unit=unit, year=year, defaults={**values, "recorded_by": by}
    )
    changed = diff(before, values)
    if changed:
        record(
            unit,
            "business_unit.year_recorded",
            by=by,
            ormas=unit.ormas,
            changes=changed,
            data={"year": year, "unit": unit.name},
        )
    return row
