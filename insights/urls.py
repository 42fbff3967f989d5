from django.urls import path

from insights import views

app_name = "insights"
urlpatterns = [
    path("", views.home, name="home"),
    path("peta.json", views.map_data, name="map-data"),
    path("unduh/<slug:key>.xlsx", views.table_export, name="export"),
    path("mutu-data/<slug:check>/", views.quality_detail, name="quality"),
]
