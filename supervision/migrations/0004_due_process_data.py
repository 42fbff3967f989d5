"""Reference data of issue 11 (domain.md §0): the articles a case may find breached, the competence rule of
PP 58/2016 Pasal 60, and the bound on dating a written warning earlier than the day it is numbered."""

from django.db import migrations

# code, label, description, legal source, direct path, foreign only, unverified, note
ARTICLES = [
    (
        "pasal-21",
        "Pasal 21",
        "Kewajiban Ormas",
        "UU 17/2013 Pasal 21; sanksi: Pasal 60(1) jo. UU 16/2017",
        False,
        False,
        False,
        "",
    ),
    (
        "pasal-51",
        "Pasal 51",
        "Kewajiban Ormas yang didirikan WNA",
        "UU 17/2013 Pasal 51; Pasal 60(1) jo. UU 16/2017",
        False,
        True,
        False,
        "",
    ),
    (
        "pasal-52",
        "Pasal 52",
        "Larangan bagi Ormas yang didirikan WNA",
        "UU 17/2013 Pasal 52; Pasal 60(2), 61(3) jo. UU 16/2017",
        True,
        True,
        False,
        "",
    ),
    (
        "pasal-59-1",
        "Pasal 59 ayat (1)",
        "Nama, lambang, bendera, atribut",
        "UU 17/2013 Pasal 59(1) jo. UU 16/2017; sanksi: Pasal 60(1)",
        False,
        False,
        False,
        "Pasal 59(1)(a) of the original text was struck by MK 82/PUU-XI/2013; the amended text is cited.",
    ),
    (
        "pasal-59-2",
        "Pasal 59 ayat (2)",
        "Sumbangan yang melanggar hukum; pengumpulan dana untuk partai politik",
        "UU 17/2013 Pasal 59(2) jo. UU 16/2017; sanksi: Pasal 60(1)",
        False,
        False,
        False,
        "",
    ),
    (
        "pasal-59-3",
        "Pasal 59 ayat (3)",
        "Permusuhan SARA, penodaan agama, kekerasan, tindakan penegak hukum",
        "UU 17/2013 Pasal 59(3) jo. UU 16/2017; sanksi: Pasal 60(2), 61(3), 82A",
        True,
        False,
        False,
        "",
    ),
    (
        "pasal-59-4",
        "Pasal 59 ayat (4)",
        "Separatisme, paham yang bertentangan dengan Pancasila",
        "UU 17/2013 Pasal 59(4) jo. UU 16/2017; sanksi: Pasal 60(2), 61(3), 82A",
        True,
        False,
        False,
        "",
    ),
]

REASON = (
    "UNVERIFIED: the text of PP 58/2016 Pasal 60 was not available from a stored source; the rule follows the "
    "legal review quoted in domain.md §0 and the structure of UU 17/2013 Pasal 60(1) before 2017 ('Pemerintah "
    "atau Pemerintah Daerah sesuai dengan lingkup tugas dan kewenangannya'). Confirm with Biro Hukum."
)
COMPETENCE = [
    ("one_regency", "regency", "Bupati/Wali Kota", "PP 58/2016 Pasal 60", True, REASON),
    ("several_regencies", "province", "Gubernur", "PP 58/2016 Pasal 60", True, REASON),
    (
        "several_provinces",
        "ministry",
        "Menteri Dalam Negeri (dengan Menteri Hukum untuk badan hukum)",
        "PP 58/2016 Pasal 60",
        True,
        REASON,
    ),
]


def seed(apps, schema_editor):
    Article = apps.get_model("supervision", "BreachedArticle")
    Competence = apps.get_model("supervision", "Competence")
    Period = apps.get_model("workdays", "Period")
    for position, row in enumerate(ARTICLES):
        code, label, description, source, direct, foreign, unverified, note = row
        Article.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "description": description,
                "legal_source": source,
                "direct_path": direct,
                "foreign_only": foreign,
                "is_unverified": unverified,
                "note": note,
                "position": position,
            },
        )
    for spread, level, government, source, unverified, note in COMPETENCE:
        Competence.objects.update_or_create(
            spread=spread,
            defaults={
                "level": level,
                "government": government,
                "legal_source": source,
                "is_unverified": unverified,
                "note": note,
            },
        )
    Period.objects.update_or_create(
        code="warning-backdating-bound",
        defaults={
            "name": "How far before its numbering a written warning may be dated",
            "days": 3,
            "unit": "calendar_days",
            "counts_from": "Counted back from the day the warning is numbered in Wadah.",
            "legal_source": "Office practice; Pasal 62(1) counts from the date the warning is issued",
            "is_unverified": True,
            "note": "UNVERIFIED: no statutory bound. A short bound (with a recorded reason) lets a warning signed on "
            "paper a day or two earlier be registered without moving the window.",
        },
    )
    Period.objects.filter(code="written-warning-compliance").update(
        note="Given only once per Ormas and violation. Cuti bersama are counted as non-working days: an "
        "interpretation (they are leave, not holidays) that favours the Ormas."
    )
    StepAuthority = apps.get_model("supervision", "StepAuthority")
    StepAuthority.objects.filter(step_kind="written_warning", level="any").update(
        legal_source="PP 58/2016 Pasal 60 (competent government by where the violation happened; see Competence)",
        is_unverified=True,
        note="The warning is decided by the competent head of government (Competence rows), prepared by the office.",
    )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0003_due_process"), ("workdays", "0002_reference_data")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
