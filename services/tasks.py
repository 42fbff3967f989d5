"""E-mails about applications, sent after the action's transaction commits (ImmediateBackend in dev and tests)."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wadah.lib.urls import absolute_url

# Marked for extraction here, translated when the e-mail is written (in the office language).
SUBJECTS = {
    "submitted": gettext_noop("Your application %(ref)s has been received"),
    "review_started": gettext_noop("Your application %(ref)s is being checked"),
    "changes_requested": gettext_noop("Your application %(ref)s needs correction"),
    "resubmitted": gettext_noop("Your corrected application %(ref)s has been received"),
    "field_check_scheduled": gettext_noop("A field check is scheduled for your application %(ref)s"),
    "approved": gettext_noop("Your application %(ref)s has been approved"),
    "rejected": gettext_noop("Your application %(ref)s has been rejected"),
    "withdrawn": gettext_noop("Your application %(ref)s has been withdrawn"),
    "deemed_granted": gettext_noop("Your application %(ref)s is deemed granted: the office's period has passed"),
    "correction_lapsed": gettext_noop("Your application %(ref)s has lapsed: the correction period has passed"),
}


@task()
def notify_applicant(application_id: int, event: str) -> None:
    from services.models import Application

    application = Application.objects.select_related("service_type", "ormas").get(pk=application_id)
    recipients = {application.applicant_email} | set(
        application.ormas.accounts.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    )
    recipients.discard("")
    if not recipients or event not in SUBJECTS:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[event]) % {"ref": application.reference}
        lines = [
            _("Service: %(service)s") % {"service": application.service_type.name},
            _("Ormas: %(ormas)s") % {"ormas": application.ormas},
            _("Status: %(status)s") % {"status": application.get_status_display()},
        ]
        if application.decision_note:
            lines.append(_("Note from the office: %(note)s") % {"note": application.decision_note})
        lines.append(
            _("Follow your application here: %(url)s")
            % {"url": absolute_url(reverse("services:applicant-status", args=[application.reference]))}
        )
    send_mail(subject, "\n".join(lines), None, sorted(recipients))
