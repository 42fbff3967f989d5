"""Award rounds score partnerships in force during the round's year, for both sides of a link between two Ormas;
a proposal the office has not confirmed, or a link ended before the year, earns nothing."""

import datetime as dt

import pytest

from awards import actions as award_actions
from awards import criteria
from awards.models import Candidate
from partnerships.models import Partnership

from .helpers import city, link

pytestmark = pytest.mark.django_db


def test_a_round_scores_the_partnerships_in_force_in_its_year(city_officer):
    a, b = city("Ikatan Pemuda Tepian Kahayan", "IPTK"), city("Forum Perempuan Kahayan", "FPK")
    lonely = city("Laskar Seni Betang", "LSB")
    link(a, city_officer, other=b, starts_on=dt.date(2025, 2, 1))
    link(a, city_officer, partner="PT Sawit Lestari", starts_on=dt.date(2026, 3, 1))
    ended = link(lonely, city_officer, starts_on=dt.date(2024, 1, 1))
    Partnership.objects.filter(pk=ended.pk).update(ends_on=dt.date(2025, 12, 31))
    round_ = award_actions.create_round(by=city_officer, title="Ormas Berprestasi", year=2026, shortlist_size=5)
    criterion = round_.criteria.get(kind="partnerships")
    assert criterion.weight == 1 and "kemitraan" in criterion.source

    scores = criteria.KINDS["partnerships"].compute([a.pk, b.pk, lonely.pk], round_, {"target": 2})
    assert scores[a.pk] == (1.0, "2 partnerships in force in 2026.")
    assert scores[b.pk] == (0.5, "1 partnership in force in 2026.")
    assert scores[lonely.pk] == (0.0, "No confirmed partnership in force in 2026.")


def test_a_proposed_link_earns_nothing_until_the_office_confirms_it(city_officer):
    a, b = city("Ikatan Pemuda Tepian Kahayan", "IPTK"), city("Forum Perempuan Kahayan", "FPK")
    proposal = link(a, city_officer, other=b)
    Partnership.objects.filter(pk=proposal.pk).update(status=Partnership.Status.PROPOSED)
    round_ = award_actions.create_round(by=city_officer, title="Ormas Berprestasi", year=2026, shortlist_size=5)
    award_actions.compute_shortlist(round_, by=city_officer)
    for candidate in Candidate.objects.filter(round=round_):
        reasons = {r["kind"]: r for r in candidate.reasons}
        assert reasons["partnerships"]["points"] == 0
