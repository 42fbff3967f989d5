from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path("<uuid:public_id>/", views.batch, name="batch"),
    path("<uuid:public_id>/kolom/", views.mapping, name="mapping"),
    path("<uuid:public_id>/progres/", views.progress, name="progress"),
    path("<uuid:public_id>/pilihan/", views.decide, name="decide"),
    path("<uuid:public_id>/lewati-galat/", views.skip_errors, name="skip-errors"),
    path("<uuid:public_id>/konfirmasi/", views.confirm, name="confirm"),
]
