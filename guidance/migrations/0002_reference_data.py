"""The eight programme types of issue 10 and version 1 of the capacity instrument. Admins edit them afterwards.

Reference data shown as it is (not through gettext), so it is written in Indonesian like the registry's. The
dimensions follow the forms of pemberdayaan in UU 17/2013 Pasal 40 and PP 58/2016 (domain.md §6.1); the questions
are a starting point for the office to adapt, not a regulation.
"""

from django.db import migrations

PROGRAMME_TYPES = [
    ("sosialisasi", "Sosialisasi", "Sosialisasi peraturan dan kebijakan tentang Ormas."),
    ("bimtek", "Bimbingan teknis (bimtek)", "Pelatihan keterampilan teknis: administrasi, keuangan, pelaporan."),
    ("dialog-fgd", "Dialog / FGD", "Dialog dan diskusi kelompok terarah dengan Ormas dan pemangku kepentingan."),
    ("peningkatan-kapasitas", "Peningkatan kapasitas kelembagaan", "Penguatan manajemen organisasi."),
    ("kaderisasi", "Kaderisasi dan kepemimpinan", "Penguatan kepemimpinan dan kaderisasi."),
    ("wawasan-kebangsaan", "Wawasan kebangsaan", "Pendidikan wawasan kebangsaan dan bela negara."),
    ("kearifan-lokal", "Kearifan lokal dan budaya", "Ormas sebagai pelestari kearifan lokal dan budaya daerah."),
    ("pemberdayaan-ekonomi", "Pemberdayaan ekonomi", "Usaha ekonomi produktif dan kemandirian Ormas."),
]

LEVELS = ["Belum ada", "Baru dirintis", "Ada, belum berjalan rutin", "Berjalan rutin", "Berjalan dan dievaluasi"]

DIMENSIONS = [
    ("tata-kelola", "Tata kelola", [
        ("AD/ART dan struktur kepengurusan dijalankan dan diperbarui sesuai masa bakti", "SK kepengurusan, notulen musyawarah"),
        ("Rapat pengurus diadakan dan dicatat secara berkala", "Notulen rapat"),
    ]),
    ("keuangan", "Keuangan", [
        ("Pembukuan kas dan rekening atas nama Ormas", "Buku kas, rekening koran"),
        ("Laporan keuangan disusun dan disampaikan kepada anggota", "Laporan keuangan tahunan"),
    ]),
    ("program", "Program kegiatan", [
        ("Program kerja tertulis dan dilaksanakan", "Program kerja, laporan kegiatan"),
        ("Laporan kegiatan disampaikan kepada Kesbangpol", "Tanda terima laporan"),
    ]),
    ("keanggotaan", "Keanggotaan dan kaderisasi", [
        ("Data anggota tercatat dan diperbarui", "Daftar anggota"),
        ("Kaderisasi dan regenerasi pengurus berjalan", "Jadwal pelatihan kader"),
    ]),
    ("jejaring", "Jejaring dan kemitraan", [
        ("Kerja sama dengan pemerintah, swasta atau Ormas lain", "Nota kesepahaman, surat kerja sama"),
    ]),
    ("kepatuhan", "Kepatuhan hukum", [
        ("Legalitas (SKT atau badan hukum) berlaku dan dokumen lengkap", "SKT / SK AHU"),
        ("Kewajiban pelaporan dipenuhi tepat waktu", "Tanda terima laporan"),
    ]),
    ("digital", "Kehadiran digital", [
        ("Ormas memiliki kanal informasi (situs, media sosial) yang aktif", "Tautan"),
    ]),
]


def load(apps, schema_editor):
    ProgrammeType = apps.get_model("guidance", "ProgrammeType")
    for order, (code, name, description) in enumerate(PROGRAMME_TYPES, start=1):
        ProgrammeType.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "order": order * 10}
        )
    Instrument = apps.get_model("guidance", "Instrument")
    if Instrument.objects.exists():
        return
    instrument = Instrument.objects.create(
        name="Instrumen penilaian kapasitas Ormas",
        version=1,
        is_active=True,
        source="Bentuk pemberdayaan UU 17/2013 Pasal 40 dan PP 58/2016 (domain.md §6.1); disusun untuk Wadah",
    )
    Dimension = apps.get_model("guidance", "Dimension")
    Question = apps.get_model("guidance", "Question")
    AnswerOption = apps.get_model("guidance", "AnswerOption")
    for d_order, (code, name, questions) in enumerate(DIMENSIONS, start=1):
        dimension = Dimension.objects.create(instrument=instrument, code=code, name=name, order=d_order * 10)
        for q_order, (text, evidence) in enumerate(questions, start=1):
            question = Question.objects.create(
                dimension=dimension, text=text, evidence_hint=evidence, order=q_order * 10
            )
            for score, label in enumerate(LEVELS):
                AnswerOption.objects.create(question=question, label=label, score=score)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
