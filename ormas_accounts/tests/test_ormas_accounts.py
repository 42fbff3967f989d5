"""Ormas accounts: self-registration, an officer's confirmation or rejection, and the account's own pages."""

import re
import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import Role, User
from accounts.views import home_url_for
from audit.models import Entry
from ormas_accounts import actions
from ormas_accounts.models import OrmasAccountRequest
from registry import actions as registry_actions
from registry.search import public_matches
from wadah.lib.files import SniffedType
from wadah.testing import make_chapter
from wadah.tests_crosscutting.helpers import login_verified

PASSWORD = "Kahayan-Sungai-2026"
NIK = "6271011204850002"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture(autouse=True)
def _clean_axes(db):
    from axes.utils import reset

    reset()


@pytest.fixture
def seat(city_ormas):
    return registry_actions.add_board_member(
        make_chapter(city_ormas),
        by=None,
        nik=NIK,
        person_values={"name": "Budi Santoso", "address": "Jl. Rahasia No. 7"},
        position="sekretaris",
    )


def _form(target, **overrides):
    data = {
        "full_name": "Siti Rahmawati",
        "email": "siti@example.org",
        "phone": "0812 3456 7890",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "ormas": str(target.public_id),
        "position": "sekretaris",
        "position_other": "",
        "document": SimpleUploadedFile("SK Pengurus.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _request(ormas, email="siti@example.org", position="sekretaris"):
    return actions.request_ormas_account(
        full_name="Siti Rahmawati",
        email=email,
        phone="081234567890",
        password=PASSWORD,
        ormas=ormas,
        position=position,
        upload=SimpleUploadedFile("sk.pdf", PDF),
        sniffed=SniffedType("pdf", "application/pdf"),
    )


# --- registration ------------------------------------------------------------------------------------------------


def test_it_shows_the_start_text_and_the_form_to_anyone(client, db):
    response = client.get(reverse("ormas_accounts:register"))
    assert response.status_code == 200
    text = response.text
    assert "Who may register" in text or "Siapa" in text
    assert 'capture="environment"' in text
    assert 'accept=".pdf,.jpg,.jpeg,.png' in text
    assert 'enctype="multipart/form-data"' in text


def test_it_registers_an_account_that_waits_for_confirmation(client, city_ormas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("ormas_accounts:register"), _form(city_ormas))
    assert response.status_code == 302
    assert response["Location"] == reverse("ormas_accounts:register-done")
    user = User.objects.get(email="siti@example.org")
    assert user.role == Role.ORMAS_ACCOUNT
    assert user.ormas is None
    assert user.is_active
    assert user.check_password(PASSWORD)
    assert user.get_full_name() == "Siti Rahmawati"
    account_request = OrmasAccountRequest.objects.get(user=user)
    assert account_request.status == OrmasAccountRequest.Status.PENDING
    assert account_request.ormas == city_ormas
    assert account_request.position == "sekretaris"
    assert account_request.content_type == "application/pdf"
    assert account_request.file.read() == PDF
    assert "SK" not in account_request.file.name  # stored under a random name
    entry = Entry.objects.get(action="ormas_account.requested")
    assert entry.ormas == city_ormas and entry.actor == user
    assert [m.to for m in mail.outbox] == [["siti@example.org"]]
    assert account_request.reference in mail.outbox[0].body
    done = client.get(response["Location"]).text
    # The reference travels by e-mail only: the page is the same whether or not the address had an account.
    assert account_request.reference not in done and "siti@example.org" in done


def test_it_accepts_a_camera_photo_instead_of_a_file(client, city_ormas):
    photo = SimpleUploadedFile("IMG_0001.png", PNG, content_type="image/png")
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, document=None, document_photo=photo))
    assert response.status_code == 302
    assert OrmasAccountRequest.objects.get().content_type == "image/png"


