"""Logo and flag check (registry/logos.py; UU 17/2013 Pasal 59(1)(a)–(c), UU 24/2009)."""

import io
import random

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image, ImageDraw

from registry import actions, logos
from registry.models import LogoFingerprint
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def _png(image: Image.Image, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, quality=70) if fmt == "JPEG" else image.save(out, fmt)
    return out.getvalue()


def _logo(seed: int) -> Image.Image:
    rnd = random.Random(seed)
    image = Image.new("RGB", (240, 240), "white")
    pen = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rnd.randrange(0, 200), rnd.randrange(0, 200)
        colour = tuple(rnd.randrange(0, 256) for _ in range(3))
        pen.ellipse((x, y, x + rnd.randrange(30, 120), y + rnd.randrange(30, 120)), fill=colour)
    return image


def _upload(ormas, data: bytes, ext: str = "png"):
    ormas.logo.save(f"logo-{ormas.pk}.{ext}", ContentFile(data), save=False)
    actions.update_ormas(ormas, by=None, changes={"logo": ormas.logo.name})
    return ormas


def test_a_resized_jpeg_copy_of_a_logo_is_similar_and_another_logo_is_not(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    original = _upload(make_ormas(name="Ikatan Pengrajin Manik Sampit"), _png(_logo(1)))
    copy = _upload(
        make_ormas(name="Forum Tingang Borneo", skt_number="SKT/2"),
        _png(_logo(1).resize((120, 120)), "JPEG"),
        "jpg",
    )
    other = _upload(make_ormas(name="Himpunan Garantung", skt_number="SKT/3"), _png(_logo(2)))
    found = dict(logos.similar_logos(copy.logo_fingerprint.phash, exclude_ormas_id=copy.pk))
    assert original.pk in found
    assert other.pk not in found


def test_the_red_white_flag_is_recognised_as_the_state_flag(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    flag = logos.draw("merah_putih", width=300).resize((90, 60))
    ormas = _upload(make_ormas(name="Laskar Merah Putih Sampit"), _png(flag, "JPEG"), "jpg")
    names = [e.name for e, _d in logos.similar_emblems(ormas.logo_fingerprint.phash)]
    assert "Bendera Negara Sang Merah Putih" in names
    plain = _upload(make_ormas(name="Himpunan Garantung", skt_number="SKT/3"), _png(_logo(3)))
    assert "Bendera Negara Sang Merah Putih" not in [
        e.name for e, _d in logos.similar_emblems(plain.logo_fingerprint.phash)
    ]


def test_band_lookup_finds_every_hash_within_seven_bits():
    rnd = random.Random(7)
    base = rnd.getrandbits(64)
    ormas = [make_ormas(name=f"Perkumpulan Uji {i}", skt_number=f"SKT/{i}") for i in range(40)]
    expected = set()
    for i, o in enumerate(ormas):
        if i < 20:  # within 7 bits: flip 0–7 random bits
            value = base
            for bit in rnd.sample(range(64), i % 8):
                value ^= 1 << bit
            expected.add(o.pk)
        else:
            value = rnd.getrandbits(64)
        b = logos.bands(value)
        LogoFingerprint.objects.create(
            ormas=o, phash=logos.to_signed(value), band0=b[0], band1=b[1], band2=b[2], band3=b[3]
        )
    found = {pk for pk, _d in logos.similar_logos(base, limit=100)}
    assert found == expected


def test_the_ormas_page_shows_similar_logos_side_by_side_within_the_rules(
    client, settings, tmp_path, city_officer, kotim_ormas
):
    settings.MEDIA_ROOT = tmp_path
    mine = _upload(make_ormas(name="Ikatan Pengrajin Manik Sampit"), _png(_logo(1)))
    # The other Ormas is in Kotawaringin Timur, outside the city officer's scope: its logo is shown for comparison,
    # its record is not linked.
    theirs = _upload(kotim_ormas, _png(_logo(1), "JPEG"), "jpg")
    unrelated = _upload(make_ormas(name="Himpunan Garantung", skt_number="SKT/3"), _png(_logo(2)))
    client.force_login(city_officer)
    body = client.get(mine.get_absolute_url()).content.decode()
    assert reverse("registry:similar-logo", args=[mine.pk, theirs.pk]) in body
    assert reverse("registry:ormas-detail", args=[theirs.pk]) not in body
    assert client.get(reverse("registry:similar-logo", args=[mine.pk, theirs.pk])).status_code == 200
    assert client.get(reverse("registry:similar-logo", args=[mine.pk, unrelated.pk])).status_code == 404
    # The subject must be in scope.
    assert client.get(reverse("registry:similar-logo", args=[theirs.pk, mine.pk])).status_code == 404


def test_builtin_emblems_are_served_to_officers_only(client, city_officer, ormas_account):
    from registry.models import Emblem

    emblem = Emblem.objects.get(builtin="merah_putih")
    url = reverse("registry:emblem-image", args=[emblem.pk])
    client.force_login(ormas_account)
    assert client.get(url).status_code == 403
    client.force_login(city_officer)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
