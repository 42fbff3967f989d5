"""Create the 15 Kesbangpol offices of a province and its Tim Terpadu agencies, at the province and in every
kab/kota, each kab/kota agency linked to its parent at the province (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Agency, Office
from regions.models import Region

# The provincial Tim Terpadu (domain.md §5.2). UNVERIFIED: Kalteng's current SK Gubernur; admins adjust.
PROVINCE_AGENCIES = [
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", Agency.Kind.KESBANGPOL),
    ("Kepolisian Daerah", "Polda", Agency.Kind.POLICE),
    ("Komando Resor Militer 102/Panju Panjung", "Korem 102", Agency.Kind.MILITARY),
    ("Badan Intelijen Negara Daerah", "BINDA", Agency.Kind.INTELLIGENCE),
    ("Kejaksaan Tinggi", "Kejati", Agency.Kind.PROSECUTOR),
    ("Satuan Polisi Pamong Praja Provinsi", "Satpol PP", Agency.Kind.SATPOL_PP),
    ("Kantor Wilayah Kementerian Agama", "Kanwil Kemenag", Agency.Kind.RELIGIOUS_AFFAIRS),
    ("Kantor Wilayah Kementerian Hukum", "Kanwil Kemenkum", Agency.Kind.LAW),
    ("Biro Hukum Sekretariat Daerah", "Biro Hukum", Agency.Kind.LEGAL_BUREAU),
]

# The agencies of a kab/kota Tim Terpadu (domain.md §5.2: Polres, Kodim, Kejari, Kemenag, Satpol PP and the
# kab/kota Kesbangpol as secretariat), with the abbreviation of their parent at the province. UNVERIFIED: the exact
# names and numbers (Kodim 1011/…, Polresta …) differ by kab/kota; admins correct them in the admin.
REGENCY_AGENCIES = [
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", Agency.Kind.KESBANGPOL, "Kesbangpol"),
    ("Kepolisian Resor", "Polres", Agency.Kind.POLICE, "Polda"),
    ("Komando Distrik Militer", "Kodim", Agency.Kind.MILITARY, "Korem 102"),
    ("Kejaksaan Negeri", "Kejari", Agency.Kind.PROSECUTOR, "Kejati"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", Agency.Kind.SATPOL_PP, "Satpol PP"),
    ("Kantor Kementerian Agama", "Kemenag", Agency.Kind.RELIGIOUS_AFFAIRS, "Kanwil Kemenag"),
]


class Command(BaseCommand):
    help = "Create the Kesbangpol offices (province + every kab/kota) and the Tim Terpadu agencies at both levels."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--province", default="62")

    def handle(self, *args: Any, province: str, **options: Any) -> None:
        region = Region.objects.filter(code=province).first()
        if region is None:
            raise CommandError(f"Region {province} is not loaded; run load_regions first.")
        created = 0
        _office, new = Office.objects.get_or_create(
            region=region,
            defaults={
                "name": f"Badan Kesatuan Bangsa dan Politik Provinsi {region.name}",
                "short_name": "Kesbangpol Provinsi",
            },
        )
        created += new
        parents: dict[str, Agency] = {}
        for name, abbreviation, kind in PROVINCE_AGENCIES:
            parents[abbreviation], new = Agency.objects.get_or_create(
                abbreviation=abbreviation, region=region, defaults={"name": f"{name} {region.name}", "kind": kind}
            )
            created += new
        for regency in Region.objects.regencies().filter(parent=region):
            place = regency.name.removeprefix("Kabupaten ").removeprefix("Kota ")
            _office, new = Office.objects.get_or_create(
                region=regency,
                defaults={
                    "name": f"Badan Kesatuan Bangsa dan Politik {regency.name}",
                    "short_name": f"Kesbangpol {'Kota ' if regency.level == Region.Level.KOTA else ''}{place}",
                },
            )
            created += new
            for name, abbreviation, kind, parent in REGENCY_AGENCIES:
                # "Polres Kotawaringin Timur": the place keeps the 14 Polres apart in every list and select.
                _agency, new = Agency.objects.get_or_create(
                    abbreviation=f"{abbreviation} {place}"[:40],
                    region=regency,
                    defaults={"name": f"{name} {regency.name}", "kind": kind, "parent": parents.get(parent)},
                )
                created += new
        self.stdout.write(f"Offices and agencies: {created} created, {Office.objects.count()} offices in all.")
