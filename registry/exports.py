"""The registry list as an Excel workbook, exactly as filtered on screen."""

from django.utils.translation import gettext as _

from regions.models import Region
from registry.models import Ormas, OrmasQuerySet
from wadah.lib.excel import build_xlsx

# Above this an export would take minutes and hundreds of MB; officers narrow the filters instead.
EXPORT_LIMIT = 20_000


def ormas_workbook(queryset: OrmasQuerySet) -> bytes:
    headers = [
        _("Name"),
        _("Abbreviation"),
        _("Legal form"),
        _("SKT number"),
        _("SKT valid until"),
        _("SK AHU number"),
        _("Status"),
        _("Fields of activity"),
        _("Secretariat address"),
        _("Village"),
        _("Regency/city"),
        _("Phone"),
        _("E-mail"),
    ]
    regency_names = dict(Region.objects.regencies().values_list("code", "name"))
    rows = (
        [
            ormas.name,
            ormas.abbreviation,
            ormas.get_legal_form_display(),
            ormas.skt_number,
            ormas.skt_expires_on,
            ormas.ahu_number,
            ormas.get_status_display(),
            ", ".join(f.name for f in ormas.fields_of_activity.all()),
            ormas.address,
            ormas.region.name,
            regency_names.get(ormas.regency_code, ""),
            ormas.phone,
            ormas.email,
        ]
        for ormas in queryset.select_related("region").prefetch_related("fields_of_activity").iterator(chunk_size=2000)
    )
    return build_xlsx(str(Ormas._meta.verbose_name_plural), headers, rows)
