from django.http import HttpResponse
from django.urls import include, path

urlpatterns = [
    path("__bench__/", lambda request: HttpResponse("ok")),
    path("", include("wadah.urls")),
]
