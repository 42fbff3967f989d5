"""The open-data API, /api/v1/ (django-ninja, OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs).

Public endpoints read the register through portal/register.py and portal/letters.py, the same functions as the
directory, the public card and the letter page, so the API can never show more than the pages. Partner endpoints
need a token (Authorization: Bearer wdh_…) issued by an admin (api/models.py).

Caching: list, card and CSV answer with an ETag and Last-Modified built from the last change in the register, and
304 Not Modified to a matching If-None-Match / If-Modified-Since. Every endpoint is rate-limited per client address.
"""

import csv
import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.http import http_date, parse_http_date_safe
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.security import HttpBearer

from api import actions, limits
from api.models import ApiToken, Scope
from audit.log import record
from grants import eligibility
from grants.models import GrantWindow
from portal import letters, register
from registry.models import Ormas
from supervision.queries import active_sanction
from wadah.lib.text import compact

api = NinjaAPI(
    title="Wadah open data",
    version="1",
    description=(
        "The public register of Ormas (community organisations) kept by Kesbangpol Kalimantan Tengah: the same "
        "public fields as the directory at /direktori/, as JSON and as one CSV file; letter verification; and "
        "token-authenticated endpoints for partner systems. No personal data is ever returned."
    ),
    urls_namespace="api",
    docs_url="/docs",
)


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after


