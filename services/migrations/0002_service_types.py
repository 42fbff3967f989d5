"""The service types of domain.md §3.2–4.4 with their document checklists. Admins edit them afterwards.

This is data shown to applicants as it is (not through gettext), so it is written in Indonesian like the
registry's reference data.
"""

from django.db import migrations

A, REL, BEL, UNINC, LEGAL, OFFICIALS = (
    "always",
    "religious",
    "belief",
    "unincorporated",
    "legal_entity",
    "officials_on_board",
)

# domain.md §3.2, items 1–16 (Permendagri 57/2017 as quoted by Kesbangpol offices).
SKT_CHECKLIST = [
    ("surat-permohonan", True, A, "Ditujukan kepada Menteri Dalam Negeri c.q. Kesbangpol, ditandatangani pendiri dan pengurus."),
    ("akta-pendirian", True, A, "Akta notaris yang memuat AD atau AD dan ART."),
    ("program-kerja", True, A, ""),
    ("sk-pengurus", True, A, "Sekurang-kurangnya ketua, sekretaris dan bendahara; seluruh pengurus WNI."),
    ("biodata-pengurus", True, A, "Ketua, sekretaris dan bendahara."),
    ("pas-foto", True, A, "Pas foto berwarna 4×6 ketua, sekretaris dan bendahara, diambil dalam 3 bulan terakhir."),
    ("ktp-pengurus", True, A, "e-KTP ketua, sekretaris dan bendahara."),
    ("domisili", True, A, "Dari lurah atau kepala desa."),
    ("bukti-sekretariat", True, A, "Bukti milik, kontrak sewa atau izin pinjam pakai sekretariat."),
    ("foto-sekretariat", True, A, "Tampak depan kantor dengan papan nama terlihat."),
    ("npwp", True, A, "Atas nama Ormas."),
    ("surat-pernyataan", True, A, "Bermeterai, ditandatangani ketua dan sekretaris (Lampiran C Permendagri 57/2017)."),
    ("formulir-isian", True, A, "Ditandatangani ketua dan sekretaris."),
    ("rekomendasi-kemenag", True, REL, "Hanya untuk Ormas keagamaan."),
    ("rekomendasi-kebudayaan", True, BEL, "Hanya untuk Ormas kepercayaan terhadap Tuhan YME."),
    ("persetujuan-pejabat", True, OFFICIALS, "Hanya jika pejabat negara, pejabat pemerintahan atau tokoh masyarakat duduk dalam kepengurusan."),
]

