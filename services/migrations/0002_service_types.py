"""The service types of domain.md §3.2–4.4 with their document checklists. Admins edit them afterwards."""

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
    ("surat-permohonan", True, A, "Addressed to the Minister of Home Affairs c.q. Kesbangpol, signed by founders and board."),
    ("akta-pendirian", True, A, "Notarial deed containing the articles (AD, or AD and ART)."),
    ("program-kerja", True, A, ""),
    ("sk-pengurus", True, A, "At least chair, secretary and treasurer; all board members Indonesian citizens."),
    ("biodata-pengurus", True, A, "Chair, secretary and treasurer."),
    ("pas-foto", True, A, "Colour 4×6 photos of chair, secretary and treasurer, taken in the last 3 months."),
    ("ktp-pengurus", True, A, "e-KTP of chair, secretary and treasurer."),
    ("domisili", True, A, "From the lurah or kepala desa."),
    ("bukti-sekretariat", True, A, "Ownership, rental contract or permission to use the secretariat."),
    ("foto-sekretariat", True, A, "Front of the office with the name board visible."),
    ("npwp", True, A, "In the Ormas's name."),
    ("surat-pernyataan", True, A, "On meterai, signed by chair and secretary (Lampiran C Permendagri 57/2017)."),
    ("formulir-isian", True, A, "Signed by chair and secretary."),
    ("rekomendasi-kemenag", True, REL, "Only for religious Ormas."),
    ("rekomendasi-kebudayaan", True, BEL, "Only for Ormas concerning belief in God (kepercayaan)."),
    ("persetujuan-pejabat", True, OFFICIALS, "Only if state or government officials or public figures are on the board."),
]

SERVICES = [
    {
        "code": "skt-preverification",
        "name": "Pre-verification for an SKT (cover letter to Kemendagri)",
        "summary": "The office checks your documents and the secretariat, then sends your SKT application to the "
        "Ministry of Home Affairs with a cover letter. Kemendagri issues the SKT.",
        "eligibility": "Ormas without legal-entity status (tidak berbadan hukum) with a secretariat in Central "
        "Kalimantan.",
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
        "name": "Report presence in the region (lapor keberadaan)",
        "summary": "An Ormas with an SKT or legal-entity status reports its board in this region. You receive a "
        "letter of presence and a Buku Induk registration number.",
        "eligibility": "Ormas with an SKT or an SK AHU that has a board (kepengurusan) in the region.",
        "legal_basis": "UU 17/2013; Permendagri 57/2017 (domain.md §2.3)",
        "letter_kind": "presence-letter",
        "letter_title": "Surat Keterangan Keberadaan Organisasi",
        "proposal": "chapter",
        "checks_name": True,
        "requires_field_check": True,
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("skt", True, UNINC, "Your valid SKT."),
            ("sk-ahu", True, LEGAL, "Your SK of legal-entity status."),
            ("sk-pengurus", True, A, "The board in this region."),
            ("ktp-pengurus", True, A, "e-KTP of the board members in this region."),
            ("domisili", True, A, "From the kelurahan or desa."),
            ("foto-sekretariat", True, A, "Front of the office with the name board visible."),
            ("program-kerja", False, A, ""),
        ],
    },
    {
        "code": "board-change",
        "name": "Report a change of board (perubahan pengurus)",
        "summary": "Tell the office about a new chair, secretary, treasurer or other board members so that the "
        "registry stays correct.",
        "eligibility": "Registered Ormas whose board has changed.",
        "legal_basis": "UU 17/2013 Pasal 21; Permendagri 57/2017",
        "letter_kind": "board-change",
        "letter_title": "Surat Keterangan Perubahan Susunan Pengurus",
        "proposal": "board",
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("sk-pengurus", True, A, "The decision appointing the new board."),
            ("biodata-pengurus", True, A, ""),
            ("ktp-pengurus", True, A, ""),
            ("pas-foto", False, A, ""),
            ("persetujuan-pejabat", True, OFFICIALS, "Only if state or government officials are on the board."),
        ],
    },
    {
        "code": "address-change",
        "name": "Report a new secretariat address",
        "summary": "Tell the office that your secretariat has moved. An officer may visit the new address.",
        "eligibility": "Registered Ormas whose secretariat has moved.",
        "legal_basis": "UU 17/2013 Pasal 16(2)d",
        "letter_kind": "address-change",
        "letter_title": "Surat Keterangan Perubahan Alamat Sekretariat",
        "proposal": "address",
        "requires_field_check": True,
        "checklist": [
            ("surat-permohonan", True, A, ""),
            ("domisili", True, A, "For the new address."),
            ("bukti-sekretariat", True, A, "For the new address."),
            ("foto-sekretariat", True, A, "Front of the new office with the name board visible."),
        ],
    },
    {
        "code": "skt-renewal",
        "name": "Renew an SKT (perpanjangan SKT)",
        "summary": "An SKT is valid for 5 years. The office checks the renewal documents and sends them to the "
        "Ministry of Home Affairs with a cover letter.",
        "eligibility": "Ormas without legal-entity status whose SKT expires soon or has expired.",
        "legal_basis": "Permendagri 57/2017 (domain.md §3.3)",
        "decision_period": "skt-verification",
        "letter_kind": "skt-renewal",
        "letter_title": "Surat Pengantar Perpanjangan SKT",
        "proposal": "none",
        "checklist": [("skt", True, A, "Your current SKT.")] + SKT_CHECKLIST,
    },
    {
        "code": "activity-report",
        "name": "Annual activity report (laporan kegiatan)",
        "summary": "Each year an Ormas reports its activities. You receive a receipt letter.",
        "eligibility": "Every registered Ormas, once a year.",
        "legal_basis": "UU 17/2013 Pasal 21; Permendagri 57/2017 Lampiran C",
        "letter_kind": "activity-report-receipt",
        "letter_title": "Tanda Terima Laporan Kegiatan",
        "proposal": "none",
        "checklist": [
            ("laporan-kegiatan", True, A, "Activities of the past year."),
            ("lainnya", False, A, "Photos or other supporting documents."),
        ],
    },
    {
        "code": "dissolution-notice",
        "name": "Notify the dissolution of the Ormas",
        "summary": "Tell the office that the Ormas has dissolved itself under its articles. The registry records "
        "it as dissolved.",
        "eligibility": "An Ormas whose members decided to dissolve it.",
        "legal_basis": "UU 17/2013 Pasal 35 (AD/ART: pembubaran)",
        "letter_kind": "dissolution-notice",
        "letter_title": "Surat Keterangan Pembubaran Ormas",
        "proposal": "none",
        "checklist": [
            ("surat-permohonan", True, A, "Notification signed by the chair and secretary."),
            ("lainnya", True, A, "Minutes (berita acara) of the meeting that decided the dissolution."),
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
