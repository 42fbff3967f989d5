"""The one rule for moving a record along its TRANSITIONS table, shared by every app with a workflow.

A model with a `status` field declares `TRANSITIONS: dict[str, set[str]]` (status → the statuses it may become)
and mixes in `Workflow`; its actions call `check_move()` before changing the status, so a move the table does not
list raises `InvalidTransition` (a ValidationError: views show it like any other refusal).
"""

from collections.abc import Mapping, Set
from typing import Any

from django.core.exceptions import ValidationError


class InvalidTransition(ValidationError):
    """A status change that the record's TRANSITIONS table does not allow."""


def can_move_to(transitions: Mapping[str, Set[str]], current: str, new: str) -> bool:
    return new in transitions.get(current, set())


class Workflow:
    """Mixin for a model with `status` and `TRANSITIONS`: `record.can_move_to(new)`."""

    TRANSITIONS: dict[str, set[str]]
    status: Any

    def can_move_to(self, status: str) -> bool:
        return can_move_to(self.TRANSITIONS, self.status, status)


def check_move(record: Any, new: str, message: str) -> None:
    """Refuse a move TRANSITIONS does not list. `message` is translated and may use %(old)s and %(new)s, the
    labels of the current and the requested status."""
    if not record.can_move_to(new):
        raise InvalidTransition(message % {"old": record.get_status_display(), "new": type(record).Status(new).label})
