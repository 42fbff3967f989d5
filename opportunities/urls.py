from django.urls import path

from opportunities import views

app_name = "opportunities"
urlpatterns = [
    # Kesbangpol officers
    path("", views.offer_list, name="offer-list"),
    path("<int:pk>/", views.offer_detail, name="offer-detail"),
    # The offering partner (mitra)
    path("mitra/", views.partner_home, name="partner-home"),
    path("mitra/baru/", views.partner_offer_form, name="partner-offer-create"),
    path("mitra/<int:pk>/", views.partner_offer, name="partner-offer"),
    path("mitra/<int:pk>/ubah/", views.partner_offer_form, name="partner-offer-edit"),
    # The Ormas account
    path("saya/", views.my_board, name="my-board"),
    path("saya/<int:pk>/", views.my_offer, name="my-offer"),
]
