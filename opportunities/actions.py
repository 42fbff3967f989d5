"""Every state change on the opportunities board, one function per move in Offer.TRANSITIONS and
OfferApplication.TRANSITIONS, audited inside. Each runs in a transaction and refuses with ValidationError (bad
input, a move the table does not allow, an Ormas that does not qualify) or PermissionDenied (the wrong person), so
a refusal leaves nothing changed."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import record
from opportunities import matching, tasks
from opportunities.models import Offer, OfferApplication, OfferingParty, party_id_of
from registry.models import Ormas
from wadah.lib.workflow import check_move

OS = Offer.Status
A = OfferApplication.Status
EDITABLE = ("kind", "title", "description", "seats", "apply_by", "min_capacity", "max_capacity")


def _require_party(by: User, party_id: int) -> None:
    if party_id_of(by) != party_id:
        raise PermissionDenied(_("Only an account of the offering partner may do this."))


def _require_officer(by: User, offer: Offer) -> None:
    if by.role not in (Role.OFFICER, Role.LEADER) or not by.in_scope(offer.office.region_id):
        raise PermissionDenied(_("Only a Kesbangpol officer of the opportunity's office may do this."))


def _move(offer: Offer, to: str, action: str, *, by: User, **data: Any) -> None:
    check_move(offer, to, _("An opportunity that is “%(old)s” cannot become “%(new)s”."))
    old = offer.status
    offer.status = to
    offer.save()
    record(offer, action, by=by, changes={"status": [old, to]}, data={k: str(v) for k, v in data.items()})


def _clean(values: dict[str, Any], on: dt.date) -> None:
    if not str(values.get("title", "")).strip():
        raise ValidationError(_("Give the opportunity a title."))
    if values.get("kind") not in Offer.Kind.values:
        raise ValidationError(_("Choose what kind of resource is offered."))
    apply_by = values.get("apply_by")
    if not isinstance(apply_by, dt.date) or apply_by < on:
        raise ValidationError(_("The closing date for applications must be today or later."))
    low, high = values.get("min_capacity"), values.get("max_capacity")
    for value in (low, high):
        if value is not None and not 0 <= value <= 100:
            raise ValidationError(_("A capacity score lies between 0 and 100."))
    if low is not None and high is not None and low > high:
        raise ValidationError(_("The lowest capacity score cannot be above the highest."))


@transaction.atomic
def create_offer(
    party: OfferingParty,
    *,
    by: User,
    gate_rules: Iterable[Any] = (),
    fields: Iterable[Any] = (),
    regions: Iterable[Any] = (),
    on: dt.date | None = None,
    **values: Any,
) -> Offer:
    """A draft offer of the partner's own party, in the region of the party's Kesbangpol office."""
    _require_party(by, party.pk)
    _clean(values, on or timezone.localdate())
    offer = Offer.objects.create(
        party=party, office=party.office, created_by=by, **{k: values.get(k) for k in EDITABLE if k in values}
    )
    _set_conditions(offer, gate_rules, fields, regions)
    record(offer, "offer.created", by=by, data={"party": party.name, "kind": offer.kind, "title": offer.title})
    return offer


def _set_conditions(offer: Offer, gate_rules: Iterable[Any], fields: Iterable[Any], regions: Iterable[Any]) -> None:
    chosen = list(regions)
    outside = [region for region in chosen if not str(region.pk).startswith(offer.office.region_id)]
    if outside:
        raise ValidationError(_("Choose regions within the Kesbangpol office's region only."))
    offer.gate_rules.set(list(gate_rules))
    offer.fields.set(list(fields))
    offer.regions.set(chosen)


@transaction.atomic
def update_offer(
    offer: Offer,
    *,
    by: User,
    gate_rules: Iterable[Any] = (),
    fields: Iterable[Any] = (),
    regions: Iterable[Any] = (),
    on: dt.date | None = None,
    **values: Any,
) -> Offer:
    _require_party(by, offer.party_id)
    if offer.status != OS.DRAFT:
        raise ValidationError(_("Only a draft can be changed; Kesbangpol returns a submitted one if it needs changes."))
    _clean(values, on or timezone.localdate())
    before = {k: getattr(offer, k) for k in EDITABLE}
    for key in EDITABLE:
        if key in values:
            setattr(offer, key, values[key])
    offer.save()
    _set_conditions(offer, gate_rules, fields, regions)
    changes = {k: [str(before[k]), str(getattr(offer, k))] for k in EDITABLE if before[k] != getattr(offer, k)}
    record(offer, "offer.updated", by=by, changes=changes)
    return offer


@transaction.atomic
def submit_offer(offer: Offer, *, by: User) -> Offer:
    """The party sends its draft to the Kesbangpol office for approval."""
    _require_party(by, offer.party_id)
    _move(offer, OS.SUBMITTED, "offer.submitted", by=by)
    return offer


@transaction.atomic
def withdraw_offer(offer: Offer, *, by: User) -> Offer:
    _require_party(by, offer.party_id)
    _move(offer, OS.WITHDRAWN, "offer.withdrawn", by=by)
    return offer


@transaction.atomic
def publish_offer(offer: Offer, *, by: User, on: dt.date | None = None) -> Offer:
    """A Kesbangpol officer of the offer's office approves it: it is on the board, and qualifying Ormas are told."""
    _require_officer(by, offer)
    if offer.apply_by < (on or timezone.localdate()):
        raise ValidationError(_("The closing date has passed; return the opportunity so the partner can change it."))
    offer.published_by, offer.published_at, offer.review_note = by, timezone.now(), ""
    _move(offer, OS.PUBLISHED, "offer.published", by=by)
    offer_id = offer.pk
    transaction.on_commit(lambda: tasks.notify_qualifying_ormas.enqueue(offer_id))
    return offer


