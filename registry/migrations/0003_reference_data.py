"""Initial reference data. Admins edit it afterwards; each row names where it comes from."""

from django.db import migrations

# domain.md §3.2 (Permendagri 57/2017 checklist as quoted by Kesbangpol offices) and §2.2.
DOCUMENT_TYPES = [
    ("surat-permohonan", "Surat permohonan", "Permendagri 57/2017; domain.md §3.2 no. 1"),
    ("akta-pendirian", "Akta pendirian (AD/ART)", "UU 17/2013 Pasal 16(2)a"),
    ("program-kerja", "Program kerja", "UU 17/2013 Pasal 16(2)b"),
    ("sk-pengurus", "SK susunan pengurus", "UU 17/2013 Pasal 16(2)c"),
    ("biodata-pengurus", "Biodata ketua, sekretaris, bendahara", "Permendagri 57/2017; domain.md §3.2 no. 5"),
    ("ktp-pengurus", "Fotokopi e-KTP pengurus inti", "Permendagri 57/2017; domain.md §3.2 no. 7"),
    ("pas-foto", "Pas foto pengurus inti", "Permendagri 57/2017; domain.md §3.2 no. 6"),
    ("domisili", "Surat keterangan domisili sekretariat", "UU 17/2013 Pasal 16(2)d"),
    ("bukti-sekretariat", "Bukti kepemilikan/sewa/pinjam pakai sekretariat", "domain.md §3.2 no. 9"),
    ("foto-sekretariat", "Foto kantor/sekretariat dengan papan nama", "domain.md §3.2 no. 10"),
    ("npwp", "NPWP atas nama Ormas", "UU 17/2013 Pasal 16(2)e"),
    ("surat-pernyataan", "Surat pernyataan (Lampiran C Permendagri 57/2017)", "UU 17/2013 Pasal 16(2)f–g"),
    ("formulir-isian", "Formulir isian data Ormas", "domain.md §3.2 no. 13"),
    ("rekomendasi-kemenag", "Rekomendasi Kementerian Agama", "domain.md §3.2 no. 14 (Ormas keagamaan)"),
    ("rekomendasi-kebudayaan", "Rekomendasi instansi kebudayaan", "domain.md §3.2 no. 15 (kepercayaan)"),
    ("persetujuan-pejabat", "Persetujuan tertulis pejabat dalam kepengurusan", "domain.md §3.2 no. 16"),
    ("skt", "Surat Keterangan Terdaftar (SKT)", "Permendagri 57/2017"),
    ("sk-ahu", "SK pengesahan badan hukum (AHU)", "UU 17/2013 Pasal 12"),
    ("surat-keberadaan", "Surat keterangan keberadaan (lapor keberadaan)", "domain.md §2.3"),
    ("laporan-kegiatan", "Laporan kegiatan tahunan", "UU 17/2013 Pasal 21"),
    ("lainnya", "Dokumen lainnya", ""),
]

# No official code list exists (domain.md §11.9, UNVERIFIED); a working list to be confirmed by Kesbangpol.
FIELDS = [
    "Agama dan keagamaan",
    "Kepercayaan terhadap Tuhan YME",
    "Sosial dan kemanusiaan",
    "Pendidikan",
    "Kesehatan",
    "Kepemudaan",
    "Perempuan dan perlindungan anak",
    "Adat dan budaya",
    "Seni dan olahraga",
    "Lingkungan hidup",
    "Ekonomi dan UMKM",
    "Pertanian, perkebunan dan perikanan",
    "Profesi dan keahlian",
    "Hukum dan hak asasi manusia",
    "Kebangsaan dan bela negara",
    "Kedaerahan dan paguyuban",
    "Kewartawanan dan media",
    "Lembaga swadaya masyarakat",
]
FIELD_SOURCE = "Daftar kerja awal (UNVERIFIED: belum ada daftar resmi; domain.md §11.9)"


def load(apps, schema_editor):
    DocumentType = apps.get_model("registry", "DocumentType")
    FieldOfActivity = apps.get_model("registry", "FieldOfActivity")
    for order, (code, name, basis) in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.update_or_create(
            code=code, defaults={"name": name, "legal_basis": basis, "order": order * 10}
        )
    for name in FIELDS:
        FieldOfActivity.objects.get_or_create(name=name, defaults={"source": FIELD_SOURCE})


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_trigram_search")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
