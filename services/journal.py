"""What every application action shares: the move along TRANSITIONS, the audit entry, the applicant's e-mail, who
may act, and the refusals that apply to every service (an ended, unregistered or sanctioned Ormas)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Office, Role, User
from audit.log import record
from registry import actions as registry_actions
from registry.models import Ormas
from services import tasks
from services.models import (
    Application,
    ServiceType,
)
from supervision.queries import active_sanction
from wadah.lib.files import DOCUMENT_TYPES
from wadah.lib.workflow import check_move

MAX_UPLOAD_MB = 10
MAX_PHOTO_MB = 10
# What an applicant may upload against a checklist item: scans, photos and PDFs (office files are converted first).
APPLICATION_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "jpg", "png", "webp")}

S = Application.Status


def _check(application: Application, new: str) -> None:
    """The one gate every status change passes: refuse what TRANSITIONS does not list."""
    check_move(application, new, _("An application with status “%(old)s” cannot become “%(new)s”."))


def _move(application: Application, new: str) -> str:
    _check(application, new)
    old = application.status
    application.status = new
    return old


def _notify(application: Application, event: str) -> None:
    transaction.on_commit(lambda: tasks.notify_applicant.enqueue(application.pk, event))


def _log(application: Application, action: str, *, by: User | None, old: str | None = None, **data: Any) -> None:
    changes = {"status": [old, application.status]} if old is not None and old != application.status else None
    record(
        application,
        action,
        by=by,
        ormas=application.ormas,
        changes=changes,
        data=data,
        about=application,
    )


def _require_staff(user: User | None, application: Application) -> None:
    if user is None:
        return
    # Not the admin sistem: it maintains accounts and reference data, and has no say in an Ormas's application or
    # the registry data an approval or an SKT writes (issue 8).
    if user.role not in (Role.OFFICER, Role.LEADER) or not user.in_scope(application.office.region_id):
        raise PermissionDenied(_("Only an officer of the handling office may do this."))


def _require_applicant_or_staff(user: User | None, application: Application) -> None:
    if user is None:
        return
    if user.role == Role.ORMAS_ACCOUNT:
        if user.ormas_id != application.ormas_id:
            raise PermissionDenied(_("This application belongs to another Ormas."))
        return
    _require_staff(user, application)


def _refuse_ended(ormas: Ormas) -> None:
    """A revoked or dissolved Ormas files no new applications (issue 11): its registration has no force."""
    if ormas.status in Ormas.ENDED_STATUSES:
        raise ValidationError(
            _("%(ormas)s is “%(status)s” and can no longer file applications.")
            % {"ormas": ormas.name, "status": ormas.get_status_display()},
            code="ended",
        )


def _refuse_unregistered(ormas: Ormas, service_type: ServiceType) -> None:
    """A terdata or in-process Ormas is lawful but not registered (MK 82/PUU-XI/2013): no government services or
    facilitation except its registration route (ServiceType.open_to_unregistered)."""
    if ormas.status in Ormas.UNREGISTERED_STATUSES and not service_type.open_to_unregistered:
        open_names = ", ".join(
            ServiceType.objects.filter(is_active=True, open_to_unregistered=True).values_list("name", flat=True)
        )
        raise ValidationError(
            _(
                "%(ormas)s is not registered yet (“%(status)s”): it can apply only for %(services)s. Other services "
                "follow once its SKT is recorded."
            )
            % {"ormas": ormas.name, "status": ormas.get_status_display(), "services": open_names or "—"},
            code="unregistered",
        )


def _refuse_under_sanction(ormas: Ormas, service_type: ServiceType) -> None:
    """Services such as the activity recommendation are refused while a sanction is in force (supervision's one
    definition of it, active_sanction)."""
    if not service_type.refused_under_sanction:
        return
    sanction = active_sanction(ormas)
    if sanction is not None:
        raise ValidationError(
            _(
                "%(ormas)s is under a sanction in force (%(sanction)s since %(date)s): the office cannot give "
                "“%(service)s” while it lasts."
            )
            % {
                "ormas": ormas.name,
                "sanction": sanction.get_kind_display(),
                "date": date_format(sanction.decided_on, "DATE_FORMAT") if sanction.decided_on else "—",
                "service": service_type.name,
            },
            code="sanction",
        )


def _registration_status(application: Application, new: str, *, by: User | None, reason: str) -> None:
    """The registration route moves the Ormas between terdata and dalam proses (never a sanction status)."""
    if not application.service_type.open_to_unregistered:
        return
    ormas = Ormas.objects.select_for_update().get(pk=application.ormas_id)
    wanted_from = Ormas.Status.TERDATA if new == Ormas.Status.IN_PROCESS else Ormas.Status.IN_PROCESS
    if ormas.status == wanted_from:
        registry_actions.change_ormas_status(
            ormas, new, by=by, reason=reason, legal_basis=application.service_type.legal_basis
        )
        application.ormas = ormas


def handling_office(ormas: Ormas) -> Office:
    """The office that handles an Ormas's applications: its kab/kota office, or the province for wider scopes."""
    if ormas.scope_level in (Ormas.ScopeLevel.PROVINCE, Ormas.ScopeLevel.NATIONAL):
        return Office.objects.get(region_id=ormas.province_code)
    return Office.for_region(ormas.region_id)


def _new_reference() -> str:
    from services.models import new_reference

    year = timezone.localdate().year
    while True:
        reference = new_reference(year)
        if not Application.objects.filter(reference=reference).exists():
            return reference
