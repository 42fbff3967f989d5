from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("verifikasi/", views.otp_verify, name="otp-verify"),
    path("verifikasi/atur/", views.otp_setup, name="otp-setup"),
    # Public: anyone resets a forgotten password by e-mail.
    path("lupa-sandi/", views.PasswordResetView.as_view(), name="password-reset"),
    path("lupa-sandi/terkirim/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("lupa-sandi/selesai/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
    path("lupa-sandi/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
]
