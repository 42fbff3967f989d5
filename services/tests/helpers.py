"""Helpers for the services tests: a filled-in application of any service type, files that sniff as PDF/JPEG."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role, User
from registry.models import Ormas
from services import actions, prefill
from services.models import Application, ServiceType
from wadah.testing import make_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 200 + b"\xff\xd9"


def pdf(name: str = "scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def jpeg(name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


PROPOSED: dict[str, dict[str, Any]] = {
    "board": {
        "term_start": "2026-01-01",
        "term_end": "2030-12-31",
        "members": [
            {"position": "ketua", "name": "Budi Santoso", "nik": ""},
            {"position": "sekretaris", "name": "Siti Aminah", "nik": ""},
            {"position": "bendahara", "name": "Rahmat Hidayat", "nik": ""},
        ],
    },
    "address": {"address": "Jl. G. Obos No. 12"},
    "chapter": {"chapter_name": "DPC IPTK Palangka Raya", "address": "Jl. Tjilik Riwut No. 1"},
}


def with_founders(ormas: Ormas, *, count: int = 3, citizens: bool = True) -> None:
    """Record `count` founders (UU 17/2013 Pasal 9) on a chapter of the Ormas, as the officer enters them from the
    deed; citizens=False makes the last one a foreigner."""
    from registry import actions as registry_actions
    from wadah.testing import make_chapter

    chapter = ormas.chapters.first() or make_chapter(ormas)
    for index in range(count):
        seat = registry_actions.add_board_member(
            chapter, by=None, nik=None, person_values={"name": f"Pendiri {index + 1}"}, position="pendiri"
        )
        if not citizens and index == count - 1:
            seat.person.is_citizen = False
            seat.person.save()


def account_for(ormas: Ormas, username: str = "pengurus") -> User:
    user = make_user(username, Role.ORMAS_ACCOUNT)
    user.ormas = ormas
    user.email = f"{username}@example.org"
    user.first_name = "Sekretaris"
    user.save()
    return user


def filled(code: str, ormas: Ormas, by: User, **kwargs: Any) -> Application:
    """A draft with every applicable document uploaded, the statements confirmed and the data proposed."""
    service = ServiceType.objects.get(code=code)
    application = actions.create_application(service_type=service, ormas=ormas, by=by, **kwargs)
    proposed = PROPOSED.get(service.proposal)
    actions.update_application_data(application, by=by, proposed=proposed, statements_confirmed=True)
    for item in application.checklist():
        actions.upload_application_document(application, item, by=by, upload=pdf())
    for row in prefill.unanswered(application):  # the activity report's pre-filled parts, confirmed
        actions.answer_prefill_part(application, row.part.code, by=by, confirmed=True)
    return application


def submitted(code: str, ormas: Ormas, by: User) -> Application:
    return actions.submit_application(filled(code, ormas, by), by=by)


def in_review(code: str, ormas: Ormas, by: User, officer: User) -> Application:
    return actions.start_review(submitted(code, ormas, by), by=officer)


def all_valid(application: Application, officer: User) -> None:
    for document in application.current_documents():
        actions.verify_document(document, by=officer, valid=True)
