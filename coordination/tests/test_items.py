"""Decisions and action items: due dates, carry-over, the agency page, closing with evidence, reminders (item 4, 7)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination import actions, models
from coordination.management.commands.action_item_reminders import send_reminders
from coordination.models import ActionItem, Meeting
from coordination.tests.helpers import DAY, agency
from workdays.engine import add_working_days

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_the_due_date_comes_from_the_deadline_engine(polda_item):
    assert polda_item.due_on == add_working_days(DAY, 10, region_code="62")


def test_action_items_need_a_held_meeting(meeting, province_officer):
    item = actions.add_agenda_item(meeting, by=province_officer, title="Agenda")
    with pytest.raises(ValidationError):
        actions.add_decision(item, by=province_officer, text="Terlalu awal")


def test_open_items_are_carried_into_the_next_meeting_until_closed(polda_item, province_officer, leader, polda_member):
    first = polda_item.meeting
    actions.save_minutes(first, by=province_officer, text="Notulen")
    actions.approve_minutes(first, by=leader)
    second = actions.schedule_meeting(
        first.team,
        by=province_officer,
        kind="rakor",
        title="Rakor II",
        date=DAY + dt.timedelta(days=30),
        chair=leader,
        venue="Aula",
    )
    assert list(actions.matters_arising(second)) == [polda_item]
    actions.close_item(polda_item, by=polda_member, evidence="Laporan patroli No. 12")
    assert list(actions.matters_arising(second)) == []


def test_closing_another_agencys_item_is_refused(polda_item, binda_member):
    with pytest.raises(PermissionDenied):
        actions.close_item(polda_item, by=binda_member, evidence="Bukan urusan BINDA")
    polda_item.refresh_from_db()
    assert polda_item.status == ActionItem.Status.OPEN and polda_item.evidence == ""


def test_closing_requires_evidence(client, polda_item, polda_member):
    with pytest.raises(ValidationError):
        actions.close_item(polda_item, by=polda_member, evidence="  ")
    client.force_login(polda_member)
    response = client.post(reverse("coordination:item-close", args=[polda_item.pk]), {"evidence": ""}, follow=True)
    assert response.status_code == 200 and "evidence" in response.text.lower()
    polda_item.refresh_from_db()
    assert polda_item.status == ActionItem.Status.OPEN


def test_the_owner_closes_with_evidence_and_a_file(client, polda_item, polda_member):
    client.force_login(polda_member)
    upload = SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("coordination:item-close", args=[polda_item.pk]),
        {"evidence": "Laporan patroli", "evidence_file": upload},
    )
    assert response.status_code == 302
    polda_item.refresh_from_db()
    assert polda_item.status == ActionItem.Status.DONE and polda_item.closed_by == polda_member
    assert client.get(reverse("coordination:item-evidence", args=[polda_item.pk])).status_code == 200


def test_the_chair_may_close_and_cancel(decision, province_officer, leader):
    item = actions.add_action_item(decision, by=province_officer, text="A", owner_agency=agency("BINDA"))
    actions.close_item(item, by=leader, evidence="Dilaporkan dalam rapat")
    other = actions.add_action_item(decision, by=province_officer, text="B", owner_agency=agency("BINDA"))
    with pytest.raises(PermissionDenied):
        actions.cancel_item(other, by=province_officer, reason="x")
    actions.cancel_item(other, by=leader, reason="Tidak relevan lagi")


def test_the_agency_page_lists_its_items_only(
    client, polda_item, decision, province_officer, polda_member, binda_member
):
    actions.add_action_item(decision, by=province_officer, text="Telaah intelijen", owner_agency=agency("BINDA"))
    client.force_login(polda_member)
    page = client.get(reverse("coordination:agency-items"))
    assert "Patroli pasar" in page.text and "Telaah intelijen" not in page.text
    client.force_login(binda_member)
    assert "Telaah intelijen" in client.get(reverse("coordination:agency-items")).text
    assert client.get(polda_item.get_absolute_url()).status_code == 200  # BINDA sits in the meeting


def test_overdue_items_are_reminded_once_a_day(polda_item, polda_member):
    polda_member.email = "polda@contoh.id"
    polda_member.save()
    late = polda_item.due_on + dt.timedelta(days=1)
    assert send_reminders(late) == 1 and send_reminders(late) == 0
    assert send_reminders(late + dt.timedelta(days=1)) == 1
    assert "polda@contoh.id" in mail.outbox[0].to
    assert send_reminders(polda_item.due_on) == 0  # not overdue on the due date itself


def test_transitions_are_walked(polda_item):
    for model in (Meeting, ActionItem):
        for source, targets in model.TRANSITIONS.items():
            assert source in model.Status.values and targets <= set(model.Status.values)
    assert polda_item.can_move_to("done") and not polda_item.can_move_to("open")


@pytest.mark.parametrize("model", [Meeting, ActionItem, "Minutes", "ProtocolVersion"])
def test_the_one_gate_follows_each_transitions_dict(model):
    model = getattr(models, model) if isinstance(model, str) else model
    for old in model.Status.values:
        for new in model.Status.values:
            obj = model(status=old)
            if new in model.TRANSITIONS[old]:
                actions._check(obj, new)
            else:
                with pytest.raises(actions.InvalidTransition):
                    actions._check(obj, new)
