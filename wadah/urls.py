from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from wadah.views import service_worker

urlpatterns = [
    path("", include("portal.urls")),
    path("akun/", include("accounts.urls")),
    path("akun/", include("ormas_accounts.urls")),
    path("registri/", include("registry.urls")),
    path("impor/", include("imports.urls")),
    path("wilayah/", include("regions.urls")),
    path("layanan/", include("services.urls")),
    path("surat/", include("letters.urls")),
    path("pengaduan/", include("complaints.urls")),
    path("pengawasan/", include("supervision.urls")),
    path("laporan-lapangan/", include("fieldreports.urls")),
    path("koordinasi/", include("coordination.urls")),
    path("pembinaan/", include("guidance.urls")),
    path("dasbor/", include("insights.urls")),
    path("api/v1/", include("api.urls")),
    path("hibah/", include("grants.urls")),
    path("peluang/", include("opportunities.urls")),
    path("penghargaan/", include("awards.urls")),
    path("kemitraan/", include("partnerships.urls")),
    path("bahasa/", set_language, name="set_language"),
    # At the root, so that its scope covers the field pages (docs/decisions/0010).
    path("sw.js", service_worker, name="service-worker"),
    path("kelola/", admin.site.urls),
]
