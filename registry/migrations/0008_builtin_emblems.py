"""Reference emblems the project draws itself (registry/logos.py draw()); admins upload the others with a source."""

from django.db import migrations

EMBLEMS = [
    (
        "Bendera Negara Sang Merah Putih",
        "state",
        "merah_putih",
        "UU 24/2009 (bendera negara); UU 17/2013 Pasal 59 as amended by UU 16/2017",
        "Drawn by Wadah after UU 24/2009 Pasal 4 (red over white, width 2/3 of the length)",
    ),
    (
        "Lambang Palang Merah",
        "foreign_state_or_international",
        "palang_merah",
        "UU 17/2013 Pasal 59(1)(b) as amended by UU 16/2017 (international body); UU 1/2018 Kepalangmerahan",
        "Drawn by Wadah (red cross on white)",
    ),
    (
        "Lambang Bulan Sabit Merah",
        "foreign_state_or_international",
        "bulan_sabit_merah",
        "UU 17/2013 Pasal 59(1)(b) as amended by UU 16/2017 (international body); UU 1/2018 Kepalangmerahan",
        "Drawn by Wadah (red crescent on white)",
    ),
]


def seed(apps, schema_editor):
    Emblem = apps.get_model("registry", "Emblem")
    for name, category, builtin, legal_basis, source in EMBLEMS:
        Emblem.objects.get_or_create(
            builtin=builtin, defaults={"name": name, "category": category, "legal_basis": legal_basis, "source": source}
        )


def unseed(apps, schema_editor):
    apps.get_model("registry", "Emblem").objects.exclude(builtin="").delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0007_name_terms_seed")]
    operations = [migrations.RunPython(seed, unseed)]
