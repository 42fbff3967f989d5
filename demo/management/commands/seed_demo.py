"""Load the fictional Kalteng demo: offices, demo users, ~1,500 Ormas with chapters, boards and documents."""

import logging
from typing import Any

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Agency, Office, Role, User
from audit.log import record
from demo.complaints import seed_complaints_demo
from demo.coordination import seed_coordination_demo
from demo.grants import seed_grants_demo
from demo.guidance import seed_guidance_demo
from demo.logins import BINDA, DEMO_PASSWORD, ORMAS_ACCOUNT, PARTNER, POLRES, STAFF
from demo.opportunities import seed_opportunities_demo
from demo.partnerships import seed_partnerships_demo
from demo.registry.generate import DemoGenerator
from demo.services import seed_services_demo
from demo.supervision import seed_supervision_demo
from regions.models import Region
from registry.models import BoardMember, Chapter, Document, DocumentType, FieldOfActivity, Ormas, Person
from registry.names.index import index_ormas
from wadah.lib.text import normalize

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class Command(BaseCommand):
    help = "Load the demo dataset (idempotent: does nothing if demo Ormas exist) and print the demo logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--count", type=int, default=1500)
        parser.add_argument("--province", default="62")

    def handle(self, *args: Any, count: int, province: str, **options: Any) -> None:
        call_command("setup_offices", province=province, stdout=self.stdout)
        self.create_users(province)
        if Ormas.objects.in_region(province).exists():
            self.stdout.write("Demo Ormas already present; nothing added.")
        else:
            self.create_registry(count, province)
            if province == "62":
                self.create_applications()
            # The demo register is bulk-loaded (no audit entry per Ormas): compute the dashboard's figures now.
            call_command("refresh_figures", province=[province], stdout=self.stdout)
        self.print_logins()

    def create_applications(self) -> None:
        # The demo's notification e-mails and task logs would bury the logins printed below.
        tasks_logger = logging.getLogger("django.tasks")
        level = tasks_logger.level
        tasks_logger.setLevel(logging.WARNING)
        try:
            with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}):
                applications = seed_services_demo(
                    officer=User.objects.get(username="petugas.provinsi"),
                    leader=User.objects.get(username="pimpinan"),
                )
                cases = seed_supervision_demo()
                reports = seed_complaints_demo()
                teams = seed_coordination_demo()
                programmes = seed_guidance_demo()
                grants = seed_grants_demo(
                    officer=User.objects.get(username="petugas.provinsi"), leader=User.objects.get(username="pimpinan")
                )
                offers, rounds = seed_opportunities_demo(
                    officer=User.objects.get(username="petugas.provinsi"), leader=User.objects.get(username="pimpinan")
                )
                partnerships = seed_partnerships_demo()
        finally:
            tasks_logger.setLevel(level)
        self.stdout.write(f"Demo services: {len(applications)} applications, one approved with its letter.")
        self.stdout.write(f"Demo supervision: {cases} cases; {reports} complaints and field reports.")
        self.stdout.write(f"Demo coordination: {teams} teams, two Rakor with minutes and open items, a protocol.")
        self.stdout.write(f"Demo guidance: {programmes} programmes with events, attendance and assessments.")
        self.stdout.write(f"Demo grants: {grants} proposals in two windows (one recommendation only).")
        self.stdout.write(f"Demo opportunities: {offers} offers of two partners; awards: {rounds} rounds.")
        self.stdout.write(f"Demo partnerships: {partnerships} links in a few clusters, business units with figures.")

    def create_users(self, province: str) -> None:
        for username, full_name, role, office_code, agency in STAFF:
            if User.objects.filter(username=username).exists():
                continue
            first, _sep, last = full_name.partition(" ")
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                role=role,
                email=f"{username}@contoh.id",
                office=Office.objects.get(region_id=office_code) if office_code else None,
                agency=Agency.objects.get(abbreviation=agency, region_id=province) if agency else None,
                is_staff=role == Role.ADMIN,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role == Role.ADMIN:
                # Admin sistem maintains users, offices and reference data — not registry records.
                codenames = [
                    f"{verb}_{model}"
                    for model in ("user", "office", "agency", "fieldofactivity", "documenttype", "region")
                    for verb in ("add", "change", "view")
                ] + ["view_entry"]
                user.user_permissions.set(Permission.objects.filter(codename__in=codenames))

    @transaction.atomic
    def create_registry(self, count: int, province: str) -> None:
        villages = list(
            Region.objects.within(province)
            .filter(level__in=[Region.Level.DESA, Region.Level.KELURAHAN])
            .values_list("code", flat=True)
        )
        region_names = dict(
            Region.objects.filter(level__in=["provinsi", "kabupaten", "kota"]).values_list("code", "name")
        )
        fields = list(FieldOfActivity.objects.all())
        generator = DemoGenerator(villages, region_names=region_names, today=timezone.localdate())
        rows = list(generator.rows(count, len(fields)))

        people = Person.objects.bulk_create(
            [Person(name_search=normalize(p.name), **vars(p)) for p in generator.people], batch_size=2000
        )
        ormas_objects = Ormas.objects.bulk_create([Ormas(**row.values) for row in rows], batch_size=1000)
        index_ormas(ormas_objects, replace=False)  # the name check's index, as the registry actions write it
        Ormas.fields_of_activity.through.objects.bulk_create(
            [
                Ormas.fields_of_activity.through(ormas_id=o.pk, fieldofactivity_id=fields[i].pk)
                for o, row in zip(ormas_objects, rows, strict=True)
                for i in row.field_indexes
            ],
            batch_size=5000,
        )
        chapters: list[Chapter] = []
        chapter_rows = []
        for ormas, row in zip(ormas_objects, rows, strict=True):
            for chapter_row in row.chapters:
                chapters.append(
                    Chapter(
                        ormas=ormas,
                        level=chapter_row.level,
                        name=chapter_row.name,
                        region_id=chapter_row.region_code,
                        term_start=chapter_row.term_start,
                        term_end=chapter_row.term_end,
                        buku_induk_number=chapter_row.buku_induk_number,
                        presence_letter_number=chapter_row.presence_letter_number,
                        presence_letter_date=chapter_row.presence_letter_date,
                    )
                )
                chapter_rows.append(chapter_row)
        chapters = Chapter.objects.bulk_create(chapters, batch_size=2000)
        seats = [
            BoardMember(
                chapter=chapter,
                ormas_id=chapter.ormas_id,
                person=people[seat.person_index],
                position=seat.position,
                title=seat.title,
                term_start=chapter.term_start,
                term_end=chapter.term_end,
            )
            for chapter, chapter_row in zip(chapters, chapter_rows, strict=True)
            for seat in chapter_row.seats
        ]
        BoardMember.objects.bulk_create(seats, batch_size=5000)
        self.add_documents(ormas_objects[: max(1, count // 10)])
        for ormas in ormas_objects[:200]:
            record(ormas, "ormas.created", by=None, ormas=ormas, data={"source": "demo"})
        self.stdout.write(
            f"Demo registry: {len(ormas_objects)} Ormas, {len(chapters)} chapters, {len(seats)} board seats, "
            f"{len(people)} people."
        )

    def add_documents(self, ormas_list: list[Ormas]) -> None:
        skt_type = DocumentType.objects.get(code="skt")
        deed_type = DocumentType.objects.get(code="akta-pendirian")
        for ormas in ormas_list:
            document_type = skt_type if ormas.legal_form == Ormas.LegalForm.UNINCORPORATED else deed_type
            document = Document(
                ormas=ormas,
                document_type=document_type,
                original_name=f"{document_type.code}-{ormas.pk}.pdf",
                content_type="application/pdf",
                size=len(MINIMAL_PDF),
                sha256="demo",
            )
            document.file.save(f"demo-{ormas.pk}.pdf", ContentFile(MINIMAL_PDF), save=False)
            document.save()

    def print_logins(self) -> None:
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        self.stdout.write(
            "  `make run` skips pairing an authenticator app; in production admin, Pimpinan and officers must"
            " (docs/two-factor.md)."
        )
        for username, _name, role, office_code, agency in STAFF:
            scope = office_code or agency
            note = ""
            self.stdout.write(f"  {username:<22} {Role(role).label} ({scope}){note}")
        if User.objects.filter(username=ORMAS_ACCOUNT).exists():
            self.stdout.write(f"  {ORMAS_ACCOUNT:<22} {Role.ORMAS_ACCOUNT.label} (its own Ormas only)")
        if User.objects.filter(username=PARTNER).exists():
            self.stdout.write(f"  {PARTNER:<22} {Role.PARTNER.label} (a company's CSR programme: its own offers)")
        if User.objects.filter(username=BINDA).exists():
            self.stdout.write(f"  {BINDA:<22} {Role.AGENCY_MEMBER.label} (BINDA: its compartment of the demo cases)")
        if User.objects.filter(username=POLRES).exists():
            self.stdout.write(f"  {POLRES:<22} {Role.AGENCY_MEMBER.label} (Polres Palangkaraya: its agency's items)")
        self.stdout.write("")
