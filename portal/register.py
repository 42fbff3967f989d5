"""The public register: the one place that decides what the public sees of an Ormas and how it is searched.

The directory page, the public card, the open-data API (list, one Ormas, bulk CSV) all call these functions, so a
field withheld here is withheld everywhere. What is public (product.md, UU 27/2022 PDP): the Ormas's identity,
legal form and registration, status and validity, bidang, kab/kota, the secretariat down to the kelurahan/desa only
(no street address), the year of the last approved activity report, and sanctions that were decided and are in force
(a halt of activities, a revocation, a dissolution). Never: NIKs, board members, contacts of people, home or street
addresses, complaints, cases, warnings still open or recommendations — anything pending.

Searching matches the Ormas's own name, abbreviation and registration numbers only (registry.search also matches
board members, which would tell a stranger who sits on which board; a NIK-like query matches nothing).
"""

import base64
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Max, Q
from django.utils import timezone

from portal.models import NOT_WITHHOLDABLE, CardField, PublicationRule, WithholdingRequest
from regions.models import Region
from registry.models import FieldOfActivity, Ormas, OrmasQuerySet
from registry.search import search
from services.models import Application
from supervision.models import CaseStep
from wadah.lib.text import compact, digits_only, normalize

ACTIVITY_REPORT = "activity-report"


# ---- Which fields are published ----------------------------------------------------------------------------


# Rules and bidang names change rarely and are read on every public page: kept for a minute per process.
REFERENCE_SECONDS = 60


def published_fields() -> set[str]:
    """Fields the publication rules publish (a field without a rule is published). Cached for a minute."""
    off = cache.get("portal:unpublished")
    if off is None:
        off = set(PublicationRule.objects.filter(published=False).values_list("field", flat=True))
        cache.set("portal:unpublished", off, REFERENCE_SECONDS)
    return {f for f in CardField.values if f not in off}


def _field_names() -> dict[int, str]:
    names = cache.get("portal:field-names")
    if names is None:
        names = dict(FieldOfActivity.objects.values_list("pk", "name"))
        cache.set("portal:field-names", names, REFERENCE_SECONDS)
    return names


def withheld_for(ormas_ids: Iterable[int]) -> dict[int, set[str]]:
    """Fields withheld per Ormas by granted requests (sanctions and registration can never be withheld)."""
    withheld: dict[int, set[str]] = {}
    granted = WithholdingRequest.objects.filter(ormas_id__in=list(ormas_ids), status=WithholdingRequest.Status.GRANTED)
    for ormas_id, fields in granted.values_list("ormas_id", "fields"):
        withheld.setdefault(ormas_id, set()).update(f for f in fields if f not in NOT_WITHHOLDABLE)
    return withheld


def withheld_for_all() -> dict[int, set[str]]:
    """Every granted withholding (a small table: a handful of Ormas ask)."""
    granted = WithholdingRequest.objects.filter(status=WithholdingRequest.Status.GRANTED)
    return withheld_for(granted.values_list("ormas_id", flat=True))


# ---- Searching and filtering -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    q: str = ""
    regency: str = ""
    field: int | None = None
    legal_form: str = ""
    status: str = ""


def _looks_like_nik(query: str) -> bool:
    digits = digits_only(query)
    return len(digits) >= 12 and len(digits) >= len(query.replace(" ", "").replace(".", "")) - 1


def public_search(queryset: OrmasQuerySet, query: str) -> OrmasQuerySet:
    """Ormas matching by their own name (every word), abbreviation or registration number; never by person."""
    query = query.strip()
    if not query:
        return queryset
    if _looks_like_nik(query):
        return queryset.none()
    normalised = normalize(query)
    if not normalised:
        return queryset.none()
    condition = Q(abbreviation_search=normalised)
    name = Q()
    for word in dict.fromkeys(normalised.split()):
        name &= Q(name_search__contains=word)
    condition |= name
    number = compact(query)
    if len(number) >= 3 and any(c.isdigit() for c in number):
        condition |= Q(number_search__contains=number)
    # search() shapes large results for the planner (registry/search.py); `condition` keeps only own-field matches.
    return search(queryset, query).filter(condition)


