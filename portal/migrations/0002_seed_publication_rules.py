"""The publication rules as first agreed: every card field published, each with its basis (an admin may change)."""

from django.db import migrations

RULES = [
    ("abbreviation", "Bagian dari identitas Ormas yang terdaftar (UU 17/2013)."),
    ("logo", "Lambang Ormas terdaftar; publik perlu mengenalinya (UU 17/2013 Pasal 59 ayat 1)."),
    ("registration", "Nomor SKT/SK AHU: bukti terdaftar yang dapat dicek publik."),
    ("validity", "Masa berlaku pendaftaran: publik dan mitra perlu tahu apakah masih berlaku."),
    ("fields", "Bidang kegiatan Ormas (AD/ART), bukan data pribadi."),
    ("secretariat", "Hanya kelurahan/desa dan kecamatan; alamat jalan tidak pernah dipublikasikan (UU 27/2022)."),
    ("activity_report", "Tahun laporan kegiatan terakhir yang disetujui; tanpa isi laporan."),
    ("sanctions", "Sanksi yang telah diputuskan dan berlaku (UU 16/2017); tidak ada perkara yang masih berjalan."),
]


def seed(apps, schema_editor):
    Rule = apps.get_model("portal", "PublicationRule")
    for field, basis in RULES:
        Rule.objects.get_or_create(field=field, defaults={"published": True, "basis": basis})


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_publication")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
