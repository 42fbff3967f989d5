"""The Ormas record page shows what apps above the registry registered for its slots, and works without them."""

import pytest

from registry import panels


def test_the_record_page_renders_the_registered_panels_in_their_slots(client, city_ormas, city_officer):
    client.force_login(city_officer)
    page = client.get(city_ormas.get_absolute_url()).content.decode()
    assert 'id="sinyal-risiko"' in page  # insights registered the risk signals for the "summary" slot
    assert page.index('id="sinyal-risiko"') < page.index('id="profil"')


def test_the_record_page_stands_alone_when_no_app_registers_a_panel(client, city_ormas, city_officer, monkeypatch):
    monkeypatch.setattr(panels._slots, "_panels", {})
    client.force_login(city_officer)
    response = client.get(city_ormas.get_absolute_url())
    assert response.status_code == 200
    assert 'id="sinyal-risiko"' not in response.content.decode()


def test_a_panel_for_an_unknown_slot_is_refused():
    with pytest.raises(ValueError, match="unknown Ormas panel slot"):
        panels.register("footer", "x.html")
