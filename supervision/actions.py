"""Every change to a supervision case: one action per transition of Case.TRANSITIONS and the Ormas's responses.
The case file (members, notes, documents, meetings, mediation) is in casefile.py, what comes back from the ministry
and the foreign-Ormas path in outcomes.py, the shared gate, audit and step machinery in journal.py — all re-exported
here, so callers name one module. Who may take which step is in rules.py, the wording of the letters in wording.py
(bodies: templates/letters/bodies/).

Each action runs in a transaction, refuses moves TRANSITIONS does not list, records the step (CaseStep: legal basis,
decision, decider, date, letter, deadline, rules in force), applies the registry effect in the same transaction,
writes the audit trail (the code in full at each call: "case.opened", …; ormas=case.ormas) and e-mails the
handling officers after the commit.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Office, User
from audit.log import record
from registry.models import Ormas
from supervision import rules, wording
from supervision.casefile import (  # noqa: F401  (the case-file actions are part of this module's API)
    MAX_UPLOAD_MB,
    add_document,
    add_meeting,
    add_member,
    add_note,
    record_mediation,
    remove_member,
)
from supervision.journal import (  # noqa: F401  (drafts.py uses the shared gate)
    COMPARTMENTED_ENTRIES,
    _check,
    _letter,
    _log,
    _move,
    _new_reference,
    _notify,
    _require_articles,
    _require_text,
    _set_ormas_status,
    _step,
)
from supervision.models import (
    BreachedArticle,
    Case,
    CaseMember,
    CaseStep,
    Delivery,
    Spread,
    StepAuthority,
)
from supervision.outcomes import (  # noqa: F401  (part of this module's API)
    FOREIGN_ADDRESSEE,
    OUTCOMES,
    lift_sanction,
    recommend_foreign_measure,
    record_decision,
)
from workdays.engine import deadline_for

S = Case.Status
K = CaseStep.Kind


# ---------------------------------------------------------------- helpers


@transaction.atomic
def open_case(
    *,
    ormas: Ormas | None = None,
    subject_name: str = "",
    office: Office,
    by: User,
    summary: str,
    source: str,
    complaints: Iterable[Any] = (),
    field_reports: Iterable[Any] = (),
) -> Case:
    """Open a case about an Ormas (or a named unregistered group), handled by `office`.

    Linked field reports get `case` set and their agencies become members of the case (so their authors keep
    seeing their own reports in it). Complaints are linked through Case.complaints; their own status is the
    complaints app's business.
    """
    if not rules.may_open_case(by, office.region_id):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may open a case."))
    if ormas is None and not (subject_name or "").strip():
        raise ValidationError(_("Choose the Ormas, or write the name of the group the case is about."))
    if source not in Case.Source.values:
        raise ValidationError(_("Unknown case source “%(source)s”.") % {"source": source})
    summary = _require_text(summary, _("Summarise what the case is about."))
    case = Case.objects.create(
        reference=_new_reference(),
        ormas=ormas,
        subject_name="" if ormas is not None else subject_name.strip(),
        office=office,
        source=source,
        summary=summary,
        opened_by=by,
        # Until the case records otherwise: a province office handles what spans its regencies (PP 58/2016 Pasal 60).
        spread=Spread.SEVERAL_REGENCIES if office.is_province else Spread.ONE_REGENCY,
    )
    complaints = list(complaints)
    if complaints:
        case.complaints.add(*complaints)
    reports = list(field_reports)
    for report in reports:
        type(report).objects.filter(pk=report.pk).update(case=case)
        report.case = case
        if report.agency_id:
            CaseMember.objects.get_or_create(case=case, agency_id=report.agency_id, defaults={"added_by": by})
    _log(
        case,
        "case.opened",
        by=by,
        source=source,
        office=str(office),
        subject=case.subject,
        complaints=[c.pk for c in complaints],
        field_reports=[r.pk for r in reports],
    )
    _notify(case, "opened")
    return case


@transaction.atomic
def record_response(step: CaseStep, text: str, received_on: dt.date, *, by: User) -> CaseStep:
    """The Ormas's answer to a step (to a warning, a clarification summons, …) and the date it came in."""
    case = step.case
    rules.require_handler(by, case)
    text = _require_text(text, _("Write the Ormas's response."))
    if received_on > timezone.localdate():
        raise ValidationError(_("The response cannot have been received in the future."))
    if received_on < step.decided_on:
        raise ValidationError(_("The response cannot predate the step it answers."))
    before = [step.response, step.response_on]
    step.response = text
    step.response_on = received_on
    step.save(update_fields=["response", "response_on"])
    record(
        case,
        "case.response_recorded",
        by=by,
        ormas=case.ormas,
        about=case,
        changes={"response": [before[0], text]},
        data={"step": step.pk, "kind": step.kind, "received_on": received_on.isoformat()},
    )
    return step


