from django.urls import path

from complaints import public as complaints
from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    # The public register (directory and one card per Ormas); the API at /api/v1/ serves the same data.
    path("direktori/", views.directory, name="directory"),
    path("direktori/<uuid:public_id>/", views.ormas_card, name="ormas-card"),
    path("direktori/<uuid:public_id>/logo/", views.ormas_logo, name="ormas-logo"),
    path("layanan-ormas/", views.services, name="services"),
    path("kantor/", views.offices, name="offices"),
    path("tanya-jawab/", views.faq, name="faq"),
    # Public letter verification: what the QR code on every letter points to, and a lookup by number and date.
    path("v/<uuid:public_id>/", views.letter_verify, name="letter-verify"),
    path("verifikasi/", views.letter_lookup, name="letter-lookup"),
    # Public complaints (pengaduan): no login; the views live in complaints/public.py.
    path("pengaduan/", complaints.complaint_start, name="complaint-start"),
    path("pengaduan/baru/", complaints.complaint_new, name="complaint-new"),
    path("pengaduan/baru/cari-ormas/", complaints.complaint_ormas_search, name="complaint-ormas-search"),
    path("pengaduan/baru/wilayah/", complaints.complaint_regions, name="complaint-regions"),
    path("pengaduan/terkirim/", complaints.complaint_done, name="complaint-done"),
    path("pengaduan/status/", complaints.complaint_status, name="complaint-status"),
    # What an Ormas keeps off its public card: its request, and the officers' decision.
    path("akun/publikasi/", views.withholding_new, name="withholding-new"),
    path("akun/publikasi/<int:pk>/tarik/", views.withholding_withdraw, name="withholding-withdraw"),
    path("publikasi/permintaan/", views.withholding_list, name="withholding-list"),
    path("publikasi/permintaan/<int:pk>/", views.withholding_decide, name="withholding-decide"),
]
