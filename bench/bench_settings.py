"""Settings for the real-server load test (bench/load.py): production settings with DEBUG off, plus a trivial view.

Only two things differ from production: a trivial view is mounted (the baseline), and static file URLs are not
hashed (collectstatic of the front-end packages is not what this measures; the pages only print the URLs).
"""

from wadah.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls_server"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
