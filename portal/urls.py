from django.urls import path

from complaints import public as complaints
from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
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
]
