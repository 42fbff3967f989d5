"""The initial word lists of the name check (registry/names; UU 17/2013 Pasal 59, domain.md §0 and §3.5).

Admins maintain them in the Django admin (NameTerm). The kab/kota and province names of the regions table are region
words without being listed; the Kalimantan Tengah ones are listed too so the check works before regions are loaded.
"""

from django.db import migrations

EYD = "Ejaan Bahasa Indonesia (EYD): common abbreviation or variant"
KALTENG = "Common usage in Kalimantan Tengah (Kesbangpol Kalteng lists)"
LEVEL = "Chapter levels of Ormas (DPP/DPD/DPC …), AD/ART practice"
WILAYAH = "Kepmendagri 300.2.2-2430/2025 (regions table); common short forms"
REVIEW = "Name-check review: words shared by many unrelated Ormas names"

EQUIVALENTS = [
    # term, read as, source
    ("sei", "sungai", KALTENG),
    ("sg", "sungai", KALTENG),
    ("kab", "kabupaten", EYD),
    ("kec", "kecamatan", EYD),
    ("kel", "kelurahan", EYD),
    ("ds", "desa", EYD),
    ("prov", "provinsi", EYD),
    ("prop", "provinsi", EYD),
    ("propinsi", "provinsi", EYD),
    ("kalteng", "kalimantan tengah", KALTENG),
    ("kalbar", "kalimantan barat", WILAYAH),
    ("kalsel", "kalimantan selatan", WILAYAH),
    ("kaltim", "kalimantan timur", WILAYAH),
    ("kaltara", "kalimantan utara", WILAYAH),
    ("kotim", "kotawaringin timur", KALTENG),
    ("kobar", "kotawaringin barat", KALTENG),
    ("barut", "barito utara", KALTENG),
    ("barsel", "barito selatan", KALTENG),
    ("bartim", "barito timur", KALTENG),
    ("gumas", "gunung mas", KALTENG),
    ("mura", "murung raya", KALTENG),
    ("pulpis", "pulang pisau", KALTENG),
    ("pky", "palangka raya", KALTENG),
    ("palangkaraya", "palangka raya", KALTENG),
    ("ri", "republik indonesia", EYD),
    ("nkri", "negara kesatuan republik indonesia", EYD),
    ("indo", "indonesia", EYD),
    ("kementrian", "kementerian", EYD),
    ("kemenkumham", "kementerian hukum dan hak asasi manusia", EYD),
    ("kemendagri", "kementerian dalam negeri", EYD),
    ("kemenag", "kementerian agama", EYD),
    ("polri", "kepolisian negara republik indonesia", EYD),
    ("pdip", "pdi perjuangan", EYD),
    ("lsm", "lembaga swadaya masyarakat", EYD),
    ("yys", "yayasan", EYD),
    ("perk", "perkumpulan", EYD),
    ("kel bsr", "keluarga besar", EYD),
    ("masy", "masyarakat", EYD),
    ("muh", "muhammad", EYD),
    ("moh", "muhammad", EYD),
    ("mhd", "muhammad", EYD),
    ("muhamad", "muhammad", EYD),
]

REGION = [
    ("provinsi", WILAYAH),
    ("kabupaten", WILAYAH),
    ("kota", WILAYAH),
    ("kotamadya", WILAYAH),
    ("kecamatan", WILAYAH),
    ("kelurahan", WILAYAH),
    ("desa", WILAYAH),
    ("indonesia", WILAYAH),
    ("republik indonesia", WILAYAH),
    ("negara kesatuan republik indonesia", WILAYAH),
    ("nasional", WILAYAH),
    ("kalimantan", WILAYAH),
    ("kalimantan tengah", WILAYAH),
    ("palangka raya", WILAYAH),
    ("kotawaringin barat", WILAYAH),
    ("kotawaringin timur", WILAYAH),
    ("kapuas", WILAYAH),
    ("barito selatan", WILAYAH),
    ("barito utara", WILAYAH),
    ("barito timur", WILAYAH),
    ("katingan", WILAYAH),
    ("seruyan", WILAYAH),
    ("sukamara", WILAYAH),
    ("lamandau", WILAYAH),
    ("gunung mas", WILAYAH),
    ("pulang pisau", WILAYAH),
    ("murung raya", WILAYAH),
    ("jakarta", WILAYAH),
    ("yogyakarta", WILAYAH),
    ("dpp", LEVEL),
    ("dpw", LEVEL),
    ("dpd", LEVEL),
    ("dpc", LEVEL),
    ("dpac", LEVEL),
    ("pac", LEVEL),
    ("pw", LEVEL),
    ("pc", LEVEL),
    ("pp", LEVEL),
    ("pd", LEVEL),
    ("mpw", LEVEL),
    ("mpc", LEVEL),
    ("pengurus", LEVEL),
    ("pengurus pusat", LEVEL),
    ("pengurus wilayah", LEVEL),
    ("pengurus daerah", LEVEL),
    ("pengurus cabang", LEVEL),
    ("pusat", LEVEL),
    ("wilayah", LEVEL),
    ("daerah", LEVEL),
    ("cabang", LEVEL),
    ("ranting", LEVEL),
    ("korwil", LEVEL),
    ("perwakilan", LEVEL),
    ("tingkat", LEVEL),
    ("tingkat i", LEVEL),
    ("tingkat ii", LEVEL),
]

