"""The UU 16/2017 ladder: TRANSITIONS walked against the actions, every path, deadlines, registry effects."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import Entry
from registry.models import Ormas
from supervision import actions, rules
from supervision.management.commands.case_reminders import send_reminders
from supervision.models import Case, CaseStep, StepAuthority
from supervision.queries import active_sanction
from supervision.tests.helpers import classify, warn
from workdays.models import Holiday

S = Case.Status
K = CaseStep.Kind
MONDAY = dt.date(2026, 11, 2)  # a plain week: 2–6 and 9–13 November 2026 have no national holiday


@pytest.fixture
def officer(city_officer):
    city_officer.email = "petugas@kesbangpol.example"
    city_officer.save(update_fields=["email"])
    return city_officer


def _warned(case, officer, pimpinan, issued_on=MONDAY):
    return warn(case, officer, pimpinan, issued_on)


def test_it_has_an_action_for_every_transition():
    moves = {(old, new) for old, targets in Case.TRANSITIONS.items() for new in targets}
    assert moves == set(actions.ACTION_FOR)
    assert all(not Case.TRANSITIONS[s] for s in Case.FINAL)


def test_it_walks_the_ladder_from_warning_to_lifted_halt(officer, pimpinan, case, django_capture_on_commit_callbacks):
    Holiday.objects.create(date=MONDAY + dt.timedelta(days=2), name="Libur daerah", kind=Holiday.Kind.LOCAL)
    warning = _warned(case, officer, pimpinan)
    case.refresh_from_db()
    assert case.status == S.WRITTEN_WARNING
    # 7 working days from Monday 2 Nov, skipping the Wednesday holiday: Thursday 12 Nov.
    assert warning.deadline == dt.date(2026, 11, 12)
    assert warning.letter.number and warning.letter.kind == "written-warning"
    assert warning.letter.ormas == case.ormas
    assert warning.rules["period"]["code"] == "written-warning-compliance"
    assert warning.rules["period"]["days"] == 7
    assert warning.legal_basis.endswith("Pasal 62(1)")

    actions.record_response(warning, "Kami akan memperbaiki", MONDAY + dt.timedelta(days=3), by=officer)
    proposal = rules.propose_next_step(case)
    assert proposal["kind"] == K.HALT_RECOMMENDED and proposal["needs_compliance_record"]
    assert warning.letter.number in proposal["letter_body"]

    actions.record_compliance(case, False, by=officer, note="Tidak ada perbaikan")
    proposal = rules.propose_next_step(case)
    assert proposal["kind"] == K.HALT_RECOMMENDED
    assert proposal["ministry"] == "Mendagri"  # an SKT Ormas: the Mendagri decides
    with pytest.raises(ValidationError):
        actions.take_step(case, by=pimpinan, legal_basis="Pasal 62(2)", reason="Tidak patuh")
    step = actions.recommend_step(
        case,
        by=pimpinan,
        legal_basis=proposal["legal_basis"],
        reason="Tidak patuh",
        letter_body=proposal["letter_body"],
    )
    assert step.letter.addressee == "Menteri Dalam Negeri Republik Indonesia"
    assert step.rules["authority"]["power"] == "recommend" and step.rules["authority"]["unverified"]
    assert active_sanction(case.ormas) is None

    actions.record_decision(
        case, by=officer, outcome="halted", decree_number="SK-100/2026", decree_date=timezone.localdate()
    )
    case.refresh_from_db()
    case.ormas.refresh_from_db()
    assert case.status == S.HALTED
    assert case.ormas.status == Ormas.Status.FROZEN
    sanction = active_sanction(case.ormas)
    assert sanction is not None and sanction.kind == K.HALT and sanction.decree_number == "SK-100/2026"
    assert Entry.objects.filter(action="case.decision_recorded", ormas=case.ormas).exists()
    assert Entry.objects.filter(action="ormas.status_changed", ormas=case.ormas).exists()

    with django_capture_on_commit_callbacks(execute=True):
        actions.lift_sanction(case, by=pimpinan, reason="Sudah patuh", legal_basis="Pasal 62")
    case.refresh_from_db()
    case.ormas.refresh_from_db()
    assert case.status == S.CLOSED
    assert case.ormas.status == Ormas.Status.ACTIVE
    assert active_sanction(case.ormas) is None
    assert Entry.objects.filter(action="case.sanction_lifted", ormas=case.ormas).exists()
    assert mail.outbox and "petugas@kesbangpol.example" in mail.outbox[-1].to


def test_it_counts_a_warning_in_its_window_as_an_active_sanction(officer, pimpinan, case):
    _warned(case, officer, pimpinan, issued_on=timezone.localdate())
    sanction = active_sanction(case.ormas)
    assert sanction is not None and sanction.kind == K.WRITTEN_WARNING
    assert rules.propose_next_step(case) is None
    with pytest.raises(ValidationError, match="window is open"):
        actions.record_compliance(case, False, by=officer, note="Belum")


def test_it_answers_active_sanction_in_one_query(officer, pimpinan, case, django_assert_num_queries):
    _warned(case, officer, pimpinan, issued_on=timezone.localdate())
    with django_assert_num_queries(1):
        assert active_sanction(case.ormas) is not None


def test_it_allows_only_one_written_warning(officer, pimpinan, case):
    _warned(case, officer, pimpinan)
    with pytest.raises(ValidationError, match="only one"):
        actions.issue_written_warning(case, by=pimpinan, legal_basis="Pasal 62(1)", findings="Lagi")


def test_it_closes_a_case_when_the_ormas_complied(officer, pimpinan, case):
    _warned(case, officer, pimpinan)
    actions.record_compliance(case, True, by=officer, note="Sudah diperbaiki")
    actions.close_case(case, by=officer, reason="Patuh")
    assert Case.objects.get(pk=case.pk).status == S.CLOSED
    with pytest.raises(ValidationError):
        actions.add_note(case, by=officer, text="Terlambat")


def test_it_halts_activities_itself_where_the_step_authority_allows(officer, pimpinan, case):
    StepAuthority.objects.filter(step_kind="halt").update(power=StepAuthority.Power.TAKE)
    _warned(case, officer, pimpinan)
    actions.record_compliance(case, False, by=officer, note="Tidak ada perbaikan")
    proposal = rules.propose_next_step(case)
    assert proposal["kind"] == K.HALT and proposal["office_may_take"]
    step = actions.take_step(case, by=pimpinan, legal_basis="Pasal 62(2)", reason="Tidak patuh")
    assert step.letter.kind == "halt-of-activities"
    case.ormas.refresh_from_db()
    assert case.ormas.status == Ormas.Status.FROZEN


def test_it_refuses_a_halt_by_the_office_by_default(officer, pimpinan, case):
    _warned(case, officer, pimpinan)
    actions.record_compliance(case, False, by=officer, note="Tidak ada perbaikan")
    with pytest.raises(PermissionDenied):
        actions.halt_activities(case, by=pimpinan, legal_basis="Pasal 62(2)", reason="Tidak patuh")


def test_it_recommends_revocation_after_the_halt_was_not_complied_with(officer, pimpinan, case):
    StepAuthority.objects.filter(step_kind="halt").update(power=StepAuthority.Power.TAKE)
    _warned(case, officer, pimpinan)
    actions.record_compliance(case, False, by=officer, note="x")
    halt = actions.take_step(case, by=pimpinan, legal_basis="Pasal 62(2)", reason="Tidak patuh", letter_body="")
    assert "penghentian kegiatan" in halt.letter.body and "sementara" not in halt.letter.body
    # Pasal 62(3): revocation straight after a halt is refused; the halt must first be found not complied with.
    assert rules.propose_next_step(case) is None
    with pytest.raises(ValidationError):
        actions.recommend_revocation(case, by=pimpinan, legal_basis="Pasal 62(3)", reason="Langsung")
    assert Case.objects.get(pk=case.pk).status == S.HALTED
    actions.record_halt_not_complied(case, by=officer, note="Kegiatan tetap berjalan")
    proposal = rules.propose_next_step(case)
    assert proposal["kind"] == K.REVOCATION_RECOMMENDED
    actions.recommend_step(case, by=pimpinan, legal_basis=proposal["legal_basis"], reason="Tetap tidak patuh")
    with pytest.raises(ValidationError):
        actions.record_decision(case, by=officer, outcome="dissolved", decree_number="X", decree_date=MONDAY)
    today = timezone.localdate()
    actions.record_decision(case, by=officer, outcome="revoked", decree_number="SK-7/2026", decree_date=today)
    case.ormas.refresh_from_db()
    assert case.ormas.status == Ormas.Status.REVOKED
    assert active_sanction(case.ormas).kind == K.REVOCATION


def test_it_takes_the_direct_path_only_for_a_classified_pasal_60_2_breach(officer, pimpinan, city_office):
    from wadah.testing import make_ormas

    ormas = make_ormas(
        name="Perkumpulan Contoh", abbreviation="PC", legal_form=Ormas.LegalForm.ASSOCIATION, ahu_number="AHU-1"
    )
    case = actions.open_case(ormas=ormas, office=city_office, by=officer, summary="Separatisme", source="monitoring")
    classify(case, officer, "pasal-21")
    # Free text citing 60(2) opens nothing: the classification decides.
    with pytest.raises(ValidationError, match="59\\(3\\)"):
        actions.recommend_revocation(
            case, by=pimpinan, legal_basis="bukan 60(2), tetapi Pasal 60(2)", reason="Separatis", direct=True
        )
    classify(case, officer, "pasal-59-4")
    with pytest.raises(ValidationError, match="Confirm"):
        actions.recommend_revocation(case, by=pimpinan, legal_basis="Pasal 61(3)", reason="Separatis")
    step = actions.recommend_revocation(
        case, by=pimpinan, legal_basis=rules.DIRECT_BASIS, reason="Separatis", direct=True
    )
    assert step.rules["direct"] and step.rules["direct_articles"] == ["Pasal 59 ayat (4)"]
    assert step.letter.addressee == "Menteri Hukum Republik Indonesia"
    today = timezone.localdate()
    actions.record_decision(case, by=officer, outcome="dissolved", decree_number="AHU-30", decree_date=today)
    ormas.refresh_from_db()
    assert ormas.status == Ormas.Status.DISSOLVED
    with pytest.raises(ValidationError):
        actions.lift_sanction(case, by=pimpinan, reason="x", legal_basis="y")


def test_it_refers_a_crime_to_law_enforcement(officer, case):
    step = actions.refer_case(case, by=officer, reason="Penganiayaan", legal_basis="Pasal 82A")
    assert step.letter.kind == "referral-letter"
    assert Case.objects.get(pk=case.pk).status == S.REFERRED
    actions.close_case(case, by=officer, reason="Ditangani Polda")


def test_it_records_mediation_in_a_leadership_dispute(officer, case):
    with pytest.raises(ValidationError):
        actions.record_mediation(case, by=officer, held_on=MONDAY, parties="A; B", outcome="agreed")
    actions.start_dispute(case, by=officer, decision="Dua kepengurusan")
    with pytest.raises(ValidationError, match="agreement"):
        actions.record_mediation(case, by=officer, held_on=MONDAY, parties="A; B", outcome="agreed")
    session = actions.record_mediation(
        case, by=officer, held_on=MONDAY, parties="Kubu A; Kubu B", outcome="agreed", agreement="Musyawarah ulang"
    )
    assert session.agreement == "Musyawarah ulang"
    actions.close_case(case, by=officer, reason="Sepakat")


def test_it_refuses_an_officer_of_another_kab_kota(case, kotim_officer):
    with pytest.raises(PermissionDenied):
        actions.start_clarification(case, by=kotim_officer, decision="x")


def test_it_refuses_moves_the_table_does_not_list(officer, case):
    with pytest.raises(ValidationError):
        actions.record_compliance(case, True, by=officer, note="x")


def test_it_reminds_officers_once_a_day_when_the_window_ended(officer, pimpinan, case):
    _warned(case, officer, pimpinan)
    mail.outbox.clear()
    today = dt.date(2026, 11, 20)
    assert send_reminders(today) == 1
    assert send_reminders(today) == 0
    assert len(mail.outbox) == 1 and case.reference in mail.outbox[0].subject
    assert send_reminders(today + dt.timedelta(days=1)) == 1
