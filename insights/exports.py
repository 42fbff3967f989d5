"""Excel exports of the staff lists, each exactly as filtered on screen and read through its app's visibility rule.

One `Export` per list: the queryset (the list's visibility function plus the list's own filter form and filters,
from the same query string the list page got), the column headings and a row per record. Small results download at
once; larger ones run as a background task (insights/tasks.py) with a progress page and a download when done.

Personal data (board members' NIK and home address) goes only to roles that may see it
(User.can_see_personal_data); everyone else gets the masked NIK and no address, as on screen.

The filters repeat what each list view applies (a few lines each) because the list views keep them inline; when a
list moves its filtering into a function of its own app, the export should call that function instead.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.forms import ComplaintFilterForm
from complaints.models import Complaint
from fieldreports.models import Classification, FieldReport
from letters.forms import LetterFilterForm
from letters.models import Letter
from registry.forms import OrmasFilterForm
from registry.models import BoardMember, Ormas
from registry.search import search
from services.forms import WorklistFilterForm
from services.models import Application
from supervision.forms import CaseFilterForm
from supervision.models import Case
from wadah.lib.nik import mask_nik
from wadah.lib.text import normalize

# At or below this many rows the file downloads at once; above, it is built in the background.
IMMEDIATE_LIMIT = 1000
# The most rows one export holds (as the registry's own export).
EXPORT_LIMIT = 20_000


@dataclass(frozen=True)
class Export:
    title: Any
    queryset: Callable[[Any, QueryDict], QuerySet[Any]]
    headers: Callable[[Any], list[str]]
    row: Callable[[Any, Any], list[Any]]
    list_url: str  # the list this export belongs to (URL name), for the back link


def _local(value: dt.datetime | None) -> Any:
    return timezone.localtime(value).replace(tzinfo=None) if value else None


# ---- Work list / applications ----------------------------------------------------------------------------------


def _applications(user: Any, params: QueryDict) -> QuerySet[Any]:
    form = WorklistFilterForm(params or None)
    queryset = Application.objects.for_officer(user).select_related("service_type", "ormas", "office")
    status = ""
    if form.is_valid():
        if form.cleaned_data["service"]:
            queryset = queryset.filter(service_type=form.cleaned_data["service"])
        status = form.cleaned_data["status"] or ""
    if status == "decided":
        since = timezone.now() - dt.timedelta(days=30)
        return queryset.filter(status__in=Application.FINAL, updated_at__gte=since).order_by("-updated_at", "-id")
    if params.get("semua"):  # every application, any status (the "applications" export)
        return queryset.order_by("-submitted_at", "-id")
    queryset = queryset.exclude(status=Application.Status.DRAFT).open()
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("decision_due", "submitted_at", "id")


def _application_row(a: Application, user: Any) -> list[Any]:
    return [
        a.reference,
        str(a.service_type),
        str(a.ormas),
        str(a.office),
        a.get_channel_display(),
        a.get_status_display(),
        _local(a.submitted_at),
        a.decision_due,
        _local(a.decided_at),
    ]


def _application_headers(user: Any) -> list[str]:
    return [
        _("Reference"),
        _("Service"),
        _("Ormas"),
        _("Office"),
        _("Channel"),
        _("Status"),
        _("Submitted"),
        _("Decision due"),
        _("Decided"),
    ]


# ---- Letters -------------------------------------------------------------------------------------------------


def _letters(user: Any, params: QueryDict) -> QuerySet[Any]:
    form = LetterFilterForm(params or None)
    queryset = Letter.objects.visible_to(user).select_related("office", "ormas")
    if form.is_valid():
        queryset = form.narrow(queryset)
    return queryset


def _letter_row(letter: Letter, user: Any) -> list[Any]:
    return [
        letter.number,
        letter.issued_on,
        letter.title,
        letter.subject,
        str(letter.ormas or ""),
        str(letter.office),
        letter.get_status_display(),
        letter.valid_until,
    ]


# ---- Complaints, cases, field reports ------------------------------------------------------------------------


def _complaints(user: Any, params: QueryDict) -> QuerySet[Any]:
    form = ComplaintFilterForm(params or None)
    queryset = Complaint.objects.visible_to(user).select_related("ormas", "region", "office")
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == "open":
            queryset = queryset.open()
        elif status:
            queryset = queryset.filter(status=status)
        if form.cleaned_data["channel"]:
            queryset = queryset.filter(channel=form.cleaned_data["channel"])
        if form.cleaned_data["overdue"]:
            queryset = queryset.filter(status=Complaint.Status.RECEIVED, triage_due_on__lt=timezone.localdate())
    return queryset


def _complaint_row(c: Complaint, user: Any) -> list[Any]:
    # The complainant's identity is not exported: the list does not show it either.
    return [
        c.reference,
        _local(c.created_at),
        c.get_channel_display(),
        str(c.ormas or c.ormas_text or ""),
        str(c.region or ""),
        str(c.office or ""),
        c.get_status_display(),
        c.triage_due_on,
    ]


def _cases(user: Any, params: QueryDict) -> QuerySet[Any]:
    form = CaseFilterForm(params or None)
    queryset = Case.objects.visible_to(user).select_related("office", "ormas")
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["open_only"]:
            queryset = queryset.open()
        q = (data["q"] or "").strip()
        if q:
            # Reference and subject only: the list's note search reads compartments, which an export must not widen.
            queryset = queryset.filter(
                Q(reference__icontains=q) | Q(ormas__name_search__contains=normalize(q)) | Q(subject_name__icontains=q)
            )
    return queryset.order_by("-opened_at", "-id")


def _case_row(case: Case, user: Any) -> list[Any]:
    return [
        case.reference,
        str(case.ormas or case.subject_name),
        str(case.office),
        case.get_source_display(),
        case.get_status_display(),
        _local(case.opened_at),
    ]


def _field_reports(user: Any, params: QueryDict) -> QuerySet[Any]:
    queryset = FieldReport.objects.visible_to(user).select_related("agency", "ormas", "region", "author")
    show = params.get("tampil", "")
    if show == "draf":
        queryset = queryset.filter(status=FieldReport.Status.DRAFT)
    elif show == "perhatian":
        queryset = queryset.filter(classification__in=[Classification.POSSIBLE_VIOLATION, Classification.URGENT])
    return queryset.order_by("-created_at", "-id")


def _field_report_row(r: FieldReport, user: Any) -> list[Any]:
    return [
        r.observed_on,
        str(r.agency),
        str(r.ormas or r.ormas_text or ""),
        str(r.region or ""),
        r.get_classification_display(),
        r.get_status_display(),
    ]


# ---- Board members (of the Ormas the registry list shows) ------------------------------------------------------


def _ormas_filtered(user: Any, params: QueryDict) -> QuerySet[Ormas]:
    form = OrmasFilterForm(params or None, scope=user.scope_code or "")
    queryset = Ormas.objects.visible_to(user)
    if form.is_valid():
        data = form.cleaned_data
        queryset = form.narrow(queryset)
        queryset = search(queryset, data["q"] or "")
    return queryset


def _board_members(user: Any, params: QueryDict) -> QuerySet[Any]:
    seats = BoardMember.objects.filter(ormas__in=_ormas_filtered(user, params).order_by().values("pk"))
    if not params.get("termasuk_lama"):
        seats = seats.filter(ended_on__isnull=True)
    return seats.select_related("person", "ormas", "chapter").order_by("ormas__name_search", "chapter_id", "id")


def _board_headers(user: Any) -> list[str]:
    headers = [_("Ormas"), _("Chapter"), _("Position"), _("Name"), _("NIK")]
    if user.can_see_personal_data:
        headers.append(_("Home address"))
    return [*headers, _("Term starts"), _("Term ends"), _("Left on")]


def _board_row(seat: BoardMember, user: Any) -> list[Any]:
    nik = seat.person.nik or ""
    row = [
        str(seat.ormas),
        str(seat.chapter),
        seat.get_position_display(),
        seat.person.name,
        nik if user.can_see_personal_data else mask_nik(nik),
    ]
    if user.can_see_personal_data:
        row.append(seat.person.address)
    return [*row, seat.term_start, seat.term_end, seat.ended_on]


EXPORTS: dict[str, Export] = {
    "worklist": Export(
        gettext_lazy("Work list"), _applications, _application_headers, _application_row, "services:worklist"
    ),
    "letters": Export(
        gettext_lazy("Letters"),
        _letters,
        lambda user: [
            _("Number"),
            _("Date"),
            _("Letter"),
            _("Subject"),
            _("Ormas"),
            _("Office"),
            _("Status"),
            _("Valid until"),
        ],
        _letter_row,
        "letters:list",
    ),
    "complaints": Export(
        gettext_lazy("Complaints"),
        _complaints,
        lambda user: [
            _("Reference"),
            _("Received"),
            _("Channel"),
            _("Ormas"),
            _("Where"),
            _("Office"),
            _("Status"),
            _("Triage due"),
        ],
        _complaint_row,
        "complaints:list",
    ),
    "cases": Export(
        gettext_lazy("Cases"),
        _cases,
        lambda user: [_("Reference"), _("Ormas"), _("Office"), _("Source"), _("Status"), _("Opened")],
        _case_row,
        "supervision:case-list",
    ),
    "field-reports": Export(
        gettext_lazy("Field reports"),
        _field_reports,
        lambda user: [_("Observed on"), _("Agency"), _("Ormas"), _("Where"), _("Classification"), _("Status")],
        _field_report_row,
        "fieldreports:list",
    ),
    "board-members": Export(
        gettext_lazy("Board members"), _board_members, _board_headers, _board_row, "registry:ormas-list"
    ),
}


def rows(export: Export, queryset: QuerySet[Any], user: Any) -> Iterable[list[Any]]:
    for obj in queryset[:EXPORT_LIMIT].iterator(chunk_size=1000):
        yield export.row(obj, user)
