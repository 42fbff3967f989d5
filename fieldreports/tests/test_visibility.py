"""The compartment rule for field reports, through the pages: own agency, other agency, Kesbangpol in and out of
scope, sharing, drafts, photos; and attaching a report to a case."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Agency, Role
from audit.models import Entry
from fieldreports import actions
from fieldreports.models import FieldReport
from fieldreports.tests.helpers import jpeg, submitted_report
from supervision import actions as case_actions
from supervision import compartments
from wadah.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def binda_member():
    return make_user("binda.member", Role.AGENCY_MEMBER, agency="BINDA")


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def _case(officer, ormas, *agencies):
    case = case_actions.open_case(
        ormas=ormas, office=officer.office, by=officer, summary="Sweeping warung", source="field_report"
    )
    for abbreviation in agencies:
        case_actions.add_member(case, Agency.objects.get(abbreviation=abbreviation, region_id="62"), by=officer)
    return case


def test_it_shows_a_report_to_its_agency_and_kesbangpol_in_scope_only(
    client, binda_member, agency_member, city_officer, kotim_officer, city_ormas
):
    report = submitted_report(binda_member, city_ormas)
    colleague = make_user("binda.two", Role.AGENCY_MEMBER, agency="BINDA")
    url = report.get_absolute_url()
    assert _get(client, binda_member, url).status_code == 200
    assert _get(client, colleague, url).status_code == 200
    assert _get(client, city_officer, url).status_code == 200  # the place lies in Palangka Raya
    assert _get(client, agency_member, url).status_code == 404  # Polda: another compartment
    assert _get(client, kotim_officer, url).status_code == 404  # out of scope
    listing = _get(client, agency_member, reverse("fieldreports:list"))
    assert report.reference not in listing.content.decode()
    assert report.reference in _get(client, city_officer, reverse("fieldreports:list")).content.decode()


def test_it_keeps_a_draft_to_its_author(client, binda_member, city_officer):
    report = actions.create_report(by=binda_member, ormas_text="X")
    colleague = make_user("binda.two", Role.AGENCY_MEMBER, agency="BINDA")
    assert _get(client, binda_member, report.get_absolute_url()).status_code == 200
    assert _get(client, colleague, report.get_absolute_url()).status_code == 404
    assert _get(client, city_officer, report.get_absolute_url()).status_code == 404
    assert _get(client, colleague, reverse("fieldreports:edit", args=[report.pk])).status_code == 404


def test_it_serves_photos_only_to_readers(client, binda_member, agency_member, city_officer):
    report = actions.create_report(by=binda_member, ormas_text="X")
    photo = actions.add_photo(report, jpeg(), by=binda_member)
    url = photo.get_absolute_url()
    response = _get(client, binda_member, url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _get(client, agency_member, url).status_code == 404
    assert _get(client, city_officer, url).status_code == 404  # still a draft


def test_it_opens_a_report_to_another_agency_once_shared(client, binda_member, agency_member, city_ormas):
    report = submitted_report(binda_member, city_ormas)
    client.force_login(binda_member)
    polda = Agency.objects.get(abbreviation="Polda", region_id="62")
    response = client.post(
        reverse("fieldreports:share", args=[report.pk]), {"agency": polda.pk, "note": "Untuk Intelkam"}
    )
    assert response.status_code == 302
    assert Entry.objects.filter(action="compartment.shared").exists()
    assert _get(client, agency_member, report.get_absolute_url()).status_code == 200
    assert compartments.can_read(agency_member, report)


def test_it_refuses_sharing_by_another_agency(client, binda_member, agency_member, city_ormas):
    report = submitted_report(binda_member, city_ormas)
    client.force_login(agency_member)
    response = client.post(reverse("fieldreports:share", args=[report.pk]), {"agency": agency_member.agency_id})
    assert response.status_code == 404


def test_it_attaches_a_report_to_a_case_for_the_handling_officer(binda_member, city_officer, kotim_officer, city_ormas):
    report = submitted_report(binda_member, city_ormas)
    case = _case(city_officer, city_ormas, "BINDA")
    with pytest.raises(PermissionDenied):
        actions.attach_to_case(report, case, by=kotim_officer)
    actions.attach_to_case(report, case, by=city_officer)
    report.refresh_from_db()
    assert report.case == case
    entry = Entry.objects.get(action="field_report.attached")
    assert entry.ormas == city_ormas and entry.data["case"] == case.pk
    with pytest.raises(ValidationError):
        actions.attach_to_case(report, case, by=city_officer)


def test_it_lets_a_member_agency_attach_its_own_report(client, binda_member, agency_member, city_officer, city_ormas):
    report = submitted_report(binda_member, city_ormas)
    not_member = _case(city_officer, city_ormas)
    with pytest.raises(PermissionDenied):
        actions.attach_to_case(report, not_member, by=binda_member)
    case = _case(city_officer, city_ormas, "BINDA", "Polda")
    client.force_login(binda_member)
    response = client.post(reverse("fieldreports:attach", args=[report.pk]), {"case": case.pk})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.case == case
    # In the case, Polda (a member too) still does not read BINDA's report until it is shared.
    assert _get(client, agency_member, report.get_absolute_url()).status_code == 404


def test_it_refuses_attaching_a_draft_or_another_ormas(binda_member, city_officer, city_ormas):
    from wadah.testing import make_ormas

    draft = actions.create_report(by=binda_member, ormas=city_ormas)
    case = _case(city_officer, city_ormas, "BINDA")
    with pytest.raises(ValidationError):
        actions.attach_to_case(draft, case, by=city_officer)
    other = make_ormas(name="Laskar Lain", abbreviation="LL", skt_number="9/9")
    report = submitted_report(binda_member, other)
    with pytest.raises(ValidationError):
        actions.attach_to_case(report, case, by=city_officer)
    assert not FieldReport.objects.filter(case=case).exists()


def test_it_files_a_report_from_the_phone_form(client, binda_member, city_ormas):
    client.force_login(binda_member)
    data = {
        "ormas": city_ormas.pk,
        "regency": "62.71",
        "district": "62.71.01",
        "region_code": "62.71.01.1001",
        "place": "Bundaran Besar",
        "observed_on": "2026-01-10",
        "observed_at": "21:15",
        "activity": "Konvoi",
        "observations": "Dua puluh motor",
        "classification": "urgent",
        "latitude": "-2.209612",
        "longitude": "113.913601",
        "accuracy": "8",
        "taken_at": "2026-01-10 21:16:00",
        "photo": jpeg(),
        "save": "1",
    }
    response = client.post(reverse("fieldreports:create"), data)
    report = FieldReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("fieldreports:edit", args=[report.pk])
    assert report.is_draft and report.region_id == "62.71.01.1001" and report.photos.get().accuracy == 8
    # Autosave (htmx) keeps the text; then submitting from the same form.
    response = client.post(
        reverse("fieldreports:autosave", args=[report.pk]),
        {**{k: v for k, v in data.items() if k != "photo"}, "observations": "Dua puluh motor, knalpot bising"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.observations.endswith("bising")
    # The page's copy on the phone is measured against the server's time of this save, not the phone's clock.
    assert response["X-Wadah-Saved"] == str(int(report.updated_at.timestamp()))
    data.pop("photo")
    data.pop("save")
    response = client.post(reverse("fieldreports:edit", args=[report.pk]), {**data, "submit": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"


def test_it_shows_a_bad_photo_on_the_form_and_saves_nothing(client, binda_member):
    client.force_login(binda_member)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("foto.jpg", b"GIF89a" + b"0" * 100)
    response = client.post(reverse("fieldreports:create"), {"ormas_text": "X", "photo": bad, "save": "1"})
    assert response.status_code == 200
    assert "JPG, PNG, WEBP" in response.content.decode()
    assert not FieldReport.objects.exists()


def test_it_finds_registered_ormas_for_the_form(client, binda_member, city_ormas, kotim_ormas):
    client.force_login(binda_member)
    response = client.get(reverse("fieldreports:ormas-options"), {"ormas_search": "Tepian"})
    assert city_ormas.name in response.content.decode()
