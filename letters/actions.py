"""Issuing and revoking letters. Services (approvals) call issue_letter(); staff pages call revoke_letter()."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import Office, Role, User
from audit.log import record
from letters.models import Letter, LetterClassification, LetterFormat, NumberSequence, SignedScan
from letters.pdf import render_letter_pdf
from wadah.lib.files import DOCUMENT_TYPES, sniff

# A signed scan: a PDF or a photo of the paper letter.
SCAN_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "jpg", "png")}
MAX_SCAN_MB = 10


def next_number(office: Office, year: int) -> int:
    """Take the next number of this office and year. Call inside a transaction: the row stays locked until it
    ends, so concurrent issuers queue here, and a rollback gives the number back (no gaps, no duplicates).
    A year's first number follows the format's starting number where an admin set one (a register moved mid-year)."""
    sequence, created = NumberSequence.objects.select_for_update().get_or_create(office=office, year=year)
    if created:
        letter_format = LetterFormat.objects.filter(office=office, is_active=True).first()
        if letter_format and letter_format.starting_year == year and letter_format.starting_number:
            sequence.last_number = letter_format.starting_number - 1
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


@transaction.atomic
def issue_letter(
    *,
    office: Office,
    kind: str,
    title: str,
    subject: str,
    body: str,
    by: User | None,
    signatory_name: str,
    signatory_position: str,
    signatory_nip: str = "",
    ormas: Any = None,
    addressee: str = "",
    valid_until: dt.date | None = None,
    issued_on: dt.date | None = None,
    source: models.Model | None = None,
    supersedes: Letter | None = None,
    content: dict[str, Any] | None = None,
    attachment_note: str = "",
) -> Letter:
    """Number, render and store one letter of `office`; returns it with its PDF saved.

    kind is a free slug ("skt-cover-letter", "presence-letter", …; Letter.KNOWN_KINDS lists the known ones).
    body is plain text, paragraphs separated by a blank line. content may hold {"fields": [[label, value], …]},
    printed as an aligned list after the first paragraph. source is any saved model instance (e.g. the
    application that led to the letter). supersedes marks an earlier valid letter as replaced by this one.
    The number is taken inside the caller's transaction: if that rolls back, the number is not used up.
    """
    issued_on = issued_on or timezone.localdate()
    if kind != slugify(kind) or not kind:
        raise ValidationError(_("The letter kind must be a slug such as “presence-letter”."))
    for label, value in (
        (_("title"), title),
        (_("subject"), subject),
        (_("signatory name"), signatory_name),
        (_("signatory position"), signatory_position),
    ):
        if not (value or "").strip():
            raise ValidationError(_("The letter needs a %(field)s.") % {"field": label})
    if valid_until and valid_until < issued_on:
        raise ValidationError(_("A letter cannot stop being valid before the day it is issued."))
    if source is not None and source.pk is None:
        raise ValidationError(_("The source of a letter must be saved first."))
    if supersedes is not None:
        supersedes = Letter.objects.select_for_update().get(pk=supersedes.pk)
        if supersedes.status != Letter.Status.VALID:
            raise ValidationError(
                _("Letter %(number)s is %(status)s and cannot be replaced.")
                % {"number": supersedes.number, "status": supersedes.get_status_display()}
            )

    letter_format = LetterFormat.for_office(office)
    sequence = next_number(office, issued_on.year)
    classification = LetterClassification.code_for(kind)
    letter = Letter(
        office=office,
        number=letter_format.format(seq=sequence, date=issued_on, code=classification),
        classification_code=classification,
        sequence=sequence,
        year=issued_on.year,
        kind=kind,
        title=title.strip(),
        subject=subject.strip(),
        ormas=ormas,
        addressee=addressee.strip(),
        body=body.strip(),
        content=content or {},
        attachment_note=attachment_note.strip(),
        signatory_name=signatory_name.strip(),
        signatory_position=signatory_position.strip(),
        signatory_nip=signatory_nip.strip(),
        issued_on=issued_on,
        valid_until=valid_until,
        created_by=by if getattr(by, "pk", None) else None,
    )
    if source is not None:
        letter.source = source
    letter.full_clean(exclude=["pdf", "content"])
    letter.pdf.save(f"{letter.public_id}.pdf", ContentFile(render_letter_pdf(letter)), save=False)
    letter.save()

    data: dict[str, Any] = {"number": letter.number, "kind": kind, "public_id": str(letter.public_id)}
    if source is not None:
        data["source"] = f"{source._meta.label_lower}:{source.pk}"
    if supersedes is not None:
        supersedes.status = Letter.Status.SUPERSEDED
        supersedes.superseded_by = letter
        supersedes.save(update_fields=["status", "superseded_by"])
        data["supersedes"] = supersedes.number
        record(
            supersedes,
            "letter.superseded",
            by=by,
            ormas=supersedes.ormas,
            changes={"status": [Letter.Status.VALID.value, Letter.Status.SUPERSEDED.value]},
            data={"superseded_by": letter.number},
            about=supersedes.source,
        )
    # A letter made in a case or a complaint (a warning, a police referral) is read by who reads that record.
    record(letter, "letter.issued", by=by, ormas=ormas, data=data, about=source)
    return letter


@transaction.atomic
def revoke_letter(letter: Letter, *, by: User, reason: str) -> Letter:
    """Withdraw a letter (it stays on file; the verification page then says DICABUT with the reason)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason the letter is revoked; it is shown to anyone who checks it."))
    letter = Letter.objects.select_for_update().select_related("office").get(pk=letter.pk)
    if not (by.can_edit_registry and by.in_scope(letter.office.region_id)):
        raise PermissionDenied
    signer = letter.created_by
    if signer is not None and signer.role == Role.LEADER and by.role != Role.LEADER:
        # Undoing a Pimpinan's signed decision is itself a Pimpinan's act.
        raise PermissionDenied(_("A letter a Pimpinan signed can be revoked only by a Pimpinan."))
    if letter.status != Letter.Status.VALID:
        raise ValidationError(_("This letter is already %(status)s.") % {"status": letter.get_status_display().lower()})
    letter.status = Letter.Status.REVOKED
    letter.revoked_at = timezone.now()
    letter.revoked_by = by
    letter.revocation_reason = reason
    letter.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    record(
        letter,
        "letter.revoked",
        by=by,
        ormas=letter.ormas,
        changes={"status": [Letter.Status.VALID.value, Letter.Status.REVOKED.value]},
        data={"reason": reason, "number": letter.number},
        about=letter.source,
    )
    return letter


