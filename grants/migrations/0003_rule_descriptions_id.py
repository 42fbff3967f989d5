"""The gate's conditions are shown in Indonesian by default, with the English text beside them (issue 12).

Reference data in Wadah is written in Indonesian (registry, services, guidance); the rules were seeded in English.
Rows an admin has already edited (their text differs from the seed) keep their text; the English goes into
description_en either way.
"""

from django.db import migrations, models

# code: (English as seeded by 0002, Indonesian)
TEXTS = {
    "registered": (
        "Registered with a valid SKT, or SK AHU for a legal entity",
        "Terdaftar dengan SKT yang masih berlaku, atau SK AHU bagi Ormas berbadan hukum",
    ),
    "local_presence": (
        "Local presence recorded (chapter in the region with a Buku Induk number)",
        "Keberadaan di daerah tercatat (kepengurusan di daerah dengan nomor Buku Induk)",
    ),
    "not_sanctioned": (
        "Not halted, revoked or dissolved",
        "Tidak sedang dihentikan kegiatannya, dicabut, atau dibubarkan",
    ),
    "no_overdue_lpj": (
        "No overdue accountability report (LPJ) from an earlier grant",
        "Tidak ada laporan pertanggungjawaban (LPJ) hibah sebelumnya yang terlambat",
    ),
    "activity_report": (
        "The previous annual activity report filed",
        "Laporan kegiatan tahunan sebelumnya sudah disampaikan",
    ),
    "non_recurring": (
        "Not granted in the previous budget year (non-recurring rule)",
        "Tidak menerima hibah pada tahun anggaran sebelumnya (hibah tidak terus-menerus)",
    ),
    "min_age": (
        "Registered at least one year ago (where the regional rule says so)",
        "Terdaftar sekurang-kurangnya satu tahun (jika diatur peraturan daerah)",
    ),
}


def forwards(apps, schema_editor):
    Rule = apps.get_model("grants", "EligibilityRule")
    for rule in Rule.objects.filter(code__in=TEXTS):
        english, indonesian = TEXTS[rule.code]
        if rule.description == english:
            rule.description = indonesian
        if not rule.description_en:
            rule.description_en = english
        rule.save(update_fields=["description", "description_en"])


def backwards(apps, schema_editor):
    Rule = apps.get_model("grants", "EligibilityRule")
    for rule in Rule.objects.filter(code__in=TEXTS):
        english, indonesian = TEXTS[rule.code]
        if rule.description == indonesian:
            rule.description = english
            rule.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [("grants", "0002_rules")]
    operations = [
        migrations.AddField(
            model_name="eligibilityrule",
            name="description_en",
            field=models.CharField(blank=True, max_length=300, verbose_name="description (English)"),
        ),
        migrations.AlterField(
            model_name="eligibilityrule",
            name="description",
            field=models.CharField(max_length=300, verbose_name="description (Indonesian)"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
