"""Initial statutory periods and the cuti bersama of 2026–2027.

The cuti bersama dates are copied from the `holidays` package (0.109, Indonesia, "government" category), not from
the SKB 3 Menteri itself: every row is marked unverified until an admin checks it against the SKB and fills in its
number. Admins add local holidays and later years in the Django admin.
"""

import datetime as dt

from django.db import migrations

CUTI_BERSAMA_SOURCE = (
    "UNVERIFIED: confirm against the SKB 3 Menteri for {year} (dates taken from the python-holidays package 0.109)"
)

CUTI_BERSAMA = [
    ("2026-02-16", "Cuti Bersama Tahun Baru Imlek"),
    ("2026-03-18", "Cuti Bersama Hari Suci Nyepi"),
    ("2026-03-20", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2026-03-23", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2026-03-24", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus"),
    ("2026-05-28", "Cuti Bersama Hari Raya Idul Adha"),
    ("2026-12-24", "Cuti Bersama Hari Raya Natal"),
    ("2027-02-05", "Cuti Bersama Tahun Baru Imlek"),
    ("2027-03-09", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2027-03-12", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2027-03-15", "Cuti Bersama Hari Raya Idul Fitri"),
    ("2027-03-25", "Cuti Bersama Wafat Yesus Kristus"),
    ("2027-05-18", "Cuti Bersama Hari Raya Idul Adha"),
    ("2027-05-19", "Cuti Bersama Hari Raya Waisak"),
    ("2027-12-24", "Cuti Bersama Hari Raya Natal"),
]

SKT_SOURCE = (
    "UU 17/2013 Pasal 17 (original text; struck down) and Permendagri 57/2017 — unit UNVERIFIED, domain.md §3.3"
)

# code, name, days, unit, counts_from, legal_source, is_unverified, note
PERIODS = [
    (
        "skt-verification",
        "Verification of an SKT application",
        15,
        "working_days",
        "The day the application is received complete and recorded.",
        SKT_SOURCE,
        True,
        "The Mendagri has 15 days from the record to issue or refuse; whether these are working days is unverified.",
    ),
    (
        "correction",
        "Completing or correcting documents",
        15,
        "working_days",
        "The day the file is sent back to the applicant for correction.",
        SKT_SOURCE,
        True,
        "The struck-down Pasal 17 gave 15 working days to complete missing documents.",
    ),
    (
        "decision",
        "Decision after a complete file",
        15,
        "working_days",
        "The day the verification (and field check, if any) is complete.",
        SKT_SOURCE,
        True,
        "",
    ),
    (
        "field-check",
        "Field check of the secretariat",
        10,
        "working_days",
        "The day the documents are found complete.",
        "UNVERIFIED: local practice (no statutory period found), domain.md §3.3",
        True,
        "",
    ),
    (
        "written-warning-compliance",
        "Compliance with a written warning",
        7,
        "working_days",
        "The date the written warning is issued.",
        "UU 16/2017 (Perppu 2/2017) Pasal 62(1)",
        False,
        "Given only once; if not complied with, activities may be halted.",
    ),
    (
        "skt-expiry-reminder",
        "Reminder before an SKT expires",
        90,
        "calendar_days",
        "Counted back from the SKT expiry date.",
        "Office practice (an SKT is valid for 5 years, Permendagri 57/2017)",
        False,
        "A reminder lead time, not a statutory period.",
    ),
]


def load(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    Period = apps.get_model("workdays", "Period")
    for day, name in CUTI_BERSAMA:
        date = dt.date.fromisoformat(day)
        Holiday.objects.get_or_create(
            date=date,
            kind="cuti_bersama",
            region=None,
            defaults={
                "name": name,
                "legal_source": CUTI_BERSAMA_SOURCE.format(year=date.year),
                "is_unverified": True,
            },
        )
    for code, name, days, unit, counts_from, source, unverified, note in PERIODS:
        Period.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "days": days,
                "unit": unit,
                "counts_from": counts_from,
                "legal_source": source,
                "is_unverified": unverified,
                "note": note,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("workdays", "Period").objects.filter(code__in=[p[0] for p in PERIODS]).delete()
    apps.get_model("workdays", "Holiday").objects.filter(
        kind="cuti_bersama", date__in=[dt.date.fromisoformat(d) for d, _ in CUTI_BERSAMA]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
