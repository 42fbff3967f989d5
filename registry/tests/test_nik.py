import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wadah.lib.nik import mask_nik, parse_nik

TODAY = dt.date(2026, 6, 1)


def test_it_reads_a_mans_birth_date_and_kecamatan():
    info = parse_nik("6271011204850002", today=TODAY)
    assert info.birth_date == dt.date(1985, 4, 12)
    assert info.kecamatan_code == "62.71.01"
    assert not info.is_female


def test_it_takes_40_off_the_day_for_women():
    info = parse_nik("6271015204850003", today=TODAY)
    assert info.birth_date == dt.date(1985, 4, 12)
    assert info.is_female


def test_it_reads_a_two_digit_year_in_this_century_when_it_can():
    assert parse_nik("6271010101100001", today=TODAY).birth_date == dt.date(2010, 1, 1)
    assert parse_nik("6271010101300001", today=TODAY).birth_date == dt.date(1930, 1, 1)


def test_it_says_how_many_digits_were_typed():
    with pytest.raises(ValidationError) as error:
        parse_nik("627101120485000", today=TODAY)
    message = " ".join(error.value.messages)
    assert "16" in message and "15" in message


def test_it_refuses_letters():
    with pytest.raises(ValidationError):
        parse_nik("62710112048500AB", today=TODAY)


@pytest.mark.parametrize("nik", ["6271013102850002", "6271017102850002", "6271011213850002", "6271010000850002"])
def test_it_refuses_an_impossible_birth_date(nik):
    with pytest.raises(ValidationError) as error:
        parse_nik(nik, today=TODAY)
    assert error.value.code == "nik_birth_date"


def test_it_refuses_a_birth_date_in_the_future():
    with pytest.raises(ValidationError) as error:
        parse_nik("6271011512260002", today=TODAY)  # 15 Dec 2026 after 1 Jun 2026
    assert error.value.code == "nik_future"


def test_it_refuses_serial_0000():
    with pytest.raises(ValidationError) as error:
        parse_nik("6271011204850000", today=TODAY)
    assert error.value.code == "nik_serial"


def test_it_refuses_a_zero_region():
    with pytest.raises(ValidationError):
        parse_nik("6200011204850002", today=TODAY)


def test_it_masks_all_but_region_and_last_two_digits():
    assert mask_nik("6271011204850002") == "627101" + "•" * 8 + "02"
