"""Demo complaints and field reports for `seed_demo`: what the public and the Tim Terpadu send in, through the real
actions (so the demo has tracking codes, triage deadlines, compartments and audit entries like real use)."""

import datetime as dt

from django.utils import timezone

from accounts.models import User
from complaints import actions as complaint_actions
from fieldreports import actions as report_actions
from regions.models import Region
from registry.models import Ormas


def seed_complaints_demo() -> int:
    """Three public complaints (one in triage) and two submitted field reports; returns how many were made."""
    today = timezone.localdate()
    officer = User.objects.get(username="petugas.palangkaraya")
    polda = User.objects.get(username="polda")
    ormas_list = list(Ormas.objects.filter(regency_code="62.71", status=Ormas.Status.ACTIVE).order_by("-pk")[:3])
    if len(ormas_list) < 3:
        ormas_list = list(Ormas.objects.filter(status=Ormas.Status.ACTIVE).order_by("-pk")[:3])
    village = Region.objects.filter(code__startswith="62.71.", level__in=["kelurahan", "desa"]).order_by("code")
    stories = [
        ("Anggota Ormas memungut uang keamanan dari pedagang pasar setiap malam.", "Pasar Kahayan", 3),
        ("Atribut seragam menyerupai seragam aparat dipakai saat pawai.", "Bundaran Besar", 9),
        ("Pemasangan spanduk berisi ujaran kebencian di depan sekretariat.", "Jl. Tjilik Riwut Km 5", 15),
    ]
    made = 0
    for (description, place, days_ago), ormas, region in zip(stories, ormas_list, village, strict=False):
        complaint, _code = complaint_actions.submit_complaint(
            description=description,
            region=region,
            incident_date=today - dt.timedelta(days=days_ago),
            ormas=ormas,
            place=place,
        )
        made += 1
        if days_ago > 10:
            complaint_actions.start_triage(complaint, by=officer)
    for ormas, classification in zip(ormas_list[:2], ["of_concern", "possible_violation"], strict=False):
        report = report_actions.create_report(
            by=polda,
            ormas=ormas,
            region=ormas.region,
            place=ormas.address,
            observed_on=today - dt.timedelta(days=2),
            activity="Konvoi kendaraan dengan atribut Ormas pada malam hari.",
            observations="Sekitar 40 orang, tidak ada izin keramaian yang ditunjukkan.",
            classification=classification,
            prohibition="59(3)(c)" if classification == "possible_violation" else "",
        )
        report_actions.submit_report(report, by=polda)
        made += 1
    return made
