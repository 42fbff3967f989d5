import pytest
from django.urls import reverse

from audit.models import Entry
from registry.models import Ormas

VILLAGE = "62.71.01.1001"


def _form_data(**overrides):
    data = {
        "name": "Himpunan Petani Sawit Mandiri",
        "abbreviation": "HPSM",
        "legal_form": Ormas.LegalForm.UNINCORPORATED,
        "member_based": "on",
        "scope_level": Ormas.ScopeLevel.REGENCY,
        "skt_number": "01-00-00/77/VIII/2025",
        "skt_issued_on": "2025-08-01",
        "skt_expires_on": "2030-08-01",
        "funding_origin": Ormas.FundingOrigin.DOMESTIC,
        "address": "Jl. G. Obos No. 5",
        "phone": "0536-111111",
        "regency": VILLAGE[:5],
        "district": VILLAGE[:8],
        "region_code": VILLAGE,
    }
    data.update(overrides)
    return data


def test_it_creates_an_ormas_through_the_form(client, city_officer):
    client.force_login(city_officer)
    response = client.post(reverse("registry:ormas-create"), _form_data())
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    ormas = Ormas.objects.get(abbreviation="HPSM")
    assert response["Location"] == ormas.get_absolute_url()
    assert ormas.region_id == VILLAGE and ormas.regency_code == "62.71"
    entry = Entry.objects.get(ormas=ormas, action="ormas.created")
    assert entry.actor == city_officer
    assert entry.changes["name"] == [None, "Himpunan Petani Sawit Mandiri"]


def test_it_refuses_a_village_outside_the_officers_kota(client, city_officer, db):
    from regions.models import Region

    village = Region.objects.filter(code__startswith="62.02.", level="desa").first()
    client.force_login(city_officer)
    response = client.post(
        reverse("registry:ormas-create"),
        _form_data(regency="62.02", district=village.code[:8], region_code=village.code),
    )
    assert response.status_code == 200
    assert not Ormas.objects.filter(abbreviation="HPSM").exists()


def test_it_requires_the_skt_number_without_legal_entity(client, city_officer):
    client.force_login(city_officer)
    response = client.post(reverse("registry:ormas-create"), _form_data(skt_number=""))
    assert response.status_code == 200
    assert "skt_number" in response.context["form"].errors


