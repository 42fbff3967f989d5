"""Helpers for guidance tests (imported from here, never from a conftest)."""

import datetime as dt

from django.utils import timezone

from accounts.models import Role
from guidance import actions, assessments
from guidance.models import AnswerOption, Event, Instrument, Programme, ProgrammeType
from regions.models import Region
from wadah.testing import make_user


def make_programme(officer, **overrides) -> Programme:
    values = {
        "name": "Bimtek tata kelola keuangan Ormas 2027",
        "programme_type": ProgrammeType.objects.get(code="bimtek"),
        "region": Region.objects.get(code=officer.office.region_id),
        "goals": "Ormas menyusun laporan keuangan sederhana.",
        "starts_on": dt.date.today() - dt.timedelta(days=30),
        "ends_on": dt.date.today() + dt.timedelta(days=60),
        "focus_dimensions": ["keuangan"],
    }
    values.update(overrides)
    return actions.create_programme(by=officer, **values)


def make_event(programme, officer, **overrides) -> Event:
    start = timezone.now() + dt.timedelta(days=3)
    values = {
        "title": "Bimtek hari 1",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=6),
        "venue_name": "Aula Kesbangpol",
        "venue_region": Region.objects.get(code="62.71.01.1001"),
        "capacity": 10,
        "seats_per_ormas": 2,
    }
    values.update(overrides)
    return actions.create_event(programme, by=officer, **values)


def account_of(ormas, username="pengurus.ormas"):
    user = make_user(username, Role.ORMAS_ACCOUNT)
    user.ormas = ormas
    user.email = f"{username}@example.org"
    user.save()
    return user


def answers_at(level: int, instrument=None, overrides: dict | None = None) -> dict[int, int]:
    """Every question answered with the option of the given score (0–4); overrides maps dimension code → score."""
    instrument = instrument or Instrument.current()
    overrides = overrides or {}
    result = {}
    for option in AnswerOption.objects.filter(question__dimension__instrument=instrument).select_related(
        "question__dimension"
    ):
        wanted = overrides.get(option.question.dimension.code, level)
        if option.score == wanted:
            result[option.question_id] = option.pk
    return result


def assess(ormas, officer, level=2, on=None, **overrides):
    return assessments.record_assessment(
        ormas, by=officer, answers=answers_at(level, overrides=overrides), assessed_on=on or dt.date.today()
    )


def accepted(invitation, account, names=("Budi", "Siti")):
    return actions.accept_invitation(
        invitation, by=account, participants=[{"name": n, "position": "Anggota"} for n in names]
    )
