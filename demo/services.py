"""Demo applications for seed_demo: an Ormas account, and applications at each step of the work list.

Everything goes through the real actions, so the demo has the same audit trail, deadlines, documents and letters
as real use. The Ormas chosen are provincial-level ones in Palangka Raya, handled by the province office (the
demo's `petugas.provinsi` and `pimpinan`).
"""

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Role, User
from demo.logins import DEMO_PASSWORD, ORMAS_ACCOUNT
from regions.models import Region
from registry import actions as registry_actions
from registry.models import Ormas
from services import actions, prefill
from services.models import Application, ServiceType

# A tiny but real PDF: the upload check sniffs content, not names.
_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _PDF, content_type="application/pdf")


def _filled(code: str, ormas: Ormas, by: User, **kwargs: object) -> Application:
    service = ServiceType.objects.get(code=code)
    application = actions.create_application(service_type=service, ormas=ormas, by=by, **kwargs)  # type: ignore[arg-type]
    proposals: dict[str, dict[str, Any]] = {
        "board": {
            "term_start": "2026-01-01",
            "term_end": "2030-12-31",
            "members": [
                {"position": "ketua", "name": "Yohanes Purba", "nik": ""},
                {"position": "sekretaris", "name": "Ratna Kusuma", "nik": ""},
                {"position": "bendahara", "name": "Agus Setiawan", "nik": ""},
            ],
        },
        "address": {"address": "Jl. G. Obos No. 12, Palangka Raya"},
        "chapter": {"chapter_name": f"DPD {ormas.abbreviation} Kalimantan Tengah", "address": ormas.address},
        "activity": {
            "title": "Festival Budaya Pemuda Kahayan",
            "starts_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
            "ends_on": (timezone.localdate() + dt.timedelta(days=31)).isoformat(),
            "place": "Taman Pasuk Kameloh, Palangka Raya",
            "participants": 400,
            "addressed_to": "Polresta Palangka Raya (izin keramaian)",
            "purpose": "permohonan izin keramaian",
        },
    }
    proposed = proposals.get(service.proposal)
    actions.update_application_data(application, by=by, proposed=proposed, statements_confirmed=True)
    for item in application.checklist():
        actions.upload_application_document(application, item, by=by, upload=_pdf(f"{item.document_type.code}.pdf"))
    # The activity report's pre-filled parts (services/prefill.py): the demo Ormas confirms what Wadah knows.
    for row in prefill.unanswered(application):
        actions.answer_prefill_part(application, row.part.code, by=by, confirmed=True)
    return application


def seed_services_demo(*, officer: User, leader: User) -> list[Application]:
    """Create the demo Ormas account and five applications; returns the applications."""
    active = Ormas.objects.filter(status=Ormas.Status.ACTIVE).order_by("pk")
    # Palangka Raya first (the capital, where the province office sits); any other active Ormas if too few there.
    ormas_list = list(active.filter(regency_code="62.71")[:6])
    ormas_list += list(active.exclude(pk__in=[o.pk for o in ormas_list])[: 6 - len(ormas_list)])
    for ormas in ormas_list:
        if ormas.scope_level != Ormas.ScopeLevel.PROVINCE:
            registry_actions.update_ormas(ormas, by=None, changes={"scope_level": Ormas.ScopeLevel.PROVINCE})
    own, *others = ormas_list
    account, _created = User.objects.get_or_create(
        username=ORMAS_ACCOUNT,
        defaults={
            "role": Role.ORMAS_ACCOUNT,
            "email": f"{ORMAS_ACCOUNT}@contoh.id",
            "first_name": "Sekretaris",
            "last_name": own.abbreviation,
            "ormas": own,
        },
    )
    account.set_password(DEMO_PASSWORD)
    account.save()
    counter = {
        "channel": Application.Channel.COUNTER,
        "applicant_name": "Pemohon di loket",
        "applicant_phone": "0812000000",
    }

    submitted = actions.submit_application(_filled("presence-report", others[0], officer, **counter), by=officer)

    in_review = actions.submit_application(_filled("board-change", others[1], officer, **counter), by=officer)
    actions.start_review(in_review, by=officer)

    corrections = actions.submit_application(_filled("address-change", others[2], officer, **counter), by=officer)
    actions.start_review(corrections, by=officer)
    first, *rest = corrections.current_documents()
    actions.verify_document(first, by=officer, valid=False, reason="Cap dan tanda tangan ketua belum ada.")
    for document in rest:
        actions.verify_document(document, by=officer, valid=True)
    actions.request_changes(
        corrections, by=officer, note="Mohon unggah ulang surat yang sudah dicap dan ditandatangani."
    )

    approved = actions.submit_application(_filled("presence-report", others[3], officer, **counter), by=officer)
    actions.start_review(approved, by=officer)
    for document in approved.current_documents():
        actions.verify_document(document, by=officer, valid=True)
    check = actions.schedule_field_check(
        approved, by=officer, scheduled_for=timezone.localdate() - dt.timedelta(days=1), officer=officer
    )
    actions.record_field_check(check, by=officer, result="found", notes="Sekretariat ada, papan nama terpasang.")
    actions.approve_application(approved, by=leader, note="")

    # An activity recommendation (rekomendasi kegiatan) waiting for the office's check.
    recommendation = actions.submit_application(
        _filled("activity-recommendation", others[4], officer, **counter), by=officer
    )
    # A known but unregistered Ormas (terdata) asking for the SKT pre-verification, its only open service: in
    # review, it is "dalam proses" in the registry.
    known = registry_actions.create_ormas(
        by=officer,
        name="Komunitas Literasi Anak Kahayan",
        abbreviation="KLAK",
        legal_form=Ormas.LegalForm.UNINCORPORATED,
        scope_level=Ormas.ScopeLevel.REGENCY,
        status=Ormas.Status.TERDATA,
        address="Jl. Rajawali No. 8, Palangka Raya",
        region=Region.objects.get(code="62.71.01.1003"),
    )
    preverification = actions.submit_application(_filled("skt-preverification", known, officer, **counter), by=officer)
    actions.start_review(preverification, by=officer)

    # The Ormas account's own draft, to continue in the applicant pages.
    draft = actions.create_application(
        service_type=ServiceType.objects.get(code="activity-report"), ormas=own, by=account
    )
    return [submitted, in_review, corrections, approved, recommendation, preverification, draft]
