"""The pre-filled parts of an application (services/prefill.py): providers registered by other apps, shown live
until answered, frozen with the answer, and required before a report with items can be sent."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import Entry
from registry import actions as registry_actions
from services import actions, prefill
from services.models import ServiceType
from services.prefill_board import board_changes
from services.tests.helpers import account_for, pdf
from wadah.testing import make_chapter


@pytest.fixture
def one_part(monkeypatch):
    """Only a test part on the activity report, whose items the test sets."""
    items: list[prefill.Item] = []
    monkeypatch.setattr(prefill, "_parts", {})
    prefill.register("activity-report", "test.part", "Kegiatan bersama", lambda ormas, year: list(items), order=1)
    return items


def _report(ormas, by):
    service = ServiceType.objects.get(code="activity-report")
    application = actions.create_application(service_type=service, ormas=ormas, by=by)
    actions.update_application_data(application, by=by, statements_confirmed=True)
    for item in application.checklist():
        actions.upload_application_document(application, item, by=by, upload=pdf())
    return application


def test_the_report_year_is_the_past_year_until_june():
    assert prefill.report_year(dt.date(2026, 3, 1)) == 2025
    assert prefill.report_year(dt.date(2026, 11, 1)) == 2026


def test_a_part_with_items_must_be_confirmed_or_corrected_before_sending(city_ormas, one_part):
    account = account_for(city_ormas)
    application = _report(city_ormas, account)
    assert application.data["prefill"]["year"] == prefill.report_year(dt.date.today())
    one_part.append(prefill.Item("Pelatihan kader bersama Universitas", on="2025-04-01"))
    with pytest.raises(ValidationError) as refused:
        actions.submit_application(application, by=account)
    assert "Kegiatan bersama" in " ".join(refused.value.messages)
    application.refresh_from_db()
    assert application.status == "draft"
    with pytest.raises(ValidationError):
        actions.answer_prefill_part(application, "test.part", by=account, confirmed=False, correction="  ")
    actions.answer_prefill_part(application, "test.part", by=account, confirmed=False, correction="Dua pelatihan.")
    one_part.append(prefill.Item("Added after the answer"))
    shown = prefill.shown(application)[0]
    assert shown.answer == prefill.CORRECTED and [i.text for i in shown.items] == [
        "Pelatihan kader bersama Universitas"
    ]
    actions.submit_application(application, by=account)
    assert Entry.objects.filter(action="application.prefill_answered").count() == 1


def test_an_empty_part_needs_no_answer_and_other_services_have_none(city_ormas, one_part, city_officer):
    account = account_for(city_ormas)
    application = _report(city_ormas, account)
    assert prefill.unanswered(application) == []
    actions.submit_application(application, by=account)
    make_chapter(city_ormas)
    other = actions.create_application(
        service_type=ServiceType.objects.get(code="board-change"), ormas=city_ormas, by=account
    )
    assert "prefill" not in other.data
    with pytest.raises(ValidationError):
        actions.answer_prefill_part(other, "test.part", by=account, confirmed=True)


def test_only_the_applicant_or_the_handling_office_answers(city_ormas, kotim_ormas, one_part):
    application = _report(city_ormas, account_for(city_ormas))
    with pytest.raises(PermissionDenied):
        actions.answer_prefill_part(application, "test.part", by=account_for(kotim_ormas, "lain"), confirmed=True)


def test_the_page_lists_the_parts_and_takes_the_answers(client, city_ormas, one_part):
    account = account_for(city_ormas)
    application = _report(city_ormas, account)
    one_part.append(prefill.Item("Pelatihan kader bersama Universitas"))
    client.force_login(account)
    tasks = client.get(reverse("services:tasks", args=[application.reference])).content.decode()
    assert reverse("services:task-prefill", args=[application.reference]) in tasks
    url = reverse("services:task-prefill", args=[application.reference])
    page = client.get(url).content.decode()
    assert "Pelatihan kader bersama Universitas" in page
    assert client.post(url, {"part": "test.part", "answer": "confirm"}).status_code == 302
    assert client.post(url, {"part": "nope", "answer": "confirm"}).status_code == 200
    application.refresh_from_db()
    assert prefill.shown(application)[0].answer == prefill.CONFIRMED


def test_the_board_changes_of_the_year_are_a_registry_part(city_ormas):
    chapter = make_chapter(city_ormas)
    seat = registry_actions.add_board_member(
        chapter, by=None, nik=None, person_values={"name": "Budi"}, position="ketua", term_start=dt.date(2025, 1, 10)
    )
    registry_actions.end_board_member(seat, by=None, ended_on=dt.date(2025, 9, 1), reason="Mengundurkan diri")
    texts = [item.text for item in board_changes(city_ormas, 2025)]
    assert len(texts) == 2 and all("Budi" in t for t in texts)
    assert board_changes(city_ormas, 2024) == []
