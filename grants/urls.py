from django.urls import path

from grants import views

app_name = "grants"
urlpatterns = [
    path("", views.proposal_list, name="proposal-list"),
    path("ekspor.xlsx", views.proposal_export, name="proposal-export"),
    path("jendela/<int:window_pk>/loket/", views.counter_create, name="counter-create"),
    path("proposal/<str:reference>/", views.proposal_detail, name="proposal-detail"),
    path("proposal/<str:reference>/dokumen/<int:document_pk>/", views.document_download, name="document"),
    path("kelayakan/<int:ormas_pk>/", views.eligibility_json, name="eligibility"),
    path("saya/", views.my_grants, name="my-grants"),
    path("saya/jendela/<int:window_pk>/ajukan/", views.my_propose, name="my-propose"),
    path("saya/<str:reference>/", views.my_proposal, name="my-proposal"),
]
