"""Who may read an audit entry: one rule per kind of record, registered by the app that owns the record.

An entry says what it is about (`Entry.about` = a record kind such as "supervision.case", `Entry.about_id` = that
record's id) when the record has its own reading rule — a case, a compartmented note or document, a complaint.
Entries about nothing in particular (`about` = "") are part of the Ormas's public-to-staff history and follow the
page they appear on (the Ormas's own visibility).

The audit app sits below the apps whose records it logs, so it cannot import their rules. Instead each of those
apps registers, in its AppConfig.ready(), a function `readable(user)` returning a queryset of the ids of records of
its kind that the user may read (the same rule its own pages use: supervision.compartments.readable,
Case.objects.visible_to, …). A kind nobody registered is shown to nobody: an entry fails closed.

Personal data (UU 27/2022): an entry lists in `Entry.personal` the keys of `changes` / `data` that hold a person's
details (address, phone, e-mail, NIK, birth data). For readers without personal-data access those values are
replaced by a mask before any template, export or admin page sees them.
"""

import copy
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from audit.models import Entry

Readable = Callable[[Any], "models.QuerySet[Any]"]

_RULES: dict[str, Readable] = {}
# The scope rule for entries about an Ormas (registered by the registry): who may read that Ormas at all.
ORMAS_KIND = "registry.ormas"
# The keys that hold a person's details; writers about a person list those they wrote in Entry.personal.
PERSONAL_KEYS = frozenset({"nik", "address", "phone", "email", "birth_date", "birth_place"})


def register(kind: str, readable: Readable) -> None:
    """Register the reading rule of one kind of record: readable(user) → queryset of readable ids (values "pk")."""
    _RULES[kind] = readable


def kind_of(obj: models.Model) -> str:
    return obj._meta.label_lower


def about(obj: models.Model | None) -> dict[str, Any]:
    """The Entry fields that tie an entry to `obj`'s reading rule (for audit.log.record)."""
    if obj is None:
        return {"about": "", "about_id": None}
    return {"about": kind_of(obj), "about_id": obj.pk}


def _kind_q(user: Any, kinds: Iterable[str]) -> Q:
    condition = Q(about="")
    for kind in kinds:
        if kind != ORMAS_KIND:
            condition |= Q(about=kind, about_id__in=_RULES[kind](user))
    return condition


def readable(user: Any, queryset: "models.QuerySet[Entry]", *, scoped: bool = False) -> "models.QuerySet[Entry]":
    """The entries of `queryset` that `user` may read.

    `scoped`: also apply the Ormas scope (for lists that are not already one Ormas's history, e.g. the admin).
    """
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    queryset = queryset.filter(_kind_q(user, _RULES))
    if scoped:
        rule = _RULES.get(ORMAS_KIND)
        ormas_ids = rule(user) if rule is not None else []
        queryset = queryset.filter(Q(ormas__isnull=True) | Q(ormas_id__in=ormas_ids))
    return queryset


def may_read(user: Any, entry: Entry) -> bool:
    """One entry (the same rule as readable())."""
    if not entry.about:
        return bool(getattr(user, "is_authenticated", False))
    rule = _RULES.get(entry.about)
    return rule is not None and rule(user).filter(pk=entry.about_id).exists()


def sees_personal_data(user: Any) -> bool:
    return bool(getattr(user, "can_see_personal_data", False))


def _mask(value: Any) -> Any:
    if value in (None, "", []):
        return value
    return _("(personal data hidden)")


def redact(entries: Iterable[Entry], user: Any) -> list[Entry]:
    """The entries as `user` may read them: personal values masked for readers without personal-data access.

    Returns in-memory copies (an Entry cannot be saved again, and the stored values stay untouched).
    """
    entries = list(entries)
    if sees_personal_data(user):
        return entries
    shown = []
    for entry in entries:
        keys = set(entry.personal or ())
        if keys:
            entry = copy.copy(entry)
            entry.changes = {
                k: ([_mask(v) for v in vals] if isinstance(vals, list) else _mask(vals)) if k in keys else vals
                for k, vals in (entry.changes or {}).items()
            }
            entry.data = {k: _mask(v) if k in keys else v for k, v in (entry.data or {}).items()}
        shown.append(entry)
    return shown


def for_reader(user: Any, queryset: "models.QuerySet[Entry]", *, limit: int | None = None) -> list[Entry]:
    """readable() then redact(): what every history list shows."""
    rows = readable(user, queryset)
    return redact(rows[:limit] if limit else rows, user)
