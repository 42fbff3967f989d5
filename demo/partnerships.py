"""Demo partnerships and business units for seed_demo: a few clusters of Ormas (an MoU chain around a university in
Palangka Raya, a forum in Kotawaringin Timur, a joint activity in Kapuas), isolated Ormas all around, one person on
the boards of three Ormas, a founder of a new Ormas who sat on a dissolved one, business units with yearly figures,
and one link the demo Ormas account proposed, waiting for an officer.

Everything goes through the real actions (partnerships/actions.py, registry/actions.py).
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from demo.logins import ORMAS_ACCOUNT
from guidance.models import Programme
from partnerships import actions
from partnerships.models import BusinessUnit, Partnership
from regions.models import Region
from registry import actions as registry_actions
from registry.models import BoardMember, Chapter, Ormas

_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
K = Partnership.Kind


def _active(regency: str, count: int, *, exclude: set[int]) -> list[Ormas]:
    rows = Ormas.objects.filter(regency_code=regency, status=Ormas.Status.ACTIVE).exclude(pk__in=exclude)
    return list(rows.order_by("pk")[:count])


def _seat(ormas: Ormas, nik: str, name: str, position: str, **extra: object) -> None:
    chapter = ormas.chapters.first()
    if chapter is None:
        chapter = Chapter(
            ormas=ormas,
            level=Chapter.Level.REGENCY,
            name=f"DPC {ormas.abbreviation or ormas.name[:30]}",
            region=Region.objects.get(code=ormas.regency_code),
        )
        registry_actions.save_chapter(chapter, by=None)
    registry_actions.add_board_member(
        chapter,
        by=None,
        nik=nik,
        person_values={"name": name},
        position=position,
        **extra,  # type: ignore[arg-type]
    )


def seed_partnerships_demo() -> int:
    """Returns the number of partnerships created (0 if there are some already)."""
    if Partnership.objects.exists():
        return 0
    province = User.objects.get(username="petugas.provinsi")
    city = User.objects.get(username="petugas.palangkaraya")
    kotim = User.objects.get(username="petugas.kotim")
    today = timezone.localdate()
    year = today.year
    account = User.objects.filter(username=ORMAS_ACCOUNT).select_related("ormas").first()
    own = account.ormas if account and account.ormas else None
    used: set[int] = {own.pk} if own else set()

    # Palangka Raya: four Ormas with MoUs with the university and a joint activity between two of them.
    pky = _active("62.71", 6, exclude=used)
    if len(pky) < 6:  # a small demo registry (the tests'): the province's Ormas, by the province officer
        city = province
        rows = Ormas.objects.filter(province_code="62", status=Ormas.Status.ACTIVE).exclude(pk__in=used)
        pky = list(rows.order_by("pk")[:6])
        if len(pky) < 6:
            return 0
    used |= {o.pk for o in pky}
    for index, ormas in enumerate(pky[:4]):
        actions.record_partnership(
            ormas,
            by=city,
            kind=K.MOU,
            title="Pendampingan manajemen organisasi dan KKN tematik",
            starts_on=dt.date(year - 1, 2 + index, 1),
            ends_on=dt.date(year + 1, 12, 31),
            partner_kind="university",
            partner_name="Universitas Palangka Raya",
            document=SimpleUploadedFile("mou.pdf", _PDF, content_type="application/pdf") if index == 0 else None,
        )
    actions.record_partnership(
        pky[0],
        by=city,
        kind=K.JOINT_ACTIVITY,
        title="Bakti sosial bersama di bantaran Kahayan",
        starts_on=dt.date(year - 1, 8, 17),
        ends_on=dt.date(year - 1, 8, 31),
        other_ormas=pky[1],
    )
    actions.record_partnership(
        pky[2],
        by=city,
        kind=K.MOU,
        title="Program CSR pelatihan menjahit bagi ibu rumah tangga",
        starts_on=dt.date(year - 1, 5, 1),
        partner_kind="company",
        partner_name="PT Borneo Lestari Sejahtera",
    )
    count = 6
    # Kotawaringin Timur: three Ormas in one forum.
    for ormas in _active("62.02", 3, exclude=used):
        used.add(ormas.pk)
        actions.record_partnership(
            ormas,
            by=kotim,
            kind=K.FORUM,
            title="Anggota forum kerukunan dan kewaspadaan dini",
            starts_on=dt.date(year - 2, 1, 15),
            partner_kind="forum",
            partner_name="Forum Kewaspadaan Dini Masyarakat Kotawaringin Timur",
        )
        count += 1
    # Kapuas: a joint activity of two Ormas with the regency's agriculture office.
    kapuas = _active("62.03", 2, exclude=used)
    used |= {o.pk for o in kapuas}
    if len(kapuas) == 2:
        actions.record_partnership(
            kapuas[0],
            by=province,
            kind=K.JOINT_ACTIVITY,
            title="Gerakan tanam padi lahan gambut",
            starts_on=dt.date(year - 1, 10, 1),
            other_ormas=kapuas[1],
        )
        actions.record_partnership(
            kapuas[1],
            by=province,
            kind=K.MOU,
            title="Penyuluhan pertanian bersama",
            starts_on=dt.date(year - 1, 11, 1),
            partner_kind="government",
            partner_name="Dinas Pertanian Kabupaten Kapuas",
        )
        count += 2

    # One person on the boards of three Ormas in Palangka Raya (a network hub, and a board-network flag).
    for ormas in pky[3:6]:
        _seat(ormas, "6271014507800009", "Hendrik Sinaga", BoardMember.Position.ADVISOR)
    # A founder of a new Ormas who sat on the board of one that was dissolved.
    ended = Ormas.objects.filter(status__in=Ormas.ENDED_STATUSES, status_changed_on__isnull=False).first()
    if ended is not None and len(pky) >= 6:
        _seat(ended, "6271012203750011", "Markus Tarigan", BoardMember.Position.CHAIR)
        candidates = Ormas.objects.filter(regency_code=ended.regency_code, status=Ormas.Status.ACTIVE)
        new = candidates.exclude(pk__in=used).order_by("-pk").first()
        if new is not None:
            registry_actions.update_ormas(new, by=None, changes={"founded_on": ended.status_changed_on})
            _seat(new, "6271012203750011", "Markus Tarigan", BoardMember.Position.FOUNDER)

    # Business units, with this and last year's figures; one fostered by the guidance programme.
    programme = Programme.objects.filter(region_id="62.71").order_by("pk").first()
    units = [
        (
            pky[0],
            city,
            "Koperasi Serba Usaha Pemuda Kahayan",
            BusinessUnit.Kind.COOPERATIVE,
            "simpan_pinjam",
            48,
            programme,
        ),
        (pky[2], city, "UMKM Anyaman Rotan Ibu-Ibu Pahandut", BusinessUnit.Kind.MSME, "kerajinan", 22, programme),
        (pky[1], city, "Kemitraan BUMDes Sei Gohong", BusinessUnit.Kind.BUMDES, "perikanan", 15, None),
    ]
    kotim_ormas = Ormas.objects.filter(regency_code="62.02", pk__in=used).order_by("pk").first()
    if kotim_ormas is not None:
        units.append(
            (kotim_ormas, kotim, "Koperasi Nelayan Mentaya", BusinessUnit.Kind.COOPERATIVE, "perikanan", 60, None)
        )
    if own is not None:
        units.append((own, account, "UMKM Kuliner Binaan Pemuda", BusinessUnit.Kind.MSME, "kuliner", 12, None))  # type: ignore[arg-type]
    for index, (ormas, by, name, kind, sector, members, prog) in enumerate(units):
        unit = actions.record_business_unit(
            ormas,
            by=by,
            name=name,
            kind=kind,
            sector=sector,
            members_involved=members,
            started_on=dt.date(year - 3, 1 + index, 1),
            programme=prog,
        )
        for offset, (trained, started, band) in enumerate(
            ((20 + index * 5, 2 + index, "lt300jt"), (10 + index, 1, "lt50jt"))
        ):
            actions.record_year(
                unit,
                by=by,
                year=year - 1 - offset,
                people_trained=trained,
                businesses_started=started,
                revenue_band=band,
                members_involved=members - offset * 3,
            )

    # The demo Ormas account: one confirmed link and one it proposed, waiting for the office.
    if own is not None and account is not None:
        office = city if own.regency_code == "62.71" else province
        actions.record_partnership(
            own,
            by=office,
            kind=K.JOINT_ACTIVITY,
            title="Pelatihan kewirausahaan pemuda",
            starts_on=dt.date(year - 1, 3, 1),
            partner_kind="government",
            partner_name="Dinas Koperasi dan UKM Provinsi",
        )
        actions.record_partnership(
            own,
            by=account,
            kind=K.MOU,
            title="Magang mahasiswa di sekretariat",
            starts_on=today,
            partner_kind="university",
            partner_name="Universitas Palangka Raya",
        )
        count += 2
    return count
