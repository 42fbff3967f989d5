"""Normalising names so that search and duplicate checks ignore case, accents, punctuation and spacing."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize(value: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: "Ikatan  Pemuda-Dayak!" -> "ikatan pemuda dayak"."""
    if not value:
        return ""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", ascii_text.lower()).strip()


def compact(value: str | None) -> str:
    """Like normalize() but without spaces, for registration numbers: "AHU-0028.AH" -> "ahu0028ah"."""
    return normalize(value).replace(" ", "")


def digits_only(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")
