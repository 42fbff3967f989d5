from django.urls import path

from registry import views

app_name = "registry"
urlpatterns = [
    path("", views.ormas_list, name="ormas-list"),
    path("unduh/", views.ormas_export, name="ormas-export"),
    path("baru/", views.ormas_create, name="ormas-create"),
    path("<int:pk>/", views.ormas_detail, name="ormas-detail"),
    path("<int:pk>/ubah/", views.ormas_edit, name="ormas-edit"),
    path("<int:pk>/status/", views.ormas_status, name="ormas-status"),
    path("<int:pk>/logo/", views.ormas_logo, name="ormas-logo"),
    path("<int:pk>/logo/mirip/<int:other_pk>/", views.similar_logo, name="similar-logo"),
    path("lambang/<int:emblem_pk>/", views.emblem_image, name="emblem-image"),
    path("<int:pk>/riwayat/", views.ormas_history, name="ormas-history"),
    path("<int:pk>/kepengurusan/baru/", views.chapter_form, name="chapter-create"),
    path("<int:pk>/kepengurusan/<int:chapter_pk>/ubah/", views.chapter_form, name="chapter-edit"),
    path("<int:pk>/kepengurusan/<int:chapter_pk>/pengurus/baru/", views.board_add, name="board-add"),
    path("<int:pk>/pengurus/<int:seat_pk>/selesai/", views.seat_end, name="seat-end"),
    path("<int:pk>/orang/<int:person_pk>/nik/", views.person_nik, name="person-nik"),
    path("<int:pk>/orang/<int:person_pk>/ubah/", views.person_edit, name="person-edit"),
    path("<int:pk>/dokumen/baru/", views.document_upload, name="document-upload"),
    path("<int:pk>/dokumen/<int:document_pk>/arsipkan/", views.document_archive, name="document-archive"),
    path("dokumen/<int:document_pk>/", views.document_download, name="document-download"),
    path("cek-nama/", views.name_check, name="name-check"),
]
