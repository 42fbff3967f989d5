"""Pages: scope (404 outside it), the work list's order, counter entry, the applicant's own pages."""

import datetime as dt

import pytest
from django.urls import reverse

from services import actions
from services.models import Application, ServiceType
from services.tests.helpers import account_for, all_valid, filled, in_review, pdf, submitted
from wadah.testing import make_user

pytestmark = pytest.mark.django_db
S = Application.Status


def test_it_hides_another_regions_application_from_an_officer(client, city_officer, kotim_ormas):
    account = account_for(kotim_ormas, "kotim")
    application = submitted("activity-report", kotim_ormas, account)
    client.force_login(city_officer)
    for name in ("services:application-detail", "services:tasks", "services:check-answers"):
        assert client.get(reverse(name, args=[application.reference])).status_code == 404
    document = application.documents.first()
    assert client.get(reverse("services:document-download", args=[document.pk])).status_code == 404
    response = client.post(reverse("services:review-start", args=[application.reference]))
    assert response.status_code == 404
    assert Application.objects.get(pk=application.pk).status == S.SUBMITTED


def test_it_shows_the_kotim_application_to_the_kotim_and_province_officers(
    client, kotim_officer, province_officer, kotim_ormas
):
    application = submitted("activity-report", kotim_ormas, account_for(kotim_ormas, "kotim"))
    for officer in (kotim_officer, province_officer):
        client.force_login(officer)
        assert client.get(application.get_absolute_url()).status_code == 200
        assert application.reference in client.get(reverse("services:worklist")).content.decode()


def test_it_hides_another_ormas_application_from_an_ormas_account(client, applicant, kotim_ormas):
    other = submitted("activity-report", kotim_ormas, account_for(kotim_ormas, "kotim"))
    client.force_login(applicant)
    for name in ("services:applicant-status", "services:tasks", "services:applicant-letter", "services:withdraw"):
        method = client.post if name == "services:withdraw" else client.get
        assert method(reverse(name, args=[other.reference])).status_code == 404
    assert client.get(reverse("services:document-download", args=[other.documents.first().pk])).status_code == 404
    assert client.get(reverse("services:applicant-home")).content.decode().count(other.reference) == 0


def test_it_keeps_ormas_accounts_and_agency_members_out_of_officer_pages(client, applicant, agency_member):
    for user in (applicant, agency_member):
        client.force_login(user)
        assert client.get(reverse("services:worklist")).status_code == 403
        assert client.get(reverse("services:counter-create")).status_code == 403


def test_it_orders_the_worklist_by_deadline_overdue_first(client, city_officer, city_ormas):
    from wadah.testing import make_ormas

    apps = []
    for i, due in enumerate([dt.date(2030, 1, 10), dt.date(2020, 1, 10), dt.date(2030, 1, 5)]):
        ormas = make_ormas(name=f"Ormas Antrian {i}", abbreviation=f"OA{i}", skt_number=f"9/{i}")
        application = submitted("activity-report", ormas, account_for(ormas, f"antri{i}"))
        Application.objects.filter(pk=application.pk).update(decision_due=due)
        apps.append(application.reference)
    client.force_login(city_officer)
    response = client.get(reverse("services:worklist"))
    html = response.content.decode()
    positions = [html.index(ref) for ref in apps]
    assert positions[1] < positions[2] < positions[0]  # overdue (2020), then 5 Jan, then 10 Jan
    assert "table-danger" in html
    filtered = client.get(reverse("services:worklist"), {"status": "in_review"}).content.decode()
    assert not any(ref in filtered for ref in apps)


def test_it_offers_only_the_actions_allowed_now(client, city_officer, city_leader, applicant, city_ormas):
    application = submitted("activity-report", city_ormas, applicant)
    client.force_login(city_officer)
    html = client.get(application.get_absolute_url()).content.decode()
    assert reverse("services:review-start", args=[application.reference]) in html
    assert reverse("services:decide", args=[application.reference]) not in html
    actions.start_review(application, by=city_officer)
    html = client.get(application.get_absolute_url()).content.decode()
    assert reverse("services:review-start", args=[application.reference]) not in html
    assert reverse("services:decide", args=[application.reference]) not in html  # officers do not decide
    assert reverse("services:changes-request", args=[application.reference]) in html
    client.force_login(city_leader)
    assert (
        reverse("services:decide", args=[application.reference])
        in client.get(application.get_absolute_url()).content.decode()
    )


