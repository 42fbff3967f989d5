"""Issue 11 item 8: the reference data corrected by data migrations, each with its source."""

from registry.models import LegalRequirement, Ormas, ReservedName
from registry.names import find_conflicts
from services.models import ServiceType
from supervision.models import Competence, StepAuthority


def test_the_warning_authority_row_is_pp_58_2016_pasal_60_not_any_office(db):
    """Item 1's Competence data covers it: the warning is decided by the competent head of government."""
    row = StepAuthority.objects.get(step_kind="written_warning", level="any")
    assert row.legal_source.startswith("PP 58/2016 Pasal 60") and "Competence" in row.legal_source
    governments = dict(Competence.objects.values_list("spread", "government"))
    assert len(governments) == 3 and all(governments.values())
    assert all("PP 58/2016 Pasal 60" in c.legal_source for c in Competence.objects.all())


def test_the_skt_service_no_longer_rests_on_articles_the_mk_struck_down(db):
    basis = ServiceType.objects.get(code="skt-preverification").legal_basis
    assert "Pasal 16–18" not in basis and "MK 82/PUU-XI/2013" in basis
    assert "struck down" in basis and basis.startswith("UU 17/2013 Pasal 15 and 16(1)–(2)")


def test_reserved_words_resting_on_uu_24_2009_are_review_hints(db):
    hints = ReservedName.objects.filter(category=ReservedName.Category.STATE_SYMBOL)
    assert hints.exists() and not hints.exclude(effect=ReservedName.Effect.REVIEW_HINT).exists()
    assert all("not a prohibition" in h.legal_basis for h in hints)
    # Government institutions stay prohibitions (UU 17/2013 Pasal 59(1)(a)).
    assert ReservedName.objects.get(name="Kementerian Dalam Negeri").effect == ReservedName.Effect.PROHIBITION
    found = {c.name: c for c in find_conflicts("Laskar Merah Putih Pancasila")}
    assert found["Pancasila"].is_hint


def test_the_registration_rules_are_data_with_their_sources(db):
    founders = LegalRequirement.objects.get(code=LegalRequirement.FOUNDERS_MINIMUM)
    assert (founders.number, founders.legal_source) == (3, "UU 17/2013 Pasal 9")
    assert LegalRequirement.objects.get(code=LegalRequirement.BOARD_WNI).is_unverified
    cutoff = LegalRequirement.objects.get(code=LegalRequirement.REGIONAL_SKT_CUTOFF)
    assert cutoff.date.year == 2017 and cutoff.is_unverified


def test_a_rule_switched_off_is_not_checked(db, city_ormas):
    from registry.requirements import registration_problems

    assert registration_problems(city_ormas)  # no founders recorded
    LegalRequirement.objects.filter(code=LegalRequirement.FOUNDERS_MINIMUM).update(is_active=False)
    assert registration_problems(city_ormas) == []
    assert Ormas.objects.get(pk=city_ormas.pk).status == Ormas.Status.ACTIVE
