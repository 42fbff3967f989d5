"""Seed the heading synonyms with the wordings found in the offices' lists (a frozen copy: later edits to
imports/columns.py do not change what this migration wrote)."""

from django.db import migrations

SEED = {
    "name": (
        "nama organisasi",
        "nama ormas",
        "nama",
        "nama lembaga",
        "organisasi",
        "ormas",
        "nama organisasi kemasyarakatan",
        "nama perkumpulan",
    ),
    "abbreviation": ("singkatan", "nama singkatan", "akronim", "singkatan ormas"),
    "address": (
        "alamat",
        "alamat sekretariat",
        "alamat kantor",
        "sekretariat",
        "alamat lengkap",
        "alamat kantor sekretariat",
        "alamat sekretariat ormas",
        "alamat sekret",
        "alamat kantor ormas",
        "domisili",
        "alamat domisili",
    ),
    "regency": ("kabupaten kota", "kab kota", "kabupaten", "kota", "kota kabupaten", "kab", "daerah", "wilayah"),
    "district": ("kecamatan", "kec"),
    "village": ("desa kelurahan", "desa", "kelurahan", "kel desa", "desa kel", "kelurahan desa"),
    "legal_form": (
        "bentuk",
        "badan hukum",
        "bentuk badan hukum",
        "status badan hukum",
        "bentuk organisasi",
        "jenis ormas",
        "bentuk ormas",
    ),
    "skt_number": (
        "nomor skt",
        "no skt",
        "skt",
        "skt nomor",
        "nomor surat keterangan terdaftar",
        "no skt ormas",
        "nomor",
        "skt no",
        "nomor skt ormas",
        "no surat keterangan terdaftar",
        "no reg skt",
        "nomor registrasi",
        "no registrasi",
    ),
    "skt_issued_on": (
        "tanggal skt",
        "tgl skt",
        "skt tanggal",
        "skt tgl",
        "tanggal terbit skt",
        "tgl terbit skt",
        "tanggal terbit",
        "tgl terbit",
        "terbit",
        "diterbitkan",
        "tanggal dikeluarkan",
        "tgl dikeluarkan",
        "dikeluarkan",
        "dikeluarkan tanggal",
        "tanggal dikeluarkan skt",
        "tgl dikeluarkan skt",
        "tanggal",
        "tgl",
    ),
    "skt_expires_on": (
        "masa berlaku skt",
        "masa berlaku",
        "berlaku sampai",
        "berlaku s d",
        "berlaku hingga",
        "tanggal berakhir skt",
        "skt masa berlaku",
        "skt berlaku s d",
        "berakhir",
    ),
    "ahu_number": (
        "nomor ahu",
        "no ahu",
        "sk ahu",
        "nomor sk ahu",
        "no sk ahu",
        "ahu",
        "ahu nomor",
        "sk kemenkumham",
        "nomor badan hukum",
        "no sk kemenkumham",
        "nomor sk kemenkumham",
        "sk menkumham",
        "no sk menkumham",
        "no badan hukum",
    ),
    "ahu_date": ("tanggal ahu", "tgl ahu", "tanggal sk ahu", "ahu tanggal", "tgl sk ahu", "ahu tgl", "sk ahu tgl"),
    "field_of_activity": ("bidang", "bidang kegiatan", "bidang organisasi", "kegiatan", "bidang ormas"),
    "chair": ("ketua", "nama ketua", "ketua umum", "pengurus ketua"),
    "secretary": ("sekretaris", "nama sekretaris", "sekretaris umum", "pengurus sekretaris"),
    "treasurer": ("bendahara", "nama bendahara", "bendahara umum", "pengurus bendahara"),
    "phone": (
        "telepon",
        "telp",
        "no telp",
        "hp",
        "no hp",
        "nomor telepon",
        "kontak",
        "telepon hp",
        "no telp hp",
        "nomor hp",
        "telp hp",
        "no telepon",
        "no hp wa",
        "hp wa",
        "telp wa",
        "no kontak",
        "kontak person",
        "cp",
    ),
    "email": ("email", "e mail", "surel", "alamat email", "alamat e mail"),
    "status": ("status", "keterangan", "ket", "status ormas", "keaktifan", "status keaktifan", "keterangan status"),
}
WEAK = [
    "cp",
    "daerah",
    "dikeluarkan",
    "diterbitkan",
    "kab",
    "kegiatan",
    "ket",
    "keterangan",
    "nomor",
    "tanggal",
    "terbit",
    "tgl",
    "wilayah",
]


def seed(apps, schema_editor):
    HeadingSynonym = apps.get_model("imports", "HeadingSynonym")
    HeadingSynonym.objects.bulk_create(
        [
            HeadingSynonym(heading=heading, target=target, weak=heading in WEAK)
            for target, headings in SEED.items()
            for heading in headings
        ],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("imports", "HeadingSynonym").objects.filter(
        heading__in=[h for headings in SEED.values() for h in headings]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("imports", "0002_heading_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
