"""The annual activity report pre-filled from what Wadah knows (issue 12 item 7): guidance events attended,
grants received, partnerships and business units, board changes — each part confirmed or corrected."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships import actions
from partnerships.tests.helpers import city, link, unit
from services import actions as service_actions
from services import prefill
from services.models import ServiceType
from services.tests.helpers import account_for, pdf


@pytest.fixture
def year():
    return prefill.report_year(timezone.localdate())


def test_the_report_lists_every_part_with_what_wadah_knows(client, city_officer, year):
    ormas = city("Ikatan Pemuda Tepian Kahayan", "IPTK")
    other = city("Forum Perempuan Kahayan", "FPK")
    link(ormas, city_officer, other=other, starts_on=dt.date(year, 2, 1))
    business = unit(ormas, city_officer, started_on=dt.date(year - 1, 1, 1))
    actions.record_year(
        business,
        by=city_officer,
        year=year,
        people_trained=30,
        businesses_started=4,
        revenue_band="lt300jt",
        members_involved=20,
    )
    account = account_for(ormas)
    application = service_actions.create_application(
        service_type=ServiceType.objects.get(code="activity-report"), ormas=ormas, by=account
    )
    codes = [row.part.code for row in prefill.shown(application)]
    assert codes == [
        "guidance.events",
        "grants.received",
        "partnerships.links",
        "partnerships.business_units",
        "registry.board",
    ]
    rows = {row.part.code: row for row in prefill.shown(application)}
    assert "Forum Perempuan Kahayan" in rows["partnerships.links"].items[0].text
    assert "30 people trained" in rows["partnerships.business_units"].items[0].text
    assert {r.part.code for r in prefill.unanswered(application)} == {
        "partnerships.links",
        "partnerships.business_units",
    }
    client.force_login(account)
    page = client.get(reverse("services:task-prefill", args=[application.reference])).content.decode()
    assert reverse("partnerships:mine") in page  # where the Ormas corrects its business units itself
    service_actions.update_application_data(application, by=account, statements_confirmed=True)
    for item in application.checklist():
        service_actions.upload_application_document(application, item, by=account, upload=pdf())
    for code in ("partnerships.links", "partnerships.business_units"):
        service_actions.answer_prefill_part(application, code, by=account, confirmed=True)
    service_actions.submit_application(application, by=account)
    client.force_login(city_officer)
    detail = client.get(application.get_absolute_url()).content.decode()
    assert "Forum Perempuan Kahayan" in detail and "30 people trained" in detail
