"""NIK, NPWP and phone numbers as officers type them (wadah/lib/nik.py, wadah/lib/identifiers.py)."""

import datetime as dt
import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from stdnum.id import nik as stdnum_nik

from wadah.lib.identifiers import clean_npwp, clean_phone
from wadah.lib.nik import parse_nik

TODAY = dt.date(2026, 6, 1)


def test_a_nik_in_full_width_digits_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_nik("６２７１０１１２０４８５０００２", today=TODAY)
    assert error.value.code == "nik_digits"
    with pytest.raises(ValidationError):
        parse_nik("627101120485٠٠٠٢", today=TODAY)  # Arabic-Indic digits


def _random_nik(rnd: random.Random) -> str:
    # Mostly plausible numbers with a share of every kind of slip: unknown region, impossible date, serial 0000.
    region = rnd.choice(["627101", "620201", "317101", "990101", "620001", "000101", f"{rnd.randint(0, 999999):06d}"])
    day = rnd.choice([rnd.randint(1, 31), rnd.randint(41, 71), rnd.randint(0, 99)])
    month = rnd.choice([rnd.randint(1, 12), rnd.randint(0, 19)])
    year = rnd.randint(0, 99)
    serial = rnd.choice(["0000", f"{rnd.randint(1, 9999):04d}"])
    return f"{region}{day:02d}{month:02d}{year:02d}{serial}"


def test_the_nik_validator_refuses_whatever_stdnum_refuses():
    rnd = random.Random(59)
    refused_by_both = accepted_by_both = 0
    for _ in range(5000):
        nik = _random_nik(rnd)
        ours = True
        try:
            parse_nik(nik, today=TODAY)
        except ValidationError:
            ours = False
        theirs = stdnum_nik.is_valid(nik)
        assert not (ours and not theirs), nik  # never accept what stdnum refuses
        refused_by_both += not ours and not theirs
        accepted_by_both += ours and theirs
    # Both kinds of answer actually occurred.
    assert refused_by_both > 500 and accepted_by_both > 500


def test_the_nik_validator_stays_stricter_than_stdnum():
    # Serial 0000 and kecamatan 00 are refused here although stdnum accepts them.
    assert stdnum_nik.is_valid("6271011204850000")
    with pytest.raises(ValidationError):
        parse_nik("6271011204850000", today=TODAY)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("01.300.066.6-091.000", "01.300.066.6-091.000"),
        ("013000666091000", "01.300.066.6-091.000"),
        ("0013000666091000", "0013000666091000"),  # 16-digit form (0 + the old number)
        ("6271011204850002", "6271011204850002"),  # 16-digit form: a NIK
        ("", ""),
    ],
)
def test_an_npwp_in_either_form_is_accepted(typed, stored):
    assert clean_npwp(typed) == stored


@pytest.mark.parametrize(
    "typed", ["01.300.066.7-091.000", "12345", "０１３０００６６６０９１０００", "01.300.066.6-091.00A"]
)
def test_a_wrong_npwp_is_refused_with_a_reason(typed):
    with pytest.raises(ValidationError) as error:
        clean_npwp(typed)
    assert error.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("081234567890", "0812-3456-7890"),
        ("+62 812 3456 7890", "0812-3456-7890"),
        ("(0536) 322-1234", "(0536) 3221234"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised(typed, stored):
    assert clean_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12", "0812", "nomor saya", "０８１２３４５６７８９０"])
def test_a_wrong_phone_number_is_refused(typed):
    with pytest.raises(ValidationError):
        clean_phone(typed)


@pytest.mark.django_db
def test_the_ormas_form_refuses_a_bad_npwp_and_normalises_the_phone(client, city_officer, city_ormas):
    client.force_login(city_officer)
    edit_url = reverse("registry:ormas-edit", args=[city_ormas.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("fields_of_activity", "logo")}
    data.update(
        {k: v.isoformat() for k, v in data.items() if hasattr(v, "isoformat")},
        member_based="on" if city_ormas.member_based else "",
        npwp="01.300.066.7-091.000",
        phone="081234567890",
    )
    response = client.post(edit_url, data)
    assert response.status_code == 200
    assert "check digit" in response.content.decode()
    data["npwp"] = "013000666091000"
    assert client.post(edit_url, data).status_code == 302
    city_ormas.refresh_from_db()
    assert (city_ormas.npwp, city_ormas.phone) == ("01.300.066.6-091.000", "0812-3456-7890")
