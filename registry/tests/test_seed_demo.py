from io import StringIO

from django.core.management import call_command

from accounts.models import User
from letters.models import Letter
from registry.models import Ormas
from services.models import Application


def test_the_demo_loads_a_registry_an_ormas_account_and_applications_at_every_step(db):
    out = StringIO()
    call_command("seed_demo", count=40, stdout=out)
    assert Ormas.objects.count() == 40
    assert User.objects.get(username="sekretariat").ormas is not None
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {"submitted", "in_review", "changes_requested", "approved", "draft"} <= statuses
    assert Letter.objects.filter(status="valid").count() == 1
    assert "sekretariat" in out.getvalue() and "Wadah-Demo-2026" in out.getvalue()
    call_command("seed_demo", count=40, stdout=StringIO())  # idempotent: a second run adds nothing
    assert Ormas.objects.count() == 40 and Application.objects.count() == 5
