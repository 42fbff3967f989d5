import datetime as dt
import re
import uuid

import pytest
import segno
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Office, Role
from audit.models import Entry
from complaints.abuse import LOOKUP_LIMITS
from letters import actions
from letters.models import Letter
from letters.pdf import letter_inputs
from letters.tests.test_issue import issue
from wadah.testing import make_user


@pytest.fixture
def city_letter(city_ormas) -> Letter:
    return issue(Office.objects.get(region_id="62.71"), ormas=city_ormas, valid_until=dt.date(2099, 1, 1))


@pytest.fixture
def kotim_letter(kotim_ormas) -> Letter:
    return issue(Office.objects.get(region_id="62.02"), ormas=kotim_ormas)


def verify(client, letter):
    return client.get(reverse("portal:letter-verify", args=[letter.public_id]))


def test_it_puts_the_public_verification_url_in_the_qr_code(city_letter, settings):
    settings.SITE_URL = "https://wadah.kalteng.go.id/"
    inputs = letter_inputs(city_letter)
    url = f"https://wadah.kalteng.go.id/v/{city_letter.public_id}/"
    assert city_letter.verify_url == url
    assert url in inputs["data"]
    assert inputs["qr"] == segno.make(url, error="m").svg_inline(scale=4, border=2)


def test_it_keeps_user_text_out_of_typst_markup(city):
    letter = issue(city, subject='#panic("x") *bold* $math$ [x] // y', body="Baris #1 dengan `kode` dan \\ garis.")
    assert letter.pdf.read().startswith(b"%PDF")


@pytest.fixture
def city(db) -> Office:
    return Office.objects.get(region_id="62.71")


def test_it_shows_a_valid_letter_without_personal_data(client, city_letter):
    response = verify(client, city_letter)
    body = response.content.decode()
    assert response.status_code == 200
    assert "VALID" in body or "SAH" in body
    assert city_letter.number in body
    assert city_letter.ormas.name in body
    assert city_letter.ormas.address not in body
    assert city_letter.signatory_name not in body and city_letter.signatory_nip not in body
    assert response["X-Robots-Tag"].startswith("noindex")


def test_it_shows_an_expired_letter(client, city):
    letter = issue(city, issued_on=dt.date(2024, 1, 5), valid_until=dt.date(2025, 1, 5))
    assert letter.live_status(dt.date(2025, 1, 5)) == "valid"
    assert letter.live_status(dt.date(2025, 1, 6)) == "expired"
    assert Letter.objects.get(pk=letter.pk).status == "valid"  # never stored
    body = verify(client, letter).content.decode()
    assert "EXPIRED" in body
    assert "6 January 2025" in body or "6 Januari 2025" in body  # the day after valid_until


def test_it_shows_a_revoked_letter_with_its_reason(client, city_letter, city_officer):
    actions.revoke_letter(city_letter, by=city_officer, reason="Data pengurus tidak benar")
    body = verify(client, city_letter).content.decode()
    assert "REVOKED" in body and "Data pengurus tidak benar" in body


def test_it_shows_a_superseded_letter_and_its_replacement(client, city_letter, city):
    newer = issue(city, supersedes=city_letter)
    city_letter.refresh_from_db()
    assert city_letter.live_status() == "superseded"
    assert city_letter.superseded_by == newer
    body = verify(client, city_letter).content.decode()
    assert "REPLACED" in body and newer.number in body
    assert Entry.objects.filter(action="letter.superseded", subject_id=str(city_letter.pk)).exists()
    with pytest.raises(ValidationError):
        issue(city, supersedes=city_letter)


def test_it_says_an_unknown_code_is_not_recognised(client, db):
    response = client.get(reverse("portal:letter-verify", args=[uuid.uuid4()]))
    assert response.status_code == 404
    assert "NOT RECOGNISED" in response.content.decode()


def _lookup(client, letter, **overrides):
    query = {"number": f" {letter.number} ", "issued_on": letter.issued_on.isoformat(), "check_code": letter.check_code}
    return client.get(reverse("portal:letter-lookup"), {**query, **overrides})


def test_it_finds_a_letter_by_number_date_and_check_code(client, city_letter):
    found = _lookup(client, city_letter)
    assert found.status_code == 302
    assert found["Location"] == city_letter.get_verify_path()
    # The check code as read off an older letter's address: the first 8 characters after /v/.
    assert _lookup(client, city_letter, check_code=str(city_letter.public_id)[:8])["Location"] == found["Location"]
    missing = _lookup(client, city_letter, issued_on="2026-11-28")
    assert missing.status_code == 200
    assert "No letter with this number, date and check code" in missing.content.decode()


def test_the_check_code_is_printed_on_the_letter(city_letter):
    assert city_letter.check_code in letter_inputs(city_letter)["data"]


def test_number_and_date_alone_do_not_find_a_letter(client, city_letter):
    """Finding: letters could be enumerated anonymously through the number + date lookup (sequential numbers)."""
    no_code = client.get(
        reverse("portal:letter-lookup"), {"number": city_letter.number, "issued_on": city_letter.issued_on.isoformat()}
    )
    assert no_code.status_code == 200 and city_letter.get_verify_path() not in no_code.content.decode()
    wrong = _lookup(
        client, city_letter, check_code="0000-0000" if city_letter.check_code != "0000-0000" else "1111-1111"
    )
    assert wrong.status_code == 200 and city_letter.get_verify_path() not in wrong.content.decode()


