"""Issue 11 item 7: each letter type carries its archive classification code (kode klasifikasi arsip).

UNVERIFIED, admin data: Wadah's default numbering "220/{seq}/Kesbangpol/{year}" follows the older Kemendagri
classification (Permendagri 78/2012: 220 = organisasi kemasyarakatan, 005 = undangan). Kemendagri's own 2025
letter to the regions is numbered 200.6.2/e374/Polpum (domain.md §1), which suggests the newer classification
(Permendagri 83/2022, UNVERIFIED) is in use. Confirm each code with the office's archivist and correct it here.
"""

from django.db import migrations

OLD = "Permendagri 78/2012 (kode klasifikasi arsip), UNVERIFIED whether replaced by Permendagri 83/2022"

# kind, code, name
ROWS = [
    ("skt-cover-letter", "220", "Surat pengantar permohonan SKT"),
    ("skt-renewal", "220", "Surat pengantar perpanjangan SKT"),
    ("presence-letter", "220", "Surat keterangan keberadaan organisasi"),
    ("board-change", "220", "Surat keterangan perubahan pengurus"),
    ("address-change", "220", "Surat keterangan perubahan alamat"),
    ("activity-report-receipt", "220", "Tanda terima laporan kegiatan"),
    ("dissolution-notice", "220", "Surat keterangan pembubaran"),
    ("document-check-report", "220", "Berita acara penelitian administrasi"),
    ("field-check-report", "220", "Berita acara penelitian lapangan"),
    ("document-validity-form", "220", "Formulir keabsahan dokumen"),
    ("activity-recommendation", "220", "Rekomendasi kegiatan"),
    ("written-warning", "220", "Peringatan tertulis"),
    ("halt-of-activities", "220", "Penghentian kegiatan"),
    ("halt-recommendation", "220", "Rekomendasi penghentian kegiatan"),
    ("revocation-recommendation", "220", "Rekomendasi pencabutan"),
    ("foreign-measure-recommendation", "220", "Rekomendasi tindakan terhadap Ormas asing"),
    ("referral-letter", "220", "Surat penerusan"),
    ("police-referral", "220", "Surat penerusan kepada Kepolisian"),
    ("event-invitation", "005", "Undangan kegiatan pembinaan"),
    ("grant-recommendation", "900", "Rekomendasi hibah (900 = keuangan in the older classification)"),
    ("other", "220", "Surat lainnya"),
]


def load(apps, schema_editor):
    LetterClassification = apps.get_model("letters", "LetterClassification")
    for kind, code, name in ROWS:
        LetterClassification.objects.get_or_create(
            kind=kind, defaults={"code": code, "name": name, "legal_source": OLD, "is_unverified": True}
        )


def unload(apps, schema_editor):
    apps.get_model("letters", "LetterClassification").objects.filter(kind__in=[r[0] for r in ROWS]).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_register")]
    operations = [migrations.RunPython(load, unload)]
