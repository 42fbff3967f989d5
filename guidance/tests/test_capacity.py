"""The capacity pathway: scoring, answers on their scale, validation of self-assessments, the change between
assessments, aggregates and the invitation suggestions they drive."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from guidance import actions, assessments, capacity
from guidance.models import AnswerOption, Assessment, Event, Instrument, Participant
from guidance.tests.helpers import accepted, account_of, answers_at, assess
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def test_scores_are_shares_of_the_points_possible(city_ormas, city_officer):
    assessment = assess(city_ormas, city_officer, level=2, keuangan=0)
    assert assessment.status == Assessment.Status.VALIDATED
    assert assessment.scores["keuangan"] == 0.0 and assessment.scores["tata-kelola"] == 50.0
    assert float(assessment.total) == pytest.approx(round(6 * 50 / 7, 1))


def test_an_answer_outside_its_scale_is_refused_and_nothing_saved(city_ormas, city_officer):
    answers = answers_at(2)
    first, second = list(answers)[:2]
    foreign = AnswerOption.objects.filter(question_id=second).first()
    answers[first] = foreign.pk
    with pytest.raises(ValidationError, match="not one of its scale"):
        assessments.record_assessment(city_ormas, by=city_officer, answers=answers)
    answers[first] = "99999"
    with pytest.raises(ValidationError, match="not one of its scale"):
        assessments.record_assessment(city_ormas, by=city_officer, answers=answers)
    del answers[first]
    with pytest.raises(ValidationError, match="Answer every question"):
        assessments.record_assessment(city_ormas, by=city_officer, answers=answers)
    assert not Assessment.objects.exists()


def test_a_self_assessment_counts_only_once_an_officer_validates_it(city_ormas, city_officer):
    account = account_of(city_ormas)
    own = assessments.record_assessment(city_ormas, by=account, answers=answers_at(3))
    assert own.status == Assessment.Status.SUBMITTED and own.kind == "self"
    assert capacity.compare(city_ormas).after is None
    assessments.validate_assessment(own, by=city_officer)
    assert capacity.compare(city_ormas).after == own
    with pytest.raises(ValidationError):
        assessments.return_assessment(own, by=city_officer, note="Bukti kurang")


def test_an_ormas_account_cannot_assess_another_ormas_and_out_of_scope_officers_cannot(
    city_ormas, kotim_ormas, kotim_officer
):
    with pytest.raises(PermissionDenied):
        assessments.record_assessment(kotim_ormas, by=account_of(city_ormas), answers=answers_at(1))
    with pytest.raises(PermissionDenied):
        assessments.record_assessment(city_ormas, by=kotim_officer, answers=answers_at(1))


def test_the_change_between_two_assessments_per_dimension(city_ormas, city_officer, client):
    assess(city_ormas, city_officer, level=1, on=dt.date.today() - dt.timedelta(days=40))
    assess(city_ormas, city_officer, level=1, keuangan=4)
    comparison = capacity.compare(city_ormas)
    rows = {r["code"]: r for r in comparison.rows}
    assert rows["keuangan"]["change"] == 75.0 and rows["tata-kelola"]["change"] == 0.0
    assert comparison.chart_data()["series"][1]["value"][1] == 100.0
    client.force_login(city_officer)
    page = client.get(reverse("guidance:ormas-capacity", args=[city_ormas.pk]))
    assert page.status_code == 200 and b'id="radar-data"' in page.content and b"+75.0" in page.content


def test_weakest_dimensions_drive_suggestions(event, city_officer, city_ormas):
    strong = make_ormas(name="Ormas Kuat", abbreviation="OK", skt_number="5/5/2022")
    assess(city_ormas, city_officer, level=3, keuangan=1)
    assess(strong, city_officer, level=3)
    found = capacity.suggestions(event, city_officer)
    assert [s.ormas for s in found] == [city_ormas]
    assert "Keuangan 25/100" in found[0].reason


def test_programme_effect_compares_participants_and_others(programme, event, city_officer, city_ormas):
    other = make_ormas(name="Ormas Lain", abbreviation="OL", skt_number="6/6/2022")
    before = dt.date.today() - dt.timedelta(days=20)
    for ormas in (city_ormas, other):
        assess(ormas, city_officer, level=1, on=before)
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    accepted(invitation, account_of(city_ormas))
    actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=Participant.objects.first().code)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=10), ends_at=timezone.now() - dt.timedelta(days=10)
    )
    assess(city_ormas, city_officer, level=1, keuangan=3)
    assess(other, city_officer, level=1)
    effect = capacity.programme_effect(programme, city_officer)
    rows = {r["code"]: r for r in effect["rows"]}
    assert effect["participants_n"] == 1 and effect["others_n"] == 1
    assert rows["keuangan"]["participants"] == 50.0 and rows["keuangan"]["others"] == 0.0
    regencies = {r["code"]: r for r in capacity.by_regency(city_officer)}
    assert regencies["62.71"]["assessed"] == 2 and regencies["62.71"]["reassessed"] == 2


def test_the_instrument_of_a_used_assessment_is_frozen(city_ormas, city_officer):
    instrument = Instrument.current()
    assert not instrument.is_frozen
    assess(city_ormas, city_officer)
    assert instrument.is_frozen
