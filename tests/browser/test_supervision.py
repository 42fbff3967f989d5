"""Supervision in a real browser (issue 4).

(a) The compartment rule: a BINDA member files a field report from a phone, attaches it to a case and writes a note
    in the case; a Polda member of the same case sees neither on the case page and gets 404 on their URLs; once BINDA
    shares them with Polda, Polda reads them.
(b) Complaint → case → warning → deadline → next step: an anonymous complaint from a phone, a case opened from it,
    the single written warning (numbered letter, 7 working days), the deadline passed, the next step proposed with
    its letter drafted, non-compliance recorded, the halt taken or recommended, and the Ormas record shows it.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from accounts.models import Agency, Role
from fieldreports.models import FieldReport
from tests.browser.helpers import screenshot
from wadah.testing import make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 200 + b"\xff\xd9"


# Data migrations of issue 4 whose rows a transactional test's flush removes (conftest restores the earlier ones).
ISSUE4_DATA = [
    ("complaints.migrations.0003_triage_period", "add_period"),
    ("supervision.migrations.0002_step_authorities", "seed"),
]


@pytest.fixture(autouse=True)
def issue4_reference_data(reference_data):
    import importlib

    from django.apps import apps

    for module, function in ISSUE4_DATA:  # both are idempotent (update_or_create / get_or_create)
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def team():
    ormas = make_ormas()  # Palangka Raya
    officer = make_user("officer.pky", Role.OFFICER, office_code="62.71")
    officer.first_name, officer.last_name = "Rina", "Petugas"
    officer.save()
    binda = make_user("binda.member", Role.AGENCY_MEMBER, agency="BINDA")
    polda = make_user("polda.member", Role.AGENCY_MEMBER, agency="Polda")
    return ormas, officer, binda, polda


def _open_case(ormas, officer, *agencies):
    from supervision import actions as case_actions

    case = case_actions.open_case(
        ormas=ormas, office=officer.office, by=officer, summary="Sweeping warung di Bundaran Besar", source="monitoring"
    )
    for abbreviation in agencies:
        case_actions.add_member(case, Agency.objects.get(abbreviation=abbreviation, region_id="62"), by=officer)
    return case


def test_a_binda_report_and_note_stay_in_binda_until_shared_with_polda(new_page, team, problems):
    ormas, officer, binda, polda = team
    problems.allowed.append(r"status of 404")  # Polda's refused URLs
    case = _open_case(ormas, officer, "BINDA", "Polda")

    # BINDA, on a phone: the field report with a photo, submitted.
    phone = new_page(binda, viewport=PHONE)
    phone.context.grant_permissions(["geolocation"])
    phone.context.set_geolocation({"latitude": -2.2096, "longitude": 113.9136, "accuracy": 15})
    phone.goto("/laporan-lapangan/")
    phone.locator("a[href$='/laporan-lapangan/baru/']").first.click()
    phone.wait_for_function("window.htmx !== undefined")
    phone.fill("input[name=ormas_search]", "Tepian")
    phone.locator(f"#ormas-options input[name=ormas][value='{ormas.pk}']").check()
    phone.select_option("select[name=regency]", "62.71")
    expect(phone.locator("select[name=district] option[value='62.71.01']")).to_have_count(1)
    phone.select_option("select[name=district]", "62.71.01")
    expect(phone.locator("select[name=region_code] option[value='62.71.01.1001']")).to_have_count(1)
    phone.select_option("select[name=region_code]", "62.71.01.1001")
    phone.fill("input[name=place]", "Bundaran Besar")
    phone.fill("input[name=observed_at]", "21:15")
    phone.fill("textarea[name=activity]", "Sweeping warung pada malam hari")
    phone.fill("textarea[name=observations]", "Sekitar 20 orang berseragam menutup warung dan meminta uang.")
    phone.locator("input[name=classification][value=possible_violation]").check(force=True)
    expect(phone.locator("select[name=prohibition]")).to_be_visible()
    phone.select_option("select[name=prohibition]", "59(3)(d)")
    phone.set_input_files("input[name=photo]", files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": JPEG}])
    expect(phone.locator("input[name=latitude]")).to_have_value(re.compile(r"^-2\.2096"))
    screenshot(phone, "supervision-01-field-report-phone")
    phone.locator("button[name=submit]").click()
    report = FieldReport.objects.get()
    expect(phone).to_have_url(re.compile(rf"/laporan-lapangan/{report.pk}/$"))
    assert report.status == "submitted" and report.agency.abbreviation == "BINDA"
    photo = report.photos.get()
    assert photo.latitude is not None and photo.taken_at is not None
    expect(phone.locator("main")).to_contain_text("-2.209600, 113.913600")
    screenshot(phone, "supervision-02-field-report-detail")

    # BINDA files it in the case and writes a note in its compartment.
    desk = new_page(binda)
    desk.goto(report.get_absolute_url())
    desk.select_option("form[action$='/lampirkan/'] select[name=case]", str(case.pk))
    desk.locator("form[action$='/lampirkan/'] button[type=submit]").click()
    expect(desk.locator("main")).to_contain_text(case.reference)
    report.refresh_from_db()
    assert report.case_id == case.pk
    desk.goto(case.get_absolute_url())
    desk.fill("#catatan textarea[name=text]", "Catatan BINDA: penggerak sweeping teridentifikasi.")
    desk.locator("#catatan form[action$='/catatan/'] button[type=submit]").click()
    expect(desk.locator("#catatan")).to_contain_text("penggerak sweeping teridentifikasi")
    note = case.notes.get()
    note_url = f"{case.get_absolute_url()}catatan/{note.pk}/"

    # Polda, a member of the same case: nothing of BINDA's on the case page, 404 on the URLs.
    other = new_page(polda)
    other.goto(case.get_absolute_url())
    expect(other.locator("main")).not_to_contain_text("penggerak sweeping")
    expect(other.locator("#laporan")).not_to_contain_text(report.reference)
    screenshot(other, "supervision-03-polda-sees-nothing")
    for url in (note_url, report.get_absolute_url(), photo.get_absolute_url()):
        response = other.goto(url)
        assert response is not None and response.status == 404, url

    # BINDA shares both with Polda.
    desk.goto(case.get_absolute_url())
    desk.select_option(f"#catatan-{note.pk} select[name=agency]", str(polda.agency_id))
    desk.locator(f"#catatan-{note.pk} form[action$='/bagikan/'] button[type=submit]").click()
    expect(desk.locator(f"#catatan-{note.pk}")).to_contain_text("Polda")
    desk.goto(report.get_absolute_url())
    desk.select_option("form[action$='/bagikan/'] select[name=agency]", str(polda.agency_id))
    desk.locator("form[action$='/bagikan/'] button[type=submit]").click()
    expect(desk.locator("section[aria-labelledby=bagikan-title]")).to_contain_text("Polda")

    # Now Polda reads them.
    other.goto(case.get_absolute_url())
    expect(other.locator("#catatan")).to_contain_text("penggerak sweeping teridentifikasi")
    expect(other.locator("#laporan")).to_contain_text(report.reference)
    response = other.goto(report.get_absolute_url())
    assert response is not None and response.status == 200
    expect(other.locator("main")).to_contain_text("Sweeping warung pada malam hari")
    assert other.goto(note_url).status == 200
    screenshot(other, "supervision-04-polda-after-sharing")


def test_a_complaint_becomes_a_case_a_warning_a_missed_deadline_and_a_sanction(new_page, team):
    from complaints.models import Complaint
    from supervision.models import Case, CaseStep
    from workdays.engine import deadline_for

    ormas, officer, _binda, _polda = team

    # Anyone, on a phone, without logging in: the complaint and its tracking code.
    public = new_page(viewport=PHONE)
    public.goto("/pengaduan/baru/")
    public.wait_for_function("window.htmx !== undefined")
    public.fill("#id_ormas_q", "Tepian")
    public.locator(f"#ormas-results input[name=ormas][value='{ormas.public_id}']").check()
    public.fill("textarea[name=description]", "Sekelompok anggota ormas melakukan sweeping warung dan meminta uang.")
    public.select_option("select[name=regency]", "62.71")
    expect(public.locator("select[name=district] option[value='62.71.01']")).to_have_count(1)
    public.select_option("select[name=district]", "62.71.01")
    public.fill("input[name=place]", "Bundaran Besar")
    public.fill("input[name=incident_date]", (dt.date.today() - dt.timedelta(days=1)).isoformat())
    consent = public.locator("input[name=consent]")
    if consent.count():
        consent.check()
    public.wait_for_timeout(5200)  # the form refuses what is sent faster than a person types (abuse.MIN_FILL_SECONDS)
    public.locator("main form button[type=submit]").last.click()
    code = public.locator(".tracking-code").inner_text().strip()
    assert len(code.replace("-", "").replace(" ", "")) >= 16
    screenshot(public, "supervision-05-complaint-tracking-code")
    complaint = Complaint.objects.get()
    assert complaint.ormas == ormas

    # The officer triages it and opens a case from it.
    desk = new_page(officer)
    desk.goto(complaint.get_absolute_url())
    desk.locator("form[action$='/telaah/'] button[type=submit]").click()
    desk.locator("details:has(form[action$='/buka-kasus/']) summary").click()
    desk.fill("form[action$='/buka-kasus/'] textarea[name=summary]", "Sweeping warung di Bundaran Besar")
    desk.locator("form[action$='/buka-kasus/'] button[type=submit]").click()
    case = Case.objects.get()
    assert complaint in case.complaints.all()

    # Persuasion (optional since Perppu 2/2017), the breached article recorded, then the single written warning:
    # the officer drafts it, the office's Pimpinan decides and signs it (issue 11).
    from supervision.models import BreachedArticle

    head = make_user("pimpinan.pky", Role.LEADER, office_code="62.71")
    desk.goto(f"{case.get_absolute_url()}langkah/pembinaan/")
    desk.fill("textarea[name=decision]", "Pembinaan kepada pengurus, tidak diindahkan.")
    desk.locator("main form button[type=submit]").click()
    desk.goto(case.get_absolute_url())
    desk.locator("#pelanggaran details summary").click()
    article = BreachedArticle.objects.get(code="pasal-59-3")
    desk.locator(f"#pelanggaran input[name=articles][value='{article.pk}']").check()
    desk.locator("#pelanggaran form button[type=submit]").click()
    assert list(case.articles.values_list("code", flat=True)) == ["pasal-59-3"]
    desk.goto(f"{case.get_absolute_url()}langkah/peringatan/")
    due = deadline_for("written-warning-compliance", dt.date.today(), region_code="62.71")
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("id"):
        due_text = date_format(due, "DATE_FORMAT")
    expect(desk.locator("main")).to_contain_text(due_text)
    desk.fill("textarea[name=findings]", "Sweeping warung pada 28 November 2026 di Bundaran Besar.")
    desk.locator("main form button[type=submit]").click()
    assert not CaseStep.objects.filter(case=case, kind="written_warning").exists()  # a draft, nothing issued
    expect(desk.locator("#draf")).to_contain_text("Pimpinan")
    chief = new_page(head)
    chief.goto(case.get_absolute_url())
    screenshot(chief, "supervision-06a-draft-for-the-pimpinan")
    chief.locator("form[action*='/putuskan/'] button[type=submit]").click()
    warning = CaseStep.objects.get(case=case, kind="written_warning")
    assert warning.decided_by == head and warning.letter.signatory_position.startswith("a.n. Wali Kota")
    desk.goto(case.get_absolute_url())
    assert warning.letter is not None and warning.letter.number and warning.deadline == due
    expect(desk.locator("#langkah")).to_contain_text(warning.letter.number)
    expect(desk.locator("#langkah")).to_contain_text(due_text)
    screenshot(desk, "supervision-06-warning-issued")

    # The clock moves on: the warning was issued 10 working days ago and its window has closed.
    issued = dt.date.today() - dt.timedelta(days=16)
    CaseStep.objects.filter(pk=warning.pk).update(
        decided_on=issued, deadline=deadline_for("written-warning-compliance", issued, region_code="62.71")
    )
    desk.goto(case.get_absolute_url())
    expect(desk.locator("section[aria-labelledby=next-title]")).to_contain_text(
        re.compile("Proposed next step|langkah")
    )
    desk.goto(f"{case.get_absolute_url()}langkah/kepatuhan/")
    desk.select_option("select[name=complied]", "0")
    desk.fill("textarea[name=note]", "Pemeriksaan lapangan: sweeping masih terjadi.")
    desk.locator("main form button[type=submit]").click()
    case.refresh_from_db()
    assert case.status == "not_complied"

    # Wadah proposes the next step with its letter drafted; the officer takes or recommends it.
    desk.goto(case.get_absolute_url())
    next_step = desk.locator("a[href$='/langkah/penghentian/'], a[href$='/langkah/usul-penghentian/']").first
    href = next_step.get_attribute("href")
    next_step.click()
    expect(desk.locator("textarea[name=letter_body]")).to_contain_text("Sampai dengan batas waktu tersebut")
    screenshot(desk, "supervision-07-next-step-drafted")
    desk.fill("textarea[name=reason]", "Tidak mematuhi peringatan tertulis dalam 7 hari kerja.")
    desk.locator("main form button[type=submit]").click()
    # The officer's submission is a draft again; the Pimpinan decides and signs it.
    chief.goto(case.get_absolute_url())
    chief.locator("form[action*='/putuskan/'] button[type=submit]").click()
    case.refresh_from_db()
    if href and href.endswith("/usul-penghentian/"):
        assert case.status == "halt_proposed"
        # The ministry's decree arrives and is recorded.
        desk.goto(f"{case.get_absolute_url()}langkah/putusan/")
        desk.select_option("select[name=outcome]", "halted")
        desk.fill("input[name=decree_number]", "SK-100.2.2/123/2026")
        desk.fill("input[name=decree_date]", dt.date.today().isoformat())
        desk.locator("main form button[type=submit]").click()
        case.refresh_from_db()
    assert case.status == "halted"

    # The Ormas record shows the sanction and the risk signal with its reason.
    ormas.refresh_from_db()
    assert ormas.status == "dibekukan"
    desk.goto(ormas.get_absolute_url())
    expect(desk.locator("main .alert-danger").first).to_contain_text(case.reference)
    expect(desk.locator("#sinyal-risiko [data-signal=active_sanction]")).to_contain_text(case.reference)
    screenshot(desk, "supervision-08-ormas-sanctioned")
