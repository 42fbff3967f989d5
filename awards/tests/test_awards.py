"""Awards (issue 12 item 6): criteria as data, a shortlist computed from Wadah's records with each score's reasons,
the Pimpinan's decision (SK number and date) recorded once, scoped by office, walked through TRANSITIONS."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from audit.models import Entry
from awards import actions, criteria
from awards.models import AwardRound, Candidate
from grants.tests.helpers import eligible_ormas, file_activity_report
from guidance.models import Assessment, Instrument
from registry.models import Ormas
from wadah.lib.workflow import InvalidTransition
from wadah.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_leader(db):
    return make_user("pimpinan.pky", Role.LEADER, office_code="62.71")


@pytest.fixture
def good(db, city_officer):
    """An Ormas with reports filed in three years and a capacity gain of 15."""
    ormas = eligible_ormas()
    for year in (2023, 2024):
        file_activity_report(ormas, year=year)
    instrument = Instrument.objects.create(version=98, name="Uji")
    for day, total in ((dt.date(2025, 2, 1), "40.0"), (dt.date(2026, 2, 1), "55.0")):
        Assessment.objects.create(
            ormas=ormas,
            instrument=instrument,
            kind=Assessment.Kind.OFFICER,
            status=Assessment.Status.VALIDATED,
            assessed_on=day,
            assessed_by=city_officer,
            total=Decimal(total),
        )
    return ormas


def _round(officer, year=2026):
    return actions.create_round(by=officer, title="Ormas Berprestasi", year=year, shortlist_size=5)


def test_the_shortlist_scores_with_reasons_and_a_sanctioned_ormas_is_left_off(city_officer, good):
    weak = eligible_ormas(name="Forum Warga", abbreviation="FW", skt_number="01-00-00/555/2022")
    halted = eligible_ormas(name="Laskar Uji", abbreviation="LU", skt_number="01-00-00/666/2022")
    Ormas.objects.filter(pk=halted.pk).update(status=Ormas.Status.FROZEN)
    round_ = _round(city_officer)
    assert {c.kind for c in round_.criteria.all()} == set(criteria.KINDS)
    candidates = actions.compute_shortlist(round_, by=city_officer)
    names = [c.ormas.name for c in Candidate.objects.filter(round=round_)]
    assert names[0] == good.name and weak.name in names and halted.name not in names
    best = Candidate.objects.get(round=round_, ormas=good)
    reasons = {r["kind"]: r for r in best.reasons}
    assert reasons["reports_on_time"]["points"] == 1.0 and "2023" in reasons["reports_on_time"]["reason"]
    assert reasons["capacity_gain"]["points"] == 0.75 and "+15.0" in reasons["capacity_gain"]["reason"]
    assert reasons["no_sanctions"]["points"] == 1.0
    assert best.score > Candidate.objects.get(round=round_, ormas=weak).score
    assert len(candidates) == 2


def test_a_kind_registered_by_another_app_is_used_and_an_unknown_one_scores_nothing(city_officer, good):
    criteria.register(
        criteria.Kind("test_partnerships", "Partnerships", lambda ids, r, p: dict.fromkeys(ids, (1.0, "3 MoU")))
    )
    try:
        round_ = _round(city_officer)
        assert round_.criteria.filter(kind="test_partnerships").exists()
        round_.criteria.create(kind="not_registered", weight=1)
        actions.compute_shortlist(round_, by=city_officer)
        reasons = {r["kind"]: r for r in Candidate.objects.get(round=round_, ormas=good).reasons}
        assert reasons["test_partnerships"]["reason"] == "3 MoU"
        assert reasons["not_registered"]["points"] == 0 and "not available" in reasons["not_registered"]["reason"]
    finally:
        criteria.KINDS.pop("test_partnerships")


def test_the_decision_is_the_pimpinans_of_the_office_and_is_recorded_once(city_officer, city_leader, leader, good):
    round_ = _round(city_officer)
    actions.compute_shortlist(round_, by=city_officer)
    candidate = round_.candidates.get()
    decision = {"decision_number": "SK 100/2026", "decision_date": dt.date(2026, 1, 10)}
    with pytest.raises(PermissionDenied):
        actions.decide(round_, by=city_officer, winners={candidate.pk: "Bidang Sosial"}, **decision)
    with pytest.raises(PermissionDenied):  # the province's Pimpinan is not this office's
        actions.decide(round_, by=leader, winners={candidate.pk: "Bidang Sosial"}, **decision)
    with pytest.raises(ValidationError):
        actions.decide(round_, by=city_leader, winners={}, **decision)
    with pytest.raises(ValidationError):
        actions.decide(round_, by=city_leader, winners={999999: "x"}, **decision)
    actions.decide(round_, by=city_leader, winners={candidate.pk: "Bidang Sosial"}, **decision)
    round_.refresh_from_db()
    assert round_.status == AwardRound.Status.DECIDED and round_.decision_number == "SK 100/2026"
    assert Entry.objects.filter(action="award.granted", ormas=good).exists()
    # Decided twice: refused, nothing changed.
    with pytest.raises(ValidationError) as refused:
        actions.decide(
            round_,
            by=city_leader,
            winners={candidate.pk: "Lain"},
            decision_number="SK 2",
            decision_date=dt.date(2026, 1, 11),
        )
    assert "already decided" in refused.value.messages[0]
    round_.refresh_from_db()
    assert round_.decision_number == "SK 100/2026"
    assert Candidate.objects.get(pk=candidate.pk).citation == "Bidang Sosial"
    assert Entry.objects.filter(action="award.granted").count() == 1


def test_rounds_are_scoped_by_office(client, city_officer, kotim_officer):
    round_ = _round(city_officer)
    client.force_login(kotim_officer)
    assert client.get(round_.get_absolute_url()).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.compute_shortlist(round_, by=kotim_officer)
    client.force_login(city_officer)
    assert client.get(round_.get_absolute_url()).status_code == 200


MOVES = {
    AwardRound.Status.SHORTLISTED: lambda r, o, lead: actions.compute_shortlist(r, by=o),
    AwardRound.Status.DRAFT: lambda r, o, lead: actions.reopen(r, by=o),
    AwardRound.Status.DECIDED: lambda r, o, lead: actions.decide(
        r,
        by=lead,
        winners={r.candidates.first().pk: "x"} if r.candidates.exists() else {0: "x"},
        decision_number="SK 1",
        decision_date=dt.date(2026, 1, 2),
    ),
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(AwardRound.Status.values, MOVES)))
def test_round_transitions_walk(city_officer, city_leader, good, old, new):
    round_ = _round(city_officer)
    if old != AwardRound.Status.DRAFT:
        actions.compute_shortlist(round_, by=city_officer)
    AwardRound.objects.filter(pk=round_.pk).update(status=old)
    round_.refresh_from_db()
    if new in AwardRound.TRANSITIONS[old]:
        MOVES[new](round_, city_officer, city_leader)
        round_.refresh_from_db()
        assert round_.status == new
    else:
        with pytest.raises(InvalidTransition):
            MOVES[new](round_, city_officer, city_leader)
        round_.refresh_from_db()
        assert round_.status == old


def test_the_pages_open_a_round_compute_and_decide(client, city_officer, city_leader, good):
    client.force_login(city_officer)
    response = client.post("/penghargaan/", {"title": "Ormas Award", "year": 2026, "shortlist_size": 3})
    round_ = AwardRound.objects.get()
    assert response.status_code == 302
    weights = {f"w{c.pk}": 1 for c in round_.criteria.all()}
    client.post(round_.get_absolute_url(), {"do": "criteria", **weights, "r999": "1"})
    assert set(round_.criteria.values_list("weight", flat=True)) == {1}
    bad = client.post(round_.get_absolute_url(), {"do": "criteria", **dict.fromkeys(weights, 99)})
    assert bad.status_code == 200 and "between 0 and 10" in bad.content.decode()
    assert set(round_.criteria.values_list("weight", flat=True)) == {1}
    client.post(round_.get_absolute_url(), {"do": "compute"})
    page = client.get(round_.get_absolute_url()).content.decode()
    assert good.name in page and "Why this score" in page
    client.force_login(city_leader)
    candidate = round_.candidates.get()
    client.post(
        round_.get_absolute_url(),
        {
            "do": "decide",
            "winner": [str(candidate.pk)],
            f"citation-{candidate.pk}": "Ormas Tertib Administrasi",
            "decision_number": "SK 7/2026",
            "decision_date": "2026-01-15",
        },
    )
    round_.refresh_from_db()
    assert round_.status == AwardRound.Status.DECIDED
    assert "Ormas Tertib Administrasi" in client.get(f"/registri/{good.pk}/").content.decode()
