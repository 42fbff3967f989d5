"""Demo opportunities and awards for seed_demo: a company's CSR programme (login `mitra.csr`) and a university
with offers at each step — published (one the demo Ormas account qualifies for, one it does not, with the
reason), waiting for the province officer's approval, a draft — applicants accepted and served; and two award
rounds of the province office: last year's decided (SK), this year's with its shortlist computed, waiting for the
Pimpinan. Everything through the real actions.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.models import Office, Role, User
from awards import actions as award_actions
from awards.models import AwardRound
from demo.logins import DEMO_PASSWORD, ORMAS_ACCOUNT, PARTNER
from grants.models import EligibilityRule
from opportunities import actions
from opportunities.models import Offer, OfferingParty, PartnerAccount
from registry.models import FieldOfActivity, Ormas


def _partner(party: OfferingParty, username: str, name: str) -> User:
    first, _sep, last = name.partition(" ")
    user = User(username=username, first_name=first, last_name=last, role=Role.PARTNER, email=f"{username}@contoh.id")
    user.set_password(DEMO_PASSWORD)
    user.save()
    PartnerAccount.objects.create(user=user, party=party)
    return user


def seed_opportunities_demo(*, officer: User, leader: User) -> tuple[int, int]:
    """Returns (offers, award rounds) created."""
    if OfferingParty.objects.exists():
        return 0, 0
    today = timezone.localdate()
    province = Office.objects.get(region_id="62")
    csr = OfferingParty.objects.create(
        name="PT Borneo Hijau Lestari — Program CSR",
        kind=OfferingParty.Kind.COMPANY,
        office=province,
        description="Program tanggung jawab sosial perusahaan untuk penguatan organisasi masyarakat.",
    )
    campus = OfferingParty.objects.create(
        name="Universitas Palangka Raya — LPPM", kind=OfferingParty.Kind.UNIVERSITY, office=province
    )
    partner = _partner(csr, PARTNER, "Mitra CSR (demo)")
    lecturer = _partner(campus, "mitra.upr", "Mitra LPPM UPR (demo)")
    legal = EligibilityRule.objects.filter(code__in=["registered", "local_presence", "not_sanctioned"])
    basic = EligibilityRule.objects.filter(code__in=["registered", "not_sanctioned"])
    training = actions.create_offer(
        csr,
        by=partner,
        kind=Offer.Kind.TRAINING,
        title="Pelatihan tata kelola keuangan Ormas",
        description="Dua hari pelatihan pembukuan, laporan keuangan dan pajak untuk bendahara Ormas. 20 kursi.",
        seats=20,
        apply_by=today + dt.timedelta(days=21),
        gate_rules=basic,
    )
    equipment = actions.create_offer(
        csr,
        by=partner,
        kind=Offer.Kind.EQUIPMENT,
        title="Bantuan perlengkapan sekretariat",
        description="Satu set komputer, printer dan papan nama sekretariat untuk Ormas yang sudah tertib.",
        seats=5,
        apply_by=today + dt.timedelta(days=30),
        gate_rules=legal,
        min_capacity=Decimal("60"),
    )
    mentoring = actions.create_offer(
        campus,
        by=lecturer,
        kind=Offer.Kind.MENTORING,
        title="Pendampingan usaha ekonomi produktif",
        description="Pendampingan dosen dan mahasiswa KKN untuk koperasi dan UMKM binaan Ormas selama tiga bulan.",
        seats=10,
        apply_by=today + dt.timedelta(days=45),
        gate_rules=basic,
        fields=FieldOfActivity.objects.filter(name__icontains="ekonomi")[:1],
    )
    actions.create_offer(
        campus,
        by=lecturer,
        kind=Offer.Kind.MARKET,
        title="Lapak produk Ormas di pameran kampus",
        description="Stan gratis untuk produk UMKM binaan Ormas (draf).",
        apply_by=today + dt.timedelta(days=60),
        gate_rules=basic,
    )
    for offer in (training, equipment):
        actions.submit_offer(offer, by=partner)
        actions.publish_offer(offer, by=officer)
    actions.submit_offer(mentoring, by=lecturer)  # waits for the province officer's approval
    own = User.objects.filter(username=ORMAS_ACCOUNT).values_list("ormas_id", flat=True).first()
    # Applicants: the Ormas the grant demo made eligible (they have a chapter with a Buku Induk number).
    applicants = (
        Ormas.objects.filter(status=Ormas.Status.ACTIVE, chapters__buku_induk_number__startswith="BI-62-")
        .exclude(pk=own or 0)
        .distinct()
        .order_by("pk")[:3]
    )
    for index, ormas in enumerate(applicants):
        account, _created = User.objects.get_or_create(
            username=f"demo.peluang.{ormas.pk}",
            defaults={"role": Role.ORMAS_ACCOUNT, "ormas": ormas, "is_active": False, "first_name": "Sekretaris"},
        )
        application = actions.apply(
            training,
            ormas,
            by=account,
            contact_name=f"Sekretaris {ormas.abbreviation or ormas.name[:20]}",
            contact_phone=f"0812-5000-{index:04d}",
            message="Bendahara kami baru; kami ingin laporan keuangan tertib.",
        )
        if index < 2:
            actions.accept_application(application, by=partner)
        if index == 0:
            actions.record_served(application, by=partner, on=today, note="Dua pengurus hadir penuh.")
    # Awards: last year's decided, this year's shortlisted and waiting for the Pimpinan.
    rounds = 0
    for year in (today.year - 1, today.year):
        round_ = award_actions.create_round(
            by=officer,
            title="Penghargaan Ormas Berprestasi",
            year=year,
            shortlist_size=10,
            description="Penghargaan tahunan Badan Kesbangpol Provinsi Kalimantan Tengah bagi Ormas yang tertib "
            "administrasi, aktif dalam pembinaan dan bebas sanksi.",
        )
        candidates = award_actions.compute_shortlist(round_, by=officer)
        rounds += 1
        if year < today.year and candidates:
            award_actions.decide(
                round_,
                by=leader,
                winners={candidates[0].pk: "Ormas Berprestasi Tertib Administrasi"},
                decision_number=f"188.44/{year}/KESBANGPOL/XII",
                decision_date=dt.date(year, 12, 10),
                note="Diserahkan pada peringatan Hari Ormas.",
            )
    assert AwardRound.objects.count() >= rounds
    return Offer.objects.count(), rounds
