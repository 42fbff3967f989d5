from django.urls import path

from insights import file_views, notification_views, views

app_name = "insights"
urlpatterns = [
    path("", views.home, name="home"),
    path("peta.json", views.map_data, name="map-data"),
    path("unduh/<slug:key>.xlsx", views.table_export, name="export"),
    path("mutu-data/<slug:check>/", views.quality_detail, name="quality"),
    # Exports of the staff lists (the same query string as the list), recaps, and the files built in the background.
    path("ekspor/<slug:key>/", file_views.export_list, name="list-export"),
    path("rekap/", file_views.recap_start, name="recap"),
    path("berkas/", file_views.job_list, name="jobs"),
    path("berkas/<int:pk>/", file_views.job_detail, name="job"),
    path("berkas/<int:pk>/unduh/<slug:what>/", file_views.job_download, name="job-download"),
    path("notifikasi/", notification_views.notification_list, name="notifications"),
    path("notifikasi/<int:pk>/", notification_views.notification_open, name="notification-open"),
    path("notifikasi/baca-semua/", notification_views.notification_read_all, name="notifications-read-all"),
]
