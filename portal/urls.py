from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    # Public letter verification: what the QR code on every letter points to, and a lookup by number and date.
    path("v/<uuid:public_id>/", views.letter_verify, name="letter-verify"),
    path("verifikasi/", views.letter_lookup, name="letter-lookup"),
]
