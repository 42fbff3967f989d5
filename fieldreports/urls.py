from django.urls import path

from fieldreports import views

app_name = "fieldreports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("baru/", views.report_create, name="create"),
    path("ormas/", views.ormas_options, name="ormas-options"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/ubah/", views.report_edit, name="edit"),
    path("<int:pk>/simpan/", views.report_autosave, name="autosave"),
    path("<int:pk>/lampirkan/", views.report_attach, name="attach"),
    path("<int:pk>/bagikan/", views.report_share, name="share"),
    path("foto/<int:photo_pk>/", views.photo_view, name="photo"),
]
