"""Issue 11 items 5–6 as a legal spec: each test tries to break a rule and shows it refused, with nothing changed.

* Registration is voluntary (MK 82/PUU-XI/2013): known but unregistered Ormas are recorded (terdata, dalam
  proses); a first-time applicant reaches the SKT pre-verification; the unregistered get no other service.
* The SKT goes to the Mendagri with the pre-verification's documents, and only with 3 WNI founders and WNI board.
* UU 30/2014 Pasal 53 as amended: 5 working days by default; a missed period is a deemed grant, a missed correction
  a lapse — recorded, shown and audited, never silent.
* The activity recommendation is refused while a sanction is in force.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import Entry
from letters.models import Letter
from ormas_accounts import actions as account_actions
from regions.models import Region
from registry import actions as registry_actions
from registry.models import Ormas
from services import actions
from services.models import Application, ServiceType
from services.tests.helpers import all_valid, filled, in_review, jpeg, pdf, submitted, with_founders
from wadah.lib.files import sniff
from workdays.engine import add_working_days
from workdays.models import Period

pytestmark = pytest.mark.django_db
S = Application.Status
TODAY = timezone.localdate


def _service(code: str) -> ServiceType:
    return ServiceType.objects.get(code=code)


def _status(ormas: Ormas) -> str:
    return Ormas.objects.get(pk=ormas.pk).status


# ---------------------------------------------------------------- item 5: known but unregistered Ormas


def test_a_first_time_applicant_gets_an_account_and_its_ormas_is_recorded_as_dalam_proses(city_officer):
    upload = pdf("sk.pdf")
    request = account_actions.request_ormas_account(
        full_name="Rina Wati",
        email="rina@ormasbaru.example",
        phone="0812 3456 7890",
        password="Kuat-Sekali-2026!",
        ormas=None,
        new_ormas={
            "name": "Perkumpulan Penjaga Sungai Kahayan",
            "abbreviation": "PPSK",
            "address": "Jl. Rajawali No. 5",
            "region": Region.objects.get(code="62.71.01.1001"),
        },
        position="ketua",
        upload=upload,
        sniffed=sniff(upload, {"pdf": "application/pdf"}, max_mb=10),
    )
    assert request.ormas is None and not Ormas.objects.filter(name__icontains="Penjaga Sungai").exists()
    account_actions.confirm_ormas_account(request, by=city_officer)
    request.refresh_from_db()
    ormas = request.ormas
    assert ormas.status == Ormas.Status.IN_PROCESS and ormas.legal_form == Ormas.LegalForm.UNINCORPORATED
    assert request.user.ormas == ormas
    # It can file the SKT pre-verification …
    application = actions.create_application(service_type=_service("skt-preverification"), ormas=ormas, by=request.user)
    assert application.status == S.DRAFT
    # … and nothing else: no presence report, no activity recommendation without registration.
    with pytest.raises(ValidationError, match="not registered yet"):
        actions.create_application(service_type=_service("presence-report"), ormas=ormas, by=request.user)
    assert Application.objects.filter(ormas=ormas).count() == 1


@pytest.mark.indonesian
def test_an_unregistered_ormas_is_refused_other_services_in_indonesian(applicant, city_ormas):
    Ormas.objects.filter(pk=city_ormas.pk).update(status=Ormas.Status.TERDATA)
    city_ormas.refresh_from_db()
    with pytest.raises(ValidationError, match="belum terdaftar"):
        actions.create_application(service_type=_service("board-change"), ormas=city_ormas, by=applicant)
    assert not Application.objects.filter(ormas=city_ormas).exists()


def test_the_registration_route_moves_terdata_to_dalam_proses_and_to_active_with_the_skt(
    applicant, city_ormas, city_officer, city_leader
):
    Ormas.objects.filter(pk=city_ormas.pk).update(status=Ormas.Status.TERDATA, skt_number="")
    application = in_review("skt-preverification", city_ormas, applicant, city_officer)
    assert _status(city_ormas) == Ormas.Status.IN_PROCESS  # accepted for review: registering
    with_founders(city_ormas)
    all_valid(application, city_officer)
    check = actions.schedule_field_check(application, by=city_officer, scheduled_for=TODAY(), officer=city_officer)
    actions.record_field_check(check, by=city_officer, result="found", notes="Papan nama terpasang")
    actions.approve_application(application, by=city_leader)
    assert _status(city_ormas) == Ormas.Status.IN_PROCESS  # forwarded: the Mendagri decides
    actions.record_skt_issued(
        application,
        "400.7/123/Polpum",
        TODAY(),
        TODAY() + dt.timedelta(days=1826),
        by=city_officer,
        siola_reference="S-9",
    )
    city_ormas.refresh_from_db()
    assert city_ormas.status == Ormas.Status.ACTIVE
    assert city_ormas.skt_issuer == Ormas.SktIssuer.KEMENDAGRI and city_ormas.siola_reference == "S-9"


def test_a_refused_registration_leaves_the_ormas_recorded_not_registered(
    applicant, city_ormas, city_officer, city_leader
):
    Ormas.objects.filter(pk=city_ormas.pk).update(status=Ormas.Status.TERDATA)
    application = in_review("skt-preverification", city_ormas, applicant, city_officer)
    actions.reject_application(application, by=city_leader, reason="Sekretariat tidak ditemukan")
    assert _status(city_ormas) == Ormas.Status.TERDATA


@pytest.mark.parametrize("problem", ["two founders", "a foreign founder", "a foreign chair"])
def test_the_skt_file_is_not_forwarded_without_three_wni_founders_and_a_wni_board(
    applicant, city_ormas, city_officer, city_leader, problem
):
    from wadah.testing import make_chapter

    if problem == "two founders":
        with_founders(city_ormas, count=2)
    elif problem == "a foreign founder":
        with_founders(city_ormas, citizens=False)
    else:
        with_founders(city_ormas)
        seat = registry_actions.add_board_member(
            make_chapter(city_ormas, name="DPC Lain"),
            by=None,
            nik=None,
            person_values={"name": "John Doe"},
            position="ketua",
        )
        seat.person.is_citizen = False
        seat.person.save()
    application = in_review("skt-renewal", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    letters = Letter.objects.count()
    with pytest.raises(ValidationError, match="Indonesian citizen"):
        actions.approve_application(application, by=city_leader)
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW and Letter.objects.count() == letters


def test_a_regional_skt_issued_after_permendagri_57_2017_is_refused(city_ormas, city_officer):
    with pytest.raises(ValidationError, match="regional government issued SKTs only before"):
        registry_actions.update_ormas(
            city_ormas,
            by=city_officer,
            changes={"skt_issuer": Ormas.SktIssuer.REGENCY, "skt_issued_on": dt.date(2019, 3, 1)},
        )
    assert Ormas.objects.get(pk=city_ormas.pk).skt_issuer == ""
    # A pre-2017 regional SKT still in force is recorded as such.
    registry_actions.update_ormas(
        city_ormas,
        by=city_officer,
        changes={
            "skt_issuer": Ormas.SktIssuer.REGENCY,
            "skt_issuer_name": "Pemerintah Kota Palangka Raya",
            "skt_issued_on": dt.date(2016, 3, 1),
        },
    )
    assert Ormas.objects.get(pk=city_ormas.pk).skt_issuer_name == "Pemerintah Kota Palangka Raya"


@pytest.mark.indonesian
def test_the_status_label_says_penghentian_kegiatan_not_dibekukan():
    assert str(Ormas.Status.FROZEN.label) == "Penghentian kegiatan"
    assert Ormas.Status.FROZEN.value == "dibekukan"  # stored value kept for data and API stability


# ---------------------------------------------------------------- item 6: periods and their consequences


def test_default_periods_follow_uu_30_2014_pasal_53():
    decision = Period.objects.get(code="decision")
    assert (decision.days, decision.unit) == (5, "working_days") and "Pasal 53" in decision.legal_source
    assert _service("presence-report").decision_period == "decision"
    pre = Period.objects.get(code=_service("skt-preverification").decision_period)
    assert pre.days == 5 and pre.is_unverified  # no period of its own found: the statutory default, flagged
    assert "Mendagri" in Period.objects.get(code="skt-verification").name  # the 15 days are the ministry's
    for period in Period.objects.all():
        assert "Pasal 17 (original" not in period.legal_source


def test_a_missed_office_period_is_a_deemed_grant_that_cannot_be_rejected(
    applicant, city_ormas, city_officer, city_leader
):
    application = in_review("board-change", city_ormas, applicant, city_officer)
    # Before the period ends it is not deemed granted.
    with pytest.raises(ValidationError, match="decision period runs until"):
        actions.deem_granted(application)
    after = add_working_days(application.decision_due, 1, region_code="62.71")
    deemed, lapsed = actions.apply_lapsed_periods(after)
    application.refresh_from_db()
    assert (deemed, lapsed) == (1, 0) and application.status == S.DEEMED_GRANTED
    assert application.data["deemed"]["legal_source"].startswith("UU 30/2014 Pasal 53")
    entry = Entry.objects.get(action="application.deemed_granted", subject_id=str(application.pk))
    assert entry.actor is None  # recorded by the daily task
    # Granted by law: no rejection, no request for corrections.
    with pytest.raises(ValidationError):
        actions.reject_application(application, by=city_leader, reason="Terlambat tapi ditolak")
    with pytest.raises(ValidationError):
        actions.request_changes(application, by=city_officer, note="Perbaiki")
    assert Application.objects.get(pk=application.pk).status == S.DEEMED_GRANTED
    # Shown to the applicant and the officer.
    for user, url in ((applicant, application.get_applicant_url()), (city_officer, application.get_absolute_url())):
        from django.test import Client

        from wadah.testing import pass_second_factor

        client = Client()
        client.force_login(user)
        pass_second_factor(client, user)
        assert "Deemed granted by law" in client.get(url).text
    # The Pimpinan issues the letter, which says why.
    actions.approve_application(application, by=city_leader)
    application.refresh_from_db()
    assert application.status == S.APPROVED and "dianggap dikabulkan secara hukum" in application.letter.body


def test_a_missed_correction_period_lapses_the_application(applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    actions.request_changes(application, by=city_officer, note="Lampirkan foto")
    # Late corrections are refused with the reason, before and after the sweep.
    Application.objects.filter(pk=application.pk).update(correction_due=TODAY() - dt.timedelta(days=1))
    application.refresh_from_db()
    actions.upload_application_document(application, application.checklist()[0], by=applicant, upload=pdf())
    with pytest.raises(ValidationError, match="correction period ended"):
        actions.resubmit_application(application, by=applicant)
    assert Application.objects.get(pk=application.pk).status == S.CHANGES_REQUESTED
    assert actions.apply_lapsed_periods(TODAY()) == (0, 1)
    application.refresh_from_db()
    assert application.status == S.LAPSED and application.data["lapsed"]["due"]
    assert Entry.objects.filter(action="application.correction_lapsed", subject_id=str(application.pk)).exists()
    # A new application may be filed at once.
    actions.create_application(service_type=application.service_type, ormas=city_ormas, by=applicant)


def test_pre_verification_produces_its_documents_and_the_cover_letter_to_the_mendagri(
    applicant, city_ormas, city_officer, city_leader
):
    with_founders(city_ormas)
    application = in_review("skt-preverification", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    check = actions.schedule_field_check(application, by=city_officer, scheduled_for=TODAY(), officer=city_officer)
    actions.record_field_check(check, by=city_officer, result="found", photos=[(jpeg(), {})])
    field_report = Letter.objects.get(kind="field-check-report")
    assert field_report.signatory_name and "penelitian lapangan" in field_report.body
    actions.approve_application(application, by=city_leader)
    application.refresh_from_db()
    kinds = set(Letter.objects.filter(ormas=city_ormas).values_list("kind", flat=True))
    assert {"document-check-report", "field-check-report", "document-validity-form", "skt-cover-letter"} <= kinds
    cover = application.letter
    assert cover.kind == "skt-cover-letter" and cover.addressee.startswith("Yth. Menteri Dalam Negeri c.q.")
    assert "Direktur Jenderal Politik dan Pemerintahan Umum" in cover.addressee
    assert "Berita Acara Hasil Penelitian Administrasi" in cover.body and cover.pdf


# ---------------------------------------------------------------- item 6: the activity recommendation


def _activity(applicant, ormas):
    application = filled("activity-recommendation", ormas, applicant)
    day = TODAY() + dt.timedelta(days=20)
    actions.update_application_data(
        application,
        by=applicant,
        proposed={
            "title": "Festival Budaya Dayak",
            "starts_on": day.isoformat(),
            "ends_on": (day + dt.timedelta(days=1)).isoformat(),
            "place": "Bundaran Besar",
            "participants": 500,
            "addressed_to": "Polresta Palangka Raya (izin keramaian)",
            "purpose": "permohonan izin keramaian",
        },
    )
    return application


def test_the_activity_recommendation_is_given_with_its_letter_valid_until_the_activity_ends(
    applicant, city_ormas, city_officer, city_leader
):
    application = _activity(applicant, city_ormas)
    actions.submit_application(application, by=applicant)
    assert application.decision_due == add_working_days(TODAY(), 5, region_code="62.71")
    actions.start_review(application, by=city_officer)
    all_valid(application, city_officer)
    actions.approve_application(application, by=city_leader)
    letter = Application.objects.get(pk=application.pk).letter
    assert letter.kind == "activity-recommendation" and "Festival Budaya Dayak" in letter.body
    assert letter.valid_until == TODAY() + dt.timedelta(days=21)


@pytest.mark.indonesian
def test_the_activity_recommendation_is_refused_under_a_sanction(applicant, city_ormas, city_officer):
    from supervision import actions as supervision_actions
    from supervision.models import CaseStep

    case = supervision_actions.open_case(
        ormas=city_ormas, office=city_officer.office, by=city_officer, summary="Pungutan liar", source="complaint"
    )
    # A halt of activities in force (recorded directly: the ladder itself is supervision's tests' business).
    CaseStep.objects.create(case=case, kind=CaseStep.Kind.HALT, decided_on=TODAY(), legal_basis="Pasal 62(2)")
    with pytest.raises(ValidationError, match="sanksi"):
        actions.create_application(service_type=_service("activity-recommendation"), ormas=city_ormas, by=applicant)
    assert not Application.objects.filter(ormas=city_ormas).exists()
    # Other services stay open (the sanction does not end the registration).
    actions.create_application(service_type=_service("activity-report"), ormas=city_ormas, by=applicant)


def test_the_activity_form_refuses_a_past_activity(applicant, city_ormas, client):
    application = filled("activity-recommendation", city_ormas, applicant)
    client.force_login(applicant)
    response = client.post(
        reverse("services:task-data", args=[application.reference]),
        {
            "title": "Lalu",
            "starts_on": (TODAY() - dt.timedelta(days=2)).isoformat(),
            "place": "X",
            "participants": 10,
            "addressed_to": "Polres",
            "purpose": "izin",
        },
    )
    assert response.status_code == 200 and "must not have started" in response.text
    assert Application.objects.get(pk=application.pk).proposed == {}


def test_a_submitted_application_is_due_in_five_working_days(applicant, city_ormas):
    application = submitted("activity-report", city_ormas, applicant)
    assert application.decision_due == add_working_days(TODAY(), 5, region_code="62.71")