def test_it_shows_an_edit_in_riwayat_with_before_and_after(client, city_officer, city_ormas):
    client.force_login(city_officer)
    edit_url = reverse("registry:ormas-edit", args=[city_ormas.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("fields_of_activity", "logo")}
    data.update(
        {k: v.isoformat() for k, v in data.items() if hasattr(v, "isoformat")},
        member_based="on" if city_ormas.member_based else "",
        phone="0812-3456-7890",
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    city_ormas.refresh_from_db()
    assert city_ormas.phone == "0812-3456-7890"
    entry = Entry.objects.get(ormas=city_ormas, action="ormas.updated")
    assert entry.changes == {"phone": ["", "0812-3456-7890"]}
    history = client.get(reverse("registry:ormas-history", args=[city_ormas.pk])).text
    assert "0812-3456-7890" in history and "→" in history
    assert "0812-3456-7890" in client.get(city_ormas.get_absolute_url()).text


def test_it_records_nothing_when_nothing_changed(client, city_officer, city_ormas):
    client.force_login(city_officer)
    edit_url = reverse("registry:ormas-edit", args=[city_ormas.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("fields_of_activity", "logo")}
    data.update({k: v.isoformat() for k, v in data.items() if hasattr(v, "isoformat")}, member_based="on")
    assert client.post(edit_url, data).status_code == 302
    assert not Entry.objects.filter(ormas=city_ormas, action="ormas.updated").exists()


def test_it_changes_the_status_through_the_form(client, city_officer, city_ormas):
    client.force_login(city_officer)
    response = client.post(
        reverse("registry:ormas-status", args=[city_ormas.pk]),
        {"status": "tidak_aktif", "effective_on": "2026-01-05", "reason": "Tidak ada kegiatan", "legal_basis": "SK 9"},
    )
    assert response.status_code == 302
    city_ormas.refresh_from_db()
    assert city_ormas.status == "tidak_aktif"
    entry = Entry.objects.get(ormas=city_ormas, action="ormas.status_changed")
    assert entry.changes == {"status": ["aktif", "tidak_aktif"]}
    assert entry.data["reason"] == "Tidak ada kegiatan"


@pytest.mark.parametrize("status", ["dibekukan", "dicabut", "bubar"])
def test_it_cannot_set_a_sanction_status_by_hand(client, city_officer, city_ormas, status):
    """No back door (issue 11): the status page offers no sanction status and refuses one posted anyway."""
    client.force_login(city_officer)
    page = client.get(reverse("registry:ormas-detail", args=[city_ormas.pk]))
    offered = [value for value, _label in page.context["status_form"].fields["status"].choices]
    assert status not in offered
    response = client.post(
        reverse("registry:ormas-status", args=[city_ormas.pk]),
        {"status": status, "effective_on": "2026-01-05", "reason": "Putusan pengadilan", "legal_basis": "SK 9"},
    )
    assert response.status_code == 302
    city_ormas.refresh_from_db()
    assert city_ormas.status == "aktif"
    assert not Entry.objects.filter(ormas=city_ormas, action="ormas.status_changed").exists()


def test_it_saves_an_edit_through_the_form(client, city_officer, city_ormas):
    client.force_login(city_officer)
    edit_url = reverse("registry:ormas-edit", args=[city_ormas.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("fields_of_activity", "logo")}
    data.update(
        {k: v.isoformat() for k, v in data.items() if hasattr(v, "isoformat")}, member_based="on", phone="0536 3221234"
    )
    assert client.post(edit_url, data).status_code == 302
    city_ormas.refresh_from_db()
    assert city_ormas.phone == "(0536) 3221234"  # normalised by phonenumbers


def test_it_records_an_edit_made_through_the_action(city_officer, city_ormas):
    from registry import actions

    fresh = Ormas.objects.get(pk=city_ormas.pk)
    changed = actions.update_ormas(fresh, by=city_officer, changes={"phone": "0536-3", "name": "Ikatan Baru"})
    assert changed == {"phone": ["", "0536-3"], "name": ["Ikatan Pemuda Tepian Kahayan", "Ikatan Baru"]}
    entry = Entry.objects.get(ormas=city_ormas, action="ormas.updated")
    assert entry.changes == changed and entry.actor == city_officer
    fresh.refresh_from_db()
    assert fresh.name_search == "ikatan baru"


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_valid_png_logo_is_kept_on_create_and_on_edit(client, city_officer, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(city_officer)
    logo = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    response = client.post(reverse("registry:ormas-create"), {**_form_data(), "logo_upload": logo})
    assert response.status_code == 302
    ormas = Ormas.objects.get(abbreviation="HPSM")
    assert ormas.logo.name.endswith(".png") and ormas.logo.read() == PNG
    entry = Entry.objects.get(ormas=ormas, action="ormas.updated")
    assert entry.changes == {"logo": ["", ormas.logo.name]}

    edit_url = reverse("registry:ormas-edit", args=[ormas.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("fields_of_activity", "logo")}
    data.update({k: v.isoformat() for k, v in data.items() if hasattr(v, "isoformat")}, member_based="on")
    first = ormas.logo.name
    response = client.post(edit_url, {**data, "logo_upload": SimpleUploadedFile("new.png", PNG)})
    assert response.status_code == 302
    ormas.refresh_from_db()
    assert ormas.logo.name != first
    assert Entry.objects.filter(ormas=ormas, action="ormas.updated").latest("pk").changes == {
        "logo": [first, ormas.logo.name]
    }


def test_a_logo_that_cannot_be_recorded_leaves_no_file_and_no_ormas(client, city_officer, settings, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from registry import actions

    def broken(*args, **kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(actions, "update_ormas", broken)
    client.raise_request_exception = False
    client.force_login(city_officer)
    response = client.post(
        reverse("registry:ormas-create"), {**_form_data(), "logo_upload": SimpleUploadedFile("logo.png", PNG)}
    )
    assert response.status_code == 500
    assert not Ormas.objects.filter(abbreviation="HPSM").exists()
    assert not any(name.startswith("logos/") for name in _stored_files(settings))