GENERIC = [
    "ikatan", "persatuan", "perkumpulan", "yayasan", "lembaga", "forum", "himpunan", "gerakan", "organisasi",
    "ormas", "perhimpunan", "paguyuban", "asosiasi", "serikat", "kerukunan", "keluarga", "besar", "komunitas",
    "majelis", "dewan", "badan", "barisan", "jaringan", "wadah", "kelompok", "aliansi", "laskar", "lembaga swadaya",
    "swadaya", "perserikatan", "kesatuan", "koalisi", "front", "solidaritas", "dan", "the", "of", "untuk", "se",
]

COMMON = [
    "pemuda", "pemudi", "muda", "dayak", "peduli", "masyarakat", "rakyat", "warga", "bangsa", "umat", "anak",
    "generasi", "putra", "putri", "wanita", "perempuan", "ibu", "bapak", "mahasiswa", "pelajar", "santri", "adat",
    "budaya", "seni", "sosial", "lingkungan", "hidup", "alam", "hutan", "sungai", "tanah", "air", "pecinta",
    "pencinta", "cinta", "relawan", "kemanusiaan", "pembangunan", "pemberdayaan", "kesejahteraan", "peduli",
    "islam", "muslim", "kristen", "katolik", "hindu", "buddha", "kaharingan", "nelayan", "petani", "tani", "pedagang",
    "pengusaha", "guru", "buruh", "pekerja", "karya", "bakti", "bhakti", "amal", "bersatu", "sejahtera", "mandiri",
    "jaya", "raya", "maju", "lestari", "berkah", "damai", "abadi", "makmur", "indah", "sentosa", "gemilang", "permai",
    "asri", "baru", "harapan", "merah", "putih", "nusantara", "sahabat", "penggiat", "pegiat", "pemerhati", "pelestari",
    "peternak", "pengrajin", "seniman", "penulis", "pendidikan", "kesehatan", "olahraga", "ekonomi", "hukum",
    "demokrasi", "keadilan", "transparansi", "anti", "korupsi", "narkoba", "lansia", "difabel", "disabilitas",
    "keagamaan", "agama", "dakwah", "remaja", "kepemudaan", "wirausaha", "koperasi", "usaha", "kecil", "menengah",
    "relawan", "pejuang", "juang", "perjuangan", "pembela", "penegak", "pengawal", "pemantau", "anggaran", "kebijakan",
    "sawit", "rotan", "gambut", "pasar", "umkm", "ojek", "pengemudi", "penjaga", "penyelam", "tradisional", "penyuluh",
    "literasi", "mengaji", "tari", "anggrek", "rumah", "tangga", "pelaku", "kampung", "tepian", "hulu", "hilir", "tua",
]


def seed(apps, schema_editor):
    NameTerm = apps.get_model("registry", "NameTerm")
    rows = [NameTerm(kind="equivalent", term=t, replacement=r, source=s) for t, r, s in EQUIVALENTS]
    rows += [NameTerm(kind="region", term=t, source=s) for t, s in REGION]
    rows += [NameTerm(kind="generic", term=t, source=REVIEW) for t in dict.fromkeys(GENERIC)]
    rows += [NameTerm(kind="common", term=t, source=REVIEW) for t in dict.fromkeys(COMMON)]
    NameTerm.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("registry", "NameTerm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0006_name_terms_emblems_logo_fingerprints")]
    operations = [migrations.RunPython(seed, unseed)]
