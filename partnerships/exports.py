"""The empowerment figures as an Excel workbook (formula-safe cells, wadah.lib.excel)."""

from django.utils.translation import gettext as _

from partnerships.empowerment import BANDS, Row
from wadah.lib.excel import build_xlsx


def empowerment_workbook(rows: list[Row], total: Row, *, year: int, by: str) -> bytes:
    headers = [
        _("Regency/city") if by == "regency" else _("Guidance programme"),
        _("Business units"),
        _("Cooperatives"),
        _("Fostered small businesses"),
        _("BUMDes partnerships"),
        _("Members involved"),
        _("Units reporting %(year)s") % {"year": year},
        _("People trained"),
        _("Businesses started"),
        *[str(label) for _code, label in BANDS.choices],
    ]
    body = [
        [
            r.label,
            r.units,
            r.koperasi,
            r.umkm,
            r.bumdes,
            r.members,
            r.reported,
            r.trained,
            r.started,
            *[r.bands.get(code, 0) for code, _label in BANDS.choices],
        ]
        for r in [*rows, total]
    ]
    return build_xlsx(_("Business units %(year)s") % {"year": year}, headers, body)
