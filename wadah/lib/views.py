"""One way for a view to run an action and show why it was refused.

Actions refuse with ValidationError (bad input, a move the workflow does not allow) or PermissionDenied (the
wrong person); either way nothing has changed (they run in a transaction) and the user reads the reason:

    with refusals_shown(request) as outcome:
        case = actions.open_case(...)
        messages.success(request, ...)
    if outcome.ok:
        return redirect(case.get_absolute_url())

The rest of the block is skipped after a refusal. With `form=`, the reasons become errors of that form (or of
`field`) instead of flash messages; with `request=None` they are only collected in `outcome.refusals`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


@dataclass
class Outcome:
    refusals: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refusals

    @property
    def text(self) -> str:
        return " ".join(self.refusals)


def refusal_messages(error: ValidationError | PermissionDenied) -> list[str]:
    """What the user reads: every message of a ValidationError, else the PermissionDenied's own text."""
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [str(error) or _("You may not do this.")]


@contextmanager
def refusals_shown(request: HttpRequest | None, *, form: Any = None, field: str | None = None) -> Iterator[Outcome]:
    outcome = Outcome()
    try:
        yield outcome
    except (ValidationError, PermissionDenied) as error:
        outcome.refusals = refusal_messages(error)
        for message in outcome.refusals:
            if form is not None:
                form.add_error(field, message)
            elif request is not None:
                messages.error(request, message)
