"""Field reports: start, autosave, photos (with or without GPS), submit; bad input changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from accounts.models import Role
from audit.models import Entry
from fieldreports import actions
from fieldreports.models import FieldReport, FieldReportPhoto
from fieldreports.tests.helpers import complete_values, jpeg, submitted_report
from wadah.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def binda_member():
    return make_user("binda.member", Role.AGENCY_MEMBER, agency="BINDA")


def test_it_starts_a_draft_in_the_authors_agency_compartment(binda_member, city_ormas):
    report = actions.create_report(by=binda_member, ormas=city_ormas, activity="Rapat akbar")
    assert report.status == FieldReport.Status.DRAFT
    assert report.agency.abbreviation == "BINDA"
    assert report.observed_on == dt.date.today()
    entry = Entry.objects.get(action="field_report.created")
    assert entry.ormas == city_ormas and entry.actor == binda_member


def test_it_puts_a_kesbangpol_officers_report_in_the_kesbangpol_compartment(city_officer):
    report = actions.create_report(by=city_officer, ormas_text="Kelompok tanpa nama")
    assert report.agency.kind == "kesbangpol"


def test_it_refuses_people_who_do_not_file_field_reports(ormas_account, system_admin):
    for user in (ormas_account, system_admin):
        with pytest.raises(PermissionDenied):
            actions.create_report(by=user, ormas_text="X")
    assert not FieldReport.objects.exists()


def test_it_saves_a_draft_and_audits_only_real_changes(binda_member):
    report = actions.create_report(by=binda_member)
    assert actions.update_draft(report, by=binda_member, activity="Pawai", observations="Tertib") is True
    assert actions.update_draft(report, by=binda_member, activity="Pawai", observations="Tertib") is False
    report.refresh_from_db()
    assert report.activity == "Pawai"
    entries = Entry.objects.filter(action="field_report.updated")
    assert entries.count() == 1
    assert entries.get().data["fields"] == ["activity", "observations"]


def test_it_lets_only_the_author_change_a_draft(binda_member):
    colleague = make_user("binda.two", Role.AGENCY_MEMBER, agency="BINDA")
    report = actions.create_report(by=binda_member)
    with pytest.raises(PermissionDenied):
        actions.update_draft(report, by=colleague, activity="Lain")


def test_it_refuses_a_date_in_the_future(binda_member):
    report = actions.create_report(by=binda_member)
    with pytest.raises(ValidationError) as error:
        actions.update_draft(report, by=binda_member, observed_on=dt.date.today() + dt.timedelta(days=2))
    assert "observed_on" in error.value.message_dict
    report.refresh_from_db()
    assert report.observed_on == dt.date.today()


def test_it_submits_only_a_complete_report(binda_member, city_ormas):
    report = actions.create_report(by=binda_member)
    with pytest.raises(ValidationError) as error:
        actions.submit_report(report, by=binda_member)
    assert set(error.value.message_dict) >= {"ormas_text", "region", "activity", "observations", "classification"}
    report.refresh_from_db()
    assert report.is_draft
    actions.update_draft(report, by=binda_member, **complete_values(city_ormas, prohibition=""))
    with pytest.raises(ValidationError) as error:
        actions.submit_report(report, by=binda_member)
    with translation.override("en"):
        assert error.value.message_dict == {
            "prohibition": ["Choose which prohibition of Pasal 59 may have been breached."]
        }
    actions.update_draft(report, by=binda_member, prohibition=FieldReport.Prohibition.VIOLENCE)
    report = actions.submit_report(report, by=binda_member)
    assert report.status == FieldReport.Status.SUBMITTED and report.submitted_at
    entry = Entry.objects.get(action="field_report.submitted")
    assert entry.data["prohibition"] == "59(3)(c)" and entry.data["alarming"] is True


def test_it_keeps_a_submitted_report_unchanged(binda_member):
    report = submitted_report(binda_member)
    with pytest.raises(ValidationError):
        actions.update_draft(report, by=binda_member, activity="Diubah")
    with pytest.raises(ValidationError):
        actions.add_photo(report, jpeg(), by=binda_member)
    with pytest.raises(ValidationError):
        actions.submit_report(report, by=binda_member)


def test_it_clears_the_prohibition_of_a_report_that_is_not_a_possible_violation(binda_member):
    report = actions.create_report(by=binda_member, classification="routine", prohibition="59(4)")
    assert report.prohibition == ""


def test_it_stores_a_photo_with_the_phones_position_and_time(binda_member):
    report = actions.create_report(by=binda_member)
    taken = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
    photo = actions.add_photo(
        report, jpeg(), by=binda_member, latitude="-2.2096", longitude="113.9136", accuracy="12.4", taken_at=taken
    )
    assert photo.content_type == "image/jpeg"
    assert photo.latitude == Decimal("-2.209600") and photo.longitude == Decimal("113.913600")
    assert photo.accuracy == 12 and photo.taken_at == taken
    assert photo.file.name.startswith("field-reports/") and "foto" not in photo.file.name
    entry = Entry.objects.get(action="field_report.photo_added")
    assert entry.data["located"] is True and len(entry.data["sha256"]) == 64


def test_it_stores_a_photo_without_position(binda_member):
    report = actions.create_report(by=binda_member)
    photo = actions.add_photo(report, jpeg(), by=binda_member, latitude="-2.2", longitude="")
    assert photo.latitude is None and photo.longitude is None and photo.accuracy is None
    assert not photo.has_position


def test_it_refuses_a_photo_of_the_wrong_type_or_too_big(binda_member, settings):
    report = actions.create_report(by=binda_member)
    pdf = SimpleUploadedFile("foto.jpg", b"%PDF-1.4\n" + b"0" * 200, content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        actions.add_photo(report, pdf, by=binda_member)
    assert error.value.code == "file_type" and "JPG, PNG, WEBP" in error.value.messages[0]
    big = SimpleUploadedFile("besar.jpg", jpeg().read() + b"\x00" * (actions.MAX_PHOTO_MB * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        actions.add_photo(report, big, by=binda_member)
    assert error.value.code == "too_large"
    assert not FieldReportPhoto.objects.exists()
    assert not Entry.objects.filter(action="field_report.photo_added").exists()


def test_it_limits_the_ormas_and_the_place_to_the_authors_region(kotim_officer, city_ormas):
    with pytest.raises(ValidationError) as error:
        actions.create_report(by=kotim_officer, ormas=city_ormas)
    assert "ormas" in error.value.message_dict
    from regions.models import Region

    with pytest.raises(ValidationError) as error:
        actions.create_report(by=kotim_officer, region=Region.objects.get(code="62.71.01.1001"))
    assert "region" in error.value.message_dict
    assert not FieldReport.objects.exists()
