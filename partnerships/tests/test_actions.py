"""Recording, proposing and confirming links; bad input refused with nothing changed (issue 12 items 4 and 9)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Entry
from partnerships import actions
from partnerships.models import Partner, Partnership, PartnershipDocument
from partnerships.tests.helpers import city, kotim, link, not_a_document, pdf
from services.tests.helpers import account_for

S = Partnership.Status


@pytest.fixture
def two(db):
    return city("Ikatan Pemuda Tepian Kahayan", "IPTK"), city("Forum Perempuan Kahayan", "FPK")


def test_an_officer_in_scope_records_a_confirmed_link_with_its_document(city_officer, two):
    a, b = two
    partnership = link(a, city_officer, other=b, document=pdf())
    assert partnership.status == S.CONFIRMED and partnership.decided_by == city_officer
    assert partnership.documents.get().content_type == "application/pdf"
    codes = set(Entry.objects.values_list("action", flat=True))
    assert {"partnership.recorded", "partnership.linked", "partnership.document_added"} <= codes
    # Both Ormas's histories show it.
    assert Entry.objects.filter(ormas=b, action="partnership.linked").exists()


def test_a_partner_body_is_found_again_by_its_name(city_officer, two):
    a, b = two
    link(a, city_officer, partner="Universitas Palangka Raya")
    link(b, city_officer, partner="  universitas  palangka raya ")
    assert Partner.objects.count() == 1


def test_an_ormas_account_proposes_and_an_officer_confirms_or_declines(city_officer, two):
    a, b = two
    account = account_for(a)
    proposed = link(a, account, kind=Partnership.Kind.JOINT_ACTIVITY)
    assert proposed.status == S.PROPOSED
    actions.confirm_partnership(proposed, by=city_officer)
    assert proposed.status == S.CONFIRMED
    other = link(a, account, other=b)
    with pytest.raises(ValidationError):
        actions.decline_partnership(other, by=city_officer, reason=" ")
    actions.decline_partnership(other, by=city_officer, reason="Tidak ada dokumen MoU")
    assert Partnership.objects.get(pk=other.pk).decision_note == "Tidak ada dokumen MoU"
    with pytest.raises(PermissionDenied):
        link(b, account)  # not its own Ormas
    with pytest.raises(PermissionDenied):
        actions.confirm_partnership(link(a, account, partner="PT Sawit"), by=account)


def test_a_link_that_ends_before_it_starts_is_refused_and_nothing_changes(city_officer, two):
    a, _b = two
    with pytest.raises(ValidationError) as refused:
        link(a, city_officer, ends_on=dt.date(2024, 1, 1))
    assert "cannot end before it starts" in " ".join(refused.value.messages)
    assert (
        not Partnership.objects.exists()
        and not Partner.objects.exists()
        and not Entry.objects.filter(action__startswith="partnership.").exists()
    )


def test_a_document_that_is_not_a_document_is_refused_and_nothing_changes(city_officer, two):
    a, b = two
    with pytest.raises(ValidationError) as refused:
        link(a, city_officer, other=b, document=not_a_document())
    assert "not an accepted type" in " ".join(refused.value.messages)
    assert not Partnership.objects.exists() and not PartnershipDocument.objects.exists()
    assert not Entry.objects.filter(action__startswith="partnership.").exists()


def test_a_duplicate_link_is_refused_either_way_round(city_officer, two):
    a, b = two
    link(a, city_officer, other=b, ends_on=dt.date(2025, 12, 31))
    with pytest.raises(ValidationError) as refused:
        link(b, city_officer, other=a, starts_on=dt.date(2025, 6, 1))
    assert "already recorded" in " ".join(refused.value.messages)
    # Another kind, or a period after the first one ended, is a new link.
    link(b, city_officer, other=a, kind=Partnership.Kind.FORUM)
    link(b, city_officer, other=a, starts_on=dt.date(2026, 1, 1))
    assert Partnership.objects.count() == 3


def test_an_officer_out_of_scope_may_not_record(kotim_officer, city_officer, two):
    a, b = two
    with pytest.raises(PermissionDenied):
        link(a, kotim_officer)
    far = kotim("Persatuan Nelayan Sungai Mentaya", "PNSM")
    with pytest.raises(PermissionDenied):
        link(a, city_officer, other=far)  # the city office does not hold Kotim's Ormas


def test_a_province_officer_links_ormas_of_two_kab_kota(province_officer, two):
    a, _b = two
    far = kotim("Persatuan Nelayan Sungai Mentaya", "PNSM")
    assert link(a, province_officer, other=far).status == S.CONFIRMED


def test_an_ormas_is_not_its_own_partner_and_needs_a_counterpart(city_officer, two):
    a, _b = two
    with pytest.raises(ValidationError):
        link(a, city_officer, other=a)
    with pytest.raises(ValidationError):
        actions.record_partnership(a, by=city_officer, kind="mou", title="x", starts_on=dt.date(2025, 1, 1))


def test_transitions_walk(city_officer, two):
    """Every move the table lists works through its action; every other one is refused."""
    a, _b = two
    account = account_for(a)
    moves = {
        (S.PROPOSED, S.CONFIRMED): lambda p: actions.confirm_partnership(p, by=city_officer),
        (S.PROPOSED, S.DECLINED): lambda p: actions.decline_partnership(p, by=city_officer, reason="x"),
        (S.CONFIRMED, S.REMOVED): lambda p: actions.remove_partnership(p, by=city_officer, reason="salah catat"),
    }
    listed = {(old, new) for old, news in Partnership.TRANSITIONS.items() for new in news}
    assert listed == set(moves)
    for n, ((old, new), move) in enumerate(moves.items()):
        p = link(a, account, partner=f"Mitra {n}")
        if old == S.CONFIRMED:
            actions.confirm_partnership(p, by=city_officer)
        assert move(p).status == new
    removed = Partnership.objects.filter(status=S.REMOVED).first()
    with pytest.raises(ValidationError):
        actions.confirm_partnership(removed, by=city_officer)
