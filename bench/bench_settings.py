"""Settings for the real-server load test (bench/load.py): production settings with DEBUG off, plus a trivial view.

Only three things differ from production: a trivial view is mounted (the baseline), static file URLs are not
hashed (collectstatic of the front-end packages is not what this measures; the pages only print the URLs), and the
open-data API's per-address rate limit is lifted (every request of the load test comes from one address: with the
limit the API list row would measure 429 answers).
"""

from wadah.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls_server"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
API_RATE_LIMIT_PER_MINUTE = 10**9
