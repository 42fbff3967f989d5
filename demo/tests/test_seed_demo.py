from io import StringIO

from django.core.management import call_command

from accounts.models import User
from complaints.models import Complaint
from fieldreports.models import FieldReport
from grants.models import Proposal
from letters.models import Letter
from partnerships.models import BusinessUnitYear, Partnership
from registry.models import Ormas
from services.models import Application
from supervision.models import Case


def test_the_demo_loads_a_registry_an_ormas_account_and_applications_at_every_step(db):
    # The full demo size: the services and supervision demos pick Ormas of Palangka Raya of a given legal form.
    out = StringIO()
    call_command("seed_demo", count=1500, stdout=out)
    # The generated registry, plus one known but unregistered Ormas asking for its SKT pre-verification.
    assert Ormas.objects.count() == 1501
    assert Ormas.objects.filter(status=Ormas.Status.IN_PROCESS).exists()
    assert Application.objects.filter(service_type__code="activity-recommendation", status="submitted").exists()
    assert User.objects.get(username="sekretariat").ormas is not None
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {"submitted", "in_review", "changes_requested", "approved", "draft"} <= statuses
    assert Letter.objects.filter(kind="written-warning").count() == 1  # the demo case's warning
    assert Case.objects.count() == 2 and Complaint.objects.count() == 3 and FieldReport.objects.count() == 2
    assert "sekretariat" in out.getvalue() and "Wadah-Demo-2026" in out.getvalue()
    # Grants: proposals at several steps, one carried to a verified LPJ, one recommendation letter (BPKAD).
    grant_statuses = set(Proposal.objects.values_list("status", flat=True))
    assert {"submitted", "evaluation", "approved", "lpj_verified", "forwarded"} <= grant_statuses
    # The grant demo files an activity report for each Ormas it makes eligible, besides the services demo's five.
    # Partnerships: clusters, a link the Ormas account proposed, business units with yearly figures.
    assert Partnership.objects.filter(status="confirmed").count() >= 10
    assert Partnership.objects.filter(status="proposed", ormas__accounts__username="sekretariat").exists()
    assert BusinessUnitYear.objects.count() >= 8
    applications = Application.objects.count()
    call_command("seed_demo", count=1500, stdout=StringIO())  # idempotent: a second run adds nothing
    assert Ormas.objects.count() == 1501 and Application.objects.count() == applications
    assert Proposal.objects.count() == 5
