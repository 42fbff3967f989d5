from django.urls import path

from supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("baru/", views.case_open, name="case-open"),
    path("<str:reference>/", views.case_detail, name="case-detail"),
    path("<str:reference>/ekspor/", views.case_export, name="case-export"),
    path("<str:reference>/langkah/<slug:action>/", views.case_step, name="case-step"),
    path("<str:reference>/langkah/<int:step_pk>/tanggapan/", views.response_add, name="response-add"),
    path("<str:reference>/catatan/", views.note_add, name="note-add"),
    path("<str:reference>/dokumen/", views.document_add, name="document-add"),
    path("<str:reference>/dokumen/<int:pk>/unduh/", views.document_download, name="document-download"),
    path("<str:reference>/pertemuan/", views.meeting_add, name="meeting-add"),
    path("<str:reference>/mediasi/", views.mediation_add, name="mediation-add"),
    path("<str:reference>/anggota/", views.member_add, name="member-add"),
    path("<str:reference>/<slug:kind>/<int:pk>/", views.item_detail, name="item-detail"),
    path("<str:reference>/<slug:kind>/<int:pk>/bagikan/", views.item_share, name="item-share"),
    path(
        "<str:reference>/<slug:kind>/<int:pk>/bagikan/<int:agency_pk>/hapus/", views.item_unshare, name="item-unshare"
    ),
]
