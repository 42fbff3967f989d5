from django.urls import path

from services.views import applicant, filing, officer

app_name = "services"
urlpatterns = [
    # Officers
    path("", officer.worklist, name="worklist"),
    path("loket/", officer.counter_create, name="counter-create"),
    path("permohonan/<str:reference>/", officer.application_detail, name="application-detail"),
    path("permohonan/<str:reference>/tinjau/", officer.review_start, name="review-start"),
    path(
        "permohonan/<str:reference>/dokumen/<int:document_pk>/periksa/",
        officer.document_verify,
        name="document-verify",
    ),
    path("permohonan/<str:reference>/perbaikan/", officer.changes_request, name="changes-request"),
    path("permohonan/<str:reference>/lapangan/", officer.field_check_schedule, name="field-check-schedule"),
    path("permohonan/<str:reference>/lapangan/<int:check_pk>/", officer.field_check_record, name="field-check-record"),
    path("permohonan/<str:reference>/putusan/", officer.decide, name="decide"),
    path("permohonan/<str:reference>/skt/", officer.skt_record, name="skt-record"),
    path("foto/<int:photo_pk>/", officer.photo_view, name="photo"),
    # Filing (applicant online, officer at the counter)
    path("permohonan/<str:reference>/isi/", filing.tasks, name="tasks"),
    path("permohonan/<str:reference>/isi/data/", filing.task_data, name="task-data"),
    path("permohonan/<str:reference>/isi/kontak/", filing.task_contact, name="task-contact"),
    path("permohonan/<str:reference>/isi/dokumen/<int:item_pk>/", filing.task_upload, name="task-upload"),
    path("permohonan/<str:reference>/isi/diketahui/", filing.task_prefill, name="task-prefill"),
    path("permohonan/<str:reference>/isi/pernyataan/", filing.task_statements, name="task-statements"),
    path("permohonan/<str:reference>/periksa/", filing.check_answers, name="check-answers"),
    path("permohonan/<str:reference>/terkirim/", filing.confirmation, name="confirmation"),
    path("permohonan/<str:reference>/tarik/", filing.withdraw, name="withdraw"),
    path("dokumen/<int:document_pk>/", filing.document_download, name="document-download"),
    # Applicants (Ormas accounts)
    path("saya/", applicant.applicant_home, name="applicant-home"),
    path("saya/mulai/<slug:code>/", applicant.applicant_start, name="applicant-start"),
    path("saya/<str:reference>/", applicant.applicant_status, name="applicant-status"),
    path("saya/<str:reference>/surat/", applicant.applicant_letter, name="applicant-letter"),
]
