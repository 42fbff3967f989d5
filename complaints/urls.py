from django.urls import path

from complaints import views

# Mounted at pengaduan/ after the portal, whose public complaint pages (pengaduan/, baru/, status/, …) come first.
app_name = "complaints"
urlpatterns = [
    path("daftar/", views.complaint_list, name="list"),
    path("terima/", views.complaint_intake, name="intake"),
    path("terima/cari-ormas/", views.intake_ormas_search, name="intake-search"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/telaah/", views.complaint_start_triage, name="start-triage"),
    path("<int:pk>/gabung/", views.complaint_group, name="group"),
    path("<int:pk>/rujuk-polisi/", views.complaint_refer, name="refer"),
    path("<int:pk>/buka-kasus/", views.complaint_open_case, name="open-case"),
    path("<int:pk>/tidak-dapat-ditindaklanjuti/", views.complaint_not_actionable, name="not-actionable"),
    path("<int:pk>/tutup/", views.complaint_close, name="close"),
    path("<int:pk>/perkembangan/", views.complaint_progress, name="progress"),
    path("lampiran/<int:attachment_pk>/", views.attachment_download, name="attachment"),
]
