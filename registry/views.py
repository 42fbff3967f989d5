import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, F, Prefetch, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import registry_editor, registry_reader
from accounts.typing import AuthedHttpRequest
from audit import visibility
from audit.models import Entry
from regions.models import Region
from registry import actions, logos, people, requirements
from registry import search as registry_search
from registry.exports import EXPORT_LIMIT, ormas_workbook
from registry.forms import (
    BoardMemberForm,
    ChapterForm,
    DocumentForm,
    EndSeatForm,
    OrmasFilterForm,
    OrmasForm,
    PersonForm,
    StatusForm,
)
from registry.models import BoardMember, Chapter, Document, Emblem, LogoFingerprint, Ormas, OrmasQuerySet, Person
from registry.search import search, search_capped
from wadah.lib.clientip import client_ip
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

PAGE_SIZE = 25


def _scope(request: HttpRequest) -> str:
    return request.user.scope_code  # type: ignore[union-attr, return-value]


def _ormas_for(request: HttpRequest, pk: int) -> Ormas:
    """The Ormas if the user may see it; 404 otherwise, so that out-of-scope records do not reveal they exist."""
    return get_object_or_404(Ormas.objects.visible_to(request.user).select_related("region"), pk=pk)  # type: ignore[arg-type]


def _filtered(request: HttpRequest, *, capped: bool = False) -> tuple[OrmasFilterForm, OrmasQuerySet, bool]:
    """The user's scoped Ormas with the list's filters; `capped` bounds a broad search (see registry/search.py).

    Returns (form, queryset, cut): cut is true when a search matched more Ormas than the list shows.
    """
    form = OrmasFilterForm(request.GET or None, scope=_scope(request))
    queryset = Ormas.objects.visible_to(request.user)  # type: ignore[arg-type]
    cut = False
    if form.is_valid():
        data = form.cleaned_data
        queryset = form.narrow(queryset)
        # Search last, so that a capped search keeps matches within the filters rather than before them.
        by_nik = _nik_search_allowed(request, form, data["q"] or "")
        if capped:
            queryset, cut = search_capped(queryset, data["q"] or "", by_nik=by_nik)
        else:
            queryset = search(queryset, data["q"] or "", by_nik=by_nik)
        if by_nik:
            people.log_nik_search(
                request.user, data["q"], matches=queryset.count(), ip_address=request.META.get("REMOTE_ADDR")
            )
        queryset = queryset.order_by(*OrmasFilterForm.SORTS.get(data["sort"] or "name", ("name_search", "id")))
    return form, queryset, cut


def _nik_search_allowed(request: HttpRequest, form: OrmasFilterForm, query: str) -> bool:
    """A NIK search is for roles with personal-data access, within the per-account limit (registry/people.py)."""
    if not registry_search.is_nik_query(query):
        return False
    if not people.may_search_by_nik(request.user):
        form.nik_notice = _("Searching by NIK is only for officers and the Pimpinan. Search by name instead.")  # type: ignore[attr-defined]
        return False
    if people.nik_searches_exceeded(request.user):
        form.nik_notice = _(  # type: ignore[attr-defined]
            "You have searched by NIK many times in a short while. Wait a few minutes, or search by name."
        )
        return False
    return True


@registry_reader
def ormas_list(request: HttpRequest) -> HttpResponse:
    form, queryset, cut = _filtered(request, capped=True)
    paginator = Paginator(queryset.select_related("region"), PAGE_SIZE)
    if cut:
        paginator.count = registry_search.SMALL_RESULT  # type: ignore[misc]  # known exactly: no COUNT needed
    page = paginator.get_page(request.GET.get("page"))
    regency_names = dict(form.fields["regency"].choices)  # type: ignore[attr-defined]
    for ormas in page.object_list:
        ormas.regency_name = regency_names.get(ormas.regency_code, ormas.regency_code)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "querystring": query.urlencode(),
        "search_cut": cut,
        "search_cap": registry_search.SMALL_RESULT,
        "nik_notice": getattr(form, "nik_notice", ""),
    }
    template = "registry/ormas_list.html#results" if request.htmx else "registry/ormas_list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@registry_reader
