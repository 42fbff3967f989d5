"""Issue 11 items 5 and 8: the registration rules as data, and reserved names resting on UU 24/2009 as review hints.

* UU 24/2009 protects the state flag and emblem (Pasal 57(c)); the word "Pancasila" or "Merah Putih" in a name is
  not forbidden by it (domain.md §0; Pasal 57(d) was struck by MK 4/PUU-X/2012 — UNVERIFIED). UU 17/2013
  Pasal 59(1)(a) forbids names *the same as* a government institution's, not these words. So the state-symbol
  entries stay in the check as hints for the officer, not as prohibitions.
* Founders: UU 17/2013 Pasal 9 (at least 3 WNI, except a yayasan), quoted by secondary sources (domain.md §2.1).
* Board WNI: the SKT checklist as the Kesbangpol offices quote Permendagri 57/2017 (domain.md §3.2 item 4); the
  article number is UNVERIFIED.
* Regional SKTs: Kemendagri's official (Aug 2019) says SKTs have been issued by Kemendagri since 1 Aug 2017 and
  that regional SKTs issued before Permendagri 57/2017 stay in force (domain.md §2.2); the exact date of effect of
  Permendagri 57/2017 is UNVERIFIED.
"""

import datetime as dt

from django.db import migrations

HINT_BASIS = (
    "Review hint, not a prohibition: UU 24/2009 protects the state emblem and flag (Pasal 57(c)), not words in a "
    "name (Pasal 57(d) struck by MK 4/PUU-X/2012, UNVERIFIED); UU 17/2013 Pasal 59(1)(a) forbids only names the "
    "same as a government institution's (domain.md §0)"
)

RULES = [
    {
        "code": "founders-minimum",
        "name": "Founders: at least this many WNI (not for a yayasan)",
        "number": 3,
        "legal_source": "UU 17/2013 Pasal 9",
        "is_unverified": False,
        "note": "Quoted by secondary sources (solusihukum.online; jpnn.com), domain.md §2.1. An Ormas berbadan hukum "
        "yayasan follows the yayasan law instead.",
    },
    {
        "code": "board-wni",
        "name": "Every board member is an Indonesian citizen (WNI)",
        "number": None,
        "legal_source": "Permendagri 57/2017 (SKT requirements; article UNVERIFIED)",
        "is_unverified": True,
        "note": "As the Kesbangpol offices quote the SKT checklist (domain.md §3.2 item 4). Foreign Ormas follow "
        "PP 59/2016.",
    },
    {
        "code": "regional-skt-cutoff",
        "name": "From this date only the Mendagri issues SKTs",
        "date": dt.date(2017, 8, 1),
        "legal_source": "Permendagri 57/2017",
        "is_unverified": True,
        "note": "Kemendagri (Aug 2019): SKTs issued by Kemendagri since 1 Aug 2017; regional SKTs issued before "
        "Permendagri 57/2017 stay in force (analisaaceh.com, domain.md §2.2). Confirm the date of effect.",
    },
]


def seed(apps, schema_editor):
    LegalRequirement = apps.get_model("registry", "LegalRequirement")
    for rule in RULES:
        values = {k: v for k, v in rule.items() if k != "code"}
        LegalRequirement.objects.update_or_create(code=rule["code"], defaults=values)
    ReservedName = apps.get_model("registry", "ReservedName")
    ReservedName.objects.filter(category="state_symbol").update(effect="review_hint", legal_basis=HINT_BASIS)


def unseed(apps, schema_editor):
    apps.get_model("registry", "LegalRequirement").objects.filter(code__in=[r["code"] for r in RULES]).delete()
    apps.get_model("registry", "ReservedName").objects.filter(category="state_symbol").update(effect="prohibition")


class Migration(migrations.Migration):
    dependencies = [("registry", "0012_ormas_registration_and_rules")]
    operations = [migrations.RunPython(seed, unseed)]
