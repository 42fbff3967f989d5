from django.urls import path

from services import views

app_name = "services"
urlpatterns = [
    # Officers
    path("", views.worklist, name="worklist"),
    path("loket/", views.counter_create, name="counter-create"),
    path("permohonan/<str:reference>/", views.application_detail, name="application-detail"),
    path("permohonan/<str:reference>/tinjau/", views.review_start, name="review-start"),
    path(
        "permohonan/<str:reference>/dokumen/<int:document_pk>/periksa/", views.document_verify, name="document-verify"
    ),
    path("permohonan/<str:reference>/perbaikan/", views.changes_request, name="changes-request"),
    path("permohonan/<str:reference>/lapangan/", views.field_check_schedule, name="field-check-schedule"),
    path("permohonan/<str:reference>/lapangan/<int:check_pk>/", views.field_check_record, name="field-check-record"),
    path("permohonan/<str:reference>/putusan/", views.decide, name="decide"),
    path("permohonan/<str:reference>/skt/", views.skt_record, name="skt-record"),
    path("foto/<int:photo_pk>/", views.photo_view, name="photo"),
    # Filing (applicant online, officer at the counter)
    path("permohonan/<str:reference>/isi/", views.tasks, name="tasks"),
    path("permohonan/<str:reference>/isi/data/", views.task_data, name="task-data"),
    path("permohonan/<str:reference>/isi/kontak/", views.task_contact, name="task-contact"),
    path("permohonan/<str:reference>/isi/dokumen/<int:item_pk>/", views.task_upload, name="task-upload"),
    path("permohonan/<str:reference>/isi/pernyataan/", views.task_statements, name="task-statements"),
    path("permohonan/<str:reference>/periksa/", views.check_answers, name="check-answers"),
    path("permohonan/<str:reference>/terkirim/", views.confirmation, name="confirmation"),
    path("permohonan/<str:reference>/tarik/", views.withdraw, name="withdraw"),
    path("dokumen/<int:document_pk>/", views.document_download, name="document-download"),
    # Applicants (Ormas accounts)
    path("saya/", views.applicant_home, name="applicant-home"),
    path("saya/mulai/<slug:code>/", views.applicant_start, name="applicant-start"),
    path("saya/<str:reference>/", views.applicant_status, name="applicant-status"),
    path("saya/<str:reference>/surat/", views.applicant_letter, name="applicant-letter"),
]
