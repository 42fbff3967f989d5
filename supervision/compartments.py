"""Compartments: who may read a case note, document, meeting, mediation record or field report.

Every compartmented item has `agency` (the compartment of its author) and either `case` (a FK to
supervision.Case) or `case` = None (a field report not yet attached to a case).

The rule (the same in `can_read` for one item and `readable` for a queryset):

* Kesbangpol staff (petugas, pimpinan) read every compartment of the cases handled by an office within their
  scope (case.office.region within user.scope_code). Items without a case: staff read them when the model says
  where they are (`COMPARTMENT_REGION_FIELD`, a lookup to a region code, e.g. "region_id") and that place is in
  scope; a model without it is readable by province staff only.
* A Tim Terpadu member (anggota_tim) reads the items of their own agency and the items shared with their agency,
  and, for items in a case, only when their agency is a member of that case.
* Nobody else — system administrators and Ormas accounts included.

Which compartment an author writes in (`compartment_of`): an agency member writes in `user.agency`; a Kesbangpol
officer or leader writes in the Kesbangpol agency of their office's region if one exists, otherwise in the
province's Kesbangpol agency (created by setup_offices; it is never created here).

Sharing is explicit (`share` / `unshare`), one CompartmentShare row per item and agency, audited as
compartment.shared / compartment.unshared.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from accounts.models import Agency, Role, User
from audit.log import record
from regions.scope import within_q
from supervision.models import KESBANGPOL_ROLES, CaseMember, CompartmentShare


def is_kesbangpol_staff(user: Any) -> bool:
    return getattr(user, "role", None) in KESBANGPOL_ROLES and bool(getattr(user, "scope_code", None))


def compartment_of(user: User) -> Agency:
    """The compartment `user` writes in; raises PermissionDenied for users who have none."""
    if user.role == Role.AGENCY_MEMBER and user.agency_id:
        return user.agency  # type: ignore[return-value]
    if user.role in KESBANGPOL_ROLES and user.office_id:
        region = user.office.region_id  # type: ignore[union-attr]
        agencies = Agency.objects.filter(kind=Agency.Kind.KESBANGPOL, region_id__in={region, region[:2]})
        by_region = {agency.region_id: agency for agency in agencies}
        agency = by_region.get(region) or by_region.get(region[:2])
        if agency is None:
            raise ValidationError(_("The Kesbangpol agency of the province is missing; run setup_offices."))
        return agency
    raise PermissionDenied(_("Only Kesbangpol staff and Tim Terpadu members write in a case file."))


def _case_of(item: Any) -> Any:
    return getattr(item, "case", None)


def _region_of(item: Any) -> str | None:
    field = getattr(type(item), "COMPARTMENT_REGION_FIELD", None)
    if not field:
        return None
    value: Any = item
    for part in field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return str(value)


def shared_agency_ids(item: Any) -> set[int]:
    return set(
        CompartmentShare.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).values_list("agency_id", flat=True)
    )


def can_read(user: Any, item: Any) -> bool:
    """May `user` read this compartmented item? (The same rule as readable(), for one object.)"""
    if not getattr(user, "is_authenticated", False):
        return False
    case = _case_of(item)
    if is_kesbangpol_staff(user):
        scope = user.scope_code
        if case is not None:
            return bool(user.in_scope(case.office.region_id))
        region = _region_of(item)
        if region is not None:
            return bool(user.in_scope(region))
        return "." not in scope
    if user.role == Role.AGENCY_MEMBER and user.agency_id:
        if case is not None and not CaseMember.objects.filter(case=case, agency_id=user.agency_id).exists():
            return False
        return item.agency_id == user.agency_id or user.agency_id in shared_agency_ids(item)
    return False


def readable(user: Any, queryset: models.QuerySet[Any]) -> models.QuerySet[Any]:
    """`queryset` narrowed to the items `user` may read, as one filter (subqueries, no joins that duplicate rows)."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    model = queryset.model
    if is_kesbangpol_staff(user):
        scope = user.scope_code
        in_case = Q(case__isnull=False) & within_q("case__office__region__code", scope)
        region_field = getattr(model, "COMPARTMENT_REGION_FIELD", None)
        if region_field:
            loose = Q(case__isnull=True) & within_q(region_field, scope)
        else:
            loose = Q(case__isnull=True) if "." not in scope else Q(pk__in=[])
        return queryset.filter(in_case | loose)
    if user.role == Role.AGENCY_MEMBER and user.agency_id:
        shared = CompartmentShare.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"), agency_id=user.agency_id
        )
        member = CaseMember.objects.filter(case_id=OuterRef("case_id"), agency_id=user.agency_id)
        return queryset.filter(Q(agency_id=user.agency_id) | Exists(shared)).filter(
            Q(case__isnull=True) | Exists(member)
        )
    return queryset.none()


def can_share(user: Any, item: Any) -> bool:
    """The owner compartment's members and the handling Kesbangpol staff may share an item."""
    if not can_read(user, item):
        return False
    if is_kesbangpol_staff(user):
        return True
    return bool(user.role == Role.AGENCY_MEMBER and user.agency_id == item.agency_id)


def _audit(item: Any, action: str, *, by: User, agency: Agency, note: str = "") -> None:
    case = _case_of(item)
    data: dict[str, Any] = {
        "agency": str(agency),
        "agency_id": agency.pk,
        "item": f"{item._meta.label_lower}:{item.pk}",
    }
    if case is not None:
        data["case"] = case.reference
    if note:
        data["note"] = note
    ormas = getattr(case, "ormas", None) or getattr(item, "ormas", None)
    record(item, action, by=by, ormas=ormas, data=data, about=item)


@transaction.atomic
def share(item: Any, *, with_agency: Agency, by: User, note: str = "") -> CompartmentShare:
    """Share one item with another agency. Within a case the agency must be a member of it (add it first)."""
    if not can_share(by, item):
        raise PermissionDenied(_("You may share only items of your own compartment."))
    if with_agency.pk == item.agency_id:
        raise ValidationError(_("This item already belongs to that agency's compartment."))
    case = _case_of(item)
    if case is not None and not CaseMember.objects.filter(case=case, agency=with_agency).exists():
        raise ValidationError(
            _("%(agency)s is not a member of this case. Add the agency to the case first.") % {"agency": with_agency}
        )
    content_type = ContentType.objects.get_for_model(item)
    if CompartmentShare.objects.filter(content_type=content_type, object_id=item.pk, agency=with_agency).exists():
        raise ValidationError(_("This item is already shared with %(agency)s.") % {"agency": with_agency})
    row = CompartmentShare.objects.create(
        content_type=content_type, object_id=item.pk, agency=with_agency, shared_by=by, note=note.strip()[:300]
    )
    _audit(item, "compartment.shared", by=by, agency=with_agency, note=note.strip())
    return row


@transaction.atomic
def unshare(item: Any, *, agency: Agency, by: User) -> None:
    """Take back a share; the agency no longer reads the item (the share and its withdrawal stay in the audit)."""
    if not can_share(by, item):
        raise PermissionDenied(_("You may un-share only items of your own compartment."))
    deleted, _rows = CompartmentShare.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, agency=agency
    ).delete()
    if not deleted:
        raise ValidationError(_("This item is not shared with %(agency)s.") % {"agency": agency})
    _audit(item, "compartment.unshared", by=by, agency=agency)
