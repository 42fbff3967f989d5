"""The gate's conditions and the LPJ period, as data (edited in the admin, never in code)."""

from django.db import migrations

HIBAH = "Permendagri 32/2011 s.t.d.d. Permendagri 123/2018 tentang Pedoman Pemberian Hibah dan Bantuan Sosial"
RULES = [
    ("registered", "Registered with a valid SKT, or SK AHU for a legal entity", HIBAH + " Pasal 6", False, {}),
    (
        "local_presence",
        "Local presence recorded (chapter in the region with a Buku Induk number)",
        HIBAH + " Pasal 6 (kepengurusan di daerah domisili)",
        False,
        {},
    ),
    (
        "not_sanctioned",
        "Not halted, revoked or dissolved",
        "UU 17/2013 jo. UU 16/2017 Pasal 61–62",
        False,
        {},
    ),
    ("no_overdue_lpj", "No overdue accountability report (LPJ) from an earlier grant", HIBAH, True, {}),
    (
        "activity_report",
        "The previous annual activity report filed",
        "UU 17/2013 Pasal 21; PP 58/2016 (pelaporan kegiatan)",
        True,
        {"service_code": "activity-report"},
    ),
    (
        "non_recurring",
        "Not granted in the previous budget year (non-recurring rule)",
        HIBAH + " Pasal 4(4) (tidak wajib, tidak mengikat, tidak terus-menerus)",
        True,
        {"gap_years": 1, "exceptions": ["KONI", "PMI", "Pramuka", "Korpri"]},
    ),
    (
        "min_age",
        "Registered at least one year ago (where the regional rule says so)",
        "Pergub/Perbup hibah daerah (confirm the regional rule)",
        True,
        {"years": 1},
    ),
]


def forwards(apps, schema_editor):
    Rule = apps.get_model("grants", "EligibilityRule")
    for order, (code, description, source, unverified, parameters) in enumerate(RULES):
        Rule.objects.update_or_create(
            code=code,
            defaults={
                "description": description,
                "legal_source": source,
                "is_unverified": unverified,
                "parameters": parameters,
                "order": (order + 1) * 10,
                "version": "2026-12",
            },
        )
    Period = apps.get_model("workdays", "Period")
    Period.objects.update_or_create(
        code="grant-lpj",
        defaults={
            "name": "Laporan pertanggungjawaban hibah (LPJ)",
            "days": 90,
            "unit": "calendar_days",
            "counts_from": "The day the grant is disbursed",
            "legal_source": HIBAH + " (LPJ deadline and format: confirm with BPKAD / Pergub Kalteng)",
            "is_unverified": True,
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("grants", "EligibilityRule").objects.all().delete()
    apps.get_model("workdays", "Period").objects.filter(code="grant-lpj").delete()


class Migration(migrations.Migration):
    dependencies = [("grants", "0001_initial"), ("workdays", "0002_reference_data")]
    operations = [migrations.RunPython(forwards, backwards)]