SERVICES = [
    {
        "code": "skt-preverification",
        "name": "Pra-verifikasi permohonan SKT (surat pengantar ke Kemendagri)",
        "summary": "Kesbangpol memeriksa dokumen dan sekretariat Anda, lalu meneruskan permohonan SKT ke "
        "Kementerian Dalam Negeri dengan surat pengantar. SKT diterbitkan oleh Kemendagri.",
        "eligibility": "Ormas tidak berbadan hukum yang bersekretariat di Kalimantan Tengah.",
        "legal_basis": "UU 17/2013 Pasal 16–18; Permendagri 57/2017",
        "decision_period": "skt-verification",
        "letter_kind": "skt-cover-letter",
        "letter_title": "Surat Pengantar Permohonan SKT",
        "proposal": "none",
        "checks_name": True,
        "requires_field_check": True,
        "checklist": SKT_CHECKLIST,
    },
    {
        "code": "presence-report",
        "name": "Lapor keberadaan Ormas di daerah",
        "summary": "Ormas yang sudah memiliki SKT atau berbadan hukum melaporkan kepengurusannya di daerah ini. Anda "
        "menerima surat keterangan keberadaan dan nomor registrasi Buku Induk.",
        "eligibility": "Ormas ber-SKT atau ber-SK AHU yang memiliki kepengurusan di daerah ini.",
        "legal_basis": "UU 17/2013; Permendagri 57/2017 (domain.md §2.3)",
        "letter_kind": "presence-letter",
        "letter_title": "Surat Keterangan Keberadaan Organisasi",
        "proposal": "chapter",
        "checks_name": True,
        "requires_field_check": True,
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("skt", True, UNINC, "SKT Anda yang masih berlaku."),
            ("sk-ahu", True, LEGAL, "SK pengesahan badan hukum Anda."),
            ("sk-pengurus", True, A, "Susunan pengurus di daerah ini."),
            ("ktp-pengurus", True, A, "e-KTP pengurus di daerah ini."),
            ("domisili", True, A, "Dari kelurahan atau desa."),
            ("foto-sekretariat", True, A, "Tampak depan kantor dengan papan nama terlihat."),
            ("program-kerja", False, A, ""),
        ],
    },
    {
        "code": "board-change",
        "name": "Lapor perubahan pengurus",
        "summary": "Beritahukan ketua, sekretaris, bendahara atau pengurus baru agar data Ormas Anda tetap benar.",
        "eligibility": "Ormas terdaftar yang pengurusnya berganti.",
        "legal_basis": "UU 17/2013 Pasal 21; Permendagri 57/2017",
        "letter_kind": "board-change",
        "letter_title": "Surat Keterangan Perubahan Susunan Pengurus",
        "proposal": "board",
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("sk-pengurus", True, A, "SK susunan pengurus yang baru."),
            ("biodata-pengurus", True, A, ""),
            ("ktp-pengurus", True, A, ""),
            ("pas-foto", False, A, ""),
            ("persetujuan-pejabat", True, OFFICIALS, "Hanya jika pejabat negara atau pemerintahan duduk dalam kepengurusan."),
        ],
    },
    {
        "code": "address-change",
        "name": "Lapor pindah alamat sekretariat",
        "summary": "Beritahukan bahwa sekretariat Anda pindah. Petugas dapat meninjau alamat baru.",
        "eligibility": "Ormas terdaftar yang sekretariatnya pindah.",
        "legal_basis": "UU 17/2013 Pasal 16(2)d",
        "letter_kind": "address-change",
        "letter_title": "Surat Keterangan Perubahan Alamat Sekretariat",
        "proposal": "address",
        "requires_field_check": True,
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("domisili", True, A, "Untuk alamat baru."),
            ("bukti-sekretariat", True, A, "Untuk alamat baru."),
            ("foto-sekretariat", True, A, "Tampak depan kantor baru dengan papan nama terlihat."),
        ],
    },
    {
        "code": "skt-renewal",
        "name": "Perpanjangan SKT",
        "summary": "SKT berlaku 5 tahun. Kesbangpol memeriksa dokumen perpanjangan dan meneruskannya ke "
        "Kementerian Dalam Negeri dengan surat pengantar.",
        "eligibility": "Ormas tidak berbadan hukum yang SKT-nya akan atau sudah habis masa berlakunya.",
        "legal_basis": "Permendagri 57/2017 (domain.md §3.3)",
        "decision_period": "skt-verification",
        "letter_kind": "skt-renewal",
        "letter_title": "Surat Pengantar Perpanjangan SKT",
        "proposal": "none",
        "checklist": [("skt", True, A, "SKT Anda saat ini.")] + SKT_CHECKLIST,
    },
    {
        "code": "activity-report",
        "name": "Laporan kegiatan tahunan",
        "summary": "Setiap tahun Ormas melaporkan kegiatannya. Anda menerima tanda terima.",
        "eligibility": "Setiap Ormas terdaftar, sekali setahun.",
        "legal_basis": "UU 17/2013 Pasal 21; Permendagri 57/2017 Lampiran C",
        "letter_kind": "activity-report-receipt",
        "letter_title": "Tanda Terima Laporan Kegiatan",
        "proposal": "none",
        "checklist": [
            ("laporan-kegiatan", True, A, "Kegiatan selama setahun terakhir."),
            ("lainnya", False, A, "Foto atau dokumen pendukung lain."),
        ],
    },
    {
        "code": "dissolution-notice",
        "name": "Pemberitahuan pembubaran Ormas",
        "summary": "Beritahukan bahwa Ormas telah membubarkan diri sesuai AD/ART. Data Ormas dicatat sebagai bubar.",
        "eligibility": "Ormas yang anggotanya memutuskan pembubaran.",
        "legal_basis": "UU 17/2013 Pasal 35 (AD/ART: pembubaran)",
        "letter_kind": "dissolution-notice",
        "letter_title": "Surat Keterangan Pembubaran Ormas",
        "proposal": "none",
        "checklist": [
            ("surat-permohonan", True, A, "Pemberitahuan yang ditandatangani ketua dan sekretaris."),
            ("lainnya", True, A, "Berita acara rapat yang memutuskan pembubaran."),
        ],
    },
]


def load(apps, schema_editor):
    ServiceType = apps.get_model("services", "ServiceType")
    ChecklistItem = apps.get_model("services", "ChecklistItem")
    DocumentType = apps.get_model("registry", "DocumentType")
    types = {d.code: d for d in DocumentType.objects.all()}
    for order, spec in enumerate(SERVICES, start=1):
        values = {k: v for k, v in spec.items() if k not in ("code", "checklist")}
        service, _ = ServiceType.objects.update_or_create(code=spec["code"], defaults={**values, "order": order * 10})
        service.checklist.all().delete()
        for position, (doc, required, condition, hint) in enumerate(spec["checklist"], start=1):
            ChecklistItem.objects.create(
                service_type=service,
                document_type=types[doc],
                required=required,
                condition=condition,
                hint=hint,
                order=position * 10,
            )


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial"), ("registry", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
