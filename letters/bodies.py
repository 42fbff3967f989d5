"""The wording of letter bodies: one template per kind of letter in templates/letters/bodies/<name>.txt.

A letter is an official Indonesian document whatever language the signer's screen uses, so the templates are
written in Indonesian (not through gettext) and rendered with Indonesian dates. They are plain text: nothing is
HTML-escaped, and a blank line separates paragraphs (see Letter.body). Periods the law sets are never written
into a template; the caller passes them from the period data (workdays.models.Period.phrase).
"""

from typing import Any

from django.template import Context, engines
from django.utils import translation


def render_body(name: str, context: dict[str, Any]) -> str:
    """The body text of letters/bodies/<name>.txt rendered with `context`, trimmed."""
    template = engines["django"].engine.get_template(f"letters/bodies/{name}.txt")  # type: ignore[attr-defined]
    with translation.override("id"):
        return template.render(Context(context, autoescape=False)).strip()
