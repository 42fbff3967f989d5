"""Create the 15 Kesbangpol offices of a province and its Tim Terpadu agencies (idempotent)."""

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


class Command(BaseCommand):
    help = "Create the Kesbangpol offices (province + every kab/kota) and the provincial Tim Terpadu agencies."

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
        for name, abbreviation, kind in PROVINCE_AGENCIES:
            _agency, new = Agency.objects.get_or_create(
                abbreviation=abbreviation, region=region, defaults={"name": f"{name} {region.name}", "kind": kind}
            )
            created += new
        self.stdout.write(f"Offices and agencies: {created} created, {Office.objects.count()} offices in all.")
