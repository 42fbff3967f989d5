"""Logo and flag check (UU 17/2013 Pasal 59(1)(a)–(c) as amended by UU 16/2017 covers lambang and bendera too;
UU 24/2009 protects the state flag and emblem, domain.md §0).

Every uploaded Ormas logo gets a 64-bit perceptual hash (imagehash pHash: the low frequencies of a 32×32 grey
image, so resizing, re-saving as JPEG or small colour changes barely move it). Two logos are *similar* when their
hashes differ in at most SIMILAR bits. The officer sees similar logos side by side and judges; nothing is refused.

Indexed at national scale (multi-index hashing): the hash is stored as four 16-bit bands, each b-tree indexed
(LogoFingerprint). Two hashes at most 7 bits apart have, by pigeonhole, a band that differs in at most one bit, so
looking up each band's value and its 16 one-bit neighbours (4 × 17 indexed IN lookups) finds every logo within 7
bits; the few candidates are then compared exactly.

Reserved emblems (Emblem) are few and compared one by one. The project ships no third-party images: the ones it can
draw itself (the red-white flag, the red cross and red crescent of Pasal 59(1)(b)'s international bodies) are drawn
here; admins upload the others (the Garuda Pancasila, institutions' emblems) with their source.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import IO

import imagehash
from django.db.models import Q
from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from registry.models import Emblem, LogoFingerprint, Ormas

SIMILAR = 7
BITS = 64
MASK = (1 << BITS) - 1
MAX_CANDIDATES = 5000


def phash(source: IO[bytes] | Image.Image) -> int:
    """The 64-bit pHash of an image (transparent parts read as white), as an unsigned integer."""
    image = source if isinstance(source, Image.Image) else Image.open(source)
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, "white")
        image = Image.alpha_composite(background, image)
    return int(str(imagehash.phash(image.convert("RGB"))), 16)


def to_signed(value: int) -> int:
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def bands(value: int) -> list[int]:
    value &= MASK
    return [(value >> (16 * i)) & 0xFFFF for i in range(4)]


def distance(a: int, b: int) -> int:
    return ((a ^ b) & MASK).bit_count()


def fingerprint(ormas: Ormas) -> LogoFingerprint | None:
    """Hash the Ormas's stored logo and keep it (or drop the old one if the logo is gone or unreadable)."""
    if not ormas.logo:
        LogoFingerprint.objects.filter(ormas=ormas).delete()
        return None
    try:
        with ormas.logo.open("rb") as handle:
            value = phash(handle)
    except (UnidentifiedImageError, OSError, ValueError):
        LogoFingerprint.objects.filter(ormas=ormas).delete()
        return None
    b = bands(value)
    row, _created = LogoFingerprint.objects.update_or_create(
        ormas=ormas, defaults={"phash": to_signed(value), "band0": b[0], "band1": b[1], "band2": b[2], "band3": b[3]}
    )
    return row


def _neighbours(band: int) -> list[int]:
    return [band, *(band ^ (1 << bit) for bit in range(16))]


def similar_logos(value: int, *, exclude_ormas_id: int | None = None, limit: int = 12) -> list[tuple[int, int]]:
    """(ormas id, bit distance) of the registered logos within SIMILAR bits, closest first."""
    b = bands(value)
    condition = reduce(or_, (Q(**{f"band{i}__in": _neighbours(b[i])}) for i in range(4)))
    rows = LogoFingerprint.objects.filter(condition)
    if exclude_ormas_id:
        rows = rows.exclude(ormas_id=exclude_ormas_id)
    found = []
    for ormas_id, other in rows.values_list("ormas_id", "phash")[:MAX_CANDIDATES]:
        d = distance(value, other)
        if d <= SIMILAR:
            found.append((ormas_id, d))
    found.sort(key=lambda item: (item[1], item[0]))
    return found[:limit]


def similar_emblems(value: int) -> list[tuple[Emblem, int]]:
    found = []
    for emblem in Emblem.objects.filter(is_active=True):
        if emblem.phash is None:
            emblem_hash = emblem_phash(emblem)
            if emblem_hash is None:
                continue
            emblem.phash = to_signed(emblem_hash)
            emblem.save(update_fields=["phash"])
        d = distance(value, emblem.phash)
        if d <= SIMILAR:
            found.append((emblem, d))
    found.sort(key=lambda item: item[1])
    return found


def emblem_image(emblem: Emblem) -> Image.Image | None:
    if emblem.builtin:
        return draw(emblem.builtin)
    if emblem.image:
        try:
            with emblem.image.open("rb") as handle:
                image = Image.open(handle)
                image.load()
                return image
        except (UnidentifiedImageError, OSError):
            return None
    return None


def emblem_phash(emblem: Emblem) -> int | None:
    image = emblem_image(emblem)
    return phash(image) if image is not None else None


# --- reference images the project draws itself ------------------------------------------------------------------

RED = (255, 0, 0)
WHITE = (255, 255, 255)
BUILTIN = ("merah_putih", "palang_merah", "bulan_sabit_merah")


def draw(key: str, width: int = 600) -> Image.Image:
    """A plain reference drawing: the Sang Merah Putih (UU 24/2009 Pasal 4: width 2/3 of the length, red over white),
    the red cross and the red crescent on white (Geneva Conventions emblems)."""
    height = width * 2 // 3
    image = Image.new("RGB", (width, height), WHITE)
    pen = ImageDraw.Draw(image)
    if key == "merah_putih":
        pen.rectangle((0, 0, width, height // 2), fill=RED)
    elif key == "palang_merah":
        arm = height // 5
        cx, cy = width // 2, height // 2
        pen.rectangle((cx - arm // 2, cy - 2 * arm, cx + arm // 2, cy + 2 * arm), fill=RED)
        pen.rectangle((cx - 2 * arm, cy - arm // 2, cx + 2 * arm, cy + arm // 2), fill=RED)
    elif key == "bulan_sabit_merah":
        r = height // 3
        cx, cy = width // 2, height // 2
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=RED)
        pen.ellipse((cx - r + r // 2, cy - r, cx + r + r // 2, cy + r), fill=WHITE)
    else:
        raise ValueError(key)
    return image
