"""The joint protocol (kesepahaman bersama): versions of clauses drafted by the secretariat, proposed, endorsed by
each member agency's named representative, in force when all have; clauses cited by case steps and field
reports."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, User
from coordination import access, citations
from coordination.journal import _log, _move, _secretariat, _text
from coordination.models import (
    Clause,
    ClauseCitation,
    Endorsement,
    ProtocolVersion,
    RosterMember,
    Team,
)
from supervision import compartments
from supervision import rules as case_rules
from supervision.models import CaseStep


@transaction.atomic
def create_protocol_version(
    team: Team, *, by: User, title: str, clauses: Iterable[tuple[str, str, str]] | None = None
) -> ProtocolVersion:
    """A new draft version. Without `clauses` it starts as a copy of the latest version (edited clause by clause)."""
    _secretariat(by, team)
    title = _text(title, _("Give the protocol its title."))
    if team.protocols.filter(status__in=[ProtocolVersion.Status.DRAFT, ProtocolVersion.Status.PROPOSED]).exists():
        raise ValidationError(_("A version is being drafted or endorsed already; finish it first."))
    latest = team.protocols.order_by("-number").first()
    version = ProtocolVersion.objects.create(
        team=team, number=(latest.number + 1) if latest else 1, title=title, created_by=by
    )
    rows = (
        list(clauses)
        if clauses is not None
        else [(c.number, c.topic, c.text) for c in latest.clauses.all()]
        if latest
        else []
    )
    for number, topic, text in rows:
        set_clause(version, by=by, number=number, topic=topic, text=text, audit=False)
    _log(version, "coordination.protocol_drafted", by=by, version=version.number, clauses=len(rows))
    return version


@transaction.atomic
def set_clause(
    version: ProtocolVersion, *, by: User, number: str, topic: str, text: str, audit: bool = True
) -> Clause | None:
    """Add or change the clause with this number in a draft; an empty text removes it."""
    _secretariat(by, version.team)
    if version.status != ProtocolVersion.Status.DRAFT:
        raise ValidationError(_("Only a draft changes; a proposed or endorsed version is fixed. Draft a new one."))
    number = _text(number, _("Number the clause (e.g. 2.1)."))[:20]
    text = (text or "").strip()
    clause = version.clauses.filter(number=number).first()
    if not text:
        if clause is None:
            raise ValidationError({"text": _("Write the clause's text.")})
        clause.delete()
        clause = None
    elif clause is None:
        clause = Clause.objects.create(version=version, number=number, topic=topic or Clause.Topic.OTHER, text=text)
    else:
        clause.topic, clause.text = topic or clause.topic, text
        clause.save(update_fields=["topic", "text"])
    if audit:
        _log(version, "coordination.protocol_clause_set", by=by, clause=number, removed=clause is None)
    return clause


@transaction.atomic
def propose_protocol(version: ProtocolVersion, *, by: User) -> ProtocolVersion:
    """Put the draft to the member agencies: those on the roster in force today must each endorse it."""
    _secretariat(by, version.team)
    if not version.clauses.exists():
        raise ValidationError(_("The protocol has no clauses yet."))
    roster = version.team.roster_on(timezone.localdate()) or version.team.current_roster()
    if roster is None or not roster.agency_ids():
        raise ValidationError(_("The team has no members to endorse it; record its SK first."))
    version.proposed_at = timezone.now()
    old = _move(version, ProtocolVersion.Status.PROPOSED, "proposed_at")
    version.required_agencies.set(roster.agency_ids())
    _log(version, "coordination.protocol_proposed", by=by, old=old, agencies=sorted(roster.agency_ids()))
    return version


@transaction.atomic
def endorse_protocol(version: ProtocolVersion, *, by: User, agency: Agency) -> Endorsement:
    """`by` endorses for `agency`: only its named representative (on the roster, acting for that agency). When the
    last agency endorses, the version is in force and the one before it superseded."""
    version = ProtocolVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != ProtocolVersion.Status.PROPOSED:
        raise ValidationError(
            _("Only a proposed version is endorsed (this one is “%(s)s”).") % {"s": version.get_status_display()}
        )
    if not access.acts_for(by, agency.pk):
        raise PermissionDenied(_("You may endorse only for your own agency."))
    if not version.required_agencies.filter(pk=agency.pk).exists():
        raise ValidationError(_("%(agency)s is not a member agency of this team.") % {"agency": agency})
    seat = (
        RosterMember.objects.filter(version__team=version.team, user=by, agency=agency)
        .order_by("-version__number")
        .first()
    )
    if seat is None:
        raise PermissionDenied(
            _("Only the representative named on the team's roster endorses for %(agency)s.") % {"agency": agency}
        )
    if version.endorsements.filter(agency=agency).exists():
        raise ValidationError(_("%(agency)s has endorsed this version already.") % {"agency": agency})
    endorsement = Endorsement.objects.create(
        version=version,
        agency=agency,
        representative=by,
        representative_name=seat.name,
        representative_position=seat.position,
    )
    _log(version, "coordination.protocol_endorsed", by=by, agency=str(agency), representative=seat.name)
    missing = set(version.required_agencies.values_list("pk", flat=True)) - set(
        version.endorsements.values_list("agency_id", flat=True)
    )
    if not missing:
        for earlier in version.team.protocols.filter(status=ProtocolVersion.Status.IN_FORCE):
            _move(earlier, ProtocolVersion.Status.SUPERSEDED)
            _log(earlier, "coordination.protocol_superseded", by=by, by_version=version.number)
        version.in_force_at = timezone.now()
        old = _move(version, ProtocolVersion.Status.IN_FORCE, "in_force_at")
        _log(version, "coordination.protocol_in_force", by=by, old=old)
    return endorsement


@transaction.atomic
def cite_clause(
    clause: Clause, *, by: User, case_step: CaseStep | None = None, field_report: Any = None
) -> ClauseCitation:
    """A case step or a field report cites a clause of the protocol in force."""
    version = ProtocolVersion.objects.get(pk=clause.version_id)  # fresh: an endorsement may have just put it in force
    if version.status != ProtocolVersion.Status.IN_FORCE:
        raise ValidationError(_("Only clauses of the protocol in force are cited."))
    if (case_step is None) == (field_report is None):
        raise ValidationError(_("Cite the clause in one case step or one field report."))
    if case_step is not None and not case_rules.is_handler(by, case_step.case):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may do this."))
    if field_report is not None:
        if not compartments.can_read(by, field_report) or not citations.may_cite(by, field_report):
            raise PermissionDenied(_("You cannot read that field report."))
        if not citations.citable_clauses(by, field_report).filter(pk=clause.pk).exists():
            raise ValidationError(_("Cite a clause of a protocol in force of your team where the report was made."))
    already = ClauseCitation.objects.filter(clause=clause, case_step=case_step, field_report=field_report)
    if already.exists():
        raise ValidationError(_("It cites clause %(n)s already.") % {"n": clause.number})
    citation = ClauseCitation.objects.create(clause=clause, case_step=case_step, field_report=field_report, cited_by=by)
    target = case_step.case.reference if case_step else getattr(field_report, "reference", "")
    _log(version, "coordination.protocol_clause_cited", by=by, clause=clause.number, target=target)
    return citation
