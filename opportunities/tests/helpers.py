"""Helpers for the opportunities tests: an offering party with its account, offers at any step."""

import datetime as dt

from django.utils import timezone

from accounts.models import Office, Role, User
from grants.models import EligibilityRule
from opportunities import actions
from opportunities.models import Offer, OfferingParty, PartnerAccount
from registry.models import Ormas
from wadah.testing import make_user


def make_party(name: str = "PT Sawit Lestari (CSR)", *, office_code: str = "62.71", username: str = "mitra.csr"):
    party = OfferingParty.objects.create(
        name=name, kind=OfferingParty.Kind.COMPANY, office=Office.objects.get(region_id=office_code)
    )
    user = make_user(username, Role.PARTNER)
    PartnerAccount.objects.create(user=user, party=party)
    return party, user


def draft_offer(party: OfferingParty, by: User, **overrides) -> Offer:
    values = {
        "kind": Offer.Kind.TRAINING,
        "title": "Pelatihan manajemen keuangan",
        "description": "20 kursi pelatihan.",
        "seats": 2,
        "apply_by": timezone.localdate() + dt.timedelta(days=30),
        "gate_rules": EligibilityRule.objects.filter(code__in=["registered", "not_sanctioned"]),
    }
    values.update(overrides)
    return actions.create_offer(party, by=by, **values)


def published_offer(party: OfferingParty, by: User, officer: User, **overrides) -> Offer:
    offer = draft_offer(party, by, **overrides)
    actions.submit_offer(offer, by=by)
    actions.publish_offer(offer, by=officer)
    offer.refresh_from_db()
    return offer


def apply_for(offer: Offer, ormas: Ormas, by: User):
    return actions.apply(offer, ormas, by=by, contact_name="Sekretaris", contact_phone="0812345678")
