"""Every audit code × every role: a history entry is shown only to who may read what it is about (issue 8 item 1).

The codes come from docs/audit-codes.md (which a docs test keeps complete). For each code an entry is written the
way its writer writes it (about the case, the compartmented item, the complaint, the application …) and every
persona's view of the Ormas's history is compared with what that persona may read of the underlying record.
Separate tests drive the real actions and the real pages for the findings the red team reported.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Agency, Office, Role
from audit import labels, visibility
from audit.log import record
from audit.models import Entry
from complaints import actions as complaint_actions
from fieldreports import actions as report_actions
from regions.models import Region
from registry import actions as registry_actions
from services import actions as service_actions
from services.models import ServiceType
from supervision import actions as case_actions
from supervision import compartments
from wadah.testing import make_chapter, make_user
from wadah.tests_crosscutting.helpers import login_verified

ROOT = Path(__file__).resolve().parents[2]
CODES = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", (ROOT / "docs" / "audit-codes.md").read_text(), re.M)
PERSONAS = ["prov", "city", "kotim", "leader", "polda_on_case", "binda_off_case", "sysadmin", "ormas"]
STAFF_IN_SCOPE = {"prov", "city", "leader"}
# Who may read each kind of record in the scenario below (the case is handled by Palangka Raya, Polda is a member).
READERS = {
    "ormas": {"prov", "city", "leader", "polda_on_case", "binda_off_case", "sysadmin"},
    "case": STAFF_IN_SCOPE | {"polda_on_case"},
    "kesbangpol_note": STAFF_IN_SCOPE,
    "polda_note": STAFF_IN_SCOPE | {"polda_on_case"},
    "complaint": STAFF_IN_SCOPE,
    "application": STAFF_IN_SCOPE | {"sysadmin", "ormas"},
    "report": {"polda_on_case"},  # a draft: its author only
}
COMPARTMENTED = {"case.note_added", "case.document_added", "case.meeting_recorded", "case.mediation_recorded"}


def kind_for(code: str) -> str:
    """What an entry with this code is about, as its writer says (see the writers named in docs/audit-codes.md)."""
    if code in COMPARTMENTED or code.startswith("compartment."):
        return "kesbangpol_note"
    prefixes = {"case.": "case", "complaint.": "complaint", "field_report.": "report", "application.": "application"}
    for prefix, kind in prefixes.items():
        if code.startswith(prefix):
            return kind
    if code.startswith("letter."):
        return "case"  # a warning or a police referral: its source is the case
    return "ormas"


@pytest.fixture
def world(city_ormas, city_officer, province_officer, kotim_officer, leader, system_admin):
    polda = make_user("polda.on", Role.AGENCY_MEMBER, agency="Polda")
    binda = make_user("binda.off", Role.AGENCY_MEMBER, agency="BINDA")
    ormas_user = make_user("ormas.own", Role.ORMAS_ACCOUNT)
    ormas_user.ormas = city_ormas
    ormas_user.save()
    office = Office.objects.get(region_id="62.71")
    case = case_actions.open_case(
        ormas=city_ormas, office=office, by=city_officer, summary="Pungli", source="complaint"
    )
    case_actions.add_member(case, Agency.objects.get(abbreviation="Polda", region_id="62"), by=city_officer)
    note = case_actions.add_note(case, by=city_officer, text="Informan A di pasar")
    polda_note = case_actions.add_note(case, by=polda, text="Catatan Polda")
    complaint, *_rest = complaint_actions.submit_complaint(
        description="Pungutan liar di pasar setiap malam oleh kelompok berseragam.",
        region=Region.objects.get(code="62.71.01.1001"),
        incident_date=timezone.localdate(),
        ormas=city_ormas,
    )
    application = service_actions.create_application(
        service_type=ServiceType.objects.get(code="activity-report"), ormas=city_ormas, by=ormas_user
    )
    report = report_actions.create_report(by=polda, ormas=city_ormas, observations="Pengamatan")
    users = {
        "prov": province_officer,
        "city": city_officer,
        "kotim": kotim_officer,
        "leader": leader,
        "polda_on_case": polda,
        "binda_off_case": binda,
        "sysadmin": system_admin,
        "ormas": ormas_user,
    }
    about = {
        "ormas": None,
        "case": case,
        "kesbangpol_note": note,
        "polda_note": polda_note,
        "complaint": complaint,
        "application": application,
        "report": report,
    }
    return {"users": users, "about": about, "ormas": city_ormas, "case": case, "complaint": complaint}


def test_every_audit_code_is_shown_to_exactly_the_readers_of_what_it_is_about(world):
    assert len(CODES) > 60, "docs/audit-codes.md was not parsed"
    ormas = world["ormas"]
    generated = {}
    for code in CODES:
        kind = kind_for(code)
        entry = record(ormas, code, by=None, ormas=ormas, about=world["about"][kind], data={"generated": True})
        generated[entry.pk] = (code, kind)
    cells = 0
    for name, user in world["users"].items():
        shown = set(
            visibility.readable(user, Entry.objects.filter(pk__in=generated), scoped=True).values_list("pk", flat=True)
        )
        for pk, (code, kind) in generated.items():
            expected = name in READERS[kind] and name in READERS["ormas"]
            assert (pk in shown) == expected, f"{code} ({kind}) for {name}: shown={pk in shown}"
            cells += 1
    assert cells == len(CODES) * len(PERSONAS)


def test_the_writers_tie_their_entries_to_the_record_they_are_about(world):
    """The real actions of the scenario wrote their entries about the records kind_for() assumes."""
    expected_models = {
        "case": "supervision.case",
        "kesbangpol_note": "supervision.casenote",
        "complaint": "complaints.complaint",
        "application": "services.application",
        "report": "fieldreports.fieldreport",
        "ormas": "",
    }
    entries = Entry.objects.exclude(action__startswith="person.")
    checked = set()
    for entry in entries:
        assert entry.about == expected_models[kind_for(entry.action)], entry.action
        checked.add(entry.action)
    assert {"case.opened", "case.member_added", "case.note_added", "complaint.received", "ormas.created"} <= checked


@pytest.mark.parametrize("name", PERSONAS)
def test_the_ormas_history_pages_hide_other_compartments_and_complaint_reasons(client, world, name):
    """Finding: /registri/<pk>/riwayat/ and the Ormas page showed case notes, sharing and complaint reasons."""
    users, case, complaint, city = world["users"], world["case"], world["complaint"], world["users"]["city"]
    complaint_actions.start_triage(complaint, by=city)
    complaint_actions.mark_not_actionable(complaint, by=city, reason="Alasan internal rahasia")
    step = case_actions.start_clarification(case, by=city, decision="Undang pengurus")
    case_actions.record_response(step, "Jawaban ormas rahasia", timezone.localdate(), by=city)
    compartments.share(world["about"]["kesbangpol_note"], with_agency=users["polda_on_case"].agency, by=city)
    login_verified(client, users[name])
    for url in (reverse("registry:ormas-history", args=[world["ormas"].pk]), world["ormas"].get_absolute_url()):
        response = client.get(url)
        if name not in READERS["ormas"]:
            assert response.status_code in (302, 403, 404)
            continue
        html = response.content.decode()
        assert ("Alasan internal rahasia" in html) == (name in READERS["complaint"]), url
        assert ("Jawaban ormas rahasia" in html) == (name in READERS["case"]), url
        assert (labels.label("compartment.shared") in html) == (name in READERS["case"]), url


def test_personal_fields_are_masked_in_history_for_roles_without_personal_data_access(client, world):
    """Finding: only the NIK was masked; addresses, phones and e-mails were readable on the history and admin."""
    ormas, city = world["ormas"], world["users"]["city"]
    chapter = make_chapter(ormas)
    seat = registry_actions.add_board_member(
        chapter, by=city, nik="6271015204850003", person_values={"name": "Siti Aminah"}, position="ketua"
    )
    registry_actions.update_person(
        seat.person,
        by=city,
        ormas=ormas,
        changes={"address": "Jl. Rahasia No. 7", "phone": "081299990000", "email": "siti@contoh.id"},
    )
    for name, may_read in (("city", True), ("leader", True), ("polda_on_case", False), ("sysadmin", False)):
        login_verified(client, world["users"][name])
        html = client.get(reverse("registry:ormas-history", args=[ormas.pk])).content.decode()
        for secret in ("Jl. Rahasia No. 7", "081299990000", "siti@contoh.id"):
            assert (secret in html) == may_read, (name, secret)
        client.logout()
    admin = world["users"]["sysadmin"]
    admin.is_staff = True
    admin.save()
    admin.user_permissions.add(Permission.objects.get(codename="view_entry"))
    login_verified(client, admin)
    entry = Entry.objects.get(action="person.updated")
    page = client.get(reverse("admin:audit_entry_change", args=[entry.pk]))
    assert page.status_code == 200
    assert "Jl. Rahasia No. 7" not in page.content.decode() and "081299990000" not in page.content.decode()


def test_the_admin_audit_view_applies_the_same_rules(client, world):
    admin = world["users"]["sysadmin"]
    admin.is_superuser = admin.is_staff = True  # even a superuser does not read case files through the admin
    admin.save()
    login_verified(client, admin)
    html = client.get(reverse("admin:audit_entry_changelist") + "?all=").content.decode()
    rows = html[html.index('id="result_list"') :]  # the entries, not the filter's list of every kind
    assert labels.label("ormas.created") in rows
    assert labels.label("case.note_added") not in rows and labels.label("complaint.received") not in rows
    note_entry = Entry.objects.filter(action="case.note_added").first()
    assert client.get(reverse("admin:audit_entry_change", args=[note_entry.pk])).status_code in (302, 404)


def test_an_unregistered_kind_is_shown_to_nobody(world):
    ormas = world["ormas"]
    entry = record(ormas, "ormas.updated", by=None, ormas=ormas)
    orphan = Entry(action="x.y", subject_type=entry.subject_type, subject_id="1", ormas=ormas, about="nobody.thing")
    orphan.about_id = 1
    orphan.save()
    for user in world["users"].values():
        assert not visibility.readable(user, Entry.objects.filter(pk=orphan.pk)).exists()


def test_case_documents_are_written_about_their_compartment(world):
    case, polda = world["case"], world["users"]["polda_on_case"]
    upload = SimpleUploadedFile("bap.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    document = case_actions.add_document(case, by=polda, title="BAP", upload=upload)
    entry = Entry.objects.get(action="case.document_added")
    assert (entry.about, entry.about_id) == ("supervision.casedocument", document.pk)
    binda = world["users"]["binda_off_case"]
    assert not visibility.readable(binda, Entry.objects.filter(pk=entry.pk)).exists()
    assert visibility.readable(polda, Entry.objects.filter(pk=entry.pk)).exists()