@pytest.mark.parametrize(
    "kind",
    ["police-referral", "written-warning", "halt-recommendation", "revocation-recommendation", "referral-letter"],
)
def test_the_lookup_never_returns_supervision_or_police_letters(client, city_ormas, kind):
    """Finding: the lookup also listed police referrals and warnings (UU 14/2008 Pasal 17(a))."""
    letter = issue(Office.objects.get(region_id="62.71"), ormas=city_ormas, kind=kind)
    response = _lookup(client, letter)
    assert response.status_code == 200 and letter.get_verify_path() not in response.content.decode()
    assert verify(client, letter).status_code == 200  # the holder still verifies it by its QR code


def test_the_lookup_is_rate_limited_per_address(client, city_letter):
    (_window, limit), *_rest = LOOKUP_LIMITS
    for _i in range(limit):
        assert _lookup(client, city_letter, check_code="0000-0000").status_code == 200
    assert _lookup(client, city_letter).status_code == 429


def test_it_requires_a_reason_and_permission_to_revoke(client, city_letter, city_officer, agency_member, kotim_officer):
    url = reverse("letters:revoke", args=[city_letter.pk])
    client.force_login(city_officer)
    response = client.post(url, {"reason": "  ", "confirm": "on"})
    assert response.status_code == 400
    response = client.post(url, {"reason": "Salah ketik", "confirm": ""})
    assert response.status_code == 400
    city_letter.refresh_from_db()
    assert city_letter.status == "valid"

    client.force_login(agency_member)
    assert client.post(url, {"reason": "x", "confirm": "on"}).status_code == 403
    client.force_login(kotim_officer)
    assert client.post(url, {"reason": "x", "confirm": "on"}).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.revoke_letter(city_letter, by=kotim_officer, reason="x")
    with pytest.raises(ValidationError):
        actions.revoke_letter(city_letter, by=city_officer, reason="")

    client.force_login(city_officer)
    response = client.post(url, {"reason": "Salah ketik", "confirm": "on"})
    assert response.status_code == 302
    city_letter.refresh_from_db()
    assert (city_letter.status, city_letter.revoked_by, city_letter.revocation_reason) == (
        "revoked",
        city_officer,
        "Salah ketik",
    )
    entry = Entry.objects.get(action="letter.revoked")
    assert entry.data["reason"] == "Salah ketik" and entry.ormas == city_letter.ormas
    assert client.post(url, {"reason": "again", "confirm": "on"}).status_code == 400


def test_it_scopes_the_staff_pages_by_office(client, city_letter, kotim_letter, city_officer, province_officer):
    client.force_login(city_officer)
    listing = client.get(reverse("letters:list")).content.decode()
    assert city_letter.get_absolute_url() in listing
    assert kotim_letter.get_absolute_url() not in listing
    assert client.get(kotim_letter.get_absolute_url()).status_code == 404
    assert client.get(reverse("letters:pdf", args=[kotim_letter.pk])).status_code == 404
    assert client.get(city_letter.get_absolute_url()).status_code == 200

    client.force_login(province_officer)
    listing = client.get(reverse("letters:list")).content.decode()
    assert city_letter.get_absolute_url() in listing and kotim_letter.get_absolute_url() in listing


def test_it_searches_and_filters_the_list(client, city_letter, city, city_officer):
    other = issue(city, issued_on=dt.date(2024, 2, 1), valid_until=dt.date(2024, 12, 31))
    client.force_login(city_officer)
    url = reverse("letters:list")
    by_ormas = client.get(url, {"q": "tepian"}).content.decode()
    assert city_letter.get_absolute_url() in by_ormas and other.get_absolute_url() not in by_ormas
    by_number = client.get(url, {"q": other.number}).content.decode()
    assert other.get_absolute_url() in by_number
    expired = client.get(url, {"status": "expired"}).content.decode()
    assert other.get_absolute_url() in expired and city_letter.get_absolute_url() not in expired
    valid = client.get(url, {"status": "valid"}).content.decode()
    assert city_letter.get_absolute_url() in valid and other.get_absolute_url() not in valid
    partial = client.get(url, {"status": "valid"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and city_letter.get_absolute_url() in partial


def test_it_streams_the_pdf_only_to_logged_in_users_in_scope(client, city_letter, city_officer, ormas_account):
    url = reverse("letters:pdf", args=[city_letter.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(ormas_account)
    assert client.get(url).status_code == 403
    client.force_login(city_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) == 1


def test_it_lets_a_leader_see_the_revoke_form_but_not_an_agency_member(client, city_letter, agency_member):
    leader = make_user("leader.pky", Role.LEADER, office_code="62.71")
    client.force_login(leader)
    assert "Revoke letter" in client.get(city_letter.get_absolute_url()).content.decode()
    client.force_login(agency_member)
    body = client.get(city_letter.get_absolute_url()).content.decode()
    assert "Revoke letter" not in body
