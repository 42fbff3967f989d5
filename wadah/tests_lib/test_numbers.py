import pytest

from wadah.lib.numbers import in_words_id


@pytest.mark.parametrize(
    "number, words",
    [
        (0, "nol"),
        (1, "satu"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (14, "empat belas"),
        (15, "lima belas"),
        (20, "dua puluh"),
        (30, "tiga puluh"),
        (45, "empat puluh lima"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (2026, "dua ribu dua puluh enam"),
        (100000, "seratus ribu"),
        (1500000, "satu juta lima ratus ribu"),
    ],
)
def test_numbers_are_spelled_as_letters_write_them(number, words):
    assert in_words_id(number) == words
