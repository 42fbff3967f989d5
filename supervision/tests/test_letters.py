"""Letter bodies come from templates/letters/bodies/ and quote the period from the period data, never a number
written into the wording."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse

from supervision import actions, rules
from supervision.tests.helpers import warn
from workdays.models import Period

MONDAY = dt.date(2026, 11, 2)  # a plain week: 2–6 and 9–13 November 2026 have no national holiday
ROOT = Path(__file__).resolve().parents[2]


def _warned(case, officer, pimpinan):
    return warn(
        case,
        officer,
        pimpinan,
        MONDAY,
        legal_basis="UU 17/2013 Pasal 62(1)",
        findings="Pungutan liar & <b>retribusi</b>",
    )


def test_the_warning_letter_reads_as_before(city_officer, pimpinan, case):
    warning = _warned(case, city_officer, pimpinan)
    assert warning.letter.body == (
        f"Berdasarkan hasil pengawasan dalam kasus nomor {case.reference}, {case.office.name} menemukan hal-hal "
        "berikut:\n\nPungutan liar & <b>retribusi</b>\n\n"
        f"Sesuai UU 17/2013 Pasal 62(1), dengan ini diberikan PERINGATAN TERTULIS kepada {case.subject}. Peringatan "
        "tertulis ini hanya diberikan satu kali. Saudara wajib mematuhi dan memperbaiki hal-hal tersebut dalam waktu "
        "7 (tujuh) hari kerja terhitung sejak tanggal 2 November 2026, yaitu paling lambat 11 November 2026.\n\n"
        "Apabila dalam jangka waktu tersebut peringatan tertulis ini tidak dipatuhi, akan diusulkan sanksi "
        "penghentian kegiatan sesuai ketentuan peraturan perundang-undangan.\n\n"
        # Issued a.n. the competent head of government (PP 58/2016 Pasal 60), citing the delegation.
        "Surat ini ditandatangani atas nama Wali Kota Palangkaraya sesuai kewenangannya menurut PP 58/2016 Pasal 60."
    )
    assert warning.letter.signatory_position.startswith("a.n. Wali Kota Palangkaraya, Kepala ")
    assert warning.letter.subject == f"Peringatan Tertulis — {case.subject}"


def test_the_letters_quote_the_period_from_the_period_data(city_officer, pimpinan, case):
    Period.objects.filter(code=rules.WARNING_PERIOD).update(days=10)
    warning = _warned(case, city_officer, pimpinan)
    assert "10 (sepuluh) hari kerja" in warning.letter.body
    assert "7 (tujuh)" not in warning.letter.body
    assert warning.deadline == dt.date(2026, 11, 16)
    assert "paling lambat 16 November 2026" in warning.letter.body

    # Later letters recall the period that applied to the warning, even after the data changes again.
    Period.objects.filter(code=rules.WARNING_PERIOD).update(days=5)
    actions.record_compliance(
        case, False, by=city_officer, note="Tidak ada perbaikan", checked_on=dt.date(2026, 11, 17)
    )
    proposal = rules.propose_next_step(case)
    assert "dengan jangka waktu 10 (sepuluh) hari kerja sampai dengan 16 November 2026" in proposal["letter_body"]


def test_the_step_form_states_the_period_from_the_period_data(client, city_officer, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil pengurus")
    actions.start_persuasion(case, by=city_officer, decision="Pembinaan tidak berhasil")
    client.force_login(city_officer)
    url = reverse("supervision:case-step", args=[case.reference, "peringatan"])
    assert "7 working days" in client.get(url).content.decode()
    Period.objects.filter(code=rules.WARNING_PERIOD).update(days=12)
    assert "12 working days" in client.get(url).content.decode()


def test_no_period_is_written_into_the_wording_in_code():
    """ "7 (tujuh) hari kerja" belongs to the period data; the product code and letter templates only quote it."""
    written = []
    apps = ("services", "supervision", "complaints", "letters")
    paths = [*(p for app in apps for p in (ROOT / app).rglob("*.py")), *ROOT.glob("templates/letters/bodies/*.txt")]
    for path in paths:
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        for match in re.finditer(r"\d+ \([a-z ]+\) hari", path.read_text(encoding="utf-8")):
            written.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not written, written


@pytest.mark.parametrize(
    "name",
    [
        "written-warning",
        "halt-of-activities",
        "halt-recommendation",
        "revocation-recommendation",
        "referral-letter",
        "application-approved",
        "police-referral",
    ],
)
def test_every_letter_body_has_its_template(name):
    assert (ROOT / "templates" / "letters" / "bodies" / f"{name}.txt").is_file()


@pytest.mark.indonesian
def test_the_step_form_states_the_period_in_indonesian(client, city_officer, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil pengurus")
    actions.start_persuasion(case, by=city_officer, decision="Pembinaan tidak berhasil")
    client.force_login(city_officer)
    page = client.get(reverse("supervision:case-step", args=[case.reference, "peringatan"])).content.decode()
    assert "diberi waktu 7 hari kerja untuk mematuhi" in page
