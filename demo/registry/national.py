"""A fast row source for the national-scale dataset: Ormas, chapters, people and seats as COPY text lines.

`DemoGenerator` (generate.py) builds dataclasses and draws names from ~8,700 combinations, which is right for one
province but neither fast nor varied enough for 500,000 Ormas. This generator keeps the same realism (valid,
unique NIKs; normalised search columns; denormalised scope columns; fictional names) and emits rows already
formatted for PostgreSQL `COPY ... FROM STDIN` (text format), so the loader streams them without the ORM.

Names are fictional word combinations. Ormas names combine a kind ("Ikatan"), a subject ("Pemuda"), and a place
word taken from the region's own kecamatan name or a list of virtues, so common words ("pemuda", "ikatan") match
tens of thousands of Ormas while a kecamatan word matches a few dozen — the selectivity a real registry has.
"""

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from demo.registry import names
from wadah.lib.text import compact, normalize

NULL = "\\N"

EXTRA_KINDS = ["Asosiasi", "Badan", "Dewan", "Majelis", "Kerukunan", "Solidaritas", "Wadah", "Laskar", "Angkatan"]
EXTRA_SUBJECTS = [
    "Mahasiswa",
    "Buruh Pelabuhan",
    "Petani Kopi",
    "Nelayan Pesisir",
    "Pemuda Pancasila Sejati",
    "Wanita Tani",
    "Pensiunan Guru",
    "Purnawirawan",
    "Pemerhati Sejarah",
    "Penggerak Desa",
    "Pengrajin Batik",
    "Penenun Songket",
    "Pecinta Satwa",
    "Pelestari Bahasa Daerah",
    "Penyandang Disabilitas",
    "Pemuda Masjid",
    "Pemuda Gereja",
    "Pemuda Pura",
    "Peduli Pendidikan",
    "Peduli Kesehatan",
    "Sopir Angkutan",
    "Pedagang Kaki Lima",
    "Transmigran",
    "Perantau",
    "Karang Taruna",
    "Kader Posyandu",
    "Pencak Silat",
    "Kesenian Tradisional",
    "Anti Narkoba",
    "Pemantau Anggaran",
]
VIRTUES = [
    "Bersatu",
    "Mandiri",
    "Sejahtera",
    "Lestari",
    "Jaya",
    "Maju",
    "Berkah",
    "Damai",
    "Makmur",
    "Gemilang",
    "Sentosa",
    "Abadi",
    "Harapan",
    "Bangkit",
    "Berdaya",
    "Madani",
    "Nusantara",
    "Indonesia",
    "Merah Putih",
    "Bhinneka",
]
EXTRA_FIRST_M = [
    "Ahmad", "Andi", "Arif", "Bambang", "Dani", "Darmawan", "Edi", "Erwin", "Fauzi", "Gilang", "Hadi", "Hasan",
    "Imam", "Ilham", "Jefri", "Krisna", "Lutfi", "Mulyadi", "Nur", "Rizky", "Rudi", "Samsul", "Taufik", "Umar",
    "Wawan", "Yusuf", "Arief", "Benny", "Dimas", "Frans", "Gede", "Herman", "Ketut", "Markus", "Nyoman",
    "Paulus", "Ridwan", "Stefanus", "Tommy", "Wayan", "Yoga", "Zulkifli", "Anton", "Boby", "Daniel", "Ferry",
]  # fmt: skip
EXTRA_FIRST_F = [
    "Aisyah", "Anita", "Ayu", "Diana", "Dian", "Eka", "Elisabeth", "Fatimah", "Hana", "Ida", "Intan", "Kurnia",
    "Lina", "Mega", "Nia", "Novi", "Rina", "Rini", "Siti", "Sri", "Susanti", "Vera", "Wati", "Yanti", "Yuni",
    "Agnes", "Bella", "Desi", "Evi", "Hesti", "Komang", "Lusi", "Melati", "Nadia", "Rahma", "Tika", "Veronika",
]  # fmt: skip
MIDDLE_NAMES = [
    "Adi", "Budi", "Dwi", "Eka", "Nur", "Sri", "Tri", "Putra", "Putri", "Dewa", "Ayu", "Muhammad", "Abdul",
    "Indra", "Surya", "Kusuma", "Rahmat", "Hadi", "Jaya", "Kurnia", "Agung", "Wira", "Candra", "Sekar",
]  # fmt: skip
EXTRA_LAST = [
    "Harahap", "Nasution", "Sitompul", "Manurung", "Panjaitan", "Situmorang", "Pasaribu", "Sihombing", "Tambunan",
    "Wahyudi", "Hartono", "Suryadi", "Sulistyo", "Prasetyo", "Utomo", "Hakim", "Maulana", "Saragih", "Sembiring",
    "Pohan", "Rangkuti", "Batubara", "Effendi", "Hasibuan", "Lumbantobing", "Matondang", "Napitupulu", "Pardede",
    "Rumapea", "Samosir", "Silalahi", "Simatupang", "Sitorus", "Tanjung", "Wenas", "Mandagi", "Lumintang",
    "Rorimpandey", "Pattiasina", "Latuconsina", "Rumbewas", "Wanggai", "Kogoya", "Mahuze", "Ndiken", "Daeng",
    "Mappaseng", "Pakpahan", "Sirait", "Kaban", "Bangun", "Karokaro", "Hia", "Zebua", "Laoli", "Telaumbanua",
    "Suhendra", "Kurniadi", "Hermawan", "Irawan", "Junaedi", "Kartono", "Mulyono", "Nugraha", "Priyanto",
    "Rusdi", "Sudrajat", "Sumarno", "Yulianto", "Zulkarnain", "Anwar", "Baskoro", "Darmadi", "Fadillah",
]  # fmt: skip
POSITIONS = [
    ("ketua", "Ketua"),
    ("sekretaris", "Sekretaris"),
    ("bendahara", "Bendahara"),
    ("wakil_ketua", "Wakil Ketua"),
    ("anggota", "Anggota"),
]
LEGAL_FORMS = ["tidak_berbadan_hukum"] * 62 + ["perkumpulan"] * 24 + ["yayasan"] * 13 + ["asing"]
STATUSES = ["aktif"] * 86 + ["tidak_aktif"] * 10 + ["dibekukan"] * 2 + ["dicabut", "bubar"]
SCOPES = ["kabupaten_kota"] * 70 + ["provinsi"] * 22 + ["nasional"] * 8