def check_starting_number(office: Office, year: int, number: int) -> None:
    """Refuse a starting number that an issued letter of this office and year already holds or has passed."""
    if number < 1:
        raise ValidationError(_("The first number must be 1 or more."))
    used = Letter.objects.filter(office=office, year=year).aggregate(models.Max("sequence"))["sequence__max"]
    if used and number <= used:
        raise ValidationError(
            _(
                "Number %(number)d cannot start the %(year)d register: Wadah has already issued letters up to "
                "number %(used)d this year."
            )
            % {"number": number, "year": year, "used": used}
        )


@transaction.atomic
def set_starting_number(letter_format: LetterFormat, *, year: int, number: int, by: User | None) -> None:
    """A register moved to Wadah mid-year: the next letter of `year` gets `number` (the paper register's next)."""
    check_starting_number(letter_format.office, year, number)
    sequence, _created = NumberSequence.objects.select_for_update().get_or_create(
        office=letter_format.office, year=year
    )
    old = sequence.last_number
    sequence.last_number = number - 1
    sequence.save(update_fields=["last_number"])
    LetterFormat.objects.filter(pk=letter_format.pk).update(starting_number=number, starting_year=year)
    record(
        letter_format,
        "letter.numbering_started",
        by=by,
        data={"office": letter_format.office.name, "year": year, "first_number": number, "previous_last": old},
    )


@transaction.atomic
def attach_signed_scan(letter: Letter, *, by: User, upload: Any) -> SignedScan:
    """Attach the scan of the paper letter as signed. The caller's view checks scope; here: who may, and the type."""
    letter = Letter.objects.select_related("office").get(pk=letter.pk)
    if not (by.can_edit_registry and by.in_scope(letter.office.region_id)):
        raise PermissionDenied
    sniffed = sniff(upload, SCAN_TYPES, max_mb=MAX_SCAN_MB)
    scan = SignedScan(letter=letter, uploaded_by=by)
    scan.store(upload, sniffed)
    scan.save()
    record(
        letter,
        "letter.scan_attached",
        by=by,
        ormas=letter.ormas,
        data={"number": letter.number, "name": scan.original_name, "size": scan.size},
        about=letter.source,
    )
    return scan