def register(filters: Filters) -> OrmasQuerySet:
    """The public register with the directory's filters, sorted by name (what the directory and the API list)."""
    queryset = Ormas.objects.all()
    if filters.regency:
        queryset = queryset.filter(regency_code=filters.regency)
    if filters.field:
        # Filtering by a bidang that is not published (or withheld by an Ormas) would reveal it.
        if CardField.FIELDS not in published_fields():
            return queryset.none()
        hidden = [pk for pk, fields in withheld_for_all().items() if CardField.FIELDS in fields]
        queryset = queryset.filter(fields_of_activity=filters.field).exclude(pk__in=hidden)
    if filters.legal_form:
        queryset = queryset.filter(legal_form=filters.legal_form)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return public_search(queryset, filters.q).order_by("name_search", "id").only(*PUBLIC_COLUMNS)


# The columns public_rows() and the cursor read: the register's lists never load the wide text columns (purpose,
# sources of funds, the street address …) they do not show.
PUBLIC_COLUMNS = (
    "public_id",
    "name",
    "name_search",
    "abbreviation",
    "logo",
    "legal_form",
    "status",
    "skt_number",
    "ahu_number",
    "foreign_permit_number",
    "skt_expires_on",
    "foreign_permit_expires_on",
    "regency_code",
    "region_id",
    "updated_at",
)


def find(public_id: Any) -> Ormas | None:
    return Ormas.objects.select_related("region", "region__parent").filter(public_id=public_id).first()


# ---- Cursor pagination (the API): stable under inserts, an index range scan at any depth -------------------------


