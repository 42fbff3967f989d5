"""The triage target for complaints: 5 working days from receipt (an internal service standard, not a statute)."""

from django.db import migrations


def add_period(apps, schema_editor):
    Period = apps.get_model("workdays", "Period")
    Period.objects.update_or_create(
        code="complaint-triage",
        defaults={
            "name": "Triage of a public complaint",
            "days": 5,
            "unit": "working_days",
            "counts_from": "The day the complaint is received (web form or officer intake).",
            "legal_source": "UNVERIFIED: internal service standard",
            "is_unverified": True,
            "note": "Within this period an officer assesses the complaint: police referral, case, duplicate or "
            "not actionable.",
        },
    )


def remove_period(apps, schema_editor):
    apps.get_model("workdays", "Period").objects.filter(code="complaint-triage").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0002_status_lookup"),
        ("workdays", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(add_period, remove_period)]