@transaction.atomic
def return_offer(offer: Offer, *, by: User, note: str) -> Offer:
    _require_officer(by, offer)
    if not note.strip():
        raise ValidationError(_("Say what the partner should change."))
    offer.review_note = note.strip()[:500]
    _move(offer, OS.DRAFT, "offer.returned", by=by, note=note)
    return offer


@transaction.atomic
def close_offer(offer: Offer, *, by: User) -> Offer:
    """No more applications (the partner, or the officer of the office)."""
    if party_id_of(by) != offer.party_id:
        _require_officer(by, offer)
    _move(offer, OS.CLOSED, "offer.closed", by=by)
    return offer


# ---- Applications ----------------------------------------------------------------------------------------------


@transaction.atomic
def apply(
    offer: Offer,
    ormas: Ormas,
    *,
    by: User,
    contact_name: str,
    contact_phone: str = "",
    contact_email: str = "",
    message: str = "",
    on: dt.date | None = None,
) -> OfferApplication:
    """The Ormas account applies for its own Ormas; refused with the failing conditions if it does not qualify."""
    on = on or timezone.localdate()
    if by.role != Role.ORMAS_ACCOUNT or by.ormas_id != ormas.pk:
        raise PermissionDenied(_("An Ormas account may apply only for its own Ormas."))
    if offer.status != OS.PUBLISHED or offer.apply_by < on:
        raise ValidationError(_("This opportunity is not open for applications."))
    if OfferApplication.objects.filter(offer=offer, ormas=ormas).exclude(status=A.WITHDRAWN).exists():
        raise ValidationError(_("Your Ormas has already applied for this opportunity."))
    if not contact_name.strip():
        raise ValidationError(_("Name the contact person the partner may reach."))
    if not contact_phone.strip() and not contact_email.strip():
        raise ValidationError(_("Give a phone number or an e-mail address for the partner to reach you."))
    verdict = matching.qualifies(offer, ormas, on=on)
    if not verdict.eligible:
        raise ValidationError(
            [_("Your Ormas does not meet the conditions of this opportunity:")] + verdict.reasons(), code="ineligible"
        )
    application = OfferApplication.objects.create(
        offer=offer,
        ormas=ormas,
        contact_name=contact_name.strip()[:120],
        contact_phone=contact_phone.strip()[:40],
        contact_email=contact_email.strip(),
        message=message.strip(),
        eligibility=verdict.as_dict(),
        applied_by=by,
    )
    record(
        application,
        "offer_application.submitted",
        by=by,
        ormas=ormas,
        data={"offer": offer.title, "party": offer.party.name},
    )
    return application


def _application_move(application: OfferApplication, to: str, action: str, *, by: User, **data: Any) -> None:
    check_move(application, to, _("An application that is “%(old)s” cannot become “%(new)s”."))
    old = application.status
    application.status = to
    application.save()
    record(
        application,
        action,
        by=by,
        ormas=application.ormas,
        changes={"status": [old, to]},
        data={"offer": application.offer.title, **{k: str(v) for k, v in data.items()}},
    )


@transaction.atomic
def withdraw_application(application: OfferApplication, *, by: User) -> OfferApplication:
    if by.role != Role.ORMAS_ACCOUNT or by.ormas_id != application.ormas_id:
        raise PermissionDenied(_("Only the Ormas that applied may withdraw its application."))
    _application_move(application, A.WITHDRAWN, "offer_application.withdrawn", by=by)
    return application


@transaction.atomic
def accept_application(application: OfferApplication, *, by: User) -> OfferApplication:
    """The partner takes the Ormas on (one of the offer's seats, if it counts them)."""
    offer = application.offer
    _require_party(by, offer.party_id)
    if offer.seats is not None and offer.taken_count() >= offer.seats:
        raise ValidationError(
            _("All %(seats)d places of this opportunity are taken.") % {"seats": offer.seats}, code="full"
        )
    application.decided_by = by
    _application_move(application, A.ACCEPTED, "offer_application.accepted", by=by)
    return application


@transaction.atomic
def decline_application(application: OfferApplication, *, by: User, note: str) -> OfferApplication:
    _require_party(by, application.offer.party_id)
    if not note.strip():
        raise ValidationError(_("Give the reason, so the Ormas can read it."))
    application.decided_by, application.note = by, note.strip()[:500]
    _application_move(application, A.DECLINED, "offer_application.declined", by=by, note=note)
    return application


@transaction.atomic
def record_served(
    application: OfferApplication, *, by: User, on: dt.date | None = None, note: str = ""
) -> OfferApplication:
    """The partner records that the Ormas received what was offered (the seat, the equipment, the mentoring …)."""
    _require_party(by, application.offer.party_id)
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError(_("The day it was served cannot be in the future."))
    application.served_on, application.decided_by = on, by
    if note.strip():
        application.note = note.strip()[:500]
    _application_move(application, A.SERVED, "offer_application.served", by=by, on=on)
    return application
