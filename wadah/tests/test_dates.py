import datetime as dt

import pytest

from wadah.lib.dates import parse_indonesian_date

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 Januari 2025", D(2025, 1, 12)),
        ("12 januari 2025", D(2025, 1, 12)),
        ("1 Mei 2020", D(2020, 5, 1)),
        ("17 Agt 2019", D(2019, 8, 17)),
        ("17 Agu 2019", D(2019, 8, 17)),
        ("17-Agustus-2019", D(2019, 8, 17)),
        ("5 Okt 2021", D(2021, 10, 5)),
        ("31 Des 2024", D(2024, 12, 31)),
        ("3 Pebruari 2022", D(2022, 2, 3)),
        ("10 Nop 2023", D(2023, 11, 10)),
        ("Senin, 12 Januari 2025", D(2025, 1, 12)),
        ("12 Jan. 2025", D(2025, 1, 12)),
        ("12-01-2025", D(2025, 1, 12)),
        ("12/01/2025", D(2025, 1, 12)),
        ("12.01.2025", D(2025, 1, 12)),
        ("12/01/25", D(2025, 1, 12)),
        ("1/2/98", D(1998, 2, 1)),
        ("2025-01-12", D(2025, 1, 12)),
        ("2025-01-12 00:00:00", D(2025, 1, 12)),
        (45669, D(2025, 1, 12)),
        (45669.0, D(2025, 1, 12)),
        ("45669", D(2025, 1, 12)),
        (dt.datetime(2025, 1, 12, 8, 30), D(2025, 1, 12)),
        (D(2025, 1, 12), D(2025, 1, 12)),
        ("January 12, 2025", D(2025, 1, 12)),
    ],
)
def test_parses(value, expected):
    assert parse_indonesian_date(value, today=D(2026, 1, 1)) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "-"])
def test_blank_is_none(value):
    assert parse_indonesian_date(value) is None


@pytest.mark.parametrize("value", ["31-02-2025", "besok", "12 Foo 2025", "13/13/2025", -5, True, "2025"])
def test_rejects(value):
    with pytest.raises(ValueError):
        parse_indonesian_date(value)
