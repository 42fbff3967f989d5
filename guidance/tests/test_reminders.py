import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from guidance import actions
from guidance.tests.helpers import accepted

pytestmark = pytest.mark.django_db


def test_accepted_ormas_are_reminded_once_before_the_event(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    call_command("send_event_reminders")
    assert not mail.outbox  # not yet accepted, and three days ahead
    accepted(invitation, account)
    type(event).objects.filter(pk=event.pk).update(starts_at=event.starts_at - dt.timedelta(days=2))
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [account.email]
