"""The default due date of a Rakor action item: 10 working days from the meeting (a working standard of the
secretariat, not a statute; the meeting may set any other date)."""

from django.db import migrations


def add_period(apps, schema_editor):
    Period = apps.get_model("workdays", "Period")
    Period.objects.update_or_create(
        code="action-item",
        defaults={
            "name": "Follow-up of a meeting decision (action item)",
            "days": 10,
            "unit": "working_days",
            "counts_from": "The day of the meeting that decided the action item.",
            "legal_source": "UNVERIFIED: working standard of the Tim Terpadu secretariat",
            "is_unverified": True,
            "note": "Used when the meeting sets no due date of its own.",
        },
    )


def remove_period(apps, schema_editor):
    apps.get_model("workdays", "Period").objects.filter(code="action-item").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_initial"),
        ("workdays", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(add_period, remove_period)]
