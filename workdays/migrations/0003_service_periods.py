"""Issue 11 items 6 and 8: the services' periods with their sources.

UU 30/2014 (Administrasi Pemerintahan) Pasal 53 as amended by UU 11/2020 (Cipta Kerja) Pasal 175 angka 6:
(2) where no regulation sets a period, the office decides "dalam waktu paling lama 5 (lima) hari kerja setelah
permohonan diterima secara lengkap"; (4) if it does not, "permohonan dianggap dikabulkan secara hukum". Text as
quoted by Kompas, 6 Nov 2020 (nasional.kompas.com/read/2020/11/06/06260491). Perppu 2/2022, enacted as UU 6/2023,
re-enacted the Cipta Kerja law; that it kept Pasal 175 angka 6 unchanged was not confirmed from a stored source.

The 15 days belong to the Mendagri's verification of the SKT (domain.md §0), not to the region's pre-verification.
The struck-down UU 17/2013 Pasal 17 (MK 82/PUU-XI/2013) is no longer cited as any period's basis.
"""

from django.db import migrations

PASAL_53 = (
    "UU 30/2014 Pasal 53(2) as amended by UU 11/2020 Pasal 175 angka 6 (re-enacted by UU 6/2023; that re-enactment "
    "of this article is not confirmed from a stored source)"
)

PERIODS = {
    "decision": {
        "name": "Decision on a complete application (statutory default)",
        "days": 5,
        "unit": "working_days",
        "counts_from": "The day the complete application is received (submitted, or resubmitted after corrections).",
        "legal_source": PASAL_53,
        "is_unverified": False,
        "note": "Where no regulation sets another period. If the office does not decide in time the application is "
        "deemed granted by law (Pasal 53(4), fiktif positif): Wadah records it and only the letter can follow.",
    },
    "skt-preverification": {
        "name": "Regional pre-verification of an SKT application",
        "days": 5,
        "unit": "working_days",
        "counts_from": "The day the complete application is received (submitted, or resubmitted after corrections).",
        "legal_source": PASAL_53 + "; no period of its own found for the regional step",
        "is_unverified": True,
        "note": "UNVERIFIED: no period for the regional pre-verification was found in Permendagri 57/2017, so the "
        "statutory default of Pasal 53(2) applies. If the Permendagri or a Pergub sets one, enter it here. The "
        "15 days of the Mendagri's own verification (period skt-verification) start after the file is forwarded.",
    },
    "skt-verification": {
        "name": "The Mendagri's verification of an SKT application (after forwarding)",
        "days": 15,
        "unit": "working_days",
        "counts_from": "The day the application is recorded in the ULA registration list of Kemendagri.",
        "legal_source": "Permendagri 57/2017 as reported for the FPI renewal, 2019 (kabar24.bisnis.com); unit "
        "UNVERIFIED",
        "is_unverified": True,
        "note": "The Mendagri's period, not the region's. Not based on UU 17/2013 Pasal 17, which MK "
        "82/PUU-XI/2013 struck down.",
    },
    "correction": {
        "name": "Completing or correcting documents (the applicant's turn)",
        "days": 15,
        "unit": "working_days",
        "counts_from": "The day the file is sent back to the applicant for correction.",
        "legal_source": "UNVERIFIED office practice: no statutory correction period found for the regional step",
        "is_unverified": True,
        "note": "The length follows the practice of the former UU 17/2013 Pasal 17 (struck down by MK "
        "82/PUU-XI/2013), which is no longer a legal basis. When it passes without corrections the application "
        "lapses and the Ormas may file again.",
    },
    "activity-recommendation": {
        "name": "Decision on an activity recommendation",
        "days": 5,
        "unit": "working_days",
        "counts_from": "The day the complete application is received.",
        "legal_source": PASAL_53,
        "is_unverified": False,
        "note": "Statutory default. Ask the Ormas to apply well before the police permit or the funding request "
        "is due.",
    },
}


def load(apps, schema_editor):
    Period = apps.get_model("workdays", "Period")
    for code, values in PERIODS.items():
        Period.objects.update_or_create(code=code, defaults=values)
    Holiday = apps.get_model("workdays", "Holiday")
    for holiday in Holiday.objects.filter(kind="cuti_bersama", is_unverified=True):
        year = holiday.date.year
        holiday.legal_source = CUTI_NOTE.format(year=year)
        if _estimated(year):
            holiday.legal_source = (ESTIMATE_NOTE.format(year=year) + holiday.legal_source)[:300]
        holiday.save(update_fields=["legal_source"])


def _estimated(year):
    import holidays

    names = holidays.country_holidays("ID", years=year, language="en_US")
    return any("estimated" in name.lower() for name in names.values())


ESTIMATE_NOTE = "ESTIMATE: the holidays package only estimates the lunar dates of {year}. "


CUTI_NOTE = (
    "UNVERIFIED: check the SKB 3 Menteri {year} (dates from python-holidays). Non-working: an interpretation "
    "(cuti bersama is leave, not a holiday) that favours the Ormas"
)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