def test_it_needs_a_written_position_for_other(client, city_ormas):
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, position="lainnya"))
    assert response.status_code == 200
    assert not User.objects.filter(email="siti@example.org").exists()
    ok = client.post(
        reverse("ormas_accounts:register"),
        _form(city_ormas, position="lainnya", position_other="Wakil Sekretaris"),
    )
    assert ok.status_code == 302
    assert OrmasAccountRequest.objects.get().position_label == "Wakil Sekretaris"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password1": "password", "password2": "password"}, "password1"),
        ({"password1": "siti@example.org", "password2": "siti@example.org"}, "password1"),
        ({"password2": "Something-Else-2026"}, "password2"),
        ({"document": SimpleUploadedFile("sk.pdf", b"just some text, not a pdf")}, "document"),
        ({"document": SimpleUploadedFile("sk.exe", b"MZ\x90\x00\x03" + b"\x00" * 100)}, "document"),
        ({"document": None}, "document"),
        ({"ormas": str(uuid.uuid4())}, "ormas"),
        ({"ormas": "not-a-uuid"}, "ormas"),
        ({"ormas": None}, "ormas"),
        ({"email": "not-an-address"}, "email"),
        ({"phone": "123"}, "phone"),
        ({"full_name": " "}, "full_name"),
        ({"position": None}, "position"),
    ],
    ids=[
        "common-password",
        "password-like-email",
        "passwords-differ",
        "text-as-pdf",
        "exe",
        "no-document",
        "unknown-ormas",
        "garbled-ormas",
        "no-ormas",
        "bad-email",
        "short-phone",
        "no-name",
        "no-position",
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(client, city_ormas, overrides, field):
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, **overrides))
    assert response.status_code == 200
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert "error-summary" in response.text
    assert not User.objects.filter(role=Role.ORMAS_ACCOUNT).exists()
    assert not OrmasAccountRequest.objects.exists()
    assert not Entry.objects.filter(action__startswith="ormas_account.").exists()
    assert not mail.outbox


def test_it_refuses_a_file_above_the_limit(client, city_ormas, settings):
    settings.WADAH_MAX_DOCUMENT_MB = 1
    big = SimpleUploadedFile("sk.pdf", PDF + b"0" * (1024 * 1024 + 1))
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, document=big))
    assert response.status_code == 200
    assert "1 MB" in str(response.context["form"].errors["document"])
    assert not OrmasAccountRequest.objects.exists()


def test_it_keeps_the_chosen_ormas_when_the_form_comes_back(client, city_ormas):
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, password2="x"))
    assert f'value="{city_ormas.public_id}" checked' in response.text


@pytest.mark.parametrize("email", ["siti@example.org", "SITI@Example.org"])
def test_it_does_not_reveal_that_an_e_mail_already_has_an_account(client, city_ormas, city_officer, email):
    fresh = client.post(reverse("ormas_accounts:register"), _form(city_ormas, email="new.person@example.org"))
    fresh_done = client.get(fresh["Location"]).text.replace("new.person@example.org", "EMAIL")
    mail.outbox.clear()
    city_officer.email = "siti@example.org"
    city_officer.save()
    other = Client()
    response = other.post(reverse("ormas_accounts:register"), _form(city_ormas, email=email))
    assert response.status_code == 302 and response["Location"] == fresh["Location"]
    done = other.get(response["Location"]).text.replace(email.lower(), "EMAIL")
    assert _without_tokens(done) == _without_tokens(fresh_done)
    # Nothing changed on the existing account, and its owner is told by e-mail.
    city_officer.refresh_from_db()
    assert city_officer.role == "petugas" or city_officer.office_id is not None
    assert OrmasAccountRequest.objects.filter(user=city_officer).count() == 0
    assert [m.to for m in mail.outbox] == [["siti@example.org"]]
    assert "already has an account" in mail.outbox[0].body


def test_it_limits_account_requests_per_address(client, city_ormas):
    for i in range(5):
        assert (
            client.post(reverse("ormas_accounts:register"), _form(city_ormas, email=f"p{i}@example.org")).status_code
            == 302
        )
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas, email="p9@example.org"))
    assert response.status_code == 200
    assert "Too many account requests" in response.text and "Kesbangpol" in response.text
    # Another client behind the same proxy, with its own address, is not affected.
    assert OrmasAccountRequest.objects.count() == 5


def _without_tokens(page: str) -> str:
    import re

    return re.sub(r'(csrfmiddlewaretoken" value=|nonce=|CSRFToken": )"[^"]*"', "", page)


