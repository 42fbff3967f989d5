"""E-mail to an Ormas-account applicant: request received, confirmed, rejected (run after the decision commits)."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from ormas_accounts.models import OrmasAccountRequest
from wadah.lib.urls import absolute_url


@task()
def send_account_request_mail(request_id: int, kind: str) -> None:
    account_request = OrmasAccountRequest.objects.select_related("user", "ormas").get(pk=request_id)
    user = account_request.user
    if not user.email:
        return
    context = {
        "request": account_request,
        "reference": account_request.reference,
        "name": str(user),
        "ormas": account_request.ormas_name,
        "position": account_request.position_label,
        "reason": account_request.decision_note,
        "login_url": absolute_url(reverse("accounts:login")),
        "reset_url": absolute_url(reverse("accounts:password-reset")),
        "username": user.username,
    }
    # Applicants read Indonesian first (settings.LANGUAGE_CODE); the English text is the msgid.
    with translation.override(settings.LANGUAGE_CODE):
        subjects = {
            "requested": _("Wadah: account request %(reference)s received"),
            "confirmed": _("Wadah: your account for %(ormas)s is confirmed"),
            "rejected": _("Wadah: account request %(reference)s was not accepted"),
        }
        subject = subjects[kind] % context
        body = render_to_string(f"ormas_accounts/email/request_{kind}.txt", context)
    send_mail(subject, body, None, [user.email])


@task()
def send_registration_attempt_notice(user_id: int) -> None:
    """Someone asked for an Ormas account with the e-mail address of an existing account. The register page said
    nothing about it (that would tell anyone which addresses are registered); the owner is told here."""
    user = User.objects.get(pk=user_id)
    if not user.email:
        return
    context = {
        "name": str(user),
        "username": user.username,
        "login_url": absolute_url(reverse("accounts:login")),
        "reset_url": absolute_url(reverse("accounts:password-reset")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Wadah: someone asked for an account with your e-mail address")
        body = render_to_string("ormas_accounts/email/register_existing.txt", context)
    send_mail(subject, body, None, [user.email])


@task()
def notify_officers_of_account_request(request_id: int) -> None:
    """Tell the officers whose area holds the Ormas that an account request waits for them."""
    account_request = OrmasAccountRequest.objects.select_related("ormas").get(pk=request_id)
    region = account_request.region_code
    officers = [
        officer
        for officer in User.objects.filter(role__in=[Role.OFFICER, Role.LEADER], is_active=True)
        .exclude(email="")
        .select_related("office")
        if officer.in_scope(region)
    ]
    if not officers:
        return
    url = absolute_url(reverse("ormas_accounts:account-request", args=[account_request.pk]))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Wadah: account request %(reference)s waits for confirmation") % {
            "reference": account_request.reference
        }
        body = _(
            "An account was requested for %(ormas)s. Check the supporting document and confirm or reject it: %(url)s"
        ) % {
            "ormas": account_request.ormas_name,
            "url": url,
        }
    send_mail(subject, body, None, sorted({officer.email for officer in officers}))