def _clean(text: str) -> str:
    """Make a region name safe for COPY text format (no tabs, newlines or backslashes)."""
    return text.replace("\\", "/").replace("\t", " ").replace("\n", " ")


@dataclass
class Counts:
    ormas: int = 0
    chapters: int = 0
    people: int = 0
    seats: int = 0
    fields: int = 0


@dataclass
class Batch:
    ormas: list[str] = field(default_factory=list)
    chapters: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


ORMAS_COLUMNS = (
    "id, public_id, name, abbreviation, logo, legal_form, member_based, scope_level, ahu_number, ahu_date, "
    "skt_number, skt_issued_on, skt_expires_on, foreign_permit_number, foreign_permit_expires_on, deed_number, "
    "deed_date, notary_name, founded_place, founded_on, principle, purpose, funding_source, funding_origin, npwp, "
    "member_count, email, phone, website, social_media, address, province_code, regency_code, secretariat_status, "
    "secretariat_until, status, status_changed_on, name_search, abbreviation_search, number_search, created_at, "
    "updated_at, region_id"
)
CHAPTER_COLUMNS = (
    "id, ormas_id, parent_id, level, name, region_id, address, term_start, term_end, buku_induk_number, "
    "presence_letter_number, presence_letter_date, is_active"
)
PERSON_COLUMNS = "id, nik, name, name_search, gender, birth_place, birth_date, address, phone, email, is_citizen"
SEAT_COLUMNS = "id, chapter_id, ormas_id, person_id, position, title, term_start, term_end, ended_on, end_reason"
FIELD_COLUMNS = "ormas_id, fieldofactivity_id"


