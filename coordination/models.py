"""Coordination (Rakor and the Tim Terpadu): teams as versioned rosters, meetings with agenda, attendance and
versioned minutes, decisions and action items that follow through, and the joint protocol the agencies endorse.

Every change goes through coordination/actions.py (one action per move of a TRANSITIONS dict, audit inside).
Who may see a team or a meeting is decided in one place, coordination/access.py.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from supervision.models import KESBANGPOL_ROLES
from wadah.lib.workflow import Workflow

if TYPE_CHECKING:
    from accounts.models import User


def _staff_scope(user: Any) -> str | None:
    """The region scope of a Kesbangpol officer or leader (the team secretariats), else None."""
    scope = getattr(user, "scope_code", None)
    return scope if getattr(user, "role", None) in KESBANGPOL_ROLES and scope else None


class TeamQuerySet(models.QuerySet["Team"]):
    def visible_to(self, user: "User") -> "TeamQuerySet":
        """Kesbangpol staff: the teams of the regions in their scope. Everyone else: the teams whose roster (any
        version) names them."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        member = Exists(RosterMember.objects.filter(user_id=user.pk, version__team=OuterRef("pk")))
        scope = _staff_scope(user)
        return self.filter(member | within_q("region__code", scope) if scope else member)


class Team(models.Model):
    """A standing body of agencies (Tim Terpadu at the province or a kab/kota, Tim Kewaspadaan Dini, Satgas …).

    Its members are not stored on it but on its roster versions (one per SK), so the question "who was on the team
    on 3 March 2025" has an answer after the SK changes.
    """

    class Kind(models.TextChoices):
        TIM_TERPADU = "tim_terpadu", _("Tim Terpadu Pengawasan Ormas")
        EARLY_WARNING = "kewaspadaan_dini", _("Tim Kewaspadaan Dini Daerah")
        SATGAS = "satgas", _("Satgas Terpadu (premanisme and problematic Ormas)")
        FKDM = "fkdm", _("FKDM")
        OTHER = "lainnya", _("Other body")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TIM_TERPADU)
    region = models.ForeignKey("regions.Region", models.PROTECT, related_name="+", verbose_name=_("level"))
    # The Kesbangpol office that runs the team's secretariat (the office of the team's region).
    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="teams", verbose_name=_("secretariat"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["region_id", "kind", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [models.UniqueConstraint(fields=["region", "kind", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coordination:team-detail", args=[self.pk])

    @property
    def is_province(self) -> bool:
        return "." not in self.region_id

    def roster_on(self, day: dt.date) -> "RosterVersion | None":
        """The roster version in force on `day` (the latest SK valid that day), or None."""
        return (
            self.versions.filter(valid_from__lte=day)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
            .order_by("-valid_from", "-number")
            .first()
        )

    def current_roster(self) -> "RosterVersion | None":
        return self.versions.order_by("-number").first()


class RosterVersion(models.Model):
    """One SK of a team: number, date, validity and the members it names. A new SK is a new version."""

    team = models.ForeignKey(Team, models.CASCADE, related_name="versions", verbose_name=_("team"))
    number = models.PositiveIntegerField(_("version"))
    sk_number = models.CharField(_("SK number"), max_length=150)
    sk_date = models.DateField(_("SK date"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["team_id", "-number"]
        verbose_name = _("roster version")
        verbose_name_plural = _("roster versions")
        constraints = [models.UniqueConstraint(fields=["team", "number"], name="roster_version_unique")]

    def __str__(self) -> str:
        return f"{self.team} — {self.sk_number}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:roster-detail", args=[self.team_id, self.number])

    def agency_ids(self) -> set[int]:
        return set(self.members.values_list("agency_id", flat=True))


class RosterMember(models.Model):
    """A person named in one SK: their agency, position (jabatan) and role in the team."""

    class Role(models.TextChoices):
        STEERING = "pengarah", _("Steering (pengarah)")
        CHAIR = "ketua", _("Chair (ketua)")
        SECRETARY = "sekretaris", _("Secretary (sekretaris)")
        MEMBER = "anggota", _("Member (anggota)")

    version = models.ForeignKey(RosterVersion, models.CASCADE, related_name="members", verbose_name=_("version"))
    name = models.CharField(_("name"), max_length=200)
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("agency"))
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True)
    role = models.CharField(_("role in the team"), max_length=12, choices=Role, default=Role.MEMBER)
    # The member's Wadah login, if they have one: it is what lets them open the team's meetings.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="roster_seats",
        verbose_name=_("Wadah account"),
    )

    class Meta:
        ordering = ["version_id", "role", "id"]
        verbose_name = _("roster member")
        verbose_name_plural = _("roster members")

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user: "User") -> "MeetingQuerySet":
        """Kesbangpol staff: meetings of the teams in their scope. Others: meetings of a team whose roster in force
        on the meeting's date names them, and meetings they are invited to by name. Nobody else (404)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        on_roster = RosterMember.objects.filter(
            user_id=user.pk, version__team=OuterRef("team"), version__valid_from__lte=OuterRef("date")
        ).filter(Q(version__valid_until__isnull=True) | Q(version__valid_until__gte=OuterRef("date")))
        invited = Invitation.objects.filter(meeting=OuterRef("pk"), user_id=user.pk)
        rule = Exists(on_roster) | Exists(invited)
        scope = _staff_scope(user)
        return self.filter(rule | within_q("team__region__code", scope) if scope else rule)


class Meeting(Workflow, models.Model):
    """A Rakor, FGD, clarification meeting or field coordination of one team."""

    class Kind(models.TextChoices):
        RAKOR = "rakor", _("Coordination meeting (Rakor)")
        FGD = "fgd", _("Focus group discussion (FGD)")
        CLARIFICATION = "klarifikasi", _("Clarification meeting")
        FIELD = "lapangan", _("Field coordination")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held (minutes being written)")
        CLOSED = "closed", _("Minutes approved")
        CANCELLED = "cancelled", _("Cancelled")

    S = Status
    TRANSITIONS: dict[str, set[str]] = {
        S.SCHEDULED: {S.HELD, S.CANCELLED},
        S.HELD: {S.CLOSED},
        S.CLOSED: set(),
        S.CANCELLED: set(),
    }

    team = models.ForeignKey(Team, models.PROTECT, related_name="meetings", verbose_name=_("team"))
    kind = models.CharField(_("type"), max_length=12, choices=Kind, default=Kind.RAKOR)
    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"), db_index=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("chair (pimpinan rapat)"),
        help_text=_("Approves the minutes."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SCHEDULED, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["team", "date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:meeting-detail", args=[self.pk])

    @property
    def region_id(self) -> str:
        return self.team.region_id

    def current_minutes(self) -> "Minutes | None":
        return self.minutes.order_by("-number").first()

    def approved_minutes(self) -> "Minutes | None":
        return self.minutes.filter(status=Minutes.Status.APPROVED).order_by("-number").first()


class Invitation(models.Model):
    """An agency (optionally a named person of it) invited to a meeting, with the invitation letter once sent."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="invitations", verbose_name=_("meeting"))
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("agency"))
    person = models.CharField(_("person"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("account")
    )
    letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("letter")
    )

    class Meta:
        ordering = ["meeting_id", "agency__region_id", "agency__abbreviation", "id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["meeting", "agency", "person"], name="invitation_unique")]

    def __str__(self) -> str:
        return f"{self.agency}{' — ' + self.person if self.person else ''}"


class Attendance(models.Model):
    """One person present at a meeting: ticked off by hand, or checked in by the QR code of their pass (a roster
    member's or an invited person's, coordination/passes.py), from the secretariat's phone, online or queued
    offline (client_id makes a replayed queue count each person once). Both go through record_attendance()."""

    class Method(models.TextChoices):
        MANUAL = "manual", _("By hand")
        QR = "qr", _("QR check-in")

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attendance", verbose_name=_("meeting"))
    name = models.CharField(_("name"), max_length=200)
    agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("agency")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    roster_member = models.ForeignKey(RosterMember, models.SET_NULL, null=True, blank=True, related_name="+")
    # An invited person (or agency) who is not on the roster, present through their pass.
    invitation = models.ForeignKey("coordination.Invitation", models.SET_NULL, null=True, blank=True, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    method = models.CharField(_("recorded"), max_length=10, choices=Method, default=Method.MANUAL)
    # The id the secretariat's phone gave a queued check-in (static/js/checkin.js): a replay adds nobody twice.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "roster_member"], condition=Q(roster_member__isnull=False), name="attendance_once"
            ),
            models.UniqueConstraint(
                fields=["meeting", "invitation"],
                condition=Q(invitation__isnull=False),
                name="attendance_once_per_invitation",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """One item of a meeting's agenda, optionally about an Ormas, a case or a complaint.

    An item about a case belongs to the compartment of its author (`agency`), like every other case item: who may
    read it is supervision.compartments' rule (can_read / readable), and it is shared explicitly with agencies.
    """

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="agenda", verbose_name=_("meeting"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("agenda item"), max_length=300)
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Ormas")
    )
    case = models.ForeignKey(
        "supervision.Case", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("case")
    )
    complaint = models.ForeignKey(
        "complaints.Complaint", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("complaint")
    )
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("compartment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    # Items without a case: staff read them where the meeting's team is (supervision.compartments).
    COMPARTMENT_REGION_FIELD = "meeting__team__region__code"

    class Meta:
        ordering = ["meeting_id", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Minutes(Workflow, models.Model):
    """The notulen of a meeting, one row per version: a draft written live, approved by the chair, then read-only.
    A correction is a new draft version (with its reason); approving it supersedes the one before."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Superseded by a correction")

    S = Status
    TRANSITIONS: dict[str, set[str]] = {
        S.DRAFT: {S.APPROVED},
        S.APPROVED: {S.SUPERSEDED},
        S.SUPERSEDED: set(),
    }

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="minutes", verbose_name=_("meeting"))
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    text = models.TextField(_("minutes"), blank=True)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        ordering = ["meeting_id", "-number"]
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="minutes_version_unique")]

    def __str__(self) -> str:
        return f"{_('minutes')} v{self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Decision(models.Model):
    """A decision of a meeting, recorded against the agenda item it answers."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="decisions", verbose_name=_("meeting"))
    agenda_item = models.ForeignKey(AgendaItem, models.PROTECT, related_name="decisions", verbose_name=_("agenda item"))
    text = models.TextField(_("decision"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "agenda_item__order", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class ActionItemQuerySet(models.QuerySet["ActionItem"]):
    def open(self) -> "ActionItemQuerySet":
        return self.filter(status__in=ActionItem.OPEN)

    def overdue(self, today: dt.date) -> "ActionItemQuerySet":
        return self.open().filter(due_on__lt=today)


class ActionItem(Workflow, models.Model):
    """Something an agency must do after a decision, by a due date. It is carried into every later meeting of the
    same team as a matter arising until it is closed with evidence."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    S = Status
    TRANSITIONS: dict[str, set[str]] = {
        S.OPEN: {S.IN_PROGRESS, S.DONE, S.CANCELLED},
        S.IN_PROGRESS: {S.DONE, S.CANCELLED},
        S.DONE: set(),
        S.CANCELLED: set(),
    }
    OPEN = (S.OPEN, S.IN_PROGRESS)

    decision = models.ForeignKey(Decision, models.PROTECT, related_name="action_items", verbose_name=_("decision"))
    meeting = models.ForeignKey(Meeting, models.PROTECT, related_name="action_items", verbose_name=_("meeting"))
    team = models.ForeignKey(Team, models.PROTECT, related_name="action_items", verbose_name=_("team"))
    text = models.TextField(_("what is to be done"))
    owner_agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, related_name="action_items", verbose_name=_("owner agency")
    )
    owner_person = models.CharField(_("person responsible"), max_length=200, blank=True)
    due_on = models.DateField(_("due date"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN, db_index=True)
    progress_note = models.TextField(_("progress"), blank=True)
    evidence = models.TextField(_("evidence of completion"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="coordination/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["owner_agency", "status"]), models.Index(fields=["team", "status"])]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("coordination:item-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_on < today


class ActionItemReminder(models.Model):
    """One reminder about one overdue item on one day (action_item_reminders runs daily, sends each once a day)."""

    item = models.ForeignKey(ActionItem, models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "sent_on"], name="action_item_reminder_once")]

    def __str__(self) -> str:
        return f"{self.item_id} @ {self.sent_on}"


class ProtocolVersion(Workflow, models.Model):
    """One version of the team's joint protocol (kesepahaman bersama): proposed by the secretariat, endorsed by
    each member agency, in force once all have endorsed. The version it replaces is then superseded."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Proposed for endorsement")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    S = Status
    TRANSITIONS: dict[str, set[str]] = {
        S.DRAFT: {S.PROPOSED},
        S.PROPOSED: {S.IN_FORCE},
        S.IN_FORCE: {S.SUPERSEDED},
        S.SUPERSEDED: set(),
    }

    team = models.ForeignKey(Team, models.PROTECT, related_name="protocols", verbose_name=_("team"))
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=250)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    # The agencies that must endorse, fixed when the version is proposed (the roster in force that day).
    required_agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    proposed_at = models.DateTimeField(_("proposed"), null=True, blank=True)
    in_force_at = models.DateTimeField(_("in force since"), null=True, blank=True)

    class Meta:
        ordering = ["team_id", "-number"]
        verbose_name = _("protocol version")
        verbose_name_plural = _("protocol versions")
        constraints = [models.UniqueConstraint(fields=["team", "number"], name="protocol_version_unique")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def get_absolute_url(self) -> str:
        return reverse("coordination:protocol-detail", args=[self.pk])

    def previous(self) -> "ProtocolVersion | None":
        return self.team.protocols.filter(number__lt=self.number).order_by("-number").first()


class Clause(models.Model):
    """One clause of a protocol version ("3.2 Kesbangpol informs Polres within 1 working day …")."""

    class Topic(models.TextChoices):
        NOTIFICATION = "notification", _("Who is told what and when")
        LEAD = "lead", _("Which agency leads which matter")
        COMPARTMENTS = "compartments", _("How compartments are shared")
        RESPONSE_TIME = "response_time", _("Response times")
        OTHER = "other", _("Other")

    version = models.ForeignKey(ProtocolVersion, models.CASCADE, related_name="clauses", verbose_name=_("version"))
    number = models.CharField(_("clause"), max_length=20)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, default=Topic.OTHER)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["version_id", "id"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [models.UniqueConstraint(fields=["version", "number"], name="clause_unique_number")]

    def __str__(self) -> str:
        return f"{_('Clause')} {self.number} ({self.version})"


class Endorsement(models.Model):
    """One agency's endorsement of a protocol version, by its named representative, with when."""

    version = models.ForeignKey(ProtocolVersion, models.CASCADE, related_name="endorsements", verbose_name=_("version"))
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("agency"))
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("representative")
    )
    representative_name = models.CharField(_("representative"), max_length=200)
    representative_position = models.CharField(_("position"), max_length=200, blank=True)
    endorsed_at = models.DateTimeField(_("endorsed"), auto_now_add=True)

    class Meta:
        ordering = ["endorsed_at", "id"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [models.UniqueConstraint(fields=["version", "agency"], name="endorsement_once_per_agency")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.version}"


class ClauseCitation(models.Model):
    """A case step or a field report citing a protocol clause (kept here so supervision's models stay as they are)."""

    clause = models.ForeignKey(Clause, models.PROTECT, related_name="citations", verbose_name=_("clause"))
    case_step = models.ForeignKey(
        "supervision.CaseStep", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("case step")
    )
    field_report = models.ForeignKey(
        "fieldreports.FieldReport",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("field report"),
    )
    cited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    cited_at = models.DateTimeField(_("cited"), auto_now_add=True)

    class Meta:
        ordering = ["cited_at", "id"]
        verbose_name = _("clause citation")
        verbose_name_plural = _("clause citations")
        constraints = [
            models.CheckConstraint(
                condition=Q(case_step__isnull=False, field_report__isnull=True)
                | Q(case_step__isnull=True, field_report__isnull=False),
                name="citation_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.clause} ← {self.case_step_id or self.field_report_id}"

    def target(self) -> Any:
        return self.case_step or self.field_report
