"""The guidance part of the pre-filled annual activity report: the events the Ormas's people were checked in at."""

import uuid

import pytest
from django.utils import timezone

from guidance import actions
from guidance.models import Participant
from guidance.prefill import events_attended
from guidance.tests.helpers import accepted

pytestmark = pytest.mark.django_db


def test_events_attended_in_the_year_with_how_many_came(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    accepted(invitation, account)
    for participant in Participant.objects.all():
        actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=participant.code)
    year = timezone.localtime(event.starts_at).year
    items = events_attended(city_ormas, year)
    assert len(items) == 1 and event.title in items[0].text
    assert f"{Participant.objects.count()} orang hadir" in items[0].text or "present" in items[0].text
    assert events_attended(city_ormas, year - 1) == []