@api.exception_handler(RateLimited)
def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = api.create_response(request, {"detail": "Too many requests; try again later."}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _limit(request: HttpRequest, bucket: str, per_minute: int | None = None) -> None:
    wait = limits.over_limit(request, bucket, per_minute)
    if wait:
        raise RateLimited(wait)


# ---- Schemas ---------------------------------------------------------------------------------------------------


class SanctionOut(Schema):
    kind: str = Field(description="halt | revocation | dissolution")
    label: str
    since: dt.date


class OrmasOut(Schema):
    id: uuid.UUID = Field(description="Stable public identifier")
    name: str
    has_logo: bool = Field(description="A logo is published at /direktori/{id}/logo/")
    abbreviation: str | None
    legal_form: str = Field(description="perkumpulan | yayasan | tidak_berbadan_hukum | asing")
    legal_form_label: str
    registration_number: str | None = Field(description="SKT, SK AHU or operating-permit number")
    status: str = Field(description="aktif | tidak_aktif | dibekukan | dicabut | bubar")
    status_label: str
    valid_until: dt.date | None
    fields: list[str] | None = Field(description="Fields of activity (bidang)")
    regency_code: str
    regency: str
    district: str | None = Field(description="Kecamatan of the secretariat")
    village: str | None = Field(description="Kelurahan/desa of the secretariat (never the street address)")
    last_activity_report_year: int | None
    sanctions: list[SanctionOut] = Field(description="Decided sanctions in force")
    withheld: list[str] = Field(description="Card fields withheld at the Ormas's request")
    updated_at: dt.datetime


class OrmasPage(Schema):
    items: list[OrmasOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")


class ErrorOut(Schema):
    detail: str


class InvalidOut(Schema):
    """A query parameter out of range or malformed (422), one entry per problem."""

    detail: list[dict[str, Any]]


class RegisterFilters(Schema):
    q: str = Field("", max_length=100, description="Name words, abbreviation or registration number")
    regency: str = Field("", max_length=5, description="Kab/kota code, e.g. 62.71")
    field: int | None = Field(None, ge=1, le=2_147_483_647, description="Field of activity id")
    legal_form: str = Field("", max_length=25)
    status: str = Field("", max_length=15)

    def filters(self) -> register.Filters:
        return register.Filters(
            q=self.q, regency=self.regency, field=self.field, legal_form=self.legal_form, status=self.status
        )


class LetterOut(Schema):
    id: uuid.UUID
    number: str
    issued_on: dt.date
    title: str | None = Field(description="null for a supervision letter (UU 14/2008 Pasal 17(a))")
    subject: str | None
    office: str
    signatory_position: str | None
    status: str = Field(
        description="valid | expired | revoked | superseded | no_force (the Ormas was revoked or dissolved), as of today"
    )
    valid_until: dt.date | None
    revoked_on: dt.date | None
    revocation_reason: str | None
    superseded_by: uuid.UUID | None
    ormas_name: str | None
    ormas_status: str | None
    sanction: str | None = Field(description="Sanction in force against the Ormas, if any")
    checked_on: dt.date


class PartnerStatusOut(Schema):
    ormas: OrmasOut
    status_since: dt.date | None
    registration_valid: bool = Field(description="Registered with a registration in force (SKT not expired)")
    sanction_in_force: str | None = Field(description="Including a written warning within its compliance window")
    sanction_since: dt.date | None
    sanction_deadline: dt.date | None


# ---- Conditional requests -------------------------------------------------------------------------------------


def _validators(request: HttpRequest, queryset: Any) -> tuple[str, dt.datetime | None]:
    last = register.last_change(queryset)
    seed = f"{request.get_full_path()}|{last.isoformat() if last else '-'}|{request.LANGUAGE_CODE}"
    return '"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"', last


def _page_validators(request: HttpRequest, body: dict[str, Any]) -> tuple[str, dt.datetime | None]:
    ids = [(str(item["id"]), item["updated_at"].isoformat()) for item in body["items"]]
    seed = f"{request.get_full_path()}|{request.LANGUAGE_CODE}|{ids}|{body['next_cursor']}"
    last = max((item["updated_at"] for item in body["items"]), default=None)
    return '"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"', last


def _not_modified(request: HttpRequest, etag: str, last: dt.datetime | None) -> bool:
    match = request.headers.get("If-None-Match")
    if match:
        return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return bool(since and last and int(last.timestamp()) <= since)


def _stamp(response: HttpResponseBase, etag: str, last: dt.datetime | None) -> None:
    response["ETag"] = etag
    if last:
        response["Last-Modified"] = http_date(last.timestamp())
    response["Cache-Control"] = "public, max-age=60"


def _not_modified_response(etag: str, last: dt.datetime | None) -> HttpResponse:
    response = HttpResponse(status=304)
    _stamp(response, etag, last)
    return response


# ---- Public endpoints -----------------------------------------------------------------------------------------


@api.get(
    "/ormas", response={200: OrmasPage, 304: None, 400: ErrorOut, 422: InvalidOut, 429: ErrorOut}, tags=["register"]
)
def ormas_list(
    request: HttpRequest,
    filters: Query[RegisterFilters],
    cursor: str = Query("", max_length=400),
    limit: int = Query(50, ge=1, le=200),
) -> Any:
    """The register with the directory's filters, by name, in pages of `limit` (cursor pagination)."""
    _limit(request, "list")
    queryset = register.register(filters.filters())
    if cursor:
        try:
            queryset = register.after_cursor(queryset, cursor)
        except ValueError:
            return Status(400, {"detail": "The cursor is not valid; start again without it."})
    batch = list(queryset[: limit + 1])
    more = len(batch) > limit
    batch = batch[:limit]
    body = {
        "items": register.public_rows(batch),
        "next_cursor": register.encode_cursor(batch[-1]) if more and batch else None,
    }
    # Validators of exactly this page: a hash of what it says, and the latest change among its rows.
    etag, last = _page_validators(request, body)
    if _not_modified(request, etag, last):
        return _not_modified_response(etag, last)
    # Rendered as is: the rows are built to OrmasOut by register.public_rows (a test validates them against the
    # schema, schemathesis checks every response), and validating 50 rows again per request was a third of its time.
    rendered = api.create_response(request, body, status=200)
    _stamp(rendered, etag, last)
    return rendered


def _csv_lines(queryset: Any) -> Iterator[str]:
    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(register.CSV_COLUMNS)
    for row in register.csv_records(queryset):
        # A spreadsheet must not read a name as a formula (CSV injection).
        yield writer.writerow([("'" + v) if isinstance(v, str) and v[:1] in "=+-@\t\r" else v for v in row])


@api.get(
    "/ormas.csv", response={200: None, 304: None, 400: ErrorOut, 422: InvalidOut, 429: ErrorOut}, tags=["register"]
)
def ormas_csv(request: HttpRequest, filters: Query[RegisterFilters]) -> Any:
    """Every public field of every Ormas matching the filters, as one CSV file (UTF-8, streamed)."""
    _limit(request, "csv", per_minute=10)
    queryset = register.register(filters.filters())
    etag, last = _validators(request, queryset)
    if _not_modified(request, etag, last):
        return _not_modified_response(etag, last)
    response = StreamingHttpResponse(_csv_lines(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ormas-{timezone.localdate():%Y%m%d}.csv"'
    _stamp(response, etag, last)
    return response


@api.get(
    "/ormas/{ormas_id}",
    response={200: OrmasOut, 304: None, 404: ErrorOut, 400: ErrorOut, 422: InvalidOut, 429: ErrorOut},
    tags=["register"],
)
def ormas_detail(request: HttpRequest, response: HttpResponse, ormas_id: uuid.UUID) -> Any:
    """One Ormas's public card."""
    _limit(request, "card")
    ormas = register.find(ormas_id)
    if ormas is None:
        return Status(404, {"detail": "No Ormas with this id."})
    etag, last = _validators(request, Ormas.objects.filter(pk=ormas.pk))
    if _not_modified(request, etag, last):
        return _not_modified_response(etag, last)
    _stamp(response, etag, last)
    return register.public_card(ormas)


@api.get(
    "/letters/{letter_id}",
    response={200: LetterOut, 404: ErrorOut, 400: ErrorOut, 422: InvalidOut, 429: ErrorOut},
    tags=["letters"],
)
def letter_verify(request: HttpRequest, letter_id: uuid.UUID) -> Any:
    """What the letter's QR page shows: is it genuine, and in force today? (The id is the one in the QR code.)"""
    _limit(request, "letter", per_minute=30)
    found = letters.verify(letter_id)
    if found is None:
        return Status(404, {"detail": "No letter with this id."})
    letter = found.letter
    if found.restricted:
        # A supervision or law-enforcement letter (UU 14/2008 Pasal 17(a)): authenticity and force only.
        return {
            "id": letter.public_id,
            "number": letter.number,
            "issued_on": letter.issued_on,
            "title": None,
            "subject": None,
            "office": letter.office.name,
            "signatory_position": None,
            "status": found.status,
            "valid_until": letter.valid_until,
            "revoked_on": timezone.localtime(letter.revoked_at).date() if letter.revoked_at else None,
            "revocation_reason": None,
            "superseded_by": letter.superseded_by.public_id if letter.superseded_by else None,
            "ormas_name": None,
            "ormas_status": None,
            "sanction": None,
            "checked_on": found.today,
        }
    return {
        "id": letter.public_id,
        "number": letter.number,
        "issued_on": letter.issued_on,
        "title": letter.title,
        "subject": letter.subject,
        "office": letter.office.name,
        "signatory_position": letter.signatory_position,
        "status": found.status,
        "valid_until": letter.valid_until,
        "revoked_on": timezone.localtime(letter.revoked_at).date() if letter.revoked_at else None,
        "revocation_reason": letter.revocation_reason or None,
        "superseded_by": letter.superseded_by.public_id if letter.superseded_by else None,
        "ormas_name": str(letter.ormas) if letter.ormas else None,
        "ormas_status": letter.ormas.status if letter.ormas else None,
        "sanction": found.sanction.kind if found.sanction else None,
        "checked_on": found.today,
    }


# ---- Partner endpoints (token) ----------------------------------------------------------------------------------


class PartnerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        _limit(request, "partner", per_minute=600)
        return actions.authenticate(token)


def _scope_refused(request: HttpRequest, scope: str) -> Any:
    """403 when the (valid) token lacks `scope`; None when it holds it."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not token.allows(scope):
        return Status(403, {"detail": f"This token may not read this endpoint (scope “{scope}” needed)."})
    return None


@api.get(
    "/partner/ormas-status",
    auth=PartnerToken(),
    response={
        200: PartnerStatusOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        400: ErrorOut,
        422: InvalidOut,
        429: ErrorOut,
    },
    tags=["partners"],
)
def partner_status(request: HttpRequest, number: str = Query(..., min_length=3, max_length=80)) -> Any:
    """The full status of an Ormas by its SKT, SK AHU or operating-permit number (exact match), for partner systems:
    registration in force, status and since when, and any sanction in force including a running written warning.
    Scope `ormas_status`."""
    refused = _scope_refused(request, Scope.ORMAS_STATUS)
    if refused is not None:
        return refused
    number = number.strip()
    # Through the trigram-indexed number_search column, then exact on the candidates (a handful).
    candidates = Ormas.objects.filter(number_search__contains=compact(number)).only(
        "pk", "public_id", "skt_number", "ahu_number", "foreign_permit_number"
    )[:50]
    match = next((o for o in candidates if number in (o.skt_number, o.ahu_number, o.foreign_permit_number)), None)
    ormas = register.find(match.public_id) if match else None
    if ormas is None:
        return Status(404, {"detail": "No Ormas with this registration number."})
    today = timezone.localdate()
    sanction = active_sanction(ormas, today=today)
    valid_until = register.public_card(ormas)["valid_until"]
    return {
        "ormas": register.public_card(ormas),
        "status_since": ormas.status_changed_on,
        "registration_valid": bool(ormas.registration_number)
        and ormas.status == Ormas.Status.ACTIVE
        and (valid_until is None or valid_until >= today),
        "sanction_in_force": sanction.kind if sanction else None,
        "sanction_since": sanction.decided_on if sanction else None,
        "sanction_deadline": sanction.deadline if sanction else None,
    }


class ConditionOut(Schema):
    code: str = Field(description="The rule's code (stable; e.g. registered, not_sanctioned, window_field)")
    description: str = Field(description="The condition, in the language asked for (?lang=, default id)")
    passed: bool
    reason: str = Field(description="Why it passed or failed, for this Ormas on this day")
    legal_source: str = Field(description="The legal source the condition rests on (empty for a window's own)")
    version: str = Field(description="Version of the rule as data")
    unverified: bool = Field(description="Not yet confirmed against the legal source (UNVERIFIED)")


class EligibilityOrmasOut(Schema):
    id: uuid.UUID = Field(description="Stable public identifier (as in /ormas/{id})")
    name: str
    skt_number: str | None
    ahu_number: str | None


class EligibilityOut(Schema):
    ormas: EligibilityOrmasOut
    window: int | None = Field(description="The grant window asked about, if any")
    on: dt.date = Field(description="The day the conditions were checked (today)")
    eligible: bool = Field(description="True only when every condition passed")
    conditions: list[ConditionOut]


class GrantWindowOut(Schema):
    id: int
    title: str
    budget_year: int
    office: str
    opens_on: dt.date
    closes_on: dt.date
    recommendation_only: bool = Field(description="The finance office runs the grant; Kesbangpol recommends")


class EligibilityQuery(Schema):
    id: uuid.UUID | None = Field(None, description="The Ormas's public id")
    skt: str = Field("", max_length=80, description="SKT number (exact)")
    ahu: str = Field("", max_length=80, description="SK AHU number (exact)")
    window: int | None = Field(None, ge=1, le=2_147_483_647, description="Grant window id (/partner/grant-windows)")
    lang: str = Field(
        "", pattern="^(id|en)?$", description="Language of descriptions and reasons: id or en (default: id)"
    )


_PARTNER_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 400: ErrorOut, 422: InvalidOut, 429: ErrorOut}


def _find_for_eligibility(ormas_id: uuid.UUID | None, skt: str, ahu: str) -> tuple[Ormas | None, str]:
    """The one Ormas named by exactly one of id, SKT number or AHU number; (None, why) otherwise."""
    given = [name for name, value in (("id", ormas_id), ("skt", skt.strip()), ("ahu", ahu.strip())) if value]
    if len(given) != 1:
        return None, "Give exactly one of id, skt or ahu."
    if ormas_id is not None:
        found = list(Ormas.objects.filter(public_id=ormas_id)[:2])
    elif skt.strip():
        found = list(Ormas.objects.filter(skt_number=skt.strip())[:2])
    else:
        found = list(Ormas.objects.filter(ahu_number=ahu.strip())[:2])
    if len(found) > 1:
        return None, "Several Ormas carry this number; ask by id."
    return (found[0], "") if found else (None, "")


@api.get(
    "/partner/eligibility",
    auth=PartnerToken(),
    response={200: EligibilityOut, 404: ErrorOut, **_PARTNER_ERRORS},
    tags=["partners"],
)
def partner_eligibility(request: HttpRequest, query: Query[EligibilityQuery]) -> Any:
    """The eligibility gate's answer for one Ormas, looked up by exactly one of `id`, `skt` or `ahu`, optionally for
    a grant window: every condition with pass/fail, its reason, legal source and version — the same answer the
    grant pages and actions use (grants.eligibility.check). Scope `eligibility` (the finance office, BPKAD).
    Every answer is recorded in the Ormas's history as a disclosure to the token's organisation."""
    refused = _scope_refused(request, Scope.ELIGIBILITY)
    if refused is not None:
        return refused
    ormas, problem = _find_for_eligibility(query.id, query.skt, query.ahu)
    window = query.window
    if problem:
        return Status(400, {"detail": problem})
    if ormas is None:
        return Status(404, {"detail": "No Ormas with this id or number."})
    grant_window = None
    if window is not None:
        grant_window = GrantWindow.objects.select_related("office").filter(pk=window).first()
        if grant_window is None:
            return Status(404, {"detail": "No grant window with this id."})
    with translation.override(query.lang or translation.get_language()):
        verdict = eligibility.check(ormas, window=grant_window)
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    record(
        ormas,
        "api.eligibility_disclosed",
        by=None,
        ormas=ormas,
        data={
            "token": f"{token.name} ({token.prefix}…)",
            "organisation": token.organisation,
            "window": str(grant_window) if grant_window else "",
            "eligible": verdict.eligible,
            "failing": [condition.code for condition in verdict.failing],
        },
    )
    answer = verdict.as_dict()
    answer["ormas"] = {
        "id": ormas.public_id,
        "name": ormas.name,
        "skt_number": ormas.skt_number or None,
        "ahu_number": ormas.ahu_number or None,
    }
    return answer


@api.get(
    "/partner/grant-windows",
    auth=PartnerToken(),
    response={200: list[GrantWindowOut], **_PARTNER_ERRORS},
    tags=["partners"],
)
def partner_grant_windows(request: HttpRequest, year: int | None = Query(None, ge=2000, le=2100)) -> Any:
    """The grant windows (newest budget year first), to ask /partner/eligibility about one. Scope `eligibility`."""
    refused = _scope_refused(request, Scope.ELIGIBILITY)
    if refused is not None:
        return refused
    windows = GrantWindow.objects.select_related("office")
    if year is not None:
        windows = windows.filter(budget_year=year)
    return [
        {
            "id": w.pk,
            "title": w.title,
            "budget_year": w.budget_year,
            "office": w.office.name,
            "opens_on": w.opens_on,
            "closes_on": w.closes_on,
            "recommendation_only": w.recommendation_only,
        }
        for w in windows[:200]
    ]