def test_it_verifies_a_document_inline_with_htmx(client, city_officer, applicant, city_ormas):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    document = application.current_documents().first()
    client.force_login(city_officer)
    url = reverse("services:document-verify", args=[application.reference, document.pk])
    response = client.post(url, {"result": "needs_correction", "reason": ""}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<tr" in response.content.decode()
    document.refresh_from_db()
    assert document.status == "pending"
    response = client.post(url, {"result": "needs_correction", "reason": "Buram"}, headers={"HX-Request": "true"})
    assert "Buram" in response.content.decode() and "<html" not in response.content.decode()
    document.refresh_from_db()
    assert document.status == "needs_correction"


def test_it_approves_through_the_decision_form(client, city_leader, city_officer, applicant, city_ormas):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    client.force_login(city_leader)
    response = client.post(reverse("services:decide", args=[application.reference]), {"decision": "reject", "note": ""})
    assert response.status_code == 400
    response = client.post(
        reverse("services:decide", args=[application.reference]), {"decision": "approve", "note": ""}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.APPROVED and application.letter


def test_it_enters_a_counter_application_for_a_walk_in(client, city_officer, city_ormas):
    client.force_login(city_officer)
    response = client.get(reverse("services:counter-create"), {"q": "Tepian Kahayan"})
    assert f"?ormas={city_ormas.pk}" in response.content.decode()
    service = ServiceType.objects.get(code="activity-report")
    response = client.post(
        reverse("services:counter-create"),
        {"ormas": city_ormas.pk, "service": service.pk, "applicant_name": "Pak Yusuf", "applicant_phone": "0812"},
    )
    application = Application.objects.get(ormas=city_ormas)
    assert response.url == reverse("services:tasks", args=[application.reference])
    assert application.channel == "counter" and application.submitted_by == city_officer
    item = application.checklist()[0]
    client.post(reverse("services:task-upload", args=[application.reference, item.pk]), {"file": pdf()})
    client.post(reverse("services:task-statements", args=[application.reference]), {"confirm": "on"})
    response = client.post(reverse("services:check-answers", args=[application.reference]))
    assert response.url == reverse("services:confirmation", args=[application.reference])
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and application.decision_due


def test_it_refuses_a_counter_application_for_an_ormas_out_of_scope(client, city_officer, kotim_ormas):
    client.force_login(city_officer)
    service = ServiceType.objects.get(code="activity-report")
    response = client.post(
        reverse("services:counter-create"),
        {"ormas": kotim_ormas.pk, "service": service.pk, "applicant_name": "X", "applicant_phone": "1"},
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_it_walks_an_applicant_through_start_tasks_check_and_confirmation(client, applicant, city_ormas):
    client.force_login(applicant)
    home = client.get(reverse("services:applicant-home"))
    assert reverse("services:applicant-start", args=["activity-report"]) in home.content.decode()
    start = client.get(reverse("services:applicant-start", args=["activity-report"]))
    assert "Laporan kegiatan tahunan" in start.content.decode()
    response = client.post(reverse("services:applicant-start", args=["activity-report"]))
    application = Application.objects.get(ormas=city_ormas)
    assert response.url == reverse("services:tasks", args=[application.reference])
    tasks = client.get(response.url).content.decode()
    assert (
        'accept="application/pdf'
        in client.get(
            reverse("services:task-upload", args=[application.reference, application.checklist()[0].pk])
        ).content.decode()
    )
    assert application.service_type.name in tasks
    # Sending too early: a clear list, nothing changes.
    response = client.post(reverse("services:check-answers", args=[application.reference]))
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == S.DRAFT
    # A wrong file: a message on the field, nothing stored.
    bad = client.post(
        reverse("services:task-upload", args=[application.reference, application.checklist()[0].pk]),
        {"file": pdf("x.pdf").__class__("x.pdf", b"hello world, not a pdf" * 10)},
    )
    assert bad.status_code == 200 and "invalid-feedback" in bad.content.decode()
    assert not application.documents.exists()
    client.post(
        reverse("services:task-upload", args=[application.reference, application.checklist()[0].pk]), {"file": pdf()}
    )
    client.post(reverse("services:task-statements", args=[application.reference]), {"confirm": "on"})
    response = client.post(reverse("services:check-answers", args=[application.reference]))
    confirmation = client.get(response.url).content.decode()
    assert application.reference in confirmation
    status = client.get(reverse("services:applicant-status", args=[application.reference]))
    assert status.status_code == 200
    # A second start of the same service points to the open application instead.
    again = client.post(reverse("services:applicant-start", args=["activity-report"]))
    assert Application.objects.filter(ormas=city_ormas).count() == 1
    assert again.status_code == 200


def test_it_shows_the_letter_and_its_verification_link_once_approved(
    client, applicant, city_ormas, city_officer, city_leader
):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    actions.approve_application(application, by=city_leader)
    client.force_login(applicant)
    html = client.get(reverse("services:applicant-status", args=[application.reference])).content.decode()
    assert reverse("services:applicant-letter", args=[application.reference]) in html
    assert application.letter.get_verify_path() in html
    pdf_response = client.get(reverse("services:applicant-letter", args=[application.reference]))
    assert pdf_response["Content-Type"] == "application/pdf"


def test_it_shows_corrections_per_document_to_the_applicant(client, applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    document = application.current_documents().first()
    actions.verify_document(document, by=city_officer, valid=False, reason="Halaman 2 tidak terbaca")
    actions.request_changes(application, by=city_officer)
    client.force_login(applicant)
    html = client.get(reverse("services:applicant-status", args=[application.reference])).content.decode()
    assert "Halaman 2 tidak terbaca" in html
    assert reverse("services:tasks", args=[application.reference]) in html


def test_it_sends_an_expired_session_to_login_and_keeps_next(client, applicant, city_ormas):
    application = filled("activity-report", city_ormas, applicant)
    url = reverse("services:task-upload", args=[application.reference, application.checklist()[0].pk])
    before = application.documents.count()
    response = client.post(url, {"file": pdf()})  # not logged in (session expired)
    assert response.status_code == 302
    assert "next=" in response.url and "layanan" in response.url
    assert application.documents.count() == before


def test_it_lets_only_a_leader_of_the_office_see_the_decision_form(client, applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    other_leader = make_user("leader.kotim", "pimpinan", office_code="62.02")
    client.force_login(other_leader)
    assert client.get(application.get_absolute_url()).status_code == 404
