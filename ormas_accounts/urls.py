from django.urls import path

from ormas_accounts import views

# Under /akun/ beside accounts' own URLs (the paths were there before the app was split off).
app_name = "ormas_accounts"
urlpatterns = [
    # Public: an Ormas registers an account.
    path("daftar/", views.register, name="register"),
    path("daftar/cari-ormas/", views.register_search, name="register-search"),
    path("daftar/terkirim/", views.register_done, name="register-done"),
    # An Ormas account's own pages (no Ormas id in any URL: the account's Ormas is the only one).
    path("menunggu/", views.ormas_waiting, name="ormas-waiting"),
    path("ormas/", views.ormas_home, name="ormas-home"),
    # Officers: confirm or reject account requests of Ormas in their scope.
    path("permintaan/", views.account_requests, name="account-requests"),
    path("permintaan/<int:pk>/", views.account_request_detail, name="account-request"),
    path("permintaan/<int:pk>/dokumen/", views.account_request_document, name="account-request-document"),
    path("permintaan/<int:pk>/konfirmasi/", views.account_request_confirm, name="account-request-confirm"),
    path("permintaan/<int:pk>/tolak/", views.account_request_reject, name="account-request-reject"),
]
