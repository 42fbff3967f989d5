from django.urls import path

from regions import views

app_name = "regions"
urlpatterns = [path("pilihan/", views.options, name="options")]
