"""A realistic, fictional registry: Ormas spread over the regions, with chapters, boards and NIKs.

Used by `seed_demo` (one province, ORM bulk inserts) and as the row source for the national-scale
bench loader. Deterministic for a given seed.
"""

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from demo.registry import names
from wadah.lib.text import compact, normalize


@dataclass
class PersonRow:
    nik: str
    name: str
    gender: str
    birth_date: dt.date
    birth_place: str
    address: str
    phone: str


@dataclass
class SeatRow:
    person_index: int  # index into the generator's people list
    position: str
    title: str


@dataclass
class ChapterRow:
    level: str
    name: str
    region_code: str
    term_start: dt.date
    term_end: dt.date
    buku_induk_number: str
    presence_letter_number: str
    presence_letter_date: dt.date | None
    seats: list[SeatRow] = field(default_factory=list)


@dataclass
class OrmasRow:
    values: dict[str, object]
    field_indexes: list[int]
    chapters: list[ChapterRow]


POSITIONS = [
    ("ketua", "Ketua"),
    ("sekretaris", "Sekretaris"),
    ("bendahara", "Bendahara"),
    ("wakil_ketua", "Wakil Ketua"),
    ("anggota", "Anggota"),
    ("anggota", "Anggota"),
    ("pembina", "Pembina"),
    ("penasehat", "Penasehat"),
]


