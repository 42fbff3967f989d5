from django.urls import path

from partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("", views.network_view, name="network"),
    path("pemeriksaan-pengurus/", views.board_checks, name="checks"),
    path("usulan/", views.proposals, name="proposals"),
    path("cari-ormas/", views.ormas_search, name="ormas-search"),
    path("ormas/<int:pk>/", views.ormas_network, name="ormas"),
    path("ormas/<int:pk>/catat/", views.record, name="record"),
    path("ormas/<int:pk>/badan-usaha/baru/", views.unit_new, name="unit-new"),
    path("tautan/<int:pk>/", views.partnership_detail, name="detail"),
    path("tautan/<int:pk>/dokumen/<int:document_pk>/", views.document_download, name="document"),
    path("badan-usaha/<int:pk>/", views.unit_detail, name="unit"),
    path("badan-usaha/<int:pk>/ubah/", views.unit_edit, name="unit-edit"),
    path("pemberdayaan/", views.empowerment_view, name="empowerment"),
    path("pemberdayaan/unduh.xlsx", views.empowerment_export, name="empowerment-export"),
    path("saya/", views.mine, name="mine"),
    path("saya/usul/", views.propose, name="propose"),
    path("saya/badan-usaha/baru/", views.my_unit_new, name="my-unit-new"),
]
