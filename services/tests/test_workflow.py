"""The whole path of an application, its registry effects and letter, all-or-nothing approval, read-only after."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Entry
from letters.models import Letter
from registry.models import BoardMember, Chapter, Ormas
from services import actions, approval
from services.models import Application, ApplicationDocument, FieldCheck
from services.tests.helpers import all_valid, filled, in_review, jpeg, pdf, submitted, with_founders

pytestmark = pytest.mark.django_db
S = Application.Status


def test_it_takes_a_presence_report_from_draft_to_letter_and_buku_induk(
    applicant, city_ormas, city_officer, city_leader, django_capture_on_commit_callbacks
):
    application = filled("presence-report", city_ormas, applicant)
    assert application.status == S.DRAFT
    assert application.office.region_id == "62.71"
    actions.submit_application(application, by=applicant)
    assert application.decision_due and application.decision_due > dt.date.today() - dt.timedelta(days=1)
    assert "name_conflicts" in application.data
    actions.start_review(application, by=city_officer)

    docs = list(application.current_documents())
    actions.verify_document(docs[0], by=city_officer, valid=False, reason="Tanda tangan ketua tidak ada")
    for document in docs[1:]:
        actions.verify_document(document, by=city_officer, valid=True)
    actions.request_changes(application, by=city_officer, note="")
    assert application.status == S.CHANGES_REQUESTED and application.correction_due

    with pytest.raises(ValidationError):  # the document to correct has not been replaced yet
        actions.resubmit_application(application, by=applicant)
    actions.upload_application_document(application, docs[0].checklist_item, by=applicant, upload=pdf("baru.pdf"))
    actions.resubmit_application(application, by=applicant)
    assert application.status == S.RESUBMITTED
    actions.start_review(application, by=city_officer)
    all_valid(application, city_officer)

    check = actions.schedule_field_check(
        application, by=city_officer, scheduled_for=dt.date(2026, 12, 3), officer=city_officer
    )
    actions.record_field_check(
        check,
        by=city_officer,
        result=FieldCheck.Result.FOUND,
        notes="Papan nama terpasang",
        photos=[(jpeg(), {"latitude": "-2.2100", "longitude": "113.9200", "taken_at": None})],
    )
    assert check.photos.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_application(application, by=city_leader, note="")
    application.refresh_from_db()
    assert application.status == S.APPROVED
    letter = application.letter
    assert letter is not None and letter.kind == "presence-letter" and letter.pdf
    chapter = Chapter.objects.get(ormas=city_ormas, region_id="62.71")
    assert chapter.buku_induk_number == "BI-62.71-0001"
    assert chapter.presence_letter_number == letter.number
    assert chapter.presence_letter_date == letter.issued_on
    actions_logged = set(Entry.objects.filter(ormas=city_ormas).values_list("action", flat=True))
    assert {"application.created", "application.submitted", "application.approved", "chapter.created"} <= actions_logged
    assert [m.to for m in mail.outbox] == [["pengurus@example.org"]]
    assert application.reference in mail.outbox[0].subject


def test_it_numbers_the_buku_induk_per_office(city_officer, city_leader):
    from services.tests.helpers import account_for
    from wadah.testing import make_ormas

    numbers = []
    for i in range(2):
        ormas = make_ormas(name=f"Ormas Uji {i}", abbreviation=f"OU{i}", skt_number=f"01-00/{i}")
        account = account_for(ormas, f"akun{i}")
        application = in_review("presence-report", ormas, account, city_officer)
        all_valid(application, city_officer)
        check = actions.schedule_field_check(
            application, by=city_officer, scheduled_for=dt.date.today(), officer=city_officer
        )
        actions.record_field_check(check, by=city_officer, result="found")
        actions.approve_application(application, by=city_leader)
        numbers.append(Chapter.objects.get(ormas=ormas).buku_induk_number)
    assert numbers == ["BI-62.71-0001", "BI-62.71-0002"]


def test_it_rolls_everything_back_when_the_letter_cannot_be_issued(
    monkeypatch, applicant, city_ormas, city_officer, city_leader
):
    application = in_review("board-change", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)

    def broken(**kwargs):
        raise RuntimeError("typst failed")

    monkeypatch.setattr(approval, "issue_letter", broken)
    with pytest.raises(RuntimeError):
        actions.approve_application(application, by=city_leader)
    application = Application.objects.get(pk=application.pk)
    assert application.status == S.IN_REVIEW
    assert application.letter is None
    assert not BoardMember.objects.filter(ormas=city_ormas).exists()
    assert not Chapter.objects.filter(ormas=city_ormas).exists()
    assert not Letter.objects.exists()
    assert not Entry.objects.filter(action="application.approved").exists()


def test_it_applies_a_board_change_to_the_registry(applicant, city_ormas, city_officer, city_leader):
    application = in_review("board-change", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    actions.approve_application(application, by=city_leader)
    seats = BoardMember.objects.filter(ormas=city_ormas, ended_on__isnull=True)
    assert sorted(s.position for s in seats) == ["bendahara", "ketua", "sekretaris"]
    assert Letter.objects.get().kind == "board-change"


def test_it_applies_an_address_change_after_the_field_check(applicant, city_ormas, city_officer, city_leader):
    application = in_review("address-change", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    with pytest.raises(ValidationError):
        actions.approve_application(application, by=city_leader)
    check = actions.schedule_field_check(
        application, by=city_officer, scheduled_for=dt.date.today(), officer=city_officer
    )
    with pytest.raises(ValidationError):
        actions.approve_application(application, by=city_leader)  # scheduled, not yet recorded
    actions.record_field_check(check, by=city_officer, result="found")
    actions.approve_application(application, by=city_leader)
    city_ormas.refresh_from_db()
    assert city_ormas.address == "Jl. G. Obos No. 12"


def test_it_records_a_dissolution_in_the_registry(applicant, city_ormas, city_officer, city_leader):
    application = in_review("dissolution-notice", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    actions.approve_application(application, by=city_leader)
    city_ormas.refresh_from_db()
    assert city_ormas.status == Ormas.Status.DISSOLVED


def test_it_records_the_skt_returned_by_kemendagri(applicant, city_ormas, city_officer, city_leader):
    with_founders(city_ormas)
    application = in_review("skt-renewal", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    actions.approve_application(application, by=city_leader)
    assert application.letter.kind == "skt-renewal"
    actions.record_skt_issued(
        application, "01-00-00/777/XII/2026", dt.date(2026, 12, 1), dt.date(2031, 12, 1), by=city_officer
    )
    city_ormas.refresh_from_db()
    assert city_ormas.skt_number == "01-00-00/777/XII/2026"
    assert city_ormas.skt_expires_on == dt.date(2031, 12, 1)


def test_it_lets_only_the_pimpinan_decide(applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    with pytest.raises(PermissionDenied):
        actions.approve_application(application, by=city_officer)
    with pytest.raises(PermissionDenied):
        actions.reject_application(application, by=city_officer, reason="Tidak")


def test_it_requires_a_reason_to_reject(applicant, city_ormas, city_officer, city_leader):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    with pytest.raises(ValidationError):
        actions.reject_application(application, by=city_leader, reason="  ")
    assert Application.objects.get(pk=application.pk).status == S.IN_REVIEW


@pytest.mark.parametrize("final", ["approved", "rejected", "withdrawn"])
def test_it_keeps_decided_applications_read_only(applicant, city_ormas, city_officer, city_leader, final):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    all_valid(application, city_officer)
    if final == "approved":
        actions.approve_application(application, by=city_leader)
    elif final == "rejected":
        actions.reject_application(application, by=city_leader, reason="Laporan tidak lengkap")
    else:
        application = submitted("board-change", city_ormas, applicant)
        actions.withdraw_application(application, by=applicant)
    item = application.checklist()[0]
    with pytest.raises(ValidationError):
        actions.upload_application_document(application, item, by=applicant, upload=pdf())
    with pytest.raises(ValidationError):
        actions.update_application_data(application, by=applicant, statements_confirmed=False)
    for document in application.current_documents():
        with pytest.raises(ValidationError):
            actions.verify_document(document, by=city_officer, valid=False, reason="x")
    for target in S.values:
        assert not application.can_move_to(target)


def test_it_refuses_a_second_open_application_of_the_same_type(applicant, city_ormas):
    filled("activity-report", city_ormas, applicant)
    with pytest.raises(ValidationError) as error:
        filled("activity-report", city_ormas, applicant)
    assert error.value.code == "duplicate"
    assert Application.objects.filter(ormas=city_ormas).count() == 1


def test_it_allows_a_new_application_once_the_previous_is_closed(applicant, city_ormas):
    first = filled("activity-report", city_ormas, applicant)
    actions.withdraw_application(first, by=applicant)
    filled("activity-report", city_ormas, applicant)
    assert Application.objects.filter(ormas=city_ormas).count() == 2


def test_it_refuses_to_submit_without_the_required_documents(applicant, city_ormas):
    from services.models import ServiceType

    application = actions.create_application(
        service_type=ServiceType.objects.get(code="activity-report"), ormas=city_ormas, by=applicant
    )
    with pytest.raises(ValidationError) as error:
        actions.submit_application(application, by=applicant)
    assert any("Laporan kegiatan" in m for m in error.value.messages)
    assert any("statements" in m.lower() or "pernyataan" in m.lower() for m in error.value.messages)
    application.refresh_from_db()
    assert application.status == S.DRAFT and application.submitted_at is None


def test_it_resolves_checklist_conditions_for_the_ormas(applicant, city_ormas):
    from registry.models import FieldOfActivity

    application = filled("skt-preverification", city_ormas, applicant)
    codes = {i.document_type.code for i in application.checklist()}
    assert "rekomendasi-kemenag" not in codes and "persetujuan-pejabat" not in codes
    assert len(codes) == 13
    city_ormas.fields_of_activity.add(FieldOfActivity.objects.get(name="Agama dan keagamaan"))
    application.officials_on_board = True
    codes = {i.document_type.code for i in application.checklist()}
    assert {"rekomendasi-kemenag", "persetujuan-pejabat"} <= codes
    assert "rekomendasi-kebudayaan" not in codes
    # Newly required documents must be uploaded before submitting.
    actions.update_application_data(application, by=applicant, officials_on_board=True)
    with pytest.raises(ValidationError):
        actions.submit_application(application, by=applicant)


def test_it_refuses_oversized_and_mistyped_uploads(applicant, city_ormas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = filled("activity-report", city_ormas, applicant)
    item = application.checklist()[0]
    before = application.documents.count()
    fake = SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00 not a pdf at all" * 20, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        actions.upload_application_document(application, item, by=applicant, upload=fake)
    assert error.value.code == "file_type"
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        actions.upload_application_document(application, item, by=applicant, upload=big)
    assert error.value.code == "too_large"
    assert application.documents.count() == before


def test_it_keeps_earlier_versions_of_a_document(applicant, city_ormas):
    application = filled("activity-report", city_ormas, applicant)
    item = application.checklist()[0]
    first = application.current_documents().get(checklist_item=item)
    second = actions.upload_application_document(application, item, by=applicant, upload=pdf("v2.pdf"))
    first.refresh_from_db()
    assert first.replaced_by == second
    assert application.current_documents().filter(checklist_item=item).get() == second


def test_it_needs_a_reason_for_a_document_correction(applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    document = application.current_documents().first()
    with pytest.raises(ValidationError):
        actions.verify_document(document, by=city_officer, valid=False, reason=" ")
    document.refresh_from_db()
    assert document.status == ApplicationDocument.Status.PENDING


def test_it_needs_a_marked_document_or_a_note_to_request_changes(applicant, city_ormas, city_officer):
    application = in_review("activity-report", city_ormas, applicant, city_officer)
    with pytest.raises(ValidationError):
        actions.request_changes(application, by=city_officer, note="")
    actions.request_changes(application, by=city_officer, note="Lengkapi foto kegiatan")
    assert application.status == S.CHANGES_REQUESTED


def test_it_sends_province_scope_ormas_to_the_province_office(city_officer):
    from wadah.testing import make_ormas

    ormas = make_ormas(scope_level=Ormas.ScopeLevel.PROVINCE)
    assert actions.handling_office(ormas).region_id == "62"