def test_it_allows_one_pending_request_per_e_mail(client, city_ormas):
    assert client.post(reverse("ormas_accounts:register"), _form(city_ormas)).status_code == 302
    second = client.post(reverse("ormas_accounts:register"), _form(city_ormas))
    assert second["Location"] == reverse("ormas_accounts:register-done")  # the same answer as the first time
    assert OrmasAccountRequest.objects.count() == 1
    with pytest.raises(ValidationError):
        _request(city_ormas)


def test_it_sends_a_signed_in_user_home_instead_of_the_form(client, city_officer):
    client.force_login(city_officer)
    assert client.get(reverse("ormas_accounts:register"))["Location"] == reverse("services:worklist")


# --- the public Ormas search -------------------------------------------------------------------------------------


def test_it_finds_an_ormas_by_name_abbreviation_and_skt_number(client, city_ormas, kotim_ormas):
    for query in ("pemuda kahayan", "IPTK", "123/VII/2022"):
        response = client.get(reverse("ormas_accounts:register-search"), {"q": query}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert "Ikatan Pemuda Tepian Kahayan" in response.text, query
        assert "Palangkaraya" in response.text
        assert "Mentaya" not in response.text
        assert "<html" not in response.text


def test_it_shows_at_most_ten_ormas(db):
    from wadah.testing import make_ormas

    for number in range(12):
        make_ormas(name=f"Ikatan Pemuda Nomor {number}", abbreviation=f"IPN{number}", skt_number=f"9-{number}")
    assert len(public_matches("ikatan pemuda")) == 10


def test_it_tells_nothing_about_board_members_in_the_public_search(client, city_ormas, seat):
    for query in ("Budi Santoso", NIK, "6271 0112 0485 0002"):
        response = client.get(reverse("ormas_accounts:register-search"), {"q": query})
        assert city_ormas.name not in response.text, query
    response = client.get(reverse("ormas_accounts:register-search"), {"q": "Tepian Kahayan"})
    text = response.text
    assert city_ormas.name in text
    for secret in ("Budi", NIK, "Rahasia", city_ormas.address, "sekretaris"):
        assert secret not in text, secret


def test_it_searches_without_javascript_too(client, city_ormas):
    response = client.post(
        reverse("ormas_accounts:register"), {"action": "search", "q": "kahayan", "full_name": "Siti"}
    )
    assert response.status_code == 200
    assert city_ormas.name in response.text
    assert 'value="Siti"' in response.text
    assert "error-summary" not in response.text
    assert not User.objects.filter(role=Role.ORMAS_ACCOUNT).exists()


# --- the officer's side ------------------------------------------------------------------------------------------


@pytest.fixture
def pending(city_ormas):
    account_request = _request(city_ormas)
    mail.outbox.clear()
    return account_request


def test_it_lists_pending_requests_in_the_officers_scope_only(client, city_officer, kotim_officer, pending):
    client.force_login(city_officer)
    response = client.get(reverse("ormas_accounts:account-requests"))
    assert response.status_code == 200
    assert pending.reference in response.text
    client.force_login(kotim_officer)
    assert pending.reference not in client.get(reverse("ormas_accounts:account-requests")).text


def test_it_shows_the_request_with_the_board_and_the_document(client, city_officer, pending, seat):
    client.force_login(city_officer)
    response = client.get(reverse("ormas_accounts:account-request", args=[pending.pk]))
    assert response.status_code == 200
    assert "Budi Santoso" in response.text
    assert NIK not in response.text
    download = client.get(reverse("ormas_accounts:account-request-document", args=[pending.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("name", ["account-request", "account-request-document"])
def test_it_hides_requests_outside_the_officers_scope(client, kotim_officer, pending, name):
    client.force_login(kotim_officer)
    assert client.get(reverse(f"ormas_accounts:{name}", args=[pending.pk])).status_code == 404
    for action in ("account-request-confirm", "account-request-reject"):
        response = client.post(reverse(f"ormas_accounts:{action}", args=[pending.pk]), {"reason": "x"})
        assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.PENDING


@pytest.mark.parametrize("role", ["agency_member", "system_admin", "ormas_account"])
def test_it_lets_only_registry_editors_decide(request, client, pending, role):
    login_verified(client, request.getfixturevalue(role))
    assert client.get(reverse("ormas_accounts:account-requests")).status_code == 403
    assert client.get(reverse("ormas_accounts:account-request-document", args=[pending.pk])).status_code == 403
    assert client.post(reverse("ormas_accounts:account-request-confirm", args=[pending.pk])).status_code == 403
    pending.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.PENDING
    with pytest.raises(PermissionDenied):
        actions.confirm_ormas_account(pending, by=request.getfixturevalue(role))


def test_it_confirms_an_account_for_its_ormas(
    client, city_officer, pending, city_ormas, django_capture_on_commit_callbacks
):
    client.force_login(city_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("ormas_accounts:account-request-confirm", args=[pending.pk]), {"note": "SK cocok"}
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    pending.user.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.CONFIRMED
    assert pending.decided_by == city_officer and pending.decided_at
    assert pending.user.ormas == city_ormas
    entry = Entry.objects.get(action="ormas_account.confirmed")
    assert entry.ormas == city_ormas and entry.actor == city_officer
    assert entry.changes == {"status": ["pending", "confirmed"]}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["siti@example.org"]
    assert city_ormas.name in mail.outbox[0].subject
    # A decision is final.
    again = client.post(reverse("ormas_accounts:account-request-reject", args=[pending.pk]), {"reason": "Salah"})
    assert again.status_code == 302
    pending.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.CONFIRMED
    assert Entry.objects.filter(action__startswith="ormas_account.").count() == 2


def test_it_rejects_with_a_reason_the_applicant_reads(
    client, city_officer, pending, city_ormas, django_capture_on_commit_callbacks
):
    client.force_login(city_officer)
    empty = client.post(reverse("ormas_accounts:account-request-reject", args=[pending.pk]), {"reason": "  "})
    assert empty.status_code == 200
    assert "error-summary" in empty.text
    pending.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("ormas_accounts:account-request-reject", args=[pending.pk]),
            {"reason": "Nama Anda tidak ada dalam SK kepengurusan."},
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    pending.user.refresh_from_db()
    assert pending.status == OrmasAccountRequest.Status.REJECTED
    assert pending.user.ormas is None and not pending.user.is_active
    entry = Entry.objects.get(action="ormas_account.rejected")
    assert entry.ormas == city_ormas and entry.data["reason"] == "Nama Anda tidak ada dalam SK kepengurusan."
    assert len(mail.outbox) == 1
    assert "Nama Anda tidak ada dalam SK kepengurusan." in mail.outbox[0].body


def test_it_lets_a_rejected_applicant_register_again(client, city_officer, pending, city_ormas):
    actions.reject_ormas_account(pending, by=city_officer, reason="Dokumen buram")
    response = client.post(reverse("ormas_accounts:register"), _form(city_ormas))
    assert response.status_code == 302
    user = User.objects.get(email="siti@example.org")
    assert user.is_active
    assert list(user.ormas_requests.values_list("status", flat=True)) == ["rejected", "pending"]


def test_it_refuses_a_rejection_without_reason_in_the_action(city_officer, pending):
    with pytest.raises(ValidationError):
        actions.reject_ormas_account(pending, by=city_officer, reason=" ")


# --- the account's own pages ---------------------------------------------------------------------------------


def _login(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def _applicant_home() -> str:
    try:
        return reverse("services:applicant-home")
    except NoReverseMatch:
        return reverse("ormas_accounts:ormas-home")


def test_it_sends_a_waiting_account_to_the_waiting_page(client, pending):
    response = _login(client, "siti@example.org")
    assert response["Location"] == reverse("ormas_accounts:ormas-waiting")
    page = client.get(reverse("ormas_accounts:ormas-waiting"))
    assert page.status_code == 200
    assert pending.reference in page.text
    assert client.get(reverse("ormas_accounts:ormas-home"))["Location"] == reverse("ormas_accounts:ormas-waiting")


def test_it_sends_a_confirmed_account_to_its_home(client, city_officer, pending, city_ormas, seat):
    actions.confirm_ormas_account(pending, by=city_officer)
    response = _login(client, "siti@example.org")
    assert response["Location"] == _applicant_home()
    assert client.get(reverse("ormas_accounts:ormas-waiting"))["Location"] == _applicant_home()
    page = client.get(reverse("ormas_accounts:ormas-home"))
    assert page.status_code == 200
    text = page.text
    assert city_ormas.name in text
    assert "Budi Santoso" in text
    for secret in (NIK, NIK[:6], "Rahasia"):
        assert secret not in text
    # The applicant navbar, not the staff one.
    assert reverse("registry:ormas-list") not in text
    assert reverse("ormas_accounts:ormas-home") in text


def test_it_keeps_a_confirmed_account_out_of_staff_pages_and_other_ormas(
    client, city_officer, pending, city_ormas, kotim_ormas
):
    actions.confirm_ormas_account(pending, by=city_officer)
    client.force_login(pending.user)
    assert client.get(reverse("registry:ormas-list")).status_code == 403
    assert client.get(reverse("registry:ormas-detail", args=[city_ormas.pk])).status_code == 403
    assert client.get(reverse("registry:ormas-detail", args=[kotim_ormas.pk])).status_code == 403
    assert client.get(reverse("ormas_accounts:account-requests")).status_code == 403
    assert client.get(reverse("ormas_accounts:account-request-document", args=[pending.pk])).status_code == 403
    page = client.get(reverse("ormas_accounts:ormas-home"), {"pk": kotim_ormas.pk, "ormas": kotim_ormas.pk}).text
    assert kotim_ormas.name not in page and city_ormas.name in page


@pytest.mark.parametrize("role", ["city_officer", "agency_member", "leader"])
def test_it_keeps_staff_off_the_ormas_account_pages(request, client, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("ormas_accounts:ormas-home")).status_code == 403
    assert client.get(reverse("ormas_accounts:ormas-waiting")).status_code == 403


def test_it_routes_each_role_home(city_officer, ormas_account, city_ormas, system_admin):
    assert home_url_for(city_officer) == reverse("services:worklist")
    assert home_url_for(system_admin) == reverse("admin:index")
    assert home_url_for(ormas_account) == reverse("ormas_accounts:ormas-waiting")
    ormas_account.ormas = city_ormas
    assert home_url_for(ormas_account) == _applicant_home()


def test_it_refuses_a_rejected_account_at_login(client, city_officer, pending):
    actions.reject_ormas_account(pending, by=city_officer, reason="Bukan pengurus")
    response = _login(client, "siti@example.org")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# --- password reset ----------------------------------------------------------------------------------------------


def test_it_resets_a_forgotten_password_by_e_mail(client, pending):
    assert client.get(reverse("accounts:login")).text.count(reverse("accounts:password-reset")) == 1
    response = client.post(reverse("accounts:password-reset"), {"email": "Siti@example.org"})
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti@example.org"]
    link = re.search(r"https?://[^/\s]+(/akun/lupa-sandi/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    new_password = "Tjilik-Riwut-Baru-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done["Location"] == reverse("accounts:password-reset-complete")
    assert client.get(done["Location"]).status_code == 200
    pending.user.refresh_from_db()
    assert pending.user.check_password(new_password)
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_it_sends_no_mail_for_an_unknown_address_but_says_the_same(client, db):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert not mail.outbox


def test_it_tells_the_officers_of_the_ormas_area_that_a_request_waits(
    client, city_ormas, city_officer, kotim_officer, django_capture_on_commit_callbacks
):
    city_officer.email = "petugas.pky@example.org"
    city_officer.save()
    kotim_officer.email = "petugas.kotim@example.org"
    kotim_officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ormas_accounts:register"), _form(city_ormas))
    to_officers = [m for m in mail.outbox if "siti@example.org" not in m.to]
    assert [m.to for m in to_officers] == [["petugas.pky@example.org"]]  # Kotim's officer is not bothered
    request_pk = OrmasAccountRequest.objects.get().pk
    assert reverse("ormas_accounts:account-request", args=[request_pk]) in to_officers[0].body
