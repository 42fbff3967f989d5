"""The Indonesian national identity number (NIK): format, embedded region and birth date.

A NIK has 16 digits: 6 for the kecamatan where it was issued (PP KK CC), 6 for the birth date
as DDMMYY — with 40 added to the day for women — and a 4-digit serial that is never 0000.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.id import nik as stdnum_nik


@dataclass(frozen=True)
class NikInfo:
    province_code: str
    kecamatan_code: str  # as a region code: "62.71.01"
    birth_date: dt.date
    is_female: bool


def parse_nik(value: str, *, today: dt.date | None = None) -> NikInfo:
    """Check a NIK and return what it encodes, or raise ValidationError with a message that says what to fix."""
    nik = (value or "").strip()
    # ASCII only: str.isdigit() also accepts full-width and other scripts' digits ("６２７１…").
    if not (nik.isascii() and nik.isdigit()):
        raise ValidationError(_("NIK may contain digits only."), code="nik_digits")
    if len(nik) != 16:
        raise ValidationError(
            _("NIK must be 16 digits. You entered %(count)d digits.") % {"count": len(nik)}, code="nik_length"
        )
    province, regency, district = nik[0:2], nik[2:4], nik[4:6]
    if province in ("00",) or regency == "00" or district == "00":
        raise ValidationError(_("The first 6 digits of the NIK must be a region code."), code="nik_region")
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    is_female = day > 40
    if is_female:
        day -= 40
    today = today or timezone.localdate()
    # A two-digit year is in this century unless that would put the birth in the future.
    year = 2000 + year2 if 2000 + year2 <= today.year else 1900 + year2
    try:
        birth_date = dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            _(
                "Digits 7–12 of the NIK must be a birth date (DDMMYY; women add 40 to the day). "
                "%(digits)s is not a valid date."
            )
            % {"digits": nik[6:12]},
            code="nik_birth_date",
        ) from None
    if birth_date > today:
        raise ValidationError(_("The birth date in the NIK lies in the future."), code="nik_future")
    if nik[12:16] == "0000":
        raise ValidationError(_("The last 4 digits of the NIK cannot be 0000."), code="nik_serial")
    # What python-stdnum refuses, this validator refuses too (registry/tests/test_identifiers.py); after the checks
    # above only its table of kab/kota codes (the first 4 digits) can still say no.
    try:
        stdnum_nik.validate(nik)
    except StdnumError:
        raise ValidationError(
            _("The first 4 digits of the NIK are not a known province and regency code."), code="nik_region"
        ) from None
    return NikInfo(
        province_code=province,
        kecamatan_code=f"{province}.{regency}.{district}",
        birth_date=birth_date,
        is_female=is_female,
    )


def validate_nik(value: str) -> None:
    parse_nik(value)


def mask_nik(nik: str) -> str:
    """Show the region part and the last two digits only: 6271011204850002 -> 627101••••••••02."""
    if not nik or len(nik) < 8:
        return "•" * len(nik or "")
    return nik[:6] + "•" * (len(nik) - 8) + nik[-2:]
