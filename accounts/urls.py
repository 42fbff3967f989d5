from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("verifikasi/", views.otp_verify, name="otp-verify"),
    path("verifikasi/atur/", views.otp_setup, name="otp-setup"),
]
