"""Tax numbers (NPWP) and phone numbers, checked by well-kept libraries (python-stdnum, phonenumbers).

Both return the value in one stored form or raise ValidationError with a message that says what to fix.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.id import npwp as stdnum_npwp


def clean_npwp(value: str) -> str:
    """An NPWP in the old 15-digit form ("01.300.066.6-091.000", stored formatted) or the 16-digit form used since
    2024 (a NIK, or 0 followed by the old number; stored as digits). Full-width digits and letters are refused."""
    text = (value or "").strip()
    if not text:
        return ""
    if not text.isascii():
        raise ValidationError(_("An NPWP may contain the digits 0–9, dots and dashes only."), code="npwp_format")
    try:
        number = stdnum_npwp.validate(text)
    except InvalidLength:
        digits = sum(c.isdigit() for c in text)
        raise ValidationError(
            _("An NPWP has 15 or 16 digits. You entered %(count)d digits.") % {"count": digits}, code="npwp_length"
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("This NPWP's check digit (the 9th digit) does not match. Check the number on the NPWP card."),
            code="npwp_checksum",
        ) from None
    except InvalidComponent:
        raise ValidationError(_("This is not a valid NPWP."), code="npwp_component") from None
    except StdnumError:
        raise ValidationError(
            _("An NPWP may contain the digits 0–9, dots and dashes only."), code="npwp_format"
        ) from None
    return stdnum_npwp.format(number) if len(number) == 15 else number


def clean_phone(value: str) -> str:
    """An Indonesian (or +country) phone number in its national written form: "0812-3456-7890", "(0536) 3221234"."""
    text = (value or "").strip()
    if not text:
        return ""
    if not text.isascii():
        raise ValidationError(_("Write the phone number with the digits 0–9."), code="phone_format")
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("This is not a phone number. Write it as 0812-3456-7890 or +62 812-3456-7890."), code="phone_format"
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This phone number is not valid (check the number of digits and the area or mobile prefix)."),
            code="phone_invalid",
        )
    if number.country_code == 62:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
