"""Issue 11 items 5, 6 and 8: the services' periods and legal bases, the registration route for unregistered
Ormas, the pre-verification forwarded to the Mendagri, and the activity recommendation (rekomendasi kegiatan).

* The SKT service no longer cites UU 17/2013 Pasal 16(3), 17 or 18: MK 82/PUU-XI/2013 struck them down.
* Periods: UU 30/2014 Pasal 53(2) as amended (5 working days by default; workdays 0003).
* The activity recommendation is a service regional offices offer (a public event needing a police permit, a
  funding request to another body); it is refused to an Ormas under a sanction in force and to unregistered Ormas
  (no government facilitation without registration, domain.md §2.4).
"""

from django.db import migrations

SKT_BASIS = (
    "UU 17/2013 Pasal 15 and 16(1)–(2); PP 58/2016; Permendagri 57/2017 (Pasal 16(3), 17 and 18 were struck down by "
    "MK 82/PUU-XI/2013 and are not a basis)"
)

NEW_DOCUMENT_TYPES = [
    ("proposal-kegiatan", "Proposal/kerangka acuan kegiatan", "Office practice (rekomendasi kegiatan)", 150),
    ("susunan-panitia", "Susunan panitia kegiatan", "Office practice (rekomendasi kegiatan)", 151),
]

ACTIVITY = {
    "code": "activity-recommendation",
    "name": "Rekomendasi kegiatan",
    "summary": "Ormas meminta surat rekomendasi Kesbangpol untuk suatu kegiatan, misalnya kegiatan publik yang "
    "memerlukan izin keramaian dari Kepolisian, atau permohonan dana kepada instansi lain.",
    "eligibility": "Ormas terdaftar (ber-SKT atau ber-SK AHU dan melapor keberadaan) yang tidak sedang dikenai "
    "sanksi.",
    "legal_basis": "Office practice of regional Kesbangpol offices (no regulation of its own found, UNVERIFIED); "
    "period: UU 30/2014 Pasal 53(2) as amended",
    "decision_period": "activity-recommendation",
    "correction_period": "correction",
    "letter_kind": "activity-recommendation",
    "letter_title": "Surat Rekomendasi Kegiatan",
    "proposal": "activity",
    "refused_under_sanction": True,
    "checklist": [
        ("surat-permohonan", True, "always", "Ditandatangani ketua dan sekretaris, menyebut kegiatan dan tujuannya."),
        ("proposal-kegiatan", True, "always", "Nama, waktu, tempat, perkiraan peserta, susunan acara dan anggaran."),
        ("susunan-panitia", True, "always", "Dengan nama dan nomor telepon penanggung jawab."),
        ("ktp-pengurus", True, "always", "e-KTP ketua panitia atau penanggung jawab."),
        ("skt", True, "unincorporated", "SKT yang masih berlaku."),
        ("sk-ahu", True, "legal_entity", "SK pengesahan badan hukum."),
        ("lainnya", False, "always", "Misalnya surat izin tempat dari pengelola gedung atau lapangan."),
    ],
}


def load(apps, schema_editor):
    ServiceType = apps.get_model("services", "ServiceType")
    ChecklistItem = apps.get_model("services", "ChecklistItem")
    DocumentType = apps.get_model("registry", "DocumentType")
    for code, name, basis, order in NEW_DOCUMENT_TYPES:
        DocumentType.objects.get_or_create(code=code, defaults={"name": name, "legal_basis": basis, "order": order})
    ServiceType.objects.filter(code="skt-preverification").update(
        legal_basis=SKT_BASIS,
        decision_period="skt-preverification",
        open_to_unregistered=True,
        forwards_to_ministry=True,
    )
    ServiceType.objects.filter(code="skt-renewal").update(
        legal_basis="Permendagri 57/2017; PP 58/2016 (an SKT is valid for 5 years, domain.md §2.2)",
        decision_period="skt-preverification",
        forwards_to_ministry=True,
    )
    ServiceType.objects.filter(code="presence-report").update(
        legal_basis="PP 58/2016 (holders of an SKT or legal-entity status report their regional kepengurusan); "
        "Permendagri 57/2017 Pasal 7(2) (domain.md §1)"
    )
    spec = dict(ACTIVITY)
    checklist = spec.pop("checklist")
    code = spec.pop("code")
    service, _ = ServiceType.objects.update_or_create(code=code, defaults={**spec, "order": 65})
    service.checklist.all().delete()
    types = {d.code: d for d in DocumentType.objects.all()}
    for position, (doc, required, condition, hint) in enumerate(checklist, start=1):
        ChecklistItem.objects.create(
            service_type=service,
            document_type=types[doc],
            required=required,
            condition=condition,
            hint=hint,
            order=position * 10,
        )


def unload(apps, schema_editor):
    apps.get_model("services", "ServiceType").objects.filter(code=ACTIVITY["code"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0004_lapse_and_registration"),
        ("registry", "0013_registration_rules_and_name_hints"),
        ("workdays", "0003_service_periods"),
    ]
    operations = [migrations.RunPython(load, unload)]
