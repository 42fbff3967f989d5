"""Seed the step authorities (domain.md §5.3): what a regional office takes itself and what it only recommends."""

from django.db import migrations

ROWS = [
    (
        "written_warning",
        "take",
        "UU 17/2013 jo. UU 16/2017 Pasal 62(1); Kemendagri instruction to regional Satgas, May 2025 (domain.md §5.3)",
        False,
        "Regional practice: the pemda/Satgas issues the single written warning.",
    ),
    (
        "halt",
        "recommend",
        "UU 16/2017 Pasal 62(2) names only the Menteri and the Menkumham",
        True,
        "UNVERIFIED: whether a governor or bupati may halt activities himself after 2017 (domain.md §5.3). "
        "Change to 'take' once confirmed with Biro Hukum.",
    ),
    (
        "revocation",
        "recommend",
        "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(c), 62(3), 80A",
        False,
        "Revocation of the SKT (Mendagri) or of legal status (Menkumham); the region recommends.",
    ),
]


def seed(apps, schema_editor):
    StepAuthority = apps.get_model("supervision", "StepAuthority")
    for kind, power, source, unverified, note in ROWS:
        StepAuthority.objects.get_or_create(
            step_kind=kind,
            level="any",
            defaults={"power": power, "legal_source": source, "is_unverified": unverified, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
