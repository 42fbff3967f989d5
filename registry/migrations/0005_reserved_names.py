"""An initial list of reserved names for the name/symbol conflict check (registry/names.py; domain.md §3.5).

Admins maintain the list in the Django admin. Entries whose basis or exact wording was not checked against a primary
source say "UNVERIFIED" in `source`.
"""

from django.db import migrations

GOV = "UU 17/2013 Pasal 59(1)(a) as amended by UU 16/2017 (name of a lembaga pemerintahan)"
FOREIGN = "UU 17/2013 Pasal 59(1)(b) as amended by UU 16/2017 (foreign state or international body, without permission)"
PARTY = "UU 17/2013 Pasal 59(1)(c) as amended by UU 16/2017 (similar to a political party)"
BANNED = "UU 17/2013 Pasal 59(4)(a) as amended by UU 16/2017 (separatist or forbidden organisation)"
SYMBOL = "UU 24/2009 (bendera, bahasa, lambang negara, lagu kebangsaan); articles UNVERIFIED, domain.md §3.5"
PUBLIC = "Official name (public knowledge)"
KPU = "KPU, peserta Pemilu 2024"

# name, abbreviation, category, legal_basis, source
RESERVED = [
    # Government institutions
    ("Kementerian Dalam Negeri", "Kemendagri", "government", GOV, PUBLIC),
    ("Kementerian Hukum", "Kemenkum", "government", GOV, PUBLIC + " (since Oct 2024)"),
    ("Kementerian Hukum dan Hak Asasi Manusia", "Kemenkumham", "government", GOV, PUBLIC + " (until Oct 2024)"),
    ("Kementerian Agama", "Kemenag", "government", GOV, PUBLIC),
    ("Kementerian Pertahanan", "Kemhan", "government", GOV, PUBLIC),
    ("Badan Intelijen Negara", "BIN", "government", GOV, PUBLIC),
    ("Komisi Pemberantasan Korupsi", "KPK", "government", GOV, PUBLIC),
    ("Badan Narkotika Nasional", "BNN", "government", GOV, PUBLIC),
    ("Badan Nasional Penanggulangan Terorisme", "BNPT", "government", GOV, PUBLIC),
    ("Badan Nasional Penanggulangan Bencana", "BNPB", "government", GOV, PUBLIC),
    ("Badan Nasional Pencarian dan Pertolongan", "Basarnas", "government", GOV, PUBLIC),
    ("Badan Siber dan Sandi Negara", "BSSN", "government", GOV, PUBLIC),
    ("Badan Pemeriksa Keuangan", "BPK", "government", GOV, PUBLIC),
    ("Badan Pusat Statistik", "BPS", "government", GOV, PUBLIC),
    ("Mahkamah Konstitusi", "MK", "government", GOV, PUBLIC),
    ("Mahkamah Agung", "MA", "government", GOV, PUBLIC),
    ("Kejaksaan Republik Indonesia", "Kejaksaan", "government", GOV, PUBLIC),
    ("Komisi Pemilihan Umum", "KPU", "government", GOV, PUBLIC),
    ("Badan Pengawas Pemilihan Umum", "Bawaslu", "government", GOV, PUBLIC),
    ("Komisi Nasional Hak Asasi Manusia", "Komnas HAM", "government", GOV, PUBLIC),
    ("Majelis Permusyawaratan Rakyat", "MPR", "government", GOV, PUBLIC),
    ("Dewan Perwakilan Rakyat", "DPR", "government", GOV, PUBLIC),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "government", GOV, PUBLIC),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "government", GOV, PUBLIC),
    ("Badan Keamanan Laut", "Bakamla", "government", GOV, PUBLIC),
    # TNI and Polri
    ("Tentara Nasional Indonesia", "TNI", "tni_polri", GOV, PUBLIC),
    ("Tentara Nasional Indonesia Angkatan Darat", "TNI AD", "tni_polri", GOV, PUBLIC),
    ("Tentara Nasional Indonesia Angkatan Laut", "TNI AL", "tni_polri", GOV, PUBLIC),
    ("Tentara Nasional Indonesia Angkatan Udara", "TNI AU", "tni_polri", GOV, PUBLIC),
    ("Komando Pasukan Khusus", "Kopassus", "tni_polri", GOV, PUBLIC),
    ("Komando Cadangan Strategis Angkatan Darat", "Kostrad", "tni_polri", GOV, PUBLIC),
    ("Korps Marinir", "Marinir", "tni_polri", GOV, PUBLIC),
    ("Badan Intelijen Strategis", "BAIS", "tni_polri", GOV, PUBLIC),
    ("Kepolisian Negara Republik Indonesia", "Polri", "tni_polri", GOV, PUBLIC),
    ("Korps Brigade Mobil", "Brimob", "tni_polri", GOV, PUBLIC),
    ("Detasemen Khusus 88 Antiteror", "Densus 88", "tni_polri", GOV, PUBLIC),
    (
        "Bhayangkara",
        "",
        "tni_polri",
        GOV,
        "UNVERIFIED: the Polri's name for itself; use may be allowed with permission",
    ),
    # State symbols
    ("Garuda Pancasila", "", "state_symbol", SYMBOL, "UU 24/2009 (lambang negara)"),
    (
        "Pancasila",
        "",
        "state_symbol",
        SYMBOL,
        "Dasar negara; an Ormas may have Pancasila as its asas, the check is on the name",
    ),
    ("Bhinneka Tunggal Ika", "", "state_symbol", SYMBOL, "UU 24/2009 (semboyan on the lambang negara)"),
    ("Sang Merah Putih", "", "state_symbol", SYMBOL, "UU 24/2009 (bendera negara)"),
    ("Indonesia Raya", "", "state_symbol", SYMBOL, "UU 24/2009 (lagu kebangsaan)"),
    # Political parties of the 2024 election (national)
    ("Partai Kebangkitan Bangsa", "PKB", "political_party", PARTY, KPU),
    ("Partai Gerakan Indonesia Raya", "Gerindra", "political_party", PARTY, KPU),
    ("Partai Demokrasi Indonesia Perjuangan", "PDI Perjuangan", "political_party", PARTY, KPU),
    ("Partai Golongan Karya", "Golkar", "political_party", PARTY, KPU),
    ("Partai NasDem", "NasDem", "political_party", PARTY, KPU),
    ("Partai Buruh", "", "political_party", PARTY, KPU),
    ("Partai Gelombang Rakyat Indonesia", "Partai Gelora", "political_party", PARTY, KPU),
    ("Partai Keadilan Sejahtera", "PKS", "political_party", PARTY, KPU),
    ("Partai Kebangkitan Nusantara", "PKN", "political_party", PARTY, KPU),
    ("Partai Hati Nurani Rakyat", "Hanura", "political_party", PARTY, KPU),
    ("Partai Garda Republik Indonesia", "Partai Garuda", "political_party", PARTY, KPU),
    ("Partai Amanat Nasional", "PAN", "political_party", PARTY, KPU),
    ("Partai Bulan Bintang", "PBB", "political_party", PARTY, KPU),
    ("Partai Demokrat", "", "political_party", PARTY, KPU),
    ("Partai Solidaritas Indonesia", "PSI", "political_party", PARTY, KPU),
    ("Partai Persatuan Indonesia", "Perindo", "political_party", PARTY, KPU),
    ("Partai Persatuan Pembangunan", "PPP", "political_party", PARTY, KPU),
    ("Partai Ummat", "", "political_party", PARTY, KPU),
    # Banned or dissolved organisations
    ("Partai Komunis Indonesia", "PKI", "banned_organisation", BANNED, "TAP MPRS XXV/MPRS/1966"),
    ("Hizbut Tahrir Indonesia", "HTI", "banned_organisation", BANNED, "Badan hukum dicabut 2017 (Perppu 2/2017)"),
    ("Front Pembela Islam", "FPI", "banned_organisation", BANNED, "Dilarang 2020 (SKB 6 pejabat, 30 Desember 2020)"),
    (
        "Jamaah Islamiyah",
        "JI",
        "banned_organisation",
        BANNED,
        "UNVERIFIED: korporasi terlarang, putusan PN Jakarta Selatan 2008",
    ),
    ("Jamaah Ansharut Daulah", "JAD", "banned_organisation", BANNED, "Putusan pengadilan 2018 (PN Jakarta Selatan)"),
    (
        "Organisasi Papua Merdeka",
        "OPM",
        "banned_organisation",
        BANNED,
        "UNVERIFIED: separatist; no designation instrument recorded",
    ),
    (
        "Republik Maluku Selatan",
        "RMS",
        "banned_organisation",
        BANNED,
        "UNVERIFIED: separatist; no designation instrument recorded",
    ),
    # Foreign states and international bodies
    ("Perserikatan Bangsa-Bangsa", "PBB", "foreign_state_or_international", FOREIGN, PUBLIC),
    ("United Nations", "UN", "foreign_state_or_international", FOREIGN, PUBLIC),
    (
        "Palang Merah",
        "",
        "foreign_state_or_international",
        FOREIGN + "; UU 1/2018 tentang Kepalangmerahan",
        "UNVERIFIED: articles of UU 1/2018 not checked",
    ),
    (
        "Red Cross",
        "",
        "foreign_state_or_international",
        FOREIGN,
        "UNVERIFIED: emblem protection under the Geneva Conventions",
    ),
    ("Bulan Sabit Merah", "", "foreign_state_or_international", FOREIGN, "UNVERIFIED: Red Crescent emblem, UU 1/2018"),
    (
        "Palang Merah Indonesia",
        "PMI",
        "foreign_state_or_international",
        "UU 1/2018 tentang Kepalangmerahan",
        "UNVERIFIED: articles not checked",
    ),
    ("Association of Southeast Asian Nations", "ASEAN", "foreign_state_or_international", FOREIGN, PUBLIC),
    ("United Nations Children's Fund", "UNICEF", "foreign_state_or_international", FOREIGN, PUBLIC),
    ("World Health Organization", "WHO", "foreign_state_or_international", FOREIGN, PUBLIC),
    ("International Criminal Police Organization", "Interpol", "foreign_state_or_international", FOREIGN, PUBLIC),
]


def load(apps, schema_editor):
    ReservedName = apps.get_model("registry", "ReservedName")
    for name, abbreviation, category, legal_basis, source in RESERVED:
        ReservedName.objects.get_or_create(
            name=name,
            category=category,
            defaults={"abbreviation": abbreviation, "legal_basis": legal_basis, "source": source},
        )


def unload(apps, schema_editor):
    ReservedName = apps.get_model("registry", "ReservedName")
    ReservedName.objects.filter(name__in=[row[0] for row in RESERVED]).delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_reservedname")]
    operations = [migrations.RunPython(load, unload)]
