"""Case pages: scope, compartments in HTML, search and export, and the forms."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Agency
from supervision import actions, compartments


@pytest.fixture
def members(case, city_officer):
    polda, binda = Agency.objects.get(abbreviation="Polda"), Agency.objects.get(abbreviation="BINDA")
    actions.add_member(case, polda, by=city_officer)
    actions.add_member(case, binda, by=city_officer)
    return polda, binda


@pytest.fixture
def binda_note(case, members, binda_member):
    return actions.add_note(case, by=binda_member, text="Rahasia BINDA: sumber Garuda")


def _export_text(client, case) -> str:
    response = client.get(reverse("supervision:case-export", args=[case.reference]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return " ".join(str(c.value) for row in book.active.iter_rows() for c in row if c.value is not None)


def test_it_shows_the_case_to_the_handling_officer(client, case, city_officer):
    client.force_login(city_officer)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert case.reference in response.text
    assert client.get(reverse("supervision:case-list")).status_code == 200


def test_it_hides_a_case_from_another_kab_kota_officer(client, case, kotim_officer):
    client.force_login(kotim_officer)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert case.reference not in client.get(reverse("supervision:case-list")).text


def test_it_hides_a_case_from_an_agency_that_is_not_a_member(client, case, polda_member):
    client.force_login(polda_member)
    assert client.get(case.get_absolute_url()).status_code == 404


def test_it_keeps_an_unshared_binda_note_from_polda_everywhere(client, case, binda_note, polda_member, members):
    client.force_login(polda_member)
    detail = client.get(case.get_absolute_url())
    assert detail.status_code == 200
    assert "Rahasia BINDA" not in detail.text
    url = reverse("supervision:item-detail", args=[case.reference, "catatan", binda_note.pk])
    assert client.get(url).status_code == 404
    search = client.get(reverse("supervision:case-list"), {"q": "Garuda"})
    assert case.reference not in search.text
    assert "Garuda" not in _export_text(client, case)


def test_it_lets_polda_read_the_note_once_binda_shares_it(
    client, case, binda_note, binda_member, polda_member, members
):
    polda, _binda = members
    client.force_login(binda_member)
    share_url = reverse("supervision:item-share", args=[case.reference, "catatan", binda_note.pk])
    assert client.post(share_url, {"agency": polda.pk}).status_code == 302
    client.force_login(polda_member)
    assert "Rahasia BINDA" in client.get(case.get_absolute_url()).text
    assert (
        client.get(reverse("supervision:item-detail", args=[case.reference, "catatan", binda_note.pk])).status_code
        == 200
    )
    assert case.reference in client.get(reverse("supervision:case-list"), {"q": "Garuda"}).text
    assert "Garuda" in _export_text(client, case)


def test_it_shows_every_compartment_to_the_handling_officer(client, case, binda_note, city_officer):
    client.force_login(city_officer)
    assert "Rahasia BINDA" in client.get(case.get_absolute_url()).text
    assert "Garuda" in _export_text(client, case)


def test_it_refuses_polda_sharing_a_binda_note(case, binda_note, polda_member, members):
    from django.core.exceptions import PermissionDenied

    polda, _binda = members
    with pytest.raises(PermissionDenied):
        compartments.share(binda_note, with_agency=polda, by=polda_member)


def test_it_opens_a_case_through_the_form(client, city_officer, city_ormas, city_office):
    client.force_login(city_officer)
    assert client.get(reverse("supervision:case-open")).status_code == 200
    response = client.post(
        reverse("supervision:case-open"),
        {"ormas": city_ormas.pk, "office": city_office.pk, "source": "monitoring", "summary": "Atribut mirip"},
    )
    assert response.status_code == 302


def test_it_shows_the_warning_form_with_what_will_happen(client, case, city_officer):
    actions.start_persuasion(case, by=city_officer, legal_basis="", decision="Pembinaan")
    client.force_login(city_officer)
    response = client.get(reverse("supervision:case-step", args=[case.reference, "peringatan"]))
    assert response.status_code == 200
    assert "7 working days" in response.text


def test_it_does_not_tell_polda_that_binda_wrote_a_note(client, case, binda_note, polda_member):
    client.force_login(polda_member)
    assert "case.note_added" not in client.get(case.get_absolute_url()).text


def test_it_logs_sharing_and_unsharing(case, binda_note, binda_member, members):
    from audit.models import Entry

    polda, _binda = members
    compartments.share(binda_note, with_agency=polda, by=binda_member)
    compartments.unshare(binda_note, agency=polda, by=binda_member)
    assert sorted(Entry.objects.filter(action__startswith="compartment.").values_list("action", flat=True)) == [
        "compartment.shared",
        "compartment.unshared",
    ]


def test_it_downloads_a_document_only_for_its_readers(client, case, members, binda_member, polda_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%test\n" + b"0" * 100, content_type="application/pdf")
    document = actions.add_document(case, by=binda_member, title="Foto intel", upload=pdf)
    url = reverse("supervision:document-download", args=[case.reference, document.pk])
    client.force_login(polda_member)
    assert client.get(url).status_code == 404
    client.force_login(binda_member)
    assert client.get(url).status_code == 200


def test_it_refuses_a_mistyped_upload(case, city_officer):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        actions.add_document(case, by=city_officer, title="x", upload=SimpleUploadedFile("a.pdf", b"MZ not a pdf"))
    assert not case.documents.exists()
