from django.urls import path

from guidance import views, views_capacity, views_checkin, views_ormas

app_name = "guidance"
urlpatterns = [
    path("", views.programme_list, name="programme-list"),
    path("unduh/", views.programme_export, name="programme-export"),
    path("baru/", views.programme_form, name="programme-create"),
    path("<int:pk>/", views.programme_detail, name="programme-detail"),
    path("<int:pk>/ubah/", views.programme_form, name="programme-edit"),
    path("<int:pk>/langkah/<slug:verb>/", views.programme_move, name="programme-move"),
    path("<int:pk>/acara/baru/", views.event_form, name="event-create"),
    path("acara/", views.event_list, name="event-list"),
    path("acara/unduh/", views.event_export, name="event-export"),
    path("acara/<int:event_pk>/ubah/", views.event_form, name="event-edit"),
    path("acara/<int:pk>/", views.event_detail, name="event-detail"),
    path("acara/<int:pk>/langkah/<slug:verb>/", views.event_move, name="event-move"),
    path("acara/<int:pk>/berkas/", views.event_file_upload, name="event-file-upload"),
    path("berkas/<int:file_pk>/", views.event_file_download, name="event-file"),
    path("acara/<int:pk>/undang/", views.invite_page, name="invite"),
    path("undangan/<int:pk>/tarik/", views.invitation_withdraw, name="invitation-withdraw"),
    path("acara/<int:pk>/peserta/unduh/", views.participant_export, name="participant-export"),
    # At the venue (the check-in page works offline; see static/js/checkin.js).
    path("acara/<int:pk>/hadir/", views_checkin.checkin_page, name="checkin"),
    path("acara/<int:pk>/hadir/peserta.json", views_checkin.checkin_roster, name="checkin-roster"),
    path("acara/<int:pk>/hadir/sinkron/", views_checkin.checkin_sync, name="checkin-sync"),
    path("acara/<int:pk>/hadir/centang/", views_checkin.checkin_tick, name="checkin-tick"),
    path("acara/<int:pk>/daftar-hadir.pdf", views_checkin.attendance_pdf, name="attendance-pdf"),
    path("peserta/<int:participant_pk>/sertifikat.pdf", views_checkin.certificate_pdf, name="certificate-pdf"),
    # Public: what a certificate's QR code points to.
    path("sertifikat/<uuid:public_id>/", views_checkin.certificate_verify, name="certificate-verify"),
    # Capacity pathway.
    path("kapasitas/", views_capacity.assessment_list, name="assessment-list"),
    path("kapasitas/unduh/", views_capacity.assessment_export, name="assessment-export"),
    path("kapasitas/ormas/<int:pk>/", views_capacity.ormas_capacity, name="ormas-capacity"),
    path("kapasitas/ormas/<int:pk>/nilai/", views_capacity.assessment_new, name="assessment-new"),
    path("kapasitas/<int:pk>/", views_capacity.assessment_detail, name="assessment-detail"),
    path("kapasitas/<int:pk>/<slug:verb>/", views_capacity.assessment_decide, name="assessment-decide"),
    # An Ormas account's own pages.
    path("undangan-saya/", views_ormas.invitation_list, name="ormas-invitations"),
    path("undangan-saya/<int:pk>/", views_ormas.invitation_respond, name="ormas-invitation"),
    path("undangan-saya/peserta/<int:pk>/qr.svg", views_ormas.participant_qr, name="ormas-participant-qr"),
    path("undangan-saya/peserta/<int:pk>/sertifikat.pdf", views_ormas.certificate_pdf, name="ormas-certificate"),
    path("penilaian-mandiri/", views_ormas.self_assessment, name="self-assessment"),
]
