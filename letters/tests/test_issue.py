import datetime as dt
import re

import pytest
from django.db import transaction

from accounts.models import Office
from audit.models import Entry
from letters import actions
from letters.models import Letter, LetterFormat, NumberSequence


def issue(office, *, by=None, **overrides) -> Letter:
    values = {
        "office": office,
        "kind": "presence-letter",
        "title": "Surat Keterangan Keberadaan Organisasi",
        "subject": "Keterangan keberadaan",
        "body": "Yang bertanda tangan di bawah ini menerangkan bahwa:\n\nDemikian surat ini dibuat.",
        "by": by,
        "signatory_name": "Drs. Contoh Pejabat, M.Si.",
        "signatory_position": "Kepala Badan Kesatuan Bangsa dan Politik",
        "signatory_nip": "196801011990031001",
        "issued_on": dt.date(2026, 11, 29),
    }
    values.update(overrides)
    return actions.issue_letter(**values)


@pytest.fixture
def province(db) -> Office:
    return Office.objects.get(region_id="62")


@pytest.fixture
def city(db) -> Office:
    return Office.objects.get(region_id="62.71")


def test_it_numbers_letters_with_the_default_format(province, city_ormas, province_officer):
    first = issue(province, ormas=city_ormas, by=province_officer)
    second = issue(province)
    assert first.number == "220/001/Kesbangpol/2026"
    assert second.number == "220/002/Kesbangpol/2026"
    assert (first.sequence, second.sequence) == (1, 2)
    entry = Entry.objects.get(action="letter.issued", subject_id=str(first.pk))
    assert entry.ormas == city_ormas
    assert entry.actor == province_officer
    assert entry.data["number"] == first.number


def test_it_keeps_a_counter_per_office_and_restarts_each_year(province, city):
    assert issue(province).number == "220/001/Kesbangpol/2026"
    assert issue(city).number == "220/001/Kesbangpol/2026"
    assert issue(province).number == "220/002/Kesbangpol/2026"
    assert issue(province, issued_on=dt.date(2027, 1, 2)).number == "220/001/Kesbangpol/2027"
    assert issue(province, issued_on=dt.date(2027, 1, 3)).number == "220/002/Kesbangpol/2027"
    assert NumberSequence.objects.get(office=province, year=2026).last_number == 2


def test_it_formats_numbers_with_the_office_pattern(city):
    LetterFormat.objects.create(
        office=city, pattern="500.{seq}/{office}/{month_roman}/{year}", seq_width=4, office_code="KBP-PKY"
    )
    assert issue(city).number == "500.0001/KBP-PKY/XI/2026"


def test_it_creates_the_default_format_on_first_use(province, city):
    assert not LetterFormat.objects.filter(office=city).exists()
    letter_format = LetterFormat.for_office(city)
    assert letter_format.pattern == "220/{seq}/Kesbangpol/{year}"
    assert LetterFormat.for_office(city) == letter_format
    assert LetterFormat.for_office(province).place == "Palangka Raya"


def test_it_gives_the_number_back_when_the_transaction_rolls_back(province):
    issue(province)

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        issue(province)
        raise Rollback
    assert issue(province).number == "220/002/Kesbangpol/2026"
    assert sorted(Letter.objects.values_list("sequence", flat=True)) == [1, 2]


def test_it_stores_a_real_pdf_privately(province, settings):
    letter = issue(province)
    data = letter.pdf.read()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    assert 5_000 < len(data) < 500_000
    assert letter.pdf.name.startswith("letters/2026/")
    assert letter.pdf.path.startswith(str(settings.MEDIA_ROOT))
