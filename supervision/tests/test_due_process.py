"""Issue 11 as a legal spec: each test tries to break a rule and shows it refused, with nothing changed."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Office, Role
from letters import actions as letter_actions
from registry.models import Ormas
from supervision import actions, drafts
from supervision.models import Case, CaseDraft, CaseStep, Competence, StepAuthority
from supervision.queries import active_sanction
from supervision.tests.helpers import classify, warn
from wadah.testing import make_ormas, make_user

S = Case.Status
K = CaseStep.Kind
TODAY = timezone.localdate


def _status(case):
    return Case.objects.get(pk=case.pk).status


def test_a_petugas_cannot_decide_a_sanction_step_only_draft_it(city_officer, pimpinan, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    classify(case, city_officer, "pasal-21")
    with pytest.raises(PermissionDenied, match="Pimpinan"):
        actions.issue_written_warning(case, by=city_officer, legal_basis="Pasal 62(1)", findings="x")
    assert _status(case) == S.CLARIFICATION and not case.steps.filter(kind=K.WRITTEN_WARNING).exists()
    draft = drafts.draft_step(case, K.WRITTEN_WARNING, by=city_officer, legal_basis="Pasal 62(1)", text="Pungli")
    with pytest.raises(PermissionDenied):
        drafts.decide_draft(draft, by=city_officer)
    step = drafts.decide_draft(draft, by=pimpinan)
    assert step.decided_by == pimpinan and step.letter.signatory_position.startswith("a.n. Wali Kota")
    draft.refresh_from_db()
    assert draft.status == CaseDraft.Status.DECIDED and draft.step == step


def test_a_pimpinan_of_another_office_cannot_decide(city_officer, leader, case):
    """The province head's scope covers the city, but the city's warning is the city's Pimpinan's to sign."""
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    classify(case, city_officer, "pasal-21")
    with pytest.raises(PermissionDenied):
        actions.issue_written_warning(case, by=leader, legal_basis="Pasal 62(1)", findings="x")


def test_a_pimpinan_may_send_a_draft_back(city_officer, pimpinan, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    classify(case, city_officer, "pasal-21")
    draft = drafts.draft_step(case, K.WRITTEN_WARNING, by=city_officer, legal_basis="Pasal 62(1)", text="Pungli")
    drafts.return_draft(draft, by=pimpinan, note="Lengkapi bukti")
    with pytest.raises(ValidationError):
        drafts.decide_draft(draft, by=pimpinan)
    assert _status(case) == S.CLARIFICATION


def test_the_competent_government_follows_where_the_violation_happened(city_officer, pimpinan, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    classify(case, city_officer, "pasal-21", spread="several_regencies")
    with pytest.raises(ValidationError, match="Gubernur"):
        actions.issue_written_warning(case, by=pimpinan, legal_basis="Pasal 62(1)", findings="x")
    classify(case, city_officer, "pasal-21", spread="several_provinces")
    with pytest.raises(ValidationError, match="Menteri"):
        actions.issue_written_warning(case, by=pimpinan, legal_basis="Pasal 62(1)", findings="x")
    assert _status(case) == S.CLARIFICATION
    assert Competence.objects.get(spread="one_regency").is_unverified  # data, marked until confirmed


def test_a_province_case_across_regencies_is_signed_a_n_the_gubernur(province_officer):
    province = Office.objects.get(region_id="62")
    head = make_user("pimpinan.prov", Role.LEADER, office_code="62")
    case = actions.open_case(
        ormas=make_ormas(), office=province, by=province_officer, summary="Lintas kab", source="monitoring"
    )
    assert case.spread == "several_regencies"
    step = warn(case, province_officer, head, persuasion=False, codes=("pasal-21",))
    assert step.letter.signatory_position.startswith("a.n. Gubernur Kalimantan Tengah")


def test_a_warning_cannot_be_backdated_beyond_the_bound_or_without_a_reason(city_officer, pimpinan, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    classify(case, city_officer, "pasal-21")
    for issued_on, reason, message in [
        (TODAY() + dt.timedelta(days=1), "", "future"),
        (TODAY() - dt.timedelta(days=30), "Tanda tangan basah", "at most"),
        (TODAY() - dt.timedelta(days=1), "", "reason"),
    ]:
        with pytest.raises(ValidationError, match=message):
            actions.issue_written_warning(
                case, by=pimpinan, legal_basis="62(1)", findings="x", issued_on=issued_on, backdate_reason=reason
            )
    assert _status(case) == S.CLARIFICATION
    step = actions.issue_written_warning(
        case,
        by=pimpinan,
        legal_basis="62(1)",
        findings="x",
        issued_on=TODAY() - dt.timedelta(days=1),
        backdate_reason="Tanda tangan basah kemarin",
    )
    assert step.backdate_reason == "Tanda tangan basah kemarin" and step.letter.issued_on == step.decided_on


def test_non_compliance_cannot_be_recorded_before_the_window_closed_even_with_a_chosen_date(
    city_officer, pimpinan, case
):
    warning = warn(case, city_officer, pimpinan)
    with pytest.raises(ValidationError):
        actions.record_compliance(case, False, by=city_officer, note="x", checked_on=warning.deadline + dt.timedelta(1))
    with pytest.raises(ValidationError, match="window is open"):
        actions.record_compliance(case, False, by=city_officer, note="x")
    assert _status(case) == S.WRITTEN_WARNING


def test_delivery_is_recorded_and_cannot_predate_the_letter(city_officer, pimpinan, case):
    warning = warn(case, city_officer, pimpinan)
    with pytest.raises(ValidationError):
        actions.record_delivery(warning, by=city_officer, delivered_on=TODAY() - dt.timedelta(days=2), method="hand")
    with pytest.raises(ValidationError):
        actions.record_delivery(warning, by=city_officer, delivered_on=TODAY(), method="pigeon")
    actions.record_delivery(warning, by=city_officer, delivered_on=TODAY(), method="hand")
    warning.refresh_from_db()
    assert (warning.delivered_on, warning.delivery_method) == (TODAY(), "hand")


def test_persuasion_is_optional(city_officer, pimpinan, case):
    step = warn(case, city_officer, pimpinan, persuasion=False)
    assert step.kind == K.WRITTEN_WARNING


def test_only_once_per_ormas_and_violation_not_per_case(city_officer, pimpinan, city_ormas, city_office, case):
    warn(case, city_officer, pimpinan, codes=("pasal-21",))
    second = actions.open_case(ormas=city_ormas, office=city_office, by=city_officer, summary="Lagi", source="media")
    with pytest.raises(ValidationError, match="already warned"):
        warn(second, city_officer, pimpinan, codes=("pasal-21",))
    third = actions.open_case(ormas=city_ormas, office=city_office, by=city_officer, summary="Lain", source="media")
    assert warn(third, city_officer, pimpinan, codes=("pasal-59-2",)).kind == K.WRITTEN_WARNING


def test_a_warning_needs_the_breached_article(city_officer, pimpinan, case):
    actions.start_clarification(case, by=city_officer, decision="Panggil")
    with pytest.raises(ValidationError, match="article"):
        actions.issue_written_warning(case, by=pimpinan, legal_basis="62(1)", findings="x")


def test_free_text_does_not_open_the_direct_path(city_officer, pimpinan, case):
    classify(case, city_officer, "pasal-21")
    with pytest.raises(ValidationError):
        actions.recommend_revocation(case, by=pimpinan, legal_basis="bukan 60(2)", reason="x", direct=True)
    assert _status(case) == S.OPENED


def test_a_foreign_ormas_has_its_own_path(city_officer, pimpinan, city_office):
    ormas = make_ormas(
        name="Yayasan Asing Contoh",
        abbreviation="YAC",
        legal_form=Ormas.LegalForm.FOREIGN,
        skt_number="",
        foreign_permit_number="IZ-1",
    )
    case = actions.open_case(ormas=ormas, office=city_office, by=city_officer, summary="x", source="monitoring")
    classify(case, city_officer, "pasal-52")
    with pytest.raises(ValidationError, match="permits"):
        actions.recommend_revocation(case, by=pimpinan, legal_basis="61(3)", reason="x", direct=True)
    step = actions.recommend_foreign_measure(case, by=pimpinan, legal_basis="Pasal 61(2)", reason="Melanggar 52")
    assert "Luar Negeri" in step.letter.addressee
    actions.record_decision(case, by=city_officer, outcome="permit_revoked", decree_number="K-1", decree_date=TODAY())
    ormas.refresh_from_db()
    assert ormas.status == Ormas.Status.REVOKED and active_sanction(ormas).kind == K.FOREIGN_MEASURE


def test_a_domestic_ormas_cannot_be_classified_under_foreign_only_articles(city_officer, case):
    with pytest.raises(ValidationError, match="foreign"):
        classify(case, city_officer, "pasal-52")


def test_lifting_a_sanction_and_revoking_a_pimpinan_letter_are_a_pimpinans_acts(city_officer, pimpinan, case):
    StepAuthority.objects.filter(step_kind="halt").update(power=StepAuthority.Power.TAKE)
    warning = warn(case, city_officer, pimpinan, TODAY() - dt.timedelta(days=3))
    Case.objects.filter(pk=case.pk)  # the window is still open: move the deadline to the past for the test
    CaseStep.objects.filter(pk=warning.pk).update(deadline=TODAY() - dt.timedelta(days=1))
    actions.record_compliance(case, False, by=city_officer, note="x")
    actions.halt_activities(case, by=pimpinan, legal_basis="62(2)", reason="x", halt_scope="Kecamatan Pahandut")
    assert active_sanction(case.ormas).halt_scope == "Kecamatan Pahandut"
    with pytest.raises(PermissionDenied):
        actions.lift_sanction(case, by=city_officer, reason="Patuh", legal_basis="62")
    with pytest.raises(PermissionDenied, match="Pimpinan"):
        letter_actions.revoke_letter(warning.letter, by=city_officer, reason="Salah")
    assert _status(case) == S.HALTED


def test_a_dissolved_or_revoked_ormas_cannot_apply(city_ormas, ormas_account):
    from registry.actions import Decision, change_ormas_status
    from services import actions as services_actions
    from services.models import ServiceType

    change_ormas_status(
        city_ormas,
        Ormas.Status.REVOKED,
        by=None,
        reason="SK Mendagri",
        decision=Decision(number="SK-1", date=TODAY(), basis="Pasal 62(3)"),
    )
    service = ServiceType.objects.filter(is_active=True).first()
    with pytest.raises(ValidationError, match="no longer file"):
        services_actions.create_application(service_type=service, ormas=city_ormas, by=ormas_account)


def test_the_qr_page_says_a_letter_of_a_revoked_ormas_has_no_force(client, city_officer, city_ormas):
    from letters.actions import issue_letter
    from registry.actions import Decision, change_ormas_status

    letter = issue_letter(
        office=city_officer.office,
        kind="presence-letter",
        title="Surat Keterangan",
        subject="x",
        body="x",
        by=city_officer,
        signatory_name="A",
        signatory_position="Kepala",
        ormas=city_ormas,
    )
    assert client.get(reverse("portal:letter-verify", args=[letter.public_id])).context["status"] == "valid"
    change_ormas_status(
        city_ormas,
        Ormas.Status.REVOKED,
        by=None,
        reason="SK",
        decision=Decision(number="SK-9", date=TODAY(), basis="Pasal 62(3)"),
    )
    response = client.get(reverse("portal:letter-verify", args=[letter.public_id]))
    assert response.context["status"] == "no_force"
    assert "no longer has force" in response.text


# ---------------------------------------------------------------- the exhaustive move matrix

ARGS = {
    actions.start_clarification: {"decision": "x"},
    actions.start_persuasion: {"decision": "x"},
    actions.start_dispute: {"decision": "x"},
    actions.issue_written_warning: {"legal_basis": "x", "findings": "x"},
    actions.recommend_revocation: {"legal_basis": "x", "reason": "x", "direct": True},
    actions.recommend_foreign_measure: {"legal_basis": "x", "reason": "x"},
    actions.refer_case: {"reason": "x"},
    actions.close_case: {"reason": "x"},
    actions.withdraw_case: {"reason": "x"},
    actions.recommend_halt: {"legal_basis": "x", "reason": "x"},
    actions.halt_activities: {"legal_basis": "x", "reason": "x"},
    actions.record_decision: {"outcome": "halted", "decree_number": "SK", "decree_date": dt.date(2026, 1, 5)},
    actions.lift_sanction: {"reason": "x", "legal_basis": "x"},
    actions.record_halt_not_complied: {"note": "x"},
}
MOVES = {(old, new) for old, targets in Case.TRANSITIONS.items() for new in targets}
REFUSED = [
    (current, move)
    for current, move in itertools.product(S.values, sorted(actions.ACTION_FOR))
    if (current, move[1]) not in MOVES
]


def test_every_action_has_arguments_for_the_matrix():
    assert {fn for fn in actions.ACTION_FOR.values() if fn is not actions.record_compliance} <= set(ARGS)


@pytest.mark.parametrize(("current", "move"), REFUSED)
def test_every_move_the_table_does_not_list_is_refused(city_officer, pimpinan, case, current, move):
    classify(case, city_officer, "pasal-59-4")
    Case.objects.filter(pk=case.pk).update(status=current)
    case.refresh_from_db()
    action = actions.ACTION_FOR[move]
    steps_before = case.steps.count()
    with pytest.raises((ValidationError, PermissionDenied)):
        if action is actions.record_compliance:
            action(case, move[1] == S.COMPLIED, by=pimpinan, note="x")
        elif action is actions.record_decision:
            # The outcome that performs this move (a halt decision moves to halted, a revocation to decided).
            outcome = "halted" if move[1] == S.HALTED else "revoked"
            action(case, by=pimpinan, **{**ARGS[action], "outcome": outcome})
        else:
            action(case, by=pimpinan, **ARGS[action])
    assert _status(case) == current and case.steps.count() == steps_before
