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
    path("<str:reference>/langkah/<int:step_pk>/penyampaian/", views.delivery_add, name="delivery-add"),
    path("<str:reference>/draf/<int:pk>/putuskan/", views.draft_decide, name="draft-decide"),
    path("<str:reference>/draf/<int:pk>/kembalikan/", views.draft_return, name="draft-return"),
    path("<str:reference>/pelanggaran/", views.case_classify, name="case-classify"),
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
