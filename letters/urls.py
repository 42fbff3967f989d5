from django.urls import path

from letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="list"),
    path("<int:pk>/", views.letter_detail, name="detail"),
    path("<int:pk>/pdf/", views.letter_pdf, name="pdf"),
    path("<int:pk>/cabut/", views.letter_revoke, name="revoke"),
    path("<int:pk>/pindaian/", views.scan_attach, name="scan-attach"),
    path("pindaian/<int:scan_pk>/", views.scan_download, name="scan"),
]