def ormas_export(request: HttpRequest) -> HttpResponse:
    # The export is exact: every match, however broad the search (up to EXPORT_LIMIT).
    _form, queryset, _cut = _filtered(request)
    total = queryset.count()
    if total > EXPORT_LIMIT:
        messages.error(
            request,
            _("The list has %(total)s Ormas; an export holds at most %(limit)s. Narrow the filters first.")
            % {
                "total": number_format(total, force_grouping=True),
                "limit": number_format(EXPORT_LIMIT, force_grouping=True),
            },
        )
        return redirect(f"{request.path.replace('unduh/', '')}?{request.GET.urlencode()}")
    content = ormas_workbook(queryset)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="ormas-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


@registry_reader
def ormas_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    # Current board first, core officers (ketua, sekretaris, bendahara …) in the order the choices list them.
    position_order = Case(
        *[When(position=value, then=Value(index)) for index, value in enumerate(BoardMember.Position.values)],
        default=Value(99),
    )
    seats = BoardMember.objects.select_related("person").order_by(
        F("ended_on").desc(nulls_first=True), position_order, "id"
    )
    chapters = (
        ormas.chapters.select_related("region", "parent")
        .prefetch_related(Prefetch("board", queryset=seats))
        .order_by("level", "name")
    )
    # Every history list goes through the one rule of its kind of record (compartments, complaints; audit/visibility.py).
    board = [seat.person for chapter in chapters for seat in chapter.board.all()]
    history = visibility.for_reader(request.user, Entry.objects.filter(ormas=ormas).select_related("actor"), limit=50)
    context = {
        **_logo_check(request, ormas),
        "ormas": ormas,
        "region_name": ormas.region.full_name(),
        "chapters": chapters,
        "documents": ormas.documents.current().select_related("document_type", "uploaded_by"),
        "fields": ormas.fields_of_activity.all(),
        "history": history,
        # UU 17/2013 Pasal 9 founders and WNI board members (registry/requirements.py), for unincorporated Ormas.
        "requirement_problems": requirements.registration_problems(ormas)
        if ormas.legal_form == Ormas.LegalForm.UNINCORPORATED
        else [],
        # Whose full NIK and contact details this user may read: only people recorded in their own scope.
        "personal_ok": people.readable_people(request.user, board),
        "status_form": StatusForm(ormas=ormas, initial={"effective_on": timezone.localdate()})
        if request.user.can_edit_registry  # type: ignore[union-attr]
        else None,
    }
    return render(request, "registry/ormas_detail.html", context)


