"""The one set of view guards: who each lets in, who gets 403, and that a visitor is sent to log in."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from accounts import decorators
from accounts.models import Role
from fieldreports import views as fieldreport_views
from services.views import applicant, filing, officer
from wadah.testing import make_user

LET_IN = "let in"
FORBIDDEN = 403


def _users(city_ormas) -> dict[str, object]:
    confirmed = make_user("pengurus.confirmed", Role.ORMAS_ACCOUNT)
    confirmed.ormas = city_ormas
    confirmed.save()
    return {
        "officer": make_user("officer", Role.OFFICER, office_code="62.71"),
        "leader": make_user("pimpinan", Role.LEADER, office_code="62"),
        "admin": make_user("admin", Role.ADMIN, office_code="62"),
        "officer_without_office": make_user("officer.nooffice", Role.OFFICER),
        "agency_member": make_user("polda", Role.AGENCY_MEMBER, agency="Polda"),
        "ormas_waiting": make_user("pengurus.waiting", Role.ORMAS_ACCOUNT),
        "ormas_confirmed": confirmed,
    }


# decorator → the users it lets in; every other user gets 403.
EXPECTED = {
    "officer_required": {"officer", "leader", "admin"},
    "filer_required": {"officer", "leader", "admin", "ormas_confirmed"},
    "acting_ormas_required": {"ormas_confirmed"},
    "ormas_account_required": {"ormas_waiting", "ormas_confirmed"},
    "registry_reader": {"officer", "leader", "admin", "agency_member"},
    "registry_editor": {"officer", "leader"},
}


def _outcome(guard, user) -> object:
    request = RequestFactory().get("/somewhere/")
    request.user = user
    view = guard(lambda request: HttpResponse("ok"))
    try:
        response = view(request)
    except PermissionDenied:
        return FORBIDDEN
    if response.status_code == 302:
        return response["Location"]
    return LET_IN


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_guard_lets_in_exactly_its_users(name, city_ormas):
    guard = getattr(decorators, name)
    users = _users(city_ormas)
    outcomes = {label: _outcome(guard, user) for label, user in users.items()}
    assert {label for label, outcome in outcomes.items() if outcome == LET_IN} == EXPECTED[name]
    assert all(outcome == FORBIDDEN for label, outcome in outcomes.items() if label not in EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_guard_sends_a_visitor_to_log_in(name):
    outcome = _outcome(getattr(decorators, name), AnonymousUser())
    assert isinstance(outcome, str) and outcome.startswith("/") and "next=/somewhere/" in outcome


def test_services_and_field_reports_use_the_shared_guards():
    assert officer.officer_required is decorators.officer_required
    assert filing.filer_required is decorators.filer_required
    assert applicant.acting_ormas_required is decorators.acting_ormas_required
    assert not hasattr(officer, "ormas_account_required")
    assert fieldreport_views.reporter_required.__module__ == decorators.user_passes.__module__