# ---------------------------------------------------------------- transitions


def _simple_step(
    case: Case, action: str, new: str, kind: str, *, by: User, legal_basis: str, decision: str
) -> CaseStep:
    rules.require_handler(by, case)
    _check(case, new)
    decision = _require_text(decision, _("Write the decision and its reason."))
    legal_basis = (legal_basis or "").strip() or rules.LEGAL_BASIS.get(kind, "")
    old = _move(case, new)
    step = _step(case, kind, by=by, legal_basis=legal_basis, decision=decision)
    _log(case, action, by=by, old=old, step=step.pk, legal_basis=legal_basis)
    _notify(case, "step", str(K(kind).label))
    return step


@transaction.atomic
def start_clarification(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """Ask the Ormas for clarification (klarifikasi/telaah with the Tim Terpadu)."""
    kind = K.CLARIFICATION if case.status == S.OPENED else K.REOPENED
    return _simple_step(
        case, "case.clarification_started", S.CLARIFICATION, kind, by=by, legal_basis=legal_basis, decision=decision
    )


@transaction.atomic
def start_persuasion(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """The persuasive effort and guidance (pembinaan) that comes before any sanction."""
    return _simple_step(
        case, "case.persuasion_started", S.PERSUASION, K.PERSUASION, by=by, legal_basis=legal_basis, decision=decision
    )


@transaction.atomic
def start_dispute(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """Handle the case as a leadership dispute (sengketa kepengurusan): mediation first (Pasal 57–58)."""
    return _simple_step(
        case, "case.dispute_started", S.DISPUTE, K.DISPUTE, by=by, legal_basis=legal_basis, decision=decision
    )


@transaction.atomic
def classify_case(case: Case, *, by: User, articles: Iterable[BreachedArticle], spread: str | None = None) -> Case:
    """Record the article(s) found breached and where the violation happened: structured data, because they
    decide the competent government (PP 58/2016 Pasal 60) and whether the direct path is open (Pasal 60(2))."""
    rules.require_handler(by, case)
    rules.refuse_final(case)
    articles = list(articles)
    if spread is not None and spread not in Spread.values:
        raise ValidationError(_("Choose where the violation happened."))
    foreign_only = [a.label for a in articles if a.foreign_only]
    if foreign_only and not rules.is_foreign(case):
        raise ValidationError(
            _("%(articles)s apply only to Ormas founded by foreign nationals.") % {"articles": ", ".join(foreign_only)}
        )
    before = {"articles": sorted(case.articles.values_list("code", flat=True)), "spread": case.spread}
    case.articles.set(articles)
    if spread is not None:
        case.spread = spread
        case.save(update_fields=["spread"])
    after = {"articles": sorted(a.code for a in articles), "spread": case.spread}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    record(case, "case.classified", by=by, ormas=case.ormas, changes=changes or None, data=after, about=case)
    return case


@transaction.atomic
def issue_written_warning(
    case: Case,
    *,
    by: User,
    legal_basis: str,
    findings: str,
    issued_on: dt.date | None = None,
    backdate_reason: str = "",
) -> CaseStep:
    """The single written warning (Pasal 62(1)): decided and signed by a Pimpinan of the office competent under
    PP 58/2016 Pasal 60, issued a.n. the head of government, dated the day it is numbered (or a little earlier, with
    a reason), with the compliance window of WARNING_PERIOD (7 working days) from that date."""
    rules.require_decider(by, case)
    # Lock the case so that two officers cannot both issue "the" warning; keep the caller's object current.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    case.refresh_from_db(fields=["status"])
    if case.steps.filter(kind=K.WRITTEN_WARNING).exists():
        raise ValidationError(_("This case already has its written warning; the law allows only one."))
    _check(case, S.WRITTEN_WARNING)
    if rules.is_foreign(case):
        raise ValidationError(_("A foreign Ormas is sanctioned through its permits (Pasal 61(2)); recommend that."))
    _require_articles(case)
    earlier = rules.earlier_warning(case)
    if earlier is not None:
        raise ValidationError(
            _("%(ormas)s was already warned for this violation (case %(case)s); the law allows one warning only.")
            % {"ormas": case.subject, "case": earlier.case.reference}
        )
    competence = rules.require_competent(case)
    findings = _require_text(findings, _("Write the findings the warning is about."))
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal) of the warning."))
    if not rules.may_warn(case):
        raise PermissionDenied(_("This office may not issue a written warning itself (see step authorities)."))
    authority = rules.authority_for(case, K.WRITTEN_WARNING)
    today = timezone.localdate()
    issued_on = issued_on or today
    rules.check_warning_date(issued_on, backdate_reason, today=today)
    period = rules.warning_period()
    deadline = deadline_for(rules.WARNING_PERIOD, issued_on, region_code=case.office.region_id)
    subject, body = wording.warning_letter(
        case, findings=findings, legal_basis=legal_basis, period=period, issued_on=issued_on, deadline=deadline
    )
    letter = _letter(
        case,
        kind="written-warning",
        title="Surat Peringatan Tertulis",
        subject=subject,
        body=body,
        by=by,
        addressee=f"Pimpinan {case.subject}",
        issued_on=issued_on,
        on_behalf_of_head=True,
    )
    old = _move(case, S.WRITTEN_WARNING)
    step = _step(
        case,
        K.WRITTEN_WARNING,
        by=by,
        legal_basis=legal_basis,
        decision=findings,
        decided_on=issued_on,
        letter=letter,
        deadline=deadline,
        rules={
            "period": rules.period_in_force(period),
            "authority": authority.as_rule() if authority else None,
            "competence": competence.as_rule(),
            "articles": sorted(case.articles.values_list("code", flat=True)),
        },
    )
    if issued_on != today:
        step.backdate_reason = backdate_reason.strip()
        step.save(update_fields=["backdate_reason"])
    _log(
        case,
        "case.warning_issued",
        by=by,
        old=old,
        step=step.pk,
        letter=letter.number,
        deadline=deadline.isoformat(),
        issued_on=issued_on.isoformat(),
        backdate_reason=step.backdate_reason,
    )
    _notify(case, "step", str(K.WRITTEN_WARNING.label))
    return step


@transaction.atomic
def record_delivery(step: CaseStep, *, by: User, delivered_on: dt.date, method: str) -> CaseStep:
    """When and how a letter of a step reached the Ormas (evidence; the window itself runs from the issue date)."""
    case = step.case
    rules.require_handler(by, case)
    if step.letter_id is None:
        raise ValidationError(_("This step has no letter to deliver."))
    if method not in Delivery.values:
        raise ValidationError(_("Choose how the letter was delivered."))
    if delivered_on > timezone.localdate():
        raise ValidationError(_("The delivery cannot be recorded for a future date."))
    if delivered_on < step.decided_on:
        raise ValidationError(_("A letter cannot be delivered before the date it was issued."))
    before = [step.delivered_on.isoformat() if step.delivered_on else None, step.delivery_method]
    step.delivered_on = delivered_on
    step.delivery_method = method
    step.save(update_fields=["delivered_on", "delivery_method"])
    record(
        case,
        "case.delivery_recorded",
        by=by,
        ormas=case.ormas,
        about=case,
        changes={"delivery": [before, [delivered_on.isoformat(), method]]},
        data={"step": step.pk, "kind": step.kind},
    )
    return step


@transaction.atomic
def record_compliance(
    case: Case, complied: bool, *, by: User, note: str, legal_basis: str = "", checked_on: dt.date | None = None
) -> CaseStep:
    """After the warning: the Ormas complied (→ complied, then close) or did not (→ not complied, next step)."""
    rules.require_handler(by, case)
    note = _require_text(note, _("Write what was checked and found."))
    new, kind = (S.COMPLIED, K.COMPLIED) if complied else (S.NOT_COMPLIED, K.NOT_COMPLIED)
    _check(case, new)
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).first()
    real_today = timezone.localdate()
    if checked_on is not None and checked_on > real_today:
        raise ValidationError(_("A check cannot be recorded for a future date."))
    today = checked_on or real_today
    # A check date is never later than the real date, so a chosen date cannot close the window early.
    if not complied and warning is not None and warning.deadline and today <= warning.deadline:
        raise ValidationError(
            _("The compliance window is open until %(date)s; non-compliance can be recorded only after it.")
            % {"date": date_format(warning.deadline, "DATE_FORMAT")}
        )
    basis = (legal_basis or "").strip() or (warning.legal_basis if warning else rules.LEGAL_BASIS[K.WRITTEN_WARNING])
    old = _move(case, new)
    step = _step(case, kind, by=by, legal_basis=basis, decision=note, decided_on=today)
    if complied:
        _log(case, "case.complied", by=by, old=old, step=step.pk)
    else:
        _log(case, "case.not_complied", by=by, old=old, step=step.pk)
    _notify(case, "step", str(K(kind).label))
    return step


@transaction.atomic
def halt_activities(
    case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "", halt_scope: str = ""
) -> CaseStep:
    """The office halts the Ormas's activities itself — only where StepAuthority says it may (otherwise
    recommend_halt), decided by a Pimpinan. Registry: dibekukan."""
    rules.require_decider(by, case)
    _check(case, S.HALTED)
    if case.status != S.NOT_COMPLIED:
        raise ValidationError(_("A halt decided by the ministry is recorded as the ministry's decision on this case."))
    authority = rules.authority_for(case, K.HALT)
    if authority is None or authority.power != StepAuthority.Power.TAKE:
        raise PermissionDenied(
            _("This office may only recommend a halt of activities to the ministry (see step authorities).")
        )
    _require_articles(case)
    competence = rules.require_competent(case)
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    body = (letter_body or "").strip() or wording.halt_body(case, reason, legal_basis)
    letter = _letter(
        case,
        kind="halt-of-activities",
        title="Keputusan Penghentian Kegiatan",
        subject=f"Penghentian Kegiatan — {case.subject}",
        body=body,
        by=by,
        addressee=f"Pimpinan {case.subject}",
        on_behalf_of_head=True,
    )
    old = _move(case, S.HALTED)
    step = _step(
        case,
        K.HALT,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={"authority": authority.as_rule(), "competence": competence.as_rule()},
    )
    if halt_scope.strip():
        step.halt_scope = halt_scope.strip()
        step.save(update_fields=["halt_scope"])
    _set_ormas_status(
        case,
        Ormas.Status.FROZEN,
        by=by,
        reason=reason,
        legal_basis=legal_basis,
        decree_number=letter.number,
        decree_date=letter.issued_on,
    )
    _log(case, "case.halted", by=by, old=old, step=step.pk, letter=letter.number, legal_basis=legal_basis)
    _notify(case, "step", str(K.HALT.label))
    return step


@transaction.atomic
def recommend_halt(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Recommend a halt of activities to the Mendagri (no legal entity) or the Menkumham (legal entity), decided
    and signed by a Pimpinan."""
    rules.require_decider(by, case)
    _check(case, S.HALT_PROPOSED)
    _require_articles(case)
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    addressee, ministry = rules.ministry_for(case)
    authority = rules.authority_for(case, K.HALT)
    body = (letter_body or "").strip() or wording.halt_recommendation_body(
        case, reason, legal_basis, addressee=addressee
    )
    letter = _letter(
        case,
        kind="halt-recommendation",
        title="Usulan Penghentian Kegiatan",
        subject=f"Usulan Penghentian Kegiatan — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
        on_behalf_of_head=True,
    )
    old = _move(case, S.HALT_PROPOSED)
    step = _step(
        case,
        K.HALT_RECOMMENDED,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={"authority": authority.as_rule() if authority else None, "ministry": ministry},
    )
    _log(case, "case.halt_recommended", by=by, old=old, step=step.pk, letter=letter.number, ministry=ministry)
    _notify(case, "step", str(K.HALT_RECOMMENDED.label))
    return step


@transaction.atomic
def record_halt_not_complied(
    case: Case, *, by: User, note: str, legal_basis: str = "", checked_on: dt.date | None = None
) -> CaseStep:
    """The Ormas did not comply with the halt of activities (Pasal 62(3)): the condition for recommending
    revocation. A check cannot be dated in the future nor before the halt."""
    rules.require_handler(by, case)
    _check(case, S.HALT_NOT_COMPLIED)
    note = _require_text(note, _("Write what was checked and found."))
    today = timezone.localdate()
    checked_on = checked_on or today
    if checked_on > today:
        raise ValidationError(_("A check cannot be recorded for a future date."))
    halt = case.steps.filter(kind=K.HALT, lifted_on__isnull=True).order_by("-decided_on").first()
    if halt is not None and checked_on < halt.decided_on:
        raise ValidationError(_("Non-compliance with the halt cannot predate the halt."))
    basis = (legal_basis or "").strip() or rules.LEGAL_BASIS[K.HALT_NOT_COMPLIED]
    old = _move(case, S.HALT_NOT_COMPLIED)
    step = _step(case, K.HALT_NOT_COMPLIED, by=by, legal_basis=basis, decision=note, decided_on=checked_on)
    _log(case, "case.halt_not_complied", by=by, old=old, step=step.pk)
    _notify(case, "step", str(K.HALT_NOT_COMPLIED.label))
    return step


@transaction.atomic
def recommend_revocation(
    case: Case, *, by: User, legal_basis: str, reason: str, direct: bool = False, letter_body: str = ""
) -> CaseStep:
    """Recommend revoking the SKT (to the Mendagri) or the legal status (to the Menkumham), decided and signed by
    a Pimpinan.

    After the halt was not complied with this is the next rung (Pasal 62(3)); from opened/clarification it is the
    direct path (Pasal 61(3)), open only when the case records a breach of Pasal 52 or 59(3)/(4) (Pasal 60(2)) as
    a BreachedArticle — never from free text — and asked for explicitly (direct=True)."""
    rules.require_decider(by, case)
    _check(case, S.REVOCATION_RECOMMENDED)
    if case.ormas is None:
        raise ValidationError(_("Only a registered Ormas has a registration or legal status to revoke."))
    if rules.is_foreign(case):
        raise ValidationError(_("A foreign Ormas is sanctioned through its permits (Pasal 61(2)); recommend that."))
    _require_articles(case)
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    is_direct = case.status in (S.OPENED, S.CLARIFICATION)
    direct_articles = rules.direct_path_articles(case)
    if is_direct and not direct_articles:
        raise ValidationError(
            _(
                "Revocation without a warning and a halt is only for breaches of Pasal 52 or 59(3)/(4) "
                "(Pasal 60(2), 61(3)); record the breached article on the case."
            )
        )
    if is_direct and not direct:
        raise ValidationError(_("Confirm the direct path of Pasal 61(3)."))
    addressee, ministry = rules.ministry_for(case)
    thing = wording.revoked_thing(ministry)
    body = (letter_body or "").strip() or wording.revocation_recommendation_body(
        case, reason, legal_basis, addressee=addressee, ministry=ministry
    )
    letter = _letter(
        case,
        kind="revocation-recommendation",
        title="Rekomendasi Pencabutan",
        subject=f"Rekomendasi Pencabutan {thing} — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
        on_behalf_of_head=True,
    )
    authority = rules.authority_for(case, K.REVOCATION)
    old = _move(case, S.REVOCATION_RECOMMENDED)
    step = _step(
        case,
        K.REVOCATION_RECOMMENDED,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={
            "authority": authority.as_rule() if authority else None,
            "ministry": ministry,
            "direct": is_direct,
            "direct_articles": direct_articles if is_direct else [],
        },
    )
    _log(case, "case.revocation_recommended", by=by, old=old, step=step.pk, letter=letter.number, direct=is_direct)
    _notify(case, "step", str(K.REVOCATION_RECOMMENDED.label))
    return step


@transaction.atomic
def refer_case(
    case: Case,
    *,
    by: User,
    reason: str,
    legal_basis: str = "",
    addressee: str = "Kepala Kepolisian Daerah Kalimantan Tengah",
) -> CaseStep:
    """Refer a suspected crime to law enforcement (aparat penegak hukum) with a referral letter."""
    rules.require_handler(by, case)
    _check(case, S.REFERRED)
    reason = _require_text(reason, _("Describe what is referred and why."))
    legal_basis = (legal_basis or "").strip() or rules.LEGAL_BASIS[K.REFERRAL]
    addressee = _require_text(addressee, _("Say to whom the case is referred."))
    body = wording.referral_body(case, reason, legal_basis)
    letter = _letter(
        case,
        kind="referral-letter",
        title="Surat Penerusan kepada Aparat Penegak Hukum",
        subject=f"Penerusan Dugaan Tindak Pidana — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
    )
    old = _move(case, S.REFERRED)
    step = _step(case, K.REFERRAL, by=by, legal_basis=legal_basis, decision=reason, letter=letter)
    _log(case, "case.referred", by=by, old=old, step=step.pk, letter=letter.number, addressee=addressee)
    _notify(case, "step", str(K.REFERRAL.label))
    return step


@transaction.atomic
def close_case(case: Case, *, by: User, reason: str, legal_basis: str = "") -> CaseStep:
    """Close the case (nothing further to do, the Ormas complied, mediation succeeded, …)."""
    if case.status in (S.HALTED, S.HALT_NOT_COMPLIED):
        raise ValidationError(
            _("Activities are halted: lift the halt (which closes the case) or recommend revocation.")
        )
    return _simple_step(case, "case.closed", S.CLOSED, K.CLOSED, by=by, legal_basis=legal_basis, decision=reason)


@transaction.atomic
def withdraw_case(case: Case, *, by: User, reason: str) -> CaseStep:
    """Withdraw a case opened in error or whose complaint was unfounded."""
    return _simple_step(case, "case.withdrawn", S.WITHDRAWN, K.WITHDRAWN, by=by, legal_basis="", decision=reason)


def take_step(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Confirm the proposed next step when the office takes it itself (a halt of activities)."""
    proposal = rules.propose_next_step(case)
    if proposal is None or proposal["kind"] != K.HALT:
        raise ValidationError(_("There is no step this office may take itself now; recommend it instead."))
    return halt_activities(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)


def recommend_step(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Confirm the proposed next step as a recommendation to the ministry (halt or revocation)."""
    if case.status == S.HALT_NOT_COMPLIED:
        return recommend_revocation(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)
    if case.status in (S.NOT_COMPLIED,):
        return recommend_halt(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)
    raise ValidationError(_("Nothing is due for a recommendation now."))


# Which action performs which move. The tests walk TRANSITIONS against this table.
ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (S.OPENED, S.CLARIFICATION): start_clarification,
    (S.OPENED, S.PERSUASION): start_persuasion,
    (S.OPENED, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.OPENED, S.REFERRED): refer_case,
    (S.OPENED, S.DISPUTE): start_dispute,
    (S.OPENED, S.CLOSED): close_case,
    (S.OPENED, S.WITHDRAWN): withdraw_case,
    (S.OPENED, S.WRITTEN_WARNING): issue_written_warning,
    (S.OPENED, S.FOREIGN_MEASURE_RECOMMENDED): recommend_foreign_measure,
    (S.CLARIFICATION, S.PERSUASION): start_persuasion,
    (S.CLARIFICATION, S.WRITTEN_WARNING): issue_written_warning,
    (S.CLARIFICATION, S.FOREIGN_MEASURE_RECOMMENDED): recommend_foreign_measure,
    (S.CLARIFICATION, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.CLARIFICATION, S.REFERRED): refer_case,
    (S.CLARIFICATION, S.DISPUTE): start_dispute,
    (S.CLARIFICATION, S.CLOSED): close_case,
    (S.CLARIFICATION, S.WITHDRAWN): withdraw_case,
    (S.PERSUASION, S.WRITTEN_WARNING): issue_written_warning,
    (S.PERSUASION, S.REFERRED): refer_case,
    (S.PERSUASION, S.CLOSED): close_case,
    (S.WRITTEN_WARNING, S.COMPLIED): record_compliance,
    (S.WRITTEN_WARNING, S.NOT_COMPLIED): record_compliance,
    (S.COMPLIED, S.CLOSED): close_case,
    (S.NOT_COMPLIED, S.HALT_PROPOSED): recommend_halt,
    (S.NOT_COMPLIED, S.HALTED): halt_activities,
    (S.NOT_COMPLIED, S.FOREIGN_MEASURE_RECOMMENDED): recommend_foreign_measure,
    (S.HALT_PROPOSED, S.HALTED): record_decision,
    (S.HALT_PROPOSED, S.CLOSED): close_case,
    (S.HALTED, S.HALT_NOT_COMPLIED): record_halt_not_complied,
    (S.HALTED, S.CLOSED): lift_sanction,
    (S.HALT_NOT_COMPLIED, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.HALT_NOT_COMPLIED, S.CLOSED): lift_sanction,
    (S.FOREIGN_MEASURE_RECOMMENDED, S.DECIDED): record_decision,
    (S.FOREIGN_MEASURE_RECOMMENDED, S.CLOSED): close_case,
    (S.REVOCATION_RECOMMENDED, S.DECIDED): record_decision,
    (S.REVOCATION_RECOMMENDED, S.CLOSED): close_case,
    (S.DECIDED, S.CLOSED): lift_sanction,
    (S.REFERRED, S.CLARIFICATION): start_clarification,
    (S.REFERRED, S.CLOSED): close_case,
    (S.DISPUTE, S.CLARIFICATION): start_clarification,
    (S.DISPUTE, S.CLOSED): close_case,
    (S.DISPUTE, S.WITHDRAWN): withdraw_case,
}
