from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("verifikasi/", views.otp_verify, name="otp-verify"),
    path("verifikasi/atur/", views.otp_setup, name="otp-setup"),
    # Public: an Ormas registers an account, and anyone resets a forgotten password by e-mail.
    path("daftar/", views.register, name="register"),
    path("daftar/cari-ormas/", views.register_search, name="register-search"),
    path("daftar/terkirim/", views.register_done, name="register-done"),
    path("lupa-sandi/", views.PasswordResetView.as_view(), name="password-reset"),
    path("lupa-sandi/terkirim/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("lupa-sandi/selesai/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
    path("lupa-sandi/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
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
