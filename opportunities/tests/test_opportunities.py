"""The opportunities board (issue 12 item 3): offers with the gate's conditions plus their own, the partner's own
account, Kesbangpol's approval, matching each Ormas with reasons, notices, applying, serving; every move audited."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from audit.models import Entry
from grants import eligibility
from grants.tests.helpers import eligible_ormas
from guidance.models import Assessment, Instrument
from opportunities import actions, matching
from opportunities.models import Offer, OfferApplication, OfferNotice
from opportunities.tests.helpers import apply_for, draft_offer, make_party, published_offer
from regions.models import Region
from registry.models import FieldOfActivity, Ormas
from services.tests.helpers import account_for
from wadah.lib.workflow import InvalidTransition
from wadah.testing import make_ormas, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(db):
    return make_party()


@pytest.fixture
def ormas(db):
    return eligible_ormas()


@pytest.fixture
def secretary(ormas):
    return account_for(ormas, username="sekretaris")


def test_the_gate_part_of_the_answer_is_the_gates_own(party, city_officer, ormas):
    party, partner = party
    offer = published_offer(party, partner, city_officer)
    verdict = matching.qualifies(offer, ormas)
    gate = eligibility.check(ormas, region="62.71", codes=["registered", "not_sanctioned"]).as_dict()["conditions"]
    answer = verdict.as_dict()["conditions"]
    assert answer[: len(gate)] == gate
    assert [c["code"] for c in answer[len(gate) :]] == ["offer_region"]
    assert verdict.eligible


def test_bidang_region_and_capacity_conditions_with_reasons(party, city_officer, ormas, province_officer):
    party, partner = party
    sosial = FieldOfActivity.objects.create(name="Sosial Uji")
    offer = published_offer(party, partner, city_officer, fields=[sosial], min_capacity=Decimal("40"))
    failing = {c.code: c.reason for c in matching.qualifies(offer, ormas).failing}
    assert set(failing) == {"offer_field", "offer_capacity"}
    assert "Sosial Uji" in failing["offer_field"]
    assert "No validated capacity assessment" in failing["offer_capacity"]
    ormas.fields_of_activity.add(sosial)
    instrument = Instrument.objects.create(version=99, name="Uji")
    Assessment.objects.create(
        ormas=ormas,
        instrument=instrument,
        kind=Assessment.Kind.OFFICER,
        status=Assessment.Status.VALIDATED,
        assessed_on=dt.date(2026, 1, 5),
        assessed_by=province_officer,
        total=Decimal("35.0"),
    )
    failing = {c.code: c.reason for c in matching.qualifies(offer, ormas).failing}
    assert list(failing) == ["offer_capacity"] and "below 40" in failing["offer_capacity"]
    Assessment.objects.filter(ormas=ormas).update(total=Decimal("55.0"))
    assert matching.qualifies(offer, ormas).eligible
    # An Ormas of Kotawaringin Timur is outside a Palangka Raya offer's region and does not see it.
    village = Region.objects.filter(code__startswith="62.02.", level="desa").first()
    kotim = make_ormas(village=village.code, name="Nelayan Mentaya", abbreviation="NM")
    assert not matching.qualifies(offer, kotim).eligible
    assert matching.board(kotim) == []


def test_the_whole_path_partner_officer_ormas_served_audited(
    party, city_officer, ormas, secretary, django_capture_on_commit_callbacks
):
    party, partner = party
    offer = draft_offer(party, partner)
    assert Offer.objects.for_officer(city_officer).count() == 0  # a draft is the party's own
    actions.submit_offer(offer, by=partner)
    assert list(Offer.objects.for_officer(city_officer)) == [offer]
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_offer(offer, by=city_officer)
    # The qualifying Ormas is told: a notice and an e-mail in Indonesian.
    assert OfferNotice.objects.filter(offer=offer, ormas=ormas).exists()
    assert mail.outbox and ormas.name in mail.outbox[-1].subject and offer.title in mail.outbox[-1].body
    rows = matching.board(ormas)
    assert [(o.pk, v.eligible) for o, v in rows] == [(offer.pk, True)]
    application = apply_for(offer, ormas, secretary)
    assert application.eligibility["eligible"] is True
    actions.accept_application(application, by=partner)
    actions.record_served(application, by=partner, on=dt.date.today(), note="Hadir 2 orang")
    application.refresh_from_db()
    assert application.status == OfferApplication.Status.SERVED and offer.served_count() == 1
    codes = set(Entry.objects.values_list("action", flat=True))
    assert {
        "offer.created",
        "offer.submitted",
        "offer.published",
        "offer_application.submitted",
        "offer_application.accepted",
        "offer_application.served",
    } <= codes
    assert Entry.objects.filter(action="offer_application.served", ormas=ormas).exists()


def test_an_ineligible_ormas_is_refused_with_the_failing_conditions(party, city_officer, ormas, secretary):
    party, partner = party
    offer = published_offer(party, partner, city_officer)
    Ormas.objects.filter(pk=ormas.pk).update(status=Ormas.Status.FROZEN)
    ormas.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        apply_for(offer, ormas, secretary)
    assert any("Not halted" in message or "halted" in message.lower() for message in refused.value.messages)
    assert not OfferApplication.objects.exists()
    assert not Entry.objects.filter(action="offer_application.submitted").exists()


def test_a_partner_never_reads_another_partys_offers_or_applicants(client, party, city_officer, ormas, secretary):
    party, partner = party
    other_party, other = make_party("Universitas Palangka Raya", username="mitra.upr")
    offer = published_offer(party, partner, city_officer)
    apply_for(offer, ormas, secretary)
    client.force_login(other)
    assert client.get(f"/peluang/mitra/{offer.pk}/").status_code == 404
    assert client.post(f"/peluang/mitra/{offer.pk}/", {"do": "accept", "application": 1}).status_code == 404
    assert client.get(f"/peluang/mitra/{offer.pk}/ubah/").status_code == 404
    assert OfferApplication.objects.for_party(other).count() == 0
    with pytest.raises(PermissionDenied):
        actions.accept_application(OfferApplication.objects.get(), by=other)
    # The partner role reads nothing else in Wadah: the registry, grants, the officers' board, the dashboard.
    for url in ("/registri/", f"/registri/{ormas.pk}/", "/hibah/", "/peluang/", "/dasbor/", "/layanan/"):
        assert client.get(url).status_code in (403, 404), url
    # Its own page shows the applicant's shared details but no board member or address.
    client.force_login(partner)
    page = client.get(f"/peluang/mitra/{offer.pk}/").content.decode()
    assert ormas.name in page and "0812345678" in page
    assert ormas.address not in page


def test_seats_are_limited_and_an_application_is_made_once(party, city_officer, ormas, secretary):
    party, partner = party
    offer = published_offer(party, partner, city_officer, seats=1)
    first = apply_for(offer, ormas, secretary)
    with pytest.raises(ValidationError):
        apply_for(offer, ormas, secretary)
    second_ormas = eligible_ormas(name="Paguyuban Betang", abbreviation="PB", skt_number="01-00-00/777/2022")
    second = apply_for(offer, second_ormas, account_for(second_ormas, username="kedua"))
    actions.accept_application(first, by=partner)
    with pytest.raises(ValidationError):
        actions.accept_application(second, by=partner)
    assert OfferApplication.objects.get(pk=second.pk).status == OfferApplication.Status.APPLIED


def test_only_an_officer_of_the_offers_office_publishes(party, kotim_officer, city_officer):
    party, partner = party
    offer = draft_offer(party, partner)
    actions.submit_offer(offer, by=partner)
    with pytest.raises(PermissionDenied):
        actions.publish_offer(offer, by=kotim_officer)
    with pytest.raises(PermissionDenied):
        actions.publish_offer(offer, by=partner)
    actions.return_offer(offer, by=city_officer, note="Lengkapi syarat")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT and offer.review_note == "Lengkapi syarat"


def _offer_with_status(party, partner, status):
    offer = draft_offer(party, partner)
    Offer.objects.filter(pk=offer.pk).update(status=status)
    offer.refresh_from_db()
    return offer


MOVES = {
    Offer.Status.SUBMITTED: lambda o, p, off: actions.submit_offer(o, by=p),
    Offer.Status.WITHDRAWN: lambda o, p, off: actions.withdraw_offer(o, by=p),
    Offer.Status.PUBLISHED: lambda o, p, off: actions.publish_offer(o, by=off),
    Offer.Status.DRAFT: lambda o, p, off: actions.return_offer(o, by=off, note="Ubah"),
    Offer.Status.CLOSED: lambda o, p, off: actions.close_offer(o, by=p),
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(Offer.Status.values, MOVES)))
def test_offer_transitions_walk(party, city_officer, old, new):
    party, partner = party
    offer = _offer_with_status(party, partner, old)
    if new in Offer.TRANSITIONS[old]:
        MOVES[new](offer, partner, city_officer)
        offer.refresh_from_db()
        assert offer.status == new
    else:
        with pytest.raises(InvalidTransition):
            MOVES[new](offer, partner, city_officer)
        offer.refresh_from_db()
        assert offer.status == old


APPLICATION_MOVES = {
    OfferApplication.Status.ACCEPTED: lambda a, p, s: actions.accept_application(a, by=p),
    OfferApplication.Status.DECLINED: lambda a, p, s: actions.decline_application(a, by=p, note="Penuh"),
    OfferApplication.Status.SERVED: lambda a, p, s: actions.record_served(a, by=p),
    OfferApplication.Status.WITHDRAWN: lambda a, p, s: actions.withdraw_application(a, by=s),
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(OfferApplication.Status.values, APPLICATION_MOVES)))
def test_application_transitions_walk(party, city_officer, ormas, secretary, old, new):
    party, partner = party
    offer = published_offer(party, partner, city_officer, seats=None)
    application = apply_for(offer, ormas, secretary)
    OfferApplication.objects.filter(pk=application.pk).update(status=old)
    application.refresh_from_db()
    assert set(OfferApplication.TRANSITIONS) == set(OfferApplication.Status.values)
    if new in OfferApplication.TRANSITIONS[old]:
        APPLICATION_MOVES[new](application, partner, secretary)
        application.refresh_from_db()
        assert application.status == new
    else:
        with pytest.raises(InvalidTransition):
            APPLICATION_MOVES[new](application, partner, secretary)


def test_the_pages_of_each_audience(client, party, city_officer, ormas, secretary):
    party, partner = party
    client.force_login(partner)
    response = client.post(
        "/peluang/mitra/baru/",
        {"kind": "mentoring", "title": "Pendampingan UMKM", "description": "Mentor", "apply_by": "2099-01-01"},
    )
    offer = Offer.objects.get(title="Pendampingan UMKM")
    assert response.status_code == 302 and offer.party == party
    bad = client.post(
        "/peluang/mitra/baru/", {"kind": "mentoring", "title": "X", "description": "Y", "apply_by": "2000-01-01"}
    )
    assert bad.status_code == 200 and Offer.objects.count() == 1
    client.post(offer.get_partner_url(), {"do": "submit"})
    client.force_login(city_officer)
    assert "Pendampingan UMKM" in client.get("/peluang/").content.decode()
    client.post(offer.get_absolute_url(), {"do": "publish"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    client.force_login(secretary)
    board = client.get("/peluang/saya/").content.decode()
    assert "Pendampingan UMKM" in board
    response = client.post(
        offer.get_ormas_url(), {"contact_name": "Sekretaris", "contact_phone": "0812", "confirm": "on"}
    )
    assert response.status_code == 302 and OfferApplication.objects.filter(offer=offer, ormas=ormas).exists()
    # The Ormas record shows the opportunity taken to the officer.
    client.force_login(city_officer)
    assert "Pendampingan UMKM" in client.get(f"/registri/{ormas.pk}/").content.decode()


def test_partner_login_lands_on_its_home(client, party):
    _party, partner = party
    from accounts.views import home_url_for

    assert home_url_for(partner) == "/peluang/mitra/"
    user = make_user("bukan.mitra", Role.PARTNER)  # a partner account not yet linked to a party
    client.force_login(user)
    assert client.get("/peluang/mitra/").status_code == 403