class NationalGenerator:
    """Deterministic for a given seed. Ids start after `first_ids` so that a load can go on top of existing rows."""

    def __init__(
        self,
        villages: list[str],
        region_names: dict[str, str],
        field_ids: list[int],
        *,
        seed: int = 2026,
        today: dt.date | None = None,
        first_ids: Counts | None = None,
        existing_niks: set[str] | None = None,
    ) -> None:
        self.random = random.Random(seed)
        self.villages = villages
        self.region_names = {code: _clean(name) for code, name in region_names.items()}
        self.field_ids = field_ids
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.now = dt.datetime.now(dt.UTC).isoformat()
        self.next = first_ids or Counts(1, 1, 1, 1)
        self.niks: set[str] = existing_niks or set()
        self.kinds = names.ORG_KINDS + EXTRA_KINDS
        self.subjects = names.ORG_SUBJECTS + EXTRA_SUBJECTS
        self.first_m = names.FIRST_NAMES_M + EXTRA_FIRST_M
        self.first_f = names.FIRST_NAMES_F + EXTRA_FIRST_F
        self.last = names.LAST_NAMES + EXTRA_LAST
        # Place words for names: the village's kecamatan name (realistic, and rare per word), as a fallback a virtue.
        self.place_of: dict[str, str] = {}
        # Every date from 1 Jan 1955 to 28 Dec 2003 as (iso, "DDMMYY" for men, "DDMMYY" for women).
        start = dt.date(1955, 1, 1)
        self.birth_dates: list[tuple[str, str, str]] = []
        for offset in range((dt.date(2003, 12, 28) - start).days + 1):
            d = start + dt.timedelta(days=offset)
            tail = f"{d.month:02d}{d.year % 100:02d}"
            self.birth_dates.append((d.isoformat(), f"{d.day:02d}{tail}", f"{d.day + 40:02d}{tail}"))
        self.person_pool: list[int] = []  # ids of people already generated, for the ~3 % who sit on several boards

    # Small helpers; the generator spends its time here, so they avoid random.choice's overhead where it counts.
    def _pick(self, items: list[str]) -> str:
        return items[int(self.random.random() * len(items))]

    def _date(self, low: dt.date, high_days: int) -> dt.date:
        return low + dt.timedelta(days=int(self.random.random() * high_days))

    def _place(self, village: str) -> str:
        place = self.place_of.get(village)
        if place is None:
            kecamatan = self.region_names.get(village[:8], "")
            place = " ".join(w.capitalize() if w.isupper() else w for w in kecamatan.split())
            self.place_of[village] = place
        return place

    def org_name(self, village: str) -> tuple[str, str]:
        r = self.random.random
        kind, subject = self._pick(self.kinds), self._pick(self.subjects)
        roll = r()
        if roll < 0.55:
            name = f"{kind} {subject} {self._place(village)}"
        elif roll < 0.8:
            name = f"{kind} {subject} {self._pick(VIRTUES)} {self._place(village)}"
        else:
            regency = self.region_names.get(village[:5], "")
            regency = regency.removeprefix("Kabupaten ").removeprefix("Kota ").title()
            name = f"{kind} {subject} {self._pick(VIRTUES)} {regency}"
        if r() < 0.15:
            name = f"{name} {int(r() * 98) + 2}"
        abbreviation = "".join(w[0] for w in name.split() if w[0].isupper())[:8]
        return name, abbreviation

    def nik(self, village: str, female: bool) -> tuple[str, str]:
        kecamatan = village[:8].replace(".", "")
        r = self.random.random
        dates = self.birth_dates
        while True:
            iso, male_part, female_part = dates[int(r() * len(dates))]
            nik = f"{kecamatan}{female_part if female else male_part}{int(r() * 9999) + 1:04d}"
            if nik not in self.niks:
                self.niks.add(nik)
                return nik, iso

    def person(self, village: str, batch: Batch) -> int:
        r = self.random.random
        female = r() < 0.35
        first = self._pick(self.first_f if female else self.first_m)
        last = self._pick(self.last)
        full = f"{first} {self._pick(MIDDLE_NAMES)} {last}" if r() < 0.3 else f"{first} {last}"
        nik, birth = self.nik(village, female)
        pid = self.next.people
        self.next.people += 1
        regency = self.region_names.get(village[:5], "")
        birth_place = regency.removeprefix("Kabupaten ").removeprefix("Kota ")
        batch.people.append(
            f"{pid}\t{nik}\t{full}\t{normalize(full)}\t{'P' if female else 'L'}\t{birth_place}\t{birth}\t"
            f"{self._pick(names.STREETS)} No. {int(r() * 200) + 1}\t08{int(r() * 49) + 11}{int(r() * 89_999_999) + 10_000_000}"
            f"\t\tt\n"
        )
        self.person_pool.append(pid)
        return pid

    def ormas(self, batch: Batch) -> None:
        rnd = self.random
        r = rnd.random
        oid = self.next.ormas
        self.next.ormas += 1
        village = self._pick(self.villages)
        name, abbreviation = self.org_name(village)
        legal_form = self._pick(LEGAL_FORMS)
        founded = self._date(dt.date(1985, 1, 1), 14_600)
        ahu_number = ahu_date = skt_number = skt_issued = skt_expires = permit = permit_expires = ""
        if legal_form == "tidak_berbadan_hukum":
            issued = self.today - dt.timedelta(days=int(r() * 2370) + 30)
            expires = issued + dt.timedelta(days=1826)
            skt_number = f"{int(r() * 999) + 1:03d}-00-00/{int(r() * 999) + 1:03d}/{issued.month:02d}/{issued.year}"
            skt_issued, skt_expires = issued.isoformat(), expires.isoformat()
        elif legal_form == "asing":
            permit = f"IO-{int(r() * 900) + 100}/{founded.year}"
            permit_expires = (self.today + dt.timedelta(days=int(r() * 1300) - 100)).isoformat()
        else:
            ahu_number = f"AHU-{int(r() * 99999) + 1:05d}.AH.01.{'07' if r() < 0.5 else '12'}.{int(r() * 16) + 2010}"
            ahu_date = (founded + dt.timedelta(days=int(r() * 390) + 10)).isoformat()
        number_search = " ".join(filter(None, (compact(skt_number), compact(ahu_number), compact(permit))))
        secretariat = self._pick(["milik", "sewa", "pinjam_pakai"])
        until = NULL if secretariat == "milik" else (self.today + dt.timedelta(days=int(r() * 1100) - 200)).isoformat()
        founded_iso = founded.isoformat()
        regency = self.region_names.get(village[:5], "")
        notary = f"{self._pick(self.first_m)} {self._pick(self.last)}, S.H., M.Kn."
        public_id = uuid.UUID(int=rnd.getrandbits(128), version=4)
        status = self._pick(STATUSES)
        values = (
            oid,
            public_id,
            name,
            abbreviation,
            "",
            legal_form,
            "f" if legal_form == "yayasan" else "t",
            self._pick(SCOPES),
            ahu_number,
            ahu_date or NULL,
            skt_number,
            skt_issued or NULL,
            skt_expires or NULL,
            permit,
            permit_expires or NULL,
            int(r() * 120) + 1,
            founded_iso,
            notary,
            regency.removeprefix("Kabupaten ").removeprefix("Kota "),
            founded_iso,
            self._pick(names.PRINCIPLES),
            self._pick(names.PURPOSES),
            self._pick(names.FUNDING),
            "dalam_negeri",
            f"{int(r() * 90) + 10}.{int(r() * 900) + 100}.{int(r() * 900) + 100}.{int(r() * 9) + 1}-{int(r() * 900) + 100}.000",
            int(r() * 2486) + 15,
            f"sekretariat{oid}@contoh.id",
            f"0{int(r() * 900) + 100}{int(r() * 9_000_000) + 1_000_000}",
            "",
            "",
            f"{self._pick(names.STREETS)} No. {int(r() * 250) + 1}",
            village[:2],
            village[:5],
            secretariat,
            until,
            status,
            founded_iso,
            normalize(name),
            normalize(abbreviation),
            number_search,
            self.now,
            self.now,
            village,
        )
        batch.ormas.append("\t".join(map(str, values)) + "\n")

        main = self.chapter(oid, None, village, abbreviation, True, batch)
        extra = r()
        for _ in range(0 if extra < 0.6 else 1 if extra < 0.9 else 2):
            self.chapter(oid, main, self._pick(self.villages), abbreviation, False, batch)
        if self.field_ids:
            for fid in rnd.sample(self.field_ids, k=(1, 1, 2, 3)[int(r() * 4)]):
                batch.fields.append(f"{oid}\t{fid}\n")

    def chapter(
        self, oid: int, parent: int | None, village: str, abbreviation: str, is_main: bool, batch: Batch
    ) -> int:
        r = self.random.random
        cid = self.next.chapters
        self.next.chapters += 1
        year = self.today.year - int(r() * 6)
        month = int(r() * 12) + 1
        start, end = f"{year}-{month:02d}-01", f"{year + 5}-{month:02d}-01"
        level = "provinsi" if is_main and r() < 0.3 else "kabupaten_kota"
        region = village[:5] if level == "kabupaten_kota" else village[:2]
        place = self.region_names.get(region, region)
        letter_date = (dt.date(year, month, 1) + dt.timedelta(days=int(r() * 55) + 5)).isoformat()
        batch.chapters.append(
            f"{cid}\t{oid}\t{NULL if parent is None else parent}\t{level}\t"
            f"{'DPD' if level == 'provinsi' else 'DPC'} {abbreviation} {place}\t{region}\t\t{start}\t{end}\t"
            f"BI-{village[:5]}-{oid:06d}\t220/{int(r() * 999) + 1}/Kesbangpol/{year}\t{letter_date}\tt\n"
        )
        pool = self.person_pool
        for position, title in POSITIONS[: int(r() * 3) + 3]:
            # About 3 % of seats go to someone already on another board: one person, many Ormas.
            pid = pool[int(r() * len(pool))] if pool and r() < 0.03 else self.person(village, batch)
            sid = self.next.seats
            self.next.seats += 1
            batch.seats.append(f"{sid}\t{cid}\t{oid}\t{pid}\t{position}\t{title}\t{start}\t{end}\t{NULL}\t\n")
        return cid

    def batches(self, count: int, size: int = 5000) -> Iterator[Batch]:
        done = 0
        while done < count:
            batch = Batch()
            for _ in range(min(size, count - done)):
                self.ormas(batch)
            done += len(batch.ormas)
            yield batch
