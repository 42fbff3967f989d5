"""E-mails about cases to the handling officers, sent after the action's transaction commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from wadah.lib.urls import absolute_url

SUBJECTS = {
    "opened": gettext_noop("Case %(ref)s opened"),
    "step": gettext_noop("Case %(ref)s: %(step)s"),
    "window_ended": gettext_noop("Case %(ref)s: the compliance window has ended — propose the next step"),
}


def handling_officers(case):  # type: ignore[no-untyped-def]
    """Active officers and leaders of the handling office (the people who act on the case)."""
    return User.objects.filter(is_active=True, office_id=case.office_id, role__in=["petugas", "pimpinan"]).exclude(
        email=""
    )


@task()
def notify_officers(case_id: int, event: str, step_label: str = "") -> None:
    from supervision.models import Case

    case = Case.objects.select_related("office", "ormas").get(pk=case_id)
    recipients = sorted(set(handling_officers(case).values_list("email", flat=True)))
    if not recipients or event not in SUBJECTS:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[event]) % {"ref": case.reference, "step": step_label}
        lines = [
            _("Subject: %(subject)s") % {"subject": case.subject},
            _("Status: %(status)s") % {"status": case.get_status_display()},
            _("Open the case: %(url)s") % {"url": absolute_url(case.get_absolute_url())},
        ]
    send_mail(subject, "\n".join(lines), None, recipients)
