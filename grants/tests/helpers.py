"""Helpers for the grants tests: an eligible Ormas, an open window with criteria, proposals at any step."""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Office, Role, User
from grants import actions
from grants.models import Criterion, GrantWindow, Proposal
from registry.models import Ormas
from services.models import Application, ServiceType
from wadah.testing import make_chapter, make_ormas, make_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 200 + b"\xff\xd9"
TODAY = dt.date(2026, 3, 10)


def pdf(name: str = "lpj.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def jpeg(name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


def file_activity_report(ormas: Ormas, year: int = 2025) -> Application:
    office = Office.objects.get(region_id=ormas.regency_code)
    application = Application.objects.create(
        reference=f"LYN-{year}-{ormas.pk:06d}",
        service_type=ServiceType.objects.get(code="activity-report"),
        ormas=ormas,
        office=office,
        applicant_name="Pengurus",
        status=Application.Status.SUBMITTED,
    )
    Application.objects.filter(pk=application.pk).update(
        submitted_at=timezone.make_aware(dt.datetime(year, 12, 1, 10, 0))
    )
    return application


def eligible_ormas(**overrides) -> Ormas:
    ormas = make_ormas(**overrides)
    make_chapter(ormas, buku_induk_number=f"BI-62.71-{ormas.pk:04d}")
    file_activity_report(ormas)
    return ormas


def make_window(office_code: str = "62.71", *, recommendation_only: bool = False, **overrides) -> GrantWindow:
    values = {
        "office": Office.objects.get(region_id=office_code),
        "title": "Hibah Ormas",
        "budget_year": 2026,
        "amount": Decimal("500000000"),
        "purpose": "Penguatan kapasitas",
        "opens_on": dt.date(2026, 3, 1),
        "closes_on": dt.date(2026, 4, 30),
        "recommendation_only": recommendation_only,
    }
    values.update(overrides)
    window = GrantWindow.objects.create(**values)
    Criterion.objects.create(window=window, name="Relevansi", max_score=10, order=1)
    Criterion.objects.create(window=window, name="Kewajaran anggaran", max_score=10, order=2)
    return window


def propose(window: GrantWindow, ormas: Ormas, by: User, amount: str = "25000000") -> Proposal:
    return actions.submit_proposal(
        window,
        ormas,
        by=by,
        title="Pelatihan kader",
        requested_amount=Decimal(amount),
        budget_lines=[("Konsumsi", Decimal(amount) - 5000000), ("Narasumber", Decimal("5000000"))],
        on=TODAY,
    )


def evaluators(office_code: str = "62.71") -> tuple[User, User]:
    return (
        make_user(f"eval.a.{office_code}", Role.OFFICER, office_code=office_code),
        make_user(f"eval.b.{office_code}", Role.OFFICER, office_code=office_code),
    )


def score_all(proposal: Proposal, *users: User) -> None:
    for user in users:
        actions.score(proposal, by=user, scores={c.pk: 8 for c in proposal.window.criteria.all()})