def encode_cursor(ormas: Ormas) -> str:
    raw = json.dumps([ormas.name_search, ormas.pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def after_cursor(queryset: OrmasQuerySet, cursor: str) -> OrmasQuerySet:
    """Rows after `cursor` in (name_search, id) order; a malformed cursor raises ValueError."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, pk = json.loads(raw)
        if not isinstance(name, str) or not isinstance(pk, int):
            raise ValueError
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError("bad cursor") from error
    return queryset.filter(Q(name_search__gt=name) | Q(name_search=name, pk__gt=pk))


# ---- What the public sees of each Ormas ---------------------------------------------------------------------


def _final_sanctions(ormas_ids: list[int], *, today: dt.date) -> dict[int, list[dict[str, Any]]]:
    """Decided sanctions in force (halt, revocation, dissolution not lifted). No warnings, no recommendations."""
    result: dict[int, list[dict[str, Any]]] = {}
    kinds = dict(CaseStep.Kind.choices)
    steps = (
        CaseStep.objects.filter(
            case__ormas_id__in=ormas_ids,
            kind__in=list(CaseStep.SANCTIONS),
            lifted_on__isnull=True,
            decided_on__lte=today,
        )
        .order_by("decided_on", "id")
        .values_list("case__ormas_id", "kind", "decided_on")
    )
    for ormas_id, kind, decided_on in steps:
        result.setdefault(ormas_id, []).append({"kind": kind, "label": str(kinds[kind]), "since": decided_on})
    return result


def _last_reports(ormas_ids: list[int]) -> dict[int, int]:
    rows = (
        Application.objects.filter(
            ormas_id__in=ormas_ids, service_type__code=ACTIVITY_REPORT, status=Application.Status.APPROVED
        )
        .order_by()
        .values_list("ormas_id")
        .annotate(last=Max("decided_at"))
    )
    return {ormas_id: timezone.localtime(last).year for ormas_id, last in rows if last}


def public_rows(ormas_list: list[Ormas], *, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The public record of each Ormas, in order. A fixed number of queries for any number of Ormas."""
    today = today or timezone.localdate()
    ids = [o.pk for o in ormas_list]
    if not ids:
        return []
    published = published_fields()
    withheld = withheld_for(ids)
    codes = {o.regency_code for o in ormas_list} | {o.region_id for o in ormas_list}
    codes |= {o.region_id[:8] for o in ormas_list}
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    through = Ormas.fields_of_activity.through
    field_names = _field_names()
    fields: dict[int, list[str]] = {}
    for ormas_id, field_id in through.objects.filter(ormas_id__in=ids).values_list("ormas_id", "fieldofactivity_id"):
        fields.setdefault(ormas_id, []).append(field_names.get(field_id, ""))
    sanctions = _final_sanctions(ids, today=today) if CardField.SANCTIONS in published else {}
    reports = _last_reports(ids) if CardField.ACTIVITY_REPORT in published else {}
    legal_forms = dict(Ormas.LegalForm.choices)
    statuses = dict(Ormas.Status.choices)
    rows = []
    for ormas in ormas_list:
        shown = published - withheld.get(ormas.pk, set())
        row: dict[str, Any] = {
            "id": str(ormas.public_id),
            "name": ormas.name,
            "legal_form": ormas.legal_form,
            "legal_form_label": str(legal_forms.get(ormas.legal_form, "")),
            "status": ormas.status,
            "status_label": str(statuses.get(ormas.status, "")),
            "regency_code": ormas.regency_code,
            "regency": names.get(ormas.regency_code, ""),
            "abbreviation": ormas.abbreviation if CardField.ABBREVIATION in shown else None,
            "has_logo": bool(ormas.logo) and CardField.LOGO in shown,
            "registration_number": (ormas.registration_number or None) if CardField.REGISTRATION in shown else None,
            "valid_until": _valid_until(ormas) if CardField.VALIDITY in shown else None,
            "fields": sorted(fields.get(ormas.pk, [])) if CardField.FIELDS in shown else None,
            "village": names.get(ormas.region_id) if CardField.SECRETARIAT in shown else None,
            "district": names.get(ormas.region_id[:8]) if CardField.SECRETARIAT in shown else None,
            "last_activity_report_year": reports.get(ormas.pk) if CardField.ACTIVITY_REPORT in shown else None,
            "sanctions": sanctions.get(ormas.pk, []) if CardField.SANCTIONS in shown else [],
            "withheld": sorted(withheld.get(ormas.pk, set()) & set(published)),
            "updated_at": ormas.updated_at,
        }
        rows.append(row)
    return rows


def _valid_until(ormas: Ormas) -> dt.date | None:
    if ormas.legal_form == Ormas.LegalForm.UNINCORPORATED:
        return ormas.skt_expires_on
    if ormas.legal_form == Ormas.LegalForm.FOREIGN:
        return ormas.foreign_permit_expires_on
    return None  # an SK AHU of a legal entity does not expire


def public_card(ormas: Ormas) -> dict[str, Any]:
    return public_rows([ormas])[0]


def last_change(queryset: OrmasQuerySet) -> dt.datetime | None:
    """When anything in this part of the register last changed (for Last-Modified / ETag)."""
    latest = queryset.order_by().aggregate(last=Max("updated_at"))["last"]
    extra = WithholdingRequest.objects.aggregate(last=Max("decided_at"))["last"]
    return max((d for d in (latest, extra) if d), default=None)


CSV_COLUMNS = [
    "id",
    "name",
    "abbreviation",
    "legal_form",
    "registration_number",
    "status",
    "valid_until",
    "fields",
    "regency_code",
    "regency",
    "district",
    "village",
    "last_activity_report_year",
    "sanctions",
]


def csv_records(queryset: OrmasQuerySet, *, chunk: int = 2000) -> Iterator[list[Any]]:
    """Every public row of queryset as CSV values, read in keyset chunks (memory bounded at national scale)."""
    queryset = queryset.order_by("name_search", "id")
    last: Ormas | None = None
    while True:
        page = after_cursor(queryset, encode_cursor(last)) if last else queryset
        batch = list(page[:chunk])
        if not batch:
            return
        for row in public_rows(batch):
            yield [
                row["id"],
                row["name"],
                row["abbreviation"] or "",
                row["legal_form"],
                row["registration_number"] or "",
                row["status"],
                row["valid_until"].isoformat() if row["valid_until"] else "",
                "; ".join(row["fields"] or []),
                row["regency_code"],
                row["regency"],
                row["district"] or "",
                row["village"] or "",
                row["last_activity_report_year"] or "",
                "; ".join(f"{s['kind']} {s['since'].isoformat()}" for s in row["sanctions"]),
            ]
        last = batch[-1]
