"""Demo coordination data (called from seed_demo after the supervision demo): the province Tim Terpadu with its
SK, the Tim Terpadu of Kota Palangkaraya and of Kotawaringin Timur, two Rakor of the province team — the first
with approved minutes and open action items, the second scheduled with them as matters arising — and a joint
protocol in force with a second version proposed."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.models import Agency, Role, User
from coordination import actions
from coordination.models import ProtocolVersion, Team
from demo.logins import DEMO_PASSWORD, POLRES
from fieldreports.models import FieldReport


def _agency(abbreviation: str, region: str = "62") -> Agency:
    return Agency.objects.get(abbreviation=abbreviation, region_id=region)


def _roster(
    team: Team, by: User, sk: str, since: dt.date, members: list[tuple[str, Agency, str, str, User | None]]
) -> None:
    version = actions.add_roster_version(team, by=by, sk_number=sk, sk_date=since, valid_from=since)
    for name, agency, position, role, user in members:
        actions.add_roster_member(version, by=by, name=name, agency=agency, position=position, role=role, user=user)


@transaction.atomic
def seed_coordination_demo() -> int:
    if Team.objects.exists():
        return 0
    today = timezone.localdate()
    leader = User.objects.get(username="pimpinan")
    officer = User.objects.get(username="petugas.provinsi")
    polda = User.objects.get(username="polda")
    binda = User.objects.filter(username="binda").first()
    polres_agency = _agency("Polres Palangkaraya", "62.71")
    polres, created = User.objects.get_or_create(
        username=POLRES,
        defaults={"role": Role.AGENCY_MEMBER, "agency": polres_agency, "first_name": "Anggota", "last_name": "Polres"},
    )
    if created:
        polres.set_password(DEMO_PASSWORD)
        polres.save()

    province = actions.create_team(
        by=officer, name="Tim Terpadu Pengawasan Ormas Provinsi Kalimantan Tengah", kind="tim_terpadu", region_code="62"
    )
    since = today - dt.timedelta(days=400)
    _roster(
        province,
        officer,
        "188.44/150/2025 (demo)",
        since,
        [
            ("Kepala Badan Kesbangpol (demo)", _agency("Kesbangpol"), "Kepala Badan", "ketua", leader),
            (
                "Kabid Ormas (demo)",
                _agency("Kesbangpol"),
                "Kabid Ketahanan Ekonomi, Sosbud, Agama dan Ormas",
                "sekretaris",
                None,
            ),
            ("Dir Intelkam (demo)", _agency("Polda"), "Direktur Intelkam", "anggota", polda),
            ("Kabinda (demo)", _agency("BINDA"), "Kepala BINDA", "anggota", binda),
            ("Asintel Kasrem (demo)", _agency("Korem 102"), "Kasi Intel", "anggota", None),
            ("Asintel Kajati (demo)", _agency("Kejati"), "Asisten Intelijen", "anggota", None),
        ],
    )
    for region, place, user in (
        ("62.71", "Palangkaraya", "petugas.palangkaraya"),
        ("62.02", "Kotawaringin Timur", "petugas.kotim"),
    ):
        by = User.objects.get(username=user)
        team = actions.create_team(
            by=by, name=f"Tim Terpadu Pengawasan Ormas {place}", kind="tim_terpadu", region_code=region
        )
        _roster(
            team,
            by,
            f"100.3.3.2/{region[-2:]}/2025 (demo)",
            since,
            [
                (f"Sekda {place} (demo)", _agency(f"Kesbangpol {place}", region), "Sekretaris Daerah", "ketua", None),
                (
                    f"Kapolres {place} (demo)",
                    _agency(f"Polres {place}", region),
                    "Kapolres",
                    "anggota",
                    polres if region == "62.71" else None,
                ),
                (f"Dandim {place} (demo)", _agency(f"Kodim {place}", region), "Dandim", "anggota", None),
                (
                    f"Kajari {place} (demo)",
                    _agency(f"Kejari {place}", region),
                    "Kepala Kejaksaan Negeri",
                    "anggota",
                    None,
                ),
                (
                    f"Kasat Pol PP {place} (demo)",
                    _agency(f"Satpol PP {place}", region),
                    "Kepala Satuan",
                    "anggota",
                    None,
                ),
            ],
        )

    first = actions.schedule_meeting(
        province,
        by=officer,
        kind="rakor",
        title="Rakor Aktivitas Ormas di Daerah (demo)",
        date=today - dt.timedelta(days=40),
        chair=leader,
        venue="Aula Badan Kesbangpol Provinsi",
        online_link="https://zoom.example/rakor-ormas",
    )
    actions.add_agenda_item(first, by=officer, title="Paparan BINDA: dinamika Ormas menjelang akhir tahun")
    data = actions.add_agenda_item(first, by=officer, title="Tertib administrasi pendaftaran Ormas di kab/kota")
    actions.open_meeting(first, by=officer)
    roster = province.current_roster()
    assert roster is not None
    for seat in roster.members.all()[:5]:
        actions.record_attendance(first, by=officer, roster_member=seat)
    actions.save_minutes(
        first,
        by=officer,
        text="Rapat dibuka oleh Kepala Badan pukul 09.00 WIB.\n\nBINDA memaparkan peningkatan aktivitas Ormas "
        "beratribut di pasar. Kab/kota melaporkan data pendaftaran belum seragam.",
    )
    one = actions.add_decision(data, by=officer, text="Kab/kota menyeragamkan data pendaftaran Ormas dalam Wadah.")
    two = actions.add_decision(
        data, by=officer, text="Polda dan BINDA berbagi informasi Ormas beratribut setiap bulan."
    )
    actions.add_action_item(
        one,
        by=officer,
        text="Memutakhirkan data Ormas Kota Palangkaraya",
        owner_agency=_agency("Kesbangpol Palangkaraya", "62.71"),
    )
    actions.add_action_item(
        two,
        by=officer,
        text="Laporan bulanan Ormas beratribut",
        owner_agency=_agency("Polda"),
        owner_person="Dir Intelkam",
    )
    actions.add_action_item(two, by=officer, text="Telaah jaringan Ormas lintas daerah", owner_agency=_agency("BINDA"))
    actions.approve_minutes(first, by=leader)

    second = actions.schedule_meeting(
        province,
        by=officer,
        kind="rakor",
        title="Rakor Tim Terpadu Triwulan (demo)",
        date=today + dt.timedelta(days=3),
        chair=leader,
        venue="Aula Badan Kesbangpol Provinsi",
    )
    actions.add_agenda_item(second, by=officer, title="Tindak lanjut keputusan rakor sebelumnya")
    actions.invite(second, by=officer, agency=_agency("Kesbangpol Palangkaraya", "62.71"))

    clauses = [
        (
            "1",
            "notification",
            "Kesbangpol memberitahukan setiap pengaduan tentang Ormas kepada Polda dalam 1 hari kerja.",
        ),
        ("2", "lead", "Dugaan tindak pidana ditangani Polda; pelanggaran administratif ditangani Kesbangpol."),
        ("3", "compartments", "Catatan intelijen tetap di kompartemen BINDA kecuali dibagikan secara tegas."),
    ]
    version = actions.create_protocol_version(
        province, by=officer, title="Kesepahaman Bersama Penanganan Ormas", clauses=clauses
    )
    actions.propose_protocol(version, by=officer)
    endorsers: list[tuple[User | None, str]] = [(leader, "Kesbangpol"), (polda, "Polda"), (binda, "BINDA")]
    for endorser, abbreviation in endorsers:
        if endorser is not None:
            actions.endorse_protocol(version, by=endorser, agency=_agency(abbreviation))
    # Polda's latest field report cites the notification clause (how it told the others); the clause lists it.
    version.refresh_from_db()
    report = FieldReport.objects.submitted().filter(author=polda).order_by("pk").last() if polda else None
    if polda is not None and report is not None and version.status == ProtocolVersion.Status.IN_FORCE:
        actions.cite_clause(version.clauses.get(number="1"), by=polda, field_report=report)
    return Team.objects.count()
