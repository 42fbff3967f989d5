"""Demo supervision cases (seed_demo calls them): a BINDA member, a case past its warning window
with a BINDA note not shared with Polda, a Polda note shared with BINDA, and a leadership dispute.

Call seed_supervision_demo() after the registry and services demo (it needs the demo officers and Ormas)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.models import Agency, Office, Role, User
from demo.logins import BINDA, DEMO_PASSWORD
from letters.models import Letter
from registry.models import Ormas
from supervision import actions, compartments, drafts, rules
from supervision.models import BreachedArticle, Case, CaseStep
from workdays.engine import add_working_days, deadline_for


@transaction.atomic
def seed_supervision_demo() -> int:
    if Case.objects.exists():
        return 0
    officer = User.objects.get(username="petugas.palangkaraya")
    polda_user = User.objects.get(username="polda")
    binda = Agency.objects.get(abbreviation="BINDA", region_id="62")
    binda_user, created = User.objects.get_or_create(
        username=BINDA,
        defaults={"role": Role.AGENCY_MEMBER, "agency": binda, "first_name": "Anggota", "last_name": "BINDA"},
    )
    if created:
        binda_user.set_password(DEMO_PASSWORD)
        binda_user.save()
    office = Office.objects.get(region_id="62.71")
    ormas_list = list(
        Ormas.objects.filter(regency_code="62.71", status=Ormas.Status.ACTIVE, legal_form="tidak_berbadan_hukum")[:2]
    )
    polda = Agency.objects.get(abbreviation="Polda", region_id="62")
    case = actions.open_case(
        ormas=ormas_list[0],
        office=office,
        by=officer,
        summary="Pungutan liar kepada pedagang di Pasar Kahayan oleh orang beratribut Ormas.",
        source="complaint",
    )
    actions.add_member(case, polda, by=officer)
    actions.add_member(case, binda, by=officer)
    actions.start_clarification(case, by=officer, decision="Pengurus dipanggil untuk klarifikasi.")
    actions.add_meeting(
        case,
        by=officer,
        held_on=timezone.localdate() - dt.timedelta(days=20),
        attendees="Ketua dan sekretaris Ormas; Kasubbid Ormas; Polda",
        minutes="Pengurus mengakui ada anggota yang memungut; berjanji menertibkan.",
        place="Kantor Kesbangpol Kota",
    )
    actions.start_persuasion(case, by=officer, decision="Pembinaan: surat edaran kepada anggota.")
    actions.classify_case(case, by=officer, articles=BreachedArticle.objects.filter(code="pasal-59-3"))
    # The officer drafts the warning; the office's Pimpinan decides and signs it (issue 11).
    draft = drafts.draft_step(
        case,
        CaseStep.Kind.WRITTEN_WARNING,
        by=officer,
        legal_basis="UU 17/2013 jo. UU 16/2017 Pasal 59(3)(c), 61(1)(a), 62(1)",
        text="Pungutan liar kepada pedagang pasar oleh anggota beratribut Ormas masih berlangsung.",
    )
    warning = drafts.decide_draft(draft, by=User.objects.get(username="pimpinan.palangkaraya"))
    # Demo history: the warning was issued 10 working days ago, so its window has closed (the action itself only
    # dates a warning the day it is numbered).
    issued = add_working_days(timezone.localdate(), -10, region_code="62.71")
    CaseStep.objects.filter(pk=warning.pk).update(
        decided_on=issued, deadline=deadline_for(rules.WARNING_PERIOD, issued, region_code="62.71")
    )
    if warning.letter_id is not None:
        Letter.objects.filter(pk=warning.letter_id).update(issued_on=issued)
    actions.add_note(case, by=binda_user, text="Informasi BINDA: koordinator lapangan terkait jaringan di luar daerah.")
    note = actions.add_note(case, by=polda_user, text="Polda: dua laporan polisi terkait pemerasan sedang diproses.")
    compartments.share(note, with_agency=binda, by=polda_user, note="Untuk koordinasi")
    if len(ormas_list) > 1:
        dispute = actions.open_case(
            ormas=ormas_list[1],
            office=office,
            by=officer,
            summary="Dua kubu mengaku pengurus sah.",
            source="monitoring",
        )
        actions.start_dispute(dispute, by=officer, decision="Sengketa kepengurusan: mediasi.")
    return Case.objects.count()
