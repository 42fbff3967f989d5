"""Demo guidance for `seed_demo`: two programmes of the Palangka Raya office — one held a month ago with
invitations, attendance, certificates and before/after assessments, one upcoming with open invitations (the demo
Ormas account `sekretariat` can accept it) — all through the real actions.

Call seed_guidance_demo() after the registry and services demo (it needs the demo officers, Ormas and account).
"""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from guidance import actions, assessments
from guidance.models import AnswerOption, Event, Instrument, Programme, ProgrammeType
from regions.models import Region
from registry.models import Ormas

NAMES = ["Yohanes", "Ratna", "Agus", "Dewi", "Rahmat", "Maria", "Hendra", "Sari", "Bambang", "Lestari", "Fajar", "Nia"]


def _answers(level: int, overrides: dict[str, int]) -> dict[int, int]:
    instrument = Instrument.current()
    chosen = {}
    for option in AnswerOption.objects.filter(question__dimension__instrument=instrument).select_related(
        "question__dimension"
    ):
        if option.score == overrides.get(option.question.dimension.code, level):
            chosen[option.question_id] = option.pk
    return chosen


def _account(ormas: Ormas, index: int) -> User:
    user, _created = User.objects.get_or_create(
        username=f"demo.ormas.{ormas.pk}",
        defaults={"role": Role.ORMAS_ACCOUNT, "ormas": ormas, "email": f"ormas{index}@contoh.id", "is_active": False},
    )
    return user


@transaction.atomic
def seed_guidance_demo() -> int:
    """Returns the number of programmes created (0 if guidance demo data exists already)."""
    if Programme.objects.exists() or Instrument.current() is None:
        return 0
    officer = User.objects.get(username="petugas.palangkaraya")
    today = timezone.localdate()
    now = timezone.now()
    ormas_list = list(Ormas.objects.filter(regency_code="62.71", status=Ormas.Status.ACTIVE).order_by("pk")[:10])
    own = User.objects.filter(username="sekretariat").values_list("ormas_id", flat=True).first()
    village = Region.objects.filter(code__startswith="62.71.", level__in=["kelurahan", "desa"]).first()

    # Baseline assessments two months ago: finance weak everywhere, governance mixed.
    for index, ormas in enumerate(ormas_list):
        assessments.record_assessment(
            ormas,
            by=officer,
            answers=_answers(2, {"keuangan": index % 2, "digital": 1}),
            assessed_on=today - dt.timedelta(days=60),
        )

    finance = actions.create_programme(
        by=officer,
        name=f"Bimtek tata kelola keuangan Ormas {today.year}",
        programme_type=ProgrammeType.objects.get(code="bimtek"),
        region=Region.objects.get(code="62.71"),
        goals="Ormas menyusun buku kas dan laporan keuangan tahunan yang dapat dipertanggungjawabkan.",
        target_group="Bendahara dan sekretaris Ormas se-Kota Palangka Raya",
        focus_dimensions=["keuangan"],
        budget_line="5.1.02.01 Belanja bimbingan teknis",
        budget_amount=25_000_000,
        starts_on=today - dt.timedelta(days=40),
        ends_on=today + dt.timedelta(days=20),
    )
    actions.start_programme(finance, by=officer)
    held_start = now - dt.timedelta(days=30)
    held = actions.create_event(
        finance,
        by=officer,
        title="Bimtek keuangan: pembukuan kas",
        starts_at=held_start,
        ends_at=held_start + dt.timedelta(hours=6),
        venue_name="Aula Badan Kesbangpol Provinsi",
        venue_address="Jl. Tjilik Riwut Km 1",
        venue_region=village,
        capacity=12,
        seats_per_ormas=2,
        agenda="08.00 Registrasi\n09.00 Pembukuan kas sederhana\n13.00 Praktik laporan keuangan",
        speakers="Drs. Hadi Susanto, BPKAD Provinsi\nRina Wulandari, S.E., Ak.",
    )
    participants_ormas = [o for o in ormas_list if o.pk != own][:5]
    made, _skipped = actions.invite(
        held, participants_ormas, by=officer, reason="Skor keuangan rendah pada penilaian awal", source="suggestion"
    )
    names = iter(NAMES)
    for index, invitation in enumerate(made):
        people = [{"name": f"{next(names)} ({invitation.ormas.abbreviation or 'Ormas'})", "position": "Bendahara"}]
        if index % 2 == 0:
            people.append(
                {"name": f"{next(names)} ({invitation.ormas.abbreviation or 'Ormas'})", "position": "Sekretaris"}
            )
        actions.accept_invitation(invitation, by=_account(invitation.ormas, index), participants=people)
    for participant in held.participants.all()[: held.participants.count() - 1]:
        actions.check_in(held, by=officer, client_id=uuid.uuid4(), code=participant.code, at=held_start.isoformat())
    actions.add_walk_in(
        held, by=officer, client_id=uuid.uuid4(), name="Tamu dari Karang Taruna", organisation="Karang Taruna"
    )
    actions.mark_event_held(held, by=officer)
    actions.record_outcome(
        held,
        by=officer,
        report="Peserta menyusun buku kas contoh. Disepakati pendampingan penyusunan laporan keuangan tahunan.",
    )
    actions.issue_certificates(held, by=officer)

    # Follow-up a week ago: participants improved in finance, the others barely.
    attended = set(
        Ormas.objects.filter(invitations__event=held, invitations__participants__checkin__isnull=False).values_list(
            "pk", flat=True
        )
    )
    for index, ormas in enumerate(ormas_list):
        finance_score = 3 if ormas.pk in attended else index % 2
        assessments.record_assessment(
            ormas,
            by=officer,
            answers=_answers(2, {"keuangan": finance_score, "digital": 1 + (ormas.pk in attended)}),
            assessed_on=today - dt.timedelta(days=7),
        )

    nation = actions.create_programme(
        by=officer,
        name=f"Dialog wawasan kebangsaan dan kearifan lokal {today.year + 1}",
        programme_type=ProgrammeType.objects.get(code="wawasan-kebangsaan"),
        region=Region.objects.get(code="62.71"),
        goals="Memperkuat peran Ormas sebagai perekat kebangsaan dan pelestari budaya Dayak (huma betang).",
        focus_dimensions=["jejaring", "digital"],
        budget_amount=15_000_000,
        starts_on=today,
        ends_on=today + dt.timedelta(days=90),
    )
    upcoming_start = (now + dt.timedelta(days=14)).replace(hour=1, minute=0, second=0, microsecond=0)
    upcoming = actions.create_event(
        nation,
        by=officer,
        title="Dialog kebangsaan: Ormas dan huma betang",
        starts_at=upcoming_start,
        ends_at=upcoming_start + dt.timedelta(hours=4),
        venue_name="Betang Hapakat",
        venue_region=village,
        online_url="https://meet.contoh.id/dialog-kebangsaan",
        capacity=40,
        seats_per_ormas=2,
        agenda="Pembukaan\nDialog\nRencana tindak lanjut",
    )
    invitees = list(Ormas.objects.filter(pk=own or 0)) + ormas_list[5:8]
    actions.invite(
        upcoming, invitees, by=officer, reason="Jejaring dan kehadiran digital masih lemah", with_letter=True
    )
    return Event.objects.values("programme").distinct().count()
