from io import StringIO

import pytest
from django.core.management import call_command

from guidance import capacity
from guidance.models import Assessment, Certificate, CheckIn, Invitation, Programme

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_programmes_with_attendance_and_before_after_assessments():
    from accounts.models import User

    out = StringIO()
    call_command("seed_demo", count=1500, stdout=out)
    assert Programme.objects.count() == 2
    assert CheckIn.objects.count() >= 5 and Certificate.objects.count() == CheckIn.objects.count()
    assert Invitation.objects.filter(ormas=User.objects.get(username="sekretariat").ormas, status="invited").exists()
    assert Assessment.objects.count() == 20
    officer = User.objects.get(username="petugas.palangkaraya")
    effect = capacity.programme_effect(Programme.objects.get(name__startswith="Bimtek"), officer)
    keuangan = next(r for r in effect["rows"] if r["code"] == "keuangan")
    assert keuangan["participants"] > keuangan["others"]
    assert "Demo guidance: 2 programmes" in out.getvalue()