@registry_editor
def ormas_create(request: HttpRequest) -> HttpResponse:
    form = OrmasForm(request.POST or None, request.FILES or None, scope=_scope(request))
    if request.method == "POST" and form.is_valid():
        values = form.values()
        fields = values.pop("fields_of_activity", [])
        try:
            # One transaction: a logo that cannot be stored leaves no Ormas half-created.
            with transaction.atomic():
                ormas = actions.create_ormas(by=request.user, fields_of_activity=fields, **values)  # type: ignore[arg-type]
                if form.cleaned_data.get("logo_upload"):
                    _save_logo(request, ormas, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s was added to the registry.") % {"name": ormas.name})
            return redirect(ormas)
    return render(request, "registry/ormas_form.html", {"form": form, "ormas": None})


def _save_logo(request: HttpRequest, ormas: Ormas, form: OrmasForm) -> None:
    assert form.logo_type is not None
    actions.set_logo(ormas, by=request.user, upload=form.cleaned_data["logo_upload"], sniffed=form.logo_type)  # type: ignore[arg-type]


@registry_editor
def ormas_edit(request: HttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    form = OrmasForm(request.POST or None, request.FILES or None, instance=ormas, scope=_scope(request))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                changed = actions.update_ormas(ormas, by=request.user, changes=form.changed_values())  # type: ignore[arg-type]
                if form.cleaned_data.get("logo_upload"):
                    _save_logo(request, ormas, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed or form.cleaned_data.get("logo_upload"):
                messages.success(request, _("Changes to %(name)s were saved.") % {"name": ormas.name})
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect(ormas)
    return render(request, "registry/ormas_form.html", {"form": form, "ormas": ormas})


@require_POST
@registry_editor
def ormas_status(request: HttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    form = StatusForm(request.POST, ormas=ormas)
    if form.is_valid():
        with refusals_shown(request):
            actions.change_ormas_status(
                ormas,
                form.cleaned_data["status"],
                by=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data["reason"],
                legal_basis=form.cleaned_data["legal_basis"],
                effective_on=form.cleaned_data["effective_on"],
            )
            messages.success(
                request,
                _("The status of %(name)s is now “%(status)s”.")
                % {"name": ormas.name, "status": ormas.get_status_display()},
            )
    else:
        messages.error(request, _("The status was not changed: %(errors)s") % {"errors": _errors_text(form)})
    return redirect(ormas)


def _errors_text(form: Any) -> str:
    return " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
    )


def _logo_check(request: HttpRequest, ormas: Ormas) -> dict[str, Any]:
    """Registered logos and reserved emblems similar to this Ormas's logo, for the officer to compare side by side."""
    print_ = getattr(ormas, "logo_fingerprint", None) if ormas.logo else None
    if print_ is None:
        return {"similar_logos": [], "similar_emblems": []}
    hits = logos.similar_logos(print_.phash, exclude_ormas_id=ormas.pk)
    others = Ormas.objects.in_bulk([pk for pk, _d in hits])
    visible = set(Ormas.objects.visible_to(request.user).filter(pk__in=others).values_list("pk", flat=True))  # type: ignore[arg-type]
    return {
        "similar_logos": [
            {"ormas": others[pk], "distance": d, "linked": pk in visible} for pk, d in hits if pk in others
        ],
        "similar_emblems": [{"emblem": e, "distance": d} for e, d in logos.similar_emblems(print_.phash)],
    }


@registry_reader
def similar_logo(request: HttpRequest, pk: int, other_pk: int) -> HttpResponseBase:
    """Another Ormas's logo, shown beside this one's only because the two are similar (even out of scope)."""
    ormas = _ormas_for(request, pk)
    mine = LogoFingerprint.objects.filter(ormas=ormas).first()
    theirs = LogoFingerprint.objects.filter(ormas_id=other_pk).select_related("ormas").first()
    if not mine or not theirs or not theirs.ormas.logo or logos.distance(mine.phash, theirs.phash) > logos.SIMILAR:
        raise Http404
    return private_file_response(theirs.ormas.logo)


@registry_reader
def emblem_image(request: HttpRequest, emblem_pk: int) -> HttpResponseBase:
    emblem = get_object_or_404(Emblem, pk=emblem_pk)
    if emblem.builtin:
        out = io.BytesIO()
        logos.draw(emblem.builtin, width=300).save(out, "PNG")
        response = HttpResponse(out.getvalue(), content_type="image/png")
        response["Cache-Control"] = "private, max-age=3600"
        return response
    if not emblem.image:
        raise Http404
    return private_file_response(emblem.image)


@registry_reader
def ormas_logo(request: HttpRequest, pk: int) -> HttpResponseBase:
    ormas = _ormas_for(request, pk)
    if not ormas.logo:
        raise Http404
    return private_file_response(ormas.logo)


@registry_editor
def chapter_form(request: HttpRequest, pk: int, chapter_pk: int | None = None) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    chapter = get_object_or_404(ormas.chapters, pk=chapter_pk) if chapter_pk else Chapter(ormas=ormas)
    form = ChapterForm(request.POST or None, instance=chapter, scope=_scope(request), ormas=ormas)
    if request.method == "POST" and form.is_valid():
        chapter = form.save(commit=False)
        try:
            chapter.region = form.chosen_region()
            actions.save_chapter(chapter, by=request.user, changed_fields=form.changed_data)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Chapter %(name)s was saved.") % {"name": chapter.name})
            return redirect(f"{ormas.get_absolute_url()}#kepengurusan")
    return render(request, "registry/chapter_form.html", {"form": form, "ormas": ormas, "chapter": chapter})


@registry_editor
def board_add(request: HttpRequest, pk: int, chapter_pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    chapter = get_object_or_404(ormas.chapters, pk=chapter_pk)
    form = BoardMemberForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_board_member(
                chapter,
                by=request.user,  # type: ignore[arg-type]
                nik=data["nik"],
                person_values={k: data[k] for k in ("name", "birth_place", "address", "phone")},
                position=data["position"],
                title=data["title"],
                term_start=data["term_start"],
                term_end=data["term_end"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s was added to the board.") % {"name": data["name"]})
            return redirect(f"{ormas.get_absolute_url()}#kepengurusan")
    return render(request, "registry/board_form.html", {"form": form, "ormas": ormas, "chapter": chapter})


@registry_editor
def seat_end(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    seat = get_object_or_404(BoardMember.objects.select_related("person", "chapter"), pk=seat_pk, ormas=ormas)
    form = EndSeatForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_board_member(seat, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s is now recorded as a former board member.") % {"name": seat.person.name}
            )
            return redirect(f"{ormas.get_absolute_url()}#kepengurusan")
    return render(request, "registry/seat_end_form.html", {"form": form, "ormas": ormas, "seat": seat})


@registry_editor
def person_edit(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    person = get_object_or_404(Person.objects.filter(seats__ormas=ormas).distinct(), pk=person_pk)
    if not people.personal_data_readable(request.user, person):
        raise Http404  # recorded by another office: seating them here gives no access to their details
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "GET" and person.nik:
        # The form shows the full NIK: that is a NIK view like the "Show" button's (UU 27/2022).
        actions.record_nik_view(person, by=request.user, ormas=ormas, ip_address=request.META.get("REMOTE_ADDR"))  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        changes = {field: form.cleaned_data[field] for field in form.changed_data}
        try:
            actions.update_person(person, by=request.user, changes=changes, ormas=ormas)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The details of %(name)s were saved.") % {"name": person.name})
            return redirect(f"{ormas.get_absolute_url()}#kepengurusan")
    return render(request, "registry/person_form.html", {"form": form, "ormas": ormas, "person": person})


@require_POST
@registry_reader
def person_nik(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    """Reveal one full NIK to a role that needs it, and log that it was seen."""
    ormas = _ormas_for(request, pk)
    person = get_object_or_404(Person.objects.filter(seats__ormas=ormas).distinct(), pk=person_pk)
    if not people.personal_data_readable(request.user, person):
        raise Http404
    actions.record_nik_view(person, by=request.user, ormas=ormas, ip_address=client_ip(request))  # type: ignore[arg-type]
    return render(request, "registry/nik.html", {"person": person, "revealed": True})


@registry_editor
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        actions.add_document(
            ormas,
            by=request.user,  # type: ignore[arg-type]
            document_type=form.cleaned_data["document_type"],
            upload=form.cleaned_data["file"],
            sniffed=form.sniffed,
            title=form.cleaned_data["title"],
        )
        messages.success(request, _("The document was stored."))
        return redirect(f"{ormas.get_absolute_url()}#dokumen")
    return render(request, "registry/document_form.html", {"form": form, "ormas": ormas})


@registry_reader
def document_download(request: HttpRequest, document_pk: int) -> HttpResponseBase:
    document = get_object_or_404(
        Document.objects.filter(ormas__in=Ormas.objects.visible_to(request.user)),  # type: ignore[arg-type]
        pk=document_pk,
    )
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


@require_POST
@registry_editor
def document_archive(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    document = get_object_or_404(ormas.documents.current(), pk=document_pk)
    actions.archive_document(document, by=request.user, reason=request.POST.get("reason", ""))  # type: ignore[arg-type]
    messages.success(request, _("The document was archived."))
    return redirect(f"{ormas.get_absolute_url()}#dokumen")


@registry_reader
def ormas_history(request: HttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    entries = visibility.readable(request.user, Entry.objects.filter(ormas=ormas).select_related("actor"))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    page.object_list = visibility.redact(page.object_list, request.user)
    return render(request, "registry/ormas_history.html", {"ormas": ormas, "page": page})


@registry_reader
def name_check(request: AuthedHttpRequest) -> HttpResponse:
    """Cek nama: the registered Ormas and reserved names closest to a proposed name (UU 17/2013 Pasal 59)."""
    from registry.names import find_conflicts

    name = request.GET.get("name", "").strip()[:255]
    abbreviation = request.GET.get("abbreviation", "").strip()[:60]
    conflicts = find_conflicts(name, abbreviation, limit=15) if name or abbreviation else []
    ormas_ids = [c.object_id for c in conflicts if c.kind == "ormas"]
    visible = set(Ormas.objects.visible_to(request.user).filter(pk__in=ormas_ids).values_list("pk", flat=True))
    codes = {c.region_code for c in conflicts if c.region_code}
    regions = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    rows = [
        {"c": c, "region": regions.get(c.region_code, c.region_code), "linked": c.object_id in visible}
        for c in conflicts
    ]
    context = {"name": name, "abbreviation": abbreviation, "rows": rows, "searched": bool(name or abbreviation)}
    template = "registry/name_check.html#results" if request.htmx else "registry/name_check.html"
    return render(request, template, context)
