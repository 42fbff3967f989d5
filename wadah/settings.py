"""Wadah settings: one file, driven by the environment (see docs/configuration.md).

Development runs with no environment at all (SQLite in var/, DEBUG on). Production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; everything else has a safe default.
"""

import contextlib
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from wadah.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("WADAH_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_secret("SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "axes",
    # Only for its Swagger/Redoc assets, served from our static files (its default docs page uses a CDN).
    "ninja",
    "wadah",
    "regions",
    "accounts",
    "audit",
    "registry",
    "ormas_accounts",
    "imports",
    "workdays",
    "letters",
    "services",
    "complaints",
    "supervision",
    "fieldreports",
    "coordination",
    "guidance",
    "grants",
    "opportunities",
    "awards",
    "partnerships",
    "insights",
    "portal",
    "api",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wadah.middleware.IndonesianFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CsrfViewMiddleware, the first to read a POST body.
    "wadah.middleware.RequestLimitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wadah.middleware.NoStoreForSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireVerifiedStaffMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that a locked-out login attempt never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wadah.urls"
WSGI_APPLICATION = "wadah.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "insights.context_processors.bell",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.static"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
# SQLite (WAL) is the embedded default; PostgreSQL through DATABASE_URL is production and CI.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Server-side cursors cost a round trip per .iterator() (form choices, exports) and break behind PgBouncer.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "db.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            },
            # Persistent connections: opening SQLite and running the PRAGMAs on every request cost more than most
            # pages' queries (issue 14: a trivial page went from ~410 to ~2,500 requests/s with it).
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 600),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication and security -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "registry:ormas-list"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes: lock a username+address pair after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Reverse proxies in front of gunicorn (1 behind the README's nginx): the client address for axes and every rate
# limit is read from X-Forwarded-For, this many entries from the right (wadah/lib/clientip.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "wadah.lib.clientip.client_ip"
# Besides the username+address lockout above: failures for one username from any address, and from one address for
# any username, within the cool-off (a slow spray across addresses or accounts). Higher, so one address alone can
# never lock someone else's account (accounts.forms.LoginForm).
LOGIN_USERNAME_FAILURE_LIMIT = env_int("LOGIN_USERNAME_FAILURE_LIMIT", 30)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)

OTP_TOTP_ISSUER = "Wadah"
# Two-step verification is required of every staff role that handles personal data (accounts.models.TWO_FACTOR_ROLES).
# Only a local demo (DEBUG on, `make run`) may skip the setup step; with DEBUG off this is always False.
WADAH_DEMO_SKIP_TWO_FACTOR = DEBUG and env_bool("WADAH_DEMO_SKIP_TWO_FACTOR", False)

# The admin would otherwise show any user's TOTP secret and QR code (/kelola/otp_totp/totpdevice/<pk>/config/ and
# /qrcode/) — enough to pass their second factor; hidden, those views answer 403 (and no longer 500 for an unknown
# device, which the fuzz test found).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag; keep the default.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy: no inline scripts or styles anywhere; everything from our own origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- Internationalisation ------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["wadah.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Off on purpose: with it on, every {{ number }} in a template is grouped ("7.119"), which breaks ids, htmx
# targets, form field names and page links. Numbers people read are grouped explicitly with |intcomma.
USE_THOUSAND_SEPARATOR = False

# --- Static and uploaded files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Project data served as is: kab/kota and kecamatan boundaries for the dashboard map (data/SOURCES.md).
    ("geo", BASE_DIR / "data/geo"),
]
# Front-end packages come from npm (package-lock.json) into the git-ignored node_modules; only the files the pages
# load are collected (wadah/staticfinders.py says why).
_TABLER = BASE_DIR / "node_modules/@tabler/core/dist"
_ECHARTS_BUNDLE = BASE_DIR / "build/echarts.min.js"
VENDOR_STATIC_FILES = {
    f"vendor/tabler/{kind}/{name}": _TABLER / kind / name
    for kind, names in {"css": ["tabler.min.css"], "js": ["tabler.min.js"]}.items()
    for base in names
    for name in (base, base + ".map")
} | {
    # Guidance: the QR scanner of the check-in page (its worker is inlined) and ECharts for the capacity radar.
    "vendor/qr-scanner/qr-scanner.umd.min.js": BASE_DIR / "node_modules/qr-scanner/qr-scanner.umd.min.js",
    "vendor/qr-scanner/qr-scanner.umd.min.js.map": BASE_DIR / "node_modules/qr-scanner/qr-scanner.umd.min.js.map",
    # The scanner loads its decoder from this file beside it.
    "vendor/qr-scanner/qr-scanner-worker.min.js": BASE_DIR / "node_modules/qr-scanner/qr-scanner-worker.min.js",
    "vendor/qr-scanner/qr-scanner-worker.min.js.map": BASE_DIR / "node_modules/qr-scanner/qr-scanner-worker.min.js.map",
    # The modules the pages use (frontend/echarts.mjs, bundled by `npm ci`: ~230 KB gzipped instead of the full
    # build's ~370 KB); the full build from the package until that bundle exists.
    "vendor/echarts/echarts.min.js": _ECHARTS_BUNDLE
    if _ECHARTS_BUNDLE.exists()
    else BASE_DIR / "node_modules/echarts/dist/echarts.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "wadah.staticfinders.VendorFileFinder",
]
# Uploads live outside the web root and are only ever served through a permission check.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "private")))
# Never routed: uploads are streamed by permission-checked views. (Django needs some path here.)
MEDIA_URL = "/private-files-are-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# `manage.py backup` without a directory writes a new one in here (keep a copy off-site).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
WADAH_MAX_DOCUMENT_MB = env_int("WADAH_MAX_DOCUMENT_MB", 10)
WADAH_MAX_IMPORT_MB = env_int("WADAH_MAX_IMPORT_MB", 20)
# A whole request body (all files of one form): refused from its Content-Length before it is read, with a page that
# says so (wadah.middleware.RequestLimitsMiddleware). The default fits a complaint with its five attachments.
WADAH_MAX_REQUEST_MB = env_int("WADAH_MAX_REQUEST_MB", 5 * WADAH_MAX_DOCUMENT_MB + 1)
# Counts each file's bytes while they stream and aborts over the largest per-file cap (wadah/lib/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "wadah.lib.uploads.CappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Form fields other than files: Django refuses more than this before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# No form takes more than five files (a complaint's attachments); Django's default was 100.
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# --- Mail and background tasks ---------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wadah <noreply@localhost>")
# Development prints mail to the console; production sends through SMTP (SMTP_* variables).
MAIL_BACKEND = env_str(
    "MAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": MAIL_BACKEND,
        "OPTIONS": {
            "host": env_str("SMTP_HOST", "localhost"),
            "port": env_int("SMTP_PORT", 587),
            "username": env_str("SMTP_USER"),
            "password": env_secret("SMTP_PASSWORD"),
            "use_tls": env_bool("SMTP_USE_TLS", True),
        }
        if MAIL_BACKEND.endswith("smtp.EmailBackend")
        else {},
    }
}
# Production runs `manage.py db_worker`; development and tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env_str("TASKS_BACKEND") == "database"
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

with contextlib.suppress(ImportError):
    from wadah.local_settings import *  # noqa: F403
