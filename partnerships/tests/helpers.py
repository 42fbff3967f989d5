"""Helpers for the partnerships tests: Ormas in two kab/kota, seats by NIK, links and units through the actions."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from partnerships import actions
from partnerships.models import BusinessUnit, Partnership
from regions.models import Region
from registry import actions as registry_actions
from registry.models import BoardMember, Ormas
from wadah.testing import make_chapter, make_ormas

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200


def pdf(name: str = "mou.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def not_a_document(name: str = "mou.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 300, content_type="application/pdf")


def city(name: str, abbreviation: str, **overrides) -> Ormas:
    return make_ormas(name=name, abbreviation=abbreviation, **overrides)


def kotim(name: str, abbreviation: str) -> Ormas:
    village = Region.objects.filter(code__startswith="62.02.", level="desa").order_by("code").first()
    assert village is not None
    return make_ormas(village=village.code, name=name, abbreviation=abbreviation)


def nik(n: int) -> str:
    return f"627101120485{n:04d}"


def seat(ormas: Ormas, person_nik: str, name: str, position: str = BoardMember.Position.MEMBER, **extra) -> BoardMember:
    chapter = ormas.chapters.first() or make_chapter(ormas)
    return registry_actions.add_board_member(
        chapter, by=None, nik=person_nik, person_values={"name": name}, position=position, **extra
    )


def link(
    ormas: Ormas,
    by: User,
    *,
    other: Ormas | None = None,
    partner: str = "Universitas Palangka Raya",
    kind: str = Partnership.Kind.MOU,
    starts_on: dt.date = dt.date(2025, 2, 1),
    **extra,
) -> Partnership:
    values: dict = {"other_ormas": other} if other else {"partner_kind": "university", "partner_name": partner}
    return actions.record_partnership(
        ormas, by=by, kind=kind, title="Pelatihan kewirausahaan", starts_on=starts_on, **values, **extra
    )


def unit(ormas: Ormas, by: User, **extra) -> BusinessUnit:
    values = {
        "name": "Koperasi Sejahtera Kahayan",
        "kind": BusinessUnit.Kind.COOPERATIVE,
        "sector": BusinessUnit.Sector.TRADE,
        "members_involved": 25,
        "started_on": dt.date(2024, 3, 1),
    }
    values.update(extra)
    return actions.record_business_unit(ormas, by=by, **values)
