from django.urls import path

from awards import views

app_name = "awards"
urlpatterns = [
    path("", views.round_list, name="round-list"),
    path("<int:pk>/", views.round_detail, name="round-detail"),
]