class DemoGenerator:
    def __init__(
        self,
        villages: list[str],
        *,
        region_names: dict[str, str] | None = None,
        seed: int = 2026,
        today: dt.date | None = None,
    ) -> None:
        self.random = random.Random(seed)
        self.villages = villages
        self.region_names = region_names or {}
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.people: list[PersonRow] = []
        self._niks: set[str] = set()
        self._used_names: set[str] = set()

    def nik_for(self, village: str, birth: dt.date, female: bool) -> str:
        kecamatan = village[:8].replace(".", "")
        day = birth.day + (40 if female else 0)
        while True:
            nik = f"{kecamatan}{day:02d}{birth.month:02d}{birth.year % 100:02d}{self.random.randint(1, 9999):04d}"
            if nik not in self._niks:
                self._niks.add(nik)
                return nik

    def new_person(self, village: str) -> int:
        r = self.random
        female = r.random() < 0.35
        first = r.choice(names.FIRST_NAMES_F if female else names.FIRST_NAMES_M)
        birth = dt.date(r.randint(1955, 2003), r.randint(1, 12), r.randint(1, 28))
        self.people.append(
            PersonRow(
                nik=self.nik_for(village, birth, female),
                name=f"{first} {r.choice(names.LAST_NAMES)}",
                gender="P" if female else "L",
                birth_date=birth,
                birth_place=r.choice(
                    ["Palangka Raya", "Sampit", "Kuala Kapuas", "Pangkalan Bun", "Muara Teweh", "Buntok"]
                ),
                address=f"{r.choice(names.STREETS)} No. {r.randint(1, 200)}",
                phone=f"08{r.randint(11, 59)}{r.randint(10_000_000, 99_999_999)}",
            )
        )
        return len(self.people) - 1

    def org_name(self) -> tuple[str, str]:
        r = self.random
        for _attempt in range(50):
            kind, subject, place = r.choice(names.ORG_KINDS), r.choice(names.ORG_SUBJECTS), r.choice(names.ORG_PLACES)
            name = f"{kind} {subject} {place}"
            if name not in self._used_names:
                break
        else:
            name = f"{kind} {subject} {place} {r.randint(2, 999)}"
        self._used_names.add(name)
        abbreviation = "".join(w[0] for w in name.split() if w[0].isupper())[:8]
        return name, abbreviation

    def ormas(self, number: int, field_count: int) -> OrmasRow:
        r = self.random
        village = r.choice(self.villages)
        name, abbreviation = self.org_name()
        legal_form = r.choices(["tidak_berbadan_hukum", "perkumpulan", "yayasan", "asing"], [62, 24, 13, 1])[0]
        founded = dt.date(r.randint(1985, 2024), r.randint(1, 12), r.randint(1, 28))
        values: dict[str, object] = {
            "name": name,
            "abbreviation": abbreviation,
            "legal_form": legal_form,
            "member_based": legal_form != "yayasan",
            "scope_level": r.choices(["kabupaten_kota", "provinsi", "nasional"], [70, 22, 8])[0],
            "founded_place": "Palangka Raya",
            "founded_on": founded,
            "deed_number": f"{r.randint(1, 120)}",
            "deed_date": founded,
            "notary_name": f"{r.choice(names.FIRST_NAMES_M)} {r.choice(names.LAST_NAMES)}, S.H., M.Kn.",
            "principle": r.choice(names.PRINCIPLES),
            "purpose": r.choice(names.PURPOSES),
            "funding_source": r.choice(names.FUNDING),
            "npwp": f"{r.randint(10, 99)}.{r.randint(100, 999)}.{r.randint(100, 999)}.{r.randint(1, 9)}-{r.randint(100, 999)}.000",
            "phone": f"0536{r.randint(1_000_000, 9_999_999)}",
            "email": f"sekretariat{number}@contoh.id",
            "address": f"{r.choice(names.STREETS)} No. {r.randint(1, 250)}",
            "region_id": village,
            "secretariat_status": r.choice(["milik", "sewa", "pinjam_pakai"]),
            "member_count": r.randint(15, 2500),
            "status": r.choices(["aktif", "tidak_aktif", "dibekukan", "dicabut", "bubar"], [86, 10, 2, 1, 1])[0],
        }
        if values["secretariat_status"] != "milik":
            values["secretariat_until"] = self.today + dt.timedelta(days=r.randint(-200, 900))
        if legal_form == "tidak_berbadan_hukum":
            # Spread expiries so that "expired" and "expires within 90 days" both have real members.
            issued = self.today - dt.timedelta(days=r.randint(30, 2400))
            values.update(
                skt_number=f"{r.randint(1, 999):03d}-00-00/{r.randint(1, 999):03d}/{issued.month:02d}/{issued.year}",
                skt_issued_on=issued,
                skt_expires_on=issued.replace(year=issued.year + 5)
                if not (issued.month == 2 and issued.day == 29)
                else issued + dt.timedelta(days=1826),
            )
        elif legal_form == "asing":
            values.update(
                foreign_permit_number=f"IO-{r.randint(100, 999)}/{founded.year}",
                foreign_permit_expires_on=self.today + dt.timedelta(days=r.randint(-100, 1200)),
            )
        else:
            values.update(
                ahu_number=f"AHU-{r.randint(1, 99999):05d}.AH.01.{r.choice(['07', '12'])}.{r.randint(2010, 2025)}",
                ahu_date=founded + dt.timedelta(days=r.randint(10, 400)),
            )
        values["name_search"] = normalize(name)
        values["abbreviation_search"] = normalize(abbreviation)
        values["number_search"] = " ".join(
            filter(
                None,
                (
                    compact(str(values.get("skt_number", ""))),
                    compact(str(values.get("ahu_number", ""))),
                    compact(str(values.get("foreign_permit_number", ""))),
                ),
            )
        )
        values["province_code"] = village[:2]
        values["regency_code"] = village[:5]
        values["status_changed_on"] = founded

        chapters = [self.chapter(village, number, abbreviation, is_main=True)]
        for _extra in range(r.choices([0, 1, 2], [60, 30, 10])[0]):
            chapters.append(self.chapter(r.choice(self.villages), number, abbreviation, is_main=False))
        fields = r.sample(range(field_count), k=r.choice([1, 1, 2, 3])) if field_count else []
        return OrmasRow(values=values, field_indexes=fields, chapters=chapters)

    def chapter(self, village: str, number: int, abbreviation: str, *, is_main: bool) -> ChapterRow:
        r = self.random
        start = dt.date(r.randint(self.today.year - 5, self.today.year), r.randint(1, 12), 1)
        level = "provinsi" if is_main and r.random() < 0.3 else "kabupaten_kota"
        region_code = village[:5] if level == "kabupaten_kota" else village[:2]
        place = self.region_names.get(region_code, region_code)
        chapter = ChapterRow(
            level=level,
            name=f"{'DPD' if level == 'provinsi' else 'DPC'} {abbreviation} {place}",
            region_code=region_code,
            term_start=start,
            term_end=start.replace(year=start.year + 5),
            buku_induk_number=f"BI-{village[:5]}-{number:06d}",
            presence_letter_number=f"220/{r.randint(1, 999)}/Kesbangpol/{start.year}",
            presence_letter_date=start + dt.timedelta(days=r.randint(5, 60)),
        )
        for position, title in POSITIONS[: r.randint(3, len(POSITIONS))]:
            chapter.seats.append(SeatRow(self.reuse_or_new_person(village), position, title))
        return chapter

    def reuse_or_new_person(self, village: str) -> int:
        # About 3 % of seats go to someone already on another board: one person, many Ormas.
        if self.people and self.random.random() < 0.03:
            return self.random.randrange(len(self.people))
        return self.new_person(village)

    def rows(self, count: int, field_count: int) -> Iterator[OrmasRow]:
        for number in range(1, count + 1):
            yield self.ormas(number, field_count)
