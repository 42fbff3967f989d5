"""Demo grants for seed_demo: one open window of the province office with proposals at different steps, one
refused by the gate (its reasons shown), and a closed BPKAD-style window with a recommendation letter.

Everything goes through the real actions. The Ormas are made eligible the way real ones become so: a chapter
with its Buku Induk number and an annual activity report filed through services.
"""

import contextlib
import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Office, Role, User
from demo.logins import ORMAS_ACCOUNT
from demo.services import _filled
from grants import actions
from grants.models import Criterion, GrantWindow, Proposal
from regions.models import Region
from registry import actions as registry_actions
from registry.models import Chapter, Ormas
from services import actions as service_actions

_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _PDF, content_type="application/pdf")


def _make_eligible(ormas: Ormas, officer: User) -> None:
    if not ormas.chapters.exclude(buku_induk_number="").filter(is_active=True).exists():
        chapter = Chapter(
            ormas=ormas,
            level=Chapter.Level.PROVINCE,
            name=f"DPD {ormas.abbreviation or ormas.name[:20]} Kalimantan Tengah",
            region=Region.objects.get(code="62"),
            buku_induk_number=f"BI-62-{ormas.pk:04d}",
        )
        registry_actions.save_chapter(chapter, by=None)
    if not ormas.applications.filter(service_type__code="activity-report").exists():
        report = _filled("activity-report", ormas, officer)
        service_actions.submit_application(report, by=officer)


def _window(office: Office, title: str, today: dt.date, **extra: object) -> GrantWindow:
    window = GrantWindow.objects.create(
        office=office,
        title=title,
        budget_year=today.year,
        amount=Decimal("750000000"),
        purpose="Penguatan kapasitas kelembagaan dan kegiatan sosial kemasyarakatan Ormas.",
        opens_on=today - dt.timedelta(days=20),
        closes_on=today + dt.timedelta(days=40),
        **extra,  # type: ignore[arg-type]
    )
    for order, name in enumerate(("Relevansi dengan tujuan hibah", "Kewajaran anggaran", "Kapasitas pelaksana")):
        Criterion.objects.create(window=window, name=name, max_score=10, order=order)
    return window


def _propose(window: GrantWindow, ormas: Ormas, by: User, title: str, amount: int) -> Proposal:
    proposal = actions.submit_proposal(
        window,
        ormas,
        by=by,
        title=title,
        summary="Kegiatan demo.",
        requested_amount=Decimal(amount),
        budget_lines=[("Konsumsi dan perlengkapan", Decimal(amount - 5_000_000)), ("Narasumber", Decimal(5_000_000))],
    )
    actions.add_document(proposal, _pdf("proposal.pdf"), by=by)
    return proposal


def seed_grants_demo(*, officer: User, leader: User) -> int:
    """Returns the number of proposals created."""
    if GrantWindow.objects.exists():
        return 0
    today = timezone.localdate()
    office = Office.objects.get(region_id="62")
    second = User.objects.filter(role=Role.OFFICER, office=office).exclude(pk=officer.pk).first() or leader
    window = _window(office, "Hibah Penguatan Kelembagaan Ormas", today)
    account = User.objects.filter(username=ORMAS_ACCOUNT).first()
    own = account.ormas if account else None
    active = Ormas.objects.filter(status=Ormas.Status.ACTIVE, legal_form=Ormas.LegalForm.UNINCORPORATED)
    active = active.filter(skt_expires_on__gt=today, skt_issued_on__lt=today - dt.timedelta(days=400))
    if own is not None:
        active = active.exclude(pk=own.pk)
    others = list(active.order_by("pk")[:6])
    for ormas in others[:5]:
        _make_eligible(ormas, officer)
    count = 0
    steps = [
        ("Pelatihan kader kepemimpinan", 40_000_000, "submitted"),
        ("Sosialisasi wawasan kebangsaan", 30_000_000, "evaluation"),
        ("Bakti sosial korban banjir", 50_000_000, "approved"),
        ("Pelatihan manajemen keuangan Ormas", 25_000_000, "lpj_verified"),
    ]
    for ormas, (title, amount, target) in zip(others, steps, strict=False):
        proposal = _propose(window, ormas, officer, title, amount)
        count += 1
        if target == "submitted":
            continue
        actions.start_evaluation(proposal, by=officer)
        for evaluator in (officer, second):
            actions.score(proposal, by=evaluator, scores={c.pk: 7 + c.order for c in window.criteria.all()})
        if target == "evaluation":
            continue
        actions.recommend(proposal, by=leader)
        actions.decide(
            proposal,
            by=leader,
            nphd_number=f"900/{proposal.pk:03d}/NPHD/{today.year}",
            nphd_date=today,
            amount=Decimal(amount),
        )
        if target == "lpj_verified":
            actions.disburse(proposal, by=officer, on=today - dt.timedelta(days=5))
            actions.receive_lpj(proposal, _pdf("lpj.pdf"), by=officer)
            actions.verify_lpj(proposal, by=officer)
    # The demo account's Ormas, if any, is left without an activity report so that its page shows the gate's
    # reasons; a halted Ormas is refused at the counter (the refusal is what the demo shows, nothing is saved).
    halted = Ormas.objects.filter(status=Ormas.Status.FROZEN).first()
    if halted is not None:
        with contextlib.suppress(ValidationError):
            _propose(window, halted, officer, "Kegiatan Ormas yang dihentikan", 20_000_000)
    bpkad = _window(office, "Hibah BPKAD (rekomendasi Kesbangpol)", today, recommendation_only=True)
    if len(others) > 4:
        proposal = _propose(bpkad, others[4], officer, "Festival budaya Dayak", 60_000_000)
        actions.start_evaluation(proposal, by=officer)
        for evaluator in (officer, second):
            actions.score(proposal, by=evaluator, scores={c.pk: 8 for c in bpkad.criteria.all()})
        actions.recommend(proposal, by=leader)
        actions.send_recommendation(proposal, by=leader)
        count += 1
    return count
