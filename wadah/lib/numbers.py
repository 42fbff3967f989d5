"""Numbers in Indonesian words, as letters quote them: "7 (tujuh) hari kerja", "15 (lima belas) hari kerja"."""

UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
# Powers of a thousand; "se-" replaces "satu" before ratus, ribu and puluh ("seratus", "seribu", not "satu ribu").
SCALES = [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")]


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append("seratus" if hundreds == 1 else f"{UNITS[hundreds]} ratus")
    if rest:
        if rest < 10:
            words.append(UNITS[rest])
        elif rest == 10:
            words.append("sepuluh")
        elif rest == 11:
            words.append("sebelas")
        elif rest < 20:
            words.append(f"{UNITS[rest - 10]} belas")
        else:
            tens, ones = divmod(rest, 10)
            words.append(f"{UNITS[tens]} puluh" + (f" {UNITS[ones]}" if ones else ""))
    return " ".join(words)


def in_words_id(n: int) -> str:
    """The Indonesian words for a whole number: 7 → "tujuh", 21 → "dua puluh satu", 1000 → "seribu"."""
    if n < 0:
        return f"minus {in_words_id(-n)}"
    if n == 0:
        return UNITS[0]
    words = []
    for size, name in SCALES:
        count, n = divmod(n, size)
        if count:
            words.append("seribu" if size == 1000 and count == 1 else f"{in_words_id(count)} {name}")
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)
