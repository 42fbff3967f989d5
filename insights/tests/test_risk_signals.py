"""insights.risk: every signal states its reason with the numbers; nothing is an opaque score."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from accounts.models import Role
from fieldreports import actions
from fieldreports.tests.helpers import submitted_report
from insights.risk import risk_signals
from regions.models import Region
from services.models import Application, ServiceType
from supervision import actions as case_actions
from supervision.models import CaseStep
from supervision.tests.helpers import classify
from wadah.testing import make_user

pytestmark = pytest.mark.django_db


def _codes(signals):
    return {signal.code: signal for signal in signals}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_it_has_nothing_to_say_about_an_ormas_in_order(city_ormas):
    Application.objects.create(
        reference="LYN-TEST-1",
        service_type=ServiceType.objects.get(code="activity-report"),
        ormas=city_ormas,
        office=city_ormas_office(),
        status=Application.Status.APPROVED,
        applicant_name="Sekretaris",
        decided_at=timezone.now() - dt.timedelta(days=30),
    )
    assert risk_signals(city_ormas) == []


def city_ormas_office():
    from accounts.models import Office

    return Office.objects.get(region_id="62.71")


def test_it_counts_open_complaints_since_the_oldest(city_ormas, django_assert_max_num_queries):
    from complaints.actions import submit_complaint

    region = Region.objects.get(code="62.71.01.1001")
    for _ in range(3):
        submit_complaint(description="Pungutan liar", region=region, incident_date=dt.date.today(), ormas=city_ormas)
    signal = _codes(risk_signals(city_ormas))["open_complaints"]
    month = timezone.localdate().strftime("%B %Y")
    assert signal.reason == f"3 open complaints since {month}"
    assert signal.severity == "danger"
    assert signal.link.endswith(f"?ormas={city_ormas.pk}")


def test_it_flags_an_overdue_annual_activity_report(city_ormas):
    signal = _codes(risk_signals(city_ormas))["activity_report_overdue"]
    assert signal.reason == "No annual activity report on record, although the Ormas holds an SKT"
    Application.objects.create(
        reference="LYN-TEST-2",
        service_type=ServiceType.objects.get(code="activity-report"),
        ormas=city_ormas,
        office=city_ormas_office(),
        status=Application.Status.APPROVED,
        applicant_name="Sekretaris",
        decided_at=timezone.make_aware(dt.datetime(2024, 3, 12, 10)),
    )
    signal = _codes(risk_signals(city_ormas))["activity_report_overdue"]
    assert signal.reason == "No annual activity report approved since 12 March 2024 (more than 12 months)"


def test_it_does_not_ask_a_new_ormas_for_its_first_report_yet():
    from wadah.testing import make_ormas

    ormas = make_ormas(skt_issued_on=timezone.localdate() - dt.timedelta(days=30))
    assert "activity_report_overdue" not in _codes(risk_signals(ormas))


def test_it_says_when_the_skt_expired(city_ormas):
    city_ormas.skt_expires_on = timezone.localdate() - dt.timedelta(days=40)
    city_ormas.save()
    signal = _codes(risk_signals(city_ormas))["skt_expired"]
    assert signal.reason.startswith("The SKT expired on ") and signal.reason.endswith(", 40 days ago")


def test_it_counts_alarming_field_reports_within_what_the_user_may_read(city_ormas, agency_member, city_officer):
    binda = make_user("binda.member", Role.AGENCY_MEMBER, agency="BINDA")
    submitted_report(binda, city_ormas, observed_on=timezone.localdate())
    submitted_report(binda, city_ormas, classification="urgent", prohibition="")
    submitted_report(binda, city_ormas, classification="routine", prohibition="")
    actions.create_report(by=binda, ormas=city_ormas, classification="urgent")  # a draft does not count
    signal = _codes(risk_signals(city_ormas, user=city_officer))["field_reports"]
    assert signal.reason.startswith("2 field reports of possible violations or urgent matters in the last 12 months")
    assert signal.reason.endswith("(1 urgent)") and signal.severity == "danger"
    # Polda reads none of BINDA's reports, so its signals do not reveal them.
    assert "field_reports" not in _codes(risk_signals(city_ormas, user=agency_member))


def test_it_reports_open_cases_and_the_sanction_in_force(city_ormas, city_officer):
    case = case_actions.open_case(
        ormas=city_ormas, office=city_officer.office, by=city_officer, summary="Sweeping", source="monitoring"
    )
    signal = _codes(risk_signals(city_ormas))["open_cases"]
    assert signal.reason.startswith(f"1 open supervision case: {case.reference} (Opened), opened ")
    assert signal.link == case.get_absolute_url()
    case_actions.start_persuasion(case, by=city_officer, decision="Pembinaan")
    classify(case, city_officer, "pasal-59-3")
    pimpinan = make_user("pimpinan.pky", Role.LEADER, office_code="62.71")
    step = case_actions.issue_written_warning(
        case, by=pimpinan, legal_basis="Pasal 61(1)(a)", findings="Sweeping warung"
    )
    signal = _codes(risk_signals(city_ormas))["active_sanction"]
    assert signal.severity == "danger" and case.reference in signal.reason
    assert signal.reason.startswith("Written warning of ") and "compliance period ends on" in signal.reason
    # Once lifted / expired, it becomes history.
    CaseStep.objects.filter(pk=step.pk).update(deadline=timezone.localdate() - dt.timedelta(days=3))
    signals = _codes(risk_signals(city_ormas))
    assert "active_sanction" not in signals
    assert signals["sanction_history"].reason.startswith("1 earlier warning or sanction, the latest on ")


def test_it_runs_a_handful_of_queries(city_ormas, city_officer, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        risk_signals(city_ormas, user=city_officer)


def test_it_shows_the_signals_on_the_ormas_record_to_staff_and_members_only(
    client, city_ormas, city_officer, agency_member, system_admin
):
    for user, shown in ((city_officer, True), (agency_member, True), (system_admin, False)):
        client.force_login(user)
        page = client.get(city_ormas.get_absolute_url()).content.decode()
        assert ('id="sinyal-risiko"' in page) is shown, user
        assert ("No annual activity report on record" in page) is shown or not shown
