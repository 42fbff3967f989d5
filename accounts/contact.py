"""How to reach a Kesbangpol office, for messages that send someone away (rate limits, lockouts)."""

from django.utils.translation import gettext as _

from accounts.models import Office


def office_contact(region_code: str = "62") -> str:
    """ "Kesbangpol Provinsi …, phone …, e-mail …" for the office handling region_code (the province by default),
    with whatever of phone, e-mail and address the office has on record."""
    office = Office.objects.filter(region_id=region_code[:5]).first() or Office.objects.filter(region_id="62").first()
    if office is None:
        return _("your Kesbangpol office")
    parts = [office.name]
    if office.phone:
        parts.append(_("phone %(phone)s") % {"phone": office.phone})
    if office.email:
        parts.append(_("e-mail %(email)s") % {"email": office.email})
    if office.address:
        parts.append(office.address)
    return ", ".join(parts)
