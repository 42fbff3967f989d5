"""The public complaint pages (mounted in the portal namespace by portal/urls.py): no login, nothing leaked."""

import time
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.contact import office_contact
from complaints import abuse, actions
from complaints.forms import PublicComplaintForm, StatusLookupForm
from complaints.models import Complaint, ComplaintAttachment, hash_code
from regions.models import Region
from registry.search import public_matches

SESSION_KEY = "complaint_code"

# What each status means to the complainant, in plain words.
PUBLIC_STATUS: dict[str, Any] = {
    Complaint.Status.RECEIVED: gettext_lazy("Received. It will be assessed within a few working days."),
    Complaint.Status.IN_TRIAGE: gettext_lazy("An officer is assessing your complaint."),
    Complaint.Status.REFERRED_TO_POLICE: gettext_lazy("Passed on to the police, who handle suspected crimes."),
    Complaint.Status.CASE_OPENED: gettext_lazy("Kesbangpol has opened a supervision case on the matter."),
    Complaint.Status.GROUPED: gettext_lazy("Handled together with other complaints about the same events."),
    Complaint.Status.NOT_ACTIONABLE: gettext_lazy("Assessed; Kesbangpol cannot act on it."),
    Complaint.Status.CLOSED: gettext_lazy("Closed."),
}


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "portal/complaint_limit.html", {"message": message}, status=429)
    response["Retry-After"] = "3600"
    return _noindex(response)


def complaint_start(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/complaint_start.html")


@never_cache
def complaint_new(request: HttpRequest) -> HttpResponse:
    hashed = abuse.ip_hash(request)
    if abuse.submissions_exceeded(hashed):
        return _too_many(
            request,
            _(
                "Many complaints were sent from your internet connection in a short time. Please try again later, "
                "or contact %(contact)s directly."
            )
            % {"contact": office_contact()},
        )
    searching = request.method == "POST" and request.POST.get("action") == "search"
    if searching:  # the no-JavaScript Ormas search: show matches, keep what was typed
        form = PublicComplaintForm(initial={k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken",)})
    else:
        form = PublicComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not searching and form.is_valid():
        data = form.cleaned_data
        age = abuse.form_age(data.get("started") or "")
        if data.get("website"):
            # A bot: answer as if it worked, keep nothing.
            return redirect("portal:complaint-done")
        if age is None or age < abuse.MIN_FILL_SECONDS:
            form.add_error(
                None,
                _("The form was sent too quickly or has expired. Check your entries and send it again."),
            )
        else:
            try:
                complaint, code = actions.submit_complaint(
                    description=data["description"],
                    region=data["region"],
                    incident_date=data["incident_date"],
                    incident_time=data.get("incident_time"),
                    ormas=form.ormas_object,
                    ormas_text=data.get("ormas_text") or "",
                    place=data.get("place") or "",
                    complainant_name=data.get("complainant_name") or "",
                    complainant_phone=data.get("complainant_phone") or "",
                    complainant_email=data.get("complainant_email") or "",
                    attachments=data.get("attachments") or [],
                    ip_hash=hashed,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                request.session[SESSION_KEY] = code
                return redirect("portal:complaint-done")
    query = (request.POST.get("q") or "").strip()
    matches = public_matches(query) if searching and query else []
    chosen = None
    if form.is_bound and getattr(form, "ormas_object", None) is not None:
        ormas = form.ormas_object
        assert ormas is not None
        chosen = {"public_id": ormas.public_id, "name": ormas.name, "abbreviation": ormas.abbreviation}
    context: dict[str, Any] = {
        "form": form,
        "token": abuse.form_token(),
        "query": query,
        "matches": ([chosen] if chosen else [])
        + [m for m in matches if not chosen or m["public_id"] != chosen["public_id"]],
        "searched": searching,
        "chosen": chosen,
        "max_mb": settings.WADAH_MAX_DOCUMENT_MB,
        "max_files": ComplaintAttachment.MAX_FILES,
    }
    return _noindex(render(request, "portal/complaint_new.html", context))


@require_GET
def complaint_ormas_search(request: HttpRequest) -> HttpResponse:
    """htmx: registered Ormas matching the typed name (public facts only: name, abbreviation, kab/kota)."""
    query = (request.GET.get("q") or "").strip()
    return render(
        request,
        "complaints/_ormas_results.html",
        {"matches": public_matches(query), "query": query, "searched": bool(query), "chosen": None},
    )


@require_GET
def complaint_regions(request: HttpRequest) -> HttpResponse:
    """htmx: <option>s for the region picker on the public form (regions of the province only)."""
    parent = request.GET.get("regency") or request.GET.get("district") or ""
    children = (
        Region.objects.filter(parent_id=parent).only("code", "name")
        if parent.startswith("62.")
        else Region.objects.none()
    )
    return render(request, "regions/options.html", {"children": children, "clear_village": "regency" in request.GET})


@never_cache
def complaint_done(request: HttpRequest) -> HttpResponse:
    """The tracking code, once: it is taken out of the session as it is shown."""
    code = request.session.pop(SESSION_KEY, None)
    return _noindex(render(request, "portal/complaint_done.html", {"code": code}))


@never_cache
def complaint_status(request: HttpRequest) -> HttpResponse:
    """Enter the code (POST, so that it stays out of logs and browser history) → non-sensitive progress only."""
    form = StatusLookupForm(request.POST or None)
    complaint = None
    not_found = False
    if request.method == "POST":
        started = time.monotonic()
        hashed = abuse.ip_hash(request)
        if abuse.lookups_exceeded(hashed):
            return _too_many(
                request,
                _("Too many lookups from your internet connection. Please try again later, or contact %(contact)s.")
                % {"contact": office_contact()},
            )
        typed = str(request.POST.get("code", ""))[:40]
        if abuse.reference_lookups_exceeded(typed):
            return _too_many(
                request,
                _(
                    "This report has been looked up too many times today. Please try again later, or contact "
                    "%(contact)s."
                )
                % {"contact": office_contact()},
            )
        abuse.count_lookup(hashed, typed)
        if form.is_valid():
            complaint = (
                Complaint.objects.only("status", "created_at", "public_progress", "code_prefix")
                .filter(code_hash=hash_code(form.cleaned_data["code"]))
                .first()
            )
            not_found = complaint is None
        abuse.pad_response_time(started)
    context = {
        "form": form if complaint is None else StatusLookupForm(),
        "complaint": complaint,
        "plain_status": PUBLIC_STATUS.get(complaint.status, "") if complaint else "",
        "not_found": not_found,
    }
    return _noindex(render(request, "portal/complaint_status.html", context))
