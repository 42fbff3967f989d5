"""Shared builders for the cross-cutting tests: an Ormas with one of everything a registry view can point at."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.plugins.otp_totp.models import TOTPDevice

from registry import actions
from registry.models import BoardMember, Chapter, Document, DocumentType, Ormas
from wadah.lib.files import SniffedType
from wadah.testing import make_chapter

# A 1×1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass
class Records:
    ormas: Ormas
    chapter: Chapter
    seat: BoardMember
    document: Document


def document_type() -> DocumentType:
    return DocumentType.objects.get_or_create(code="akta", defaults={"name": "Akta pendirian"})[0]


def fill(ormas: Ormas, nik: str) -> Records:
    """Give ormas a logo, a chapter with one board member (with this NIK) and one document."""
    ormas.logo.save(f"logo-{ormas.pk}.png", ContentFile(PNG), save=True)
    chapter = make_chapter(ormas)
    seat = actions.add_board_member(
        chapter, by=None, nik=nik, person_values={"name": f"Pengurus {ormas.abbreviation}"}, position="ketua"
    )
    document = actions.add_document(
        ormas,
        by=None,
        document_type=document_type(),
        upload=SimpleUploadedFile("akta.pdf", PDF, content_type="application/pdf"),
        sniffed=SniffedType("pdf", "application/pdf"),
    )
    return Records(ormas, chapter, seat, document)


def login_verified(client, user) -> None:
    """Log in and, for roles that need a second factor, pass it (a confirmed TOTP device in the session)."""
    client.force_login(user)
    if getattr(user, "requires_totp", False):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
