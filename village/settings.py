"""Village settings: one file, every value from the environment with a safe default.

Every variable read here is listed, with its default, in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)
# The fallback key is only for a laptop: production sets SECRET_KEY (check --deploy insists).
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "village-insecure-development-key-change-me-in-production"
)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = os.environ.get("SITE_NAME", "Village")
# The public address, for links in emails sent from the background worker.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "village.common",
    "village.ip_addresses",
    "village.accounts",
    "village.experts",
    "village.topics",
    "village.notifications",
    "village.questions",
    "village.moderation",
    "village.people",
    "village.privacy",
    "village.search",
    "village.importers",
    "village.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "village.common.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "village.common.pagecache.CsrfPlaceholderMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "village.common.pagecache.ForgetPagesOnWriteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "village.common.honeypot.HoneypotMiddleware",
    "village.accounts.two_factor.TwoFactorMiddleware",
]

ROOT_URLCONF = "village.urls"
WSGI_APPLICATION = "village.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "village.common.context_processors.site",
                "village.notifications.context_processors.unread",
                "village.accounts.context_processors.security",
                "village.common.pagecache.csrf_placeholder",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# Default: a SQLite file under var/, in WAL mode so readers never wait for the writer, with a
# busy timeout and IMMEDIATE write transactions so concurrent writers queue instead of failing
# with "database is locked" half-way through a transaction.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=5000;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 5,
}
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'village.sqlite3'}"
# Connections are kept open between requests (each gunicorn worker holds one), checked before
# reuse; CONN_MAX_AGE=0 opens one per request.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=envint("CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # The reads every page makes (common/prepared.py) are prepared by the server once per
    # connection, so it plans them once. Django's own queries are bound on the client and never
    # prepared. Behind pgbouncer in transaction mode, give it max_prepared_statements or set
    # PREPARED_STATEMENTS=false.
    if envbool("PREPARED_STATEMENTS", True):
        DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["village.accounts.backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "village.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "village.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# The link in the confirmation email confirms on a click and signs the person in (in the
# browser they signed up in), taking them where they were going.
ACCOUNT_CONFIRM_EMAIL_ON_GET = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = envint("EMAIL_CONFIRMATION_EXPIRE_DAYS", 3)
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Rate limits (allauth counts them in the cache: per process locally, shared through Redis
# in production). "ip" is per address, "key" per email address tried.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Village"

# Sessions are only written when someone signs in or changes something: a visitor who reads
# never gets a session row. They are kept in the database and read through the shared cache
# (diskcache on one machine, Redis in production), so a member's page view costs no session
# query; the database copy outlives any clearing of the cache.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG and envbool("HTTPS", False))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_SAMESITE = "Lax"

# --- Security headers ---------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = envbool("HTTPS", False)
# Behind HTTPS, browsers are told to use nothing else for a year (HSTS); 0 turns it off.
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if envbool("HTTPS", False) else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("HTTPS", False) else None

# --- Email --------------------------------------------------------------------------------
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Village <hello@village.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    # No SMTP server configured: each message is written as a file under var/mail/.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")

# --- Background tasks ---------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Cache --------------------------------------------------------------------------------
# One machine: a cache on disk (diskcache, SQLite underneath) that every process on it shares,
# so rate limits, the notification bell and cached pages agree across gunicorn workers and the
# task worker. Reads come from the page cache of the operating system: tens of microseconds.
CACHES = {
    "default": {
        "BACKEND": "village.common.cache.DiskCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
        "SHARDS": 4,
        "DATABASE_TIMEOUT": 1.0,
        "OPTIONS": {"size_limit": 512 * 2**20, "disk_min_file_size": 2**20},
    }
}
# Whole pages are kept this many seconds, for visitors (no session cookie) alike and for each
# member alone: the most a view of a question, the home feed or a topic can lag behind other
# people's changes. A member's own changes show at once (common/pagecache.py). 0 turns it off.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 5)
# Rendered answers (with their replies) are kept this long, for everyone who sees them alike;
# any change to what they show gives them a new key, so this only bounds how long "3 minutes
# ago" can stay as it was. 0 turns it off.
FRAGMENT_CACHE_SECONDS = envint("FRAGMENT_CACHE_SECONDS", 60)
# Search ranks the newest this-many matches of a query (all of them, when there are fewer):
# the cost of a common word stays flat as the community grows. See search/engines.py.
SEARCH_RANK_WINDOW = envint("SEARCH_RANK_WINDOW", 3000)

# --- Production profile: Redis ------------------------------------------------------------
# With REDIS_URL, everything a web server would otherwise keep to itself is shared: the cache
# (and allauth's rate limits in it), sessions (read from the cache, kept in the database), and
# the task queue (RQ, run by `manage.py rqworker`). REDIS_QUEUE_URL puts the queue in another
# Redis database, so clearing the cache can never drop queued work.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "village.common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "village",
        }
    }
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_QUEUE_URL") or REDIS_URL}}
    TASKS = {
        "default": {"BACKEND": "village.common.task_backends.RQBackend", "QUEUES": ["default"]}
    }

# --- Static files and uploads -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Serve uploads (avatars) from MEDIA_ROOT through Django: right for one machine; with several
# web servers, point the "default" storage at shared object storage and turn this off.
SERVE_MEDIA = envbool("SERVE_MEDIA", True)
# A form's text, as browsers send it (URL-encoded, "<" as "%3C"): enough that a 1 MB paste
# reaches the form, which then says it's too long and keeps it, instead of a bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("MAX_FORM_BYTES", 10 * 1024 * 1024)
STORAGES = {
    # MEDIA_STORAGE: any Django storage class, e.g. storages.backends.s3.S3Storage from
    # django-storages (configured by its own AWS_* variables); see docs/deployment.md.
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Email delivery retries: the first retry after EMAIL_RETRY_BASE_SECONDS, doubling each time,
# never more than EMAIL_RETRY_MAX_SECONDS apart. Mail is never dropped.
EMAIL_RETRY_BASE_SECONDS = envint("EMAIL_RETRY_BASE_SECONDS", 30)
EMAIL_RETRY_MAX_SECONDS = envint("EMAIL_RETRY_MAX_SECONDS", 3600)

# Notification emails on a schedule (manage.py run_scheduler, or cron; see README): the daily
# summary goes from DAILY_SUMMARY_HOUR (local time), the weekly digest from DIGEST_WEEKDAY
# (ISO: 1 Monday ... 7 Sunday) at DIGEST_HOUR. Each address gets each edition once.
DAILY_SUMMARY_HOUR = envint("DAILY_SUMMARY_HOUR", 7)
DIGEST_WEEKDAY = envint("DIGEST_WEEKDAY", 6)
DIGEST_HOUR = envint("DIGEST_HOUR", 8)

# --- Moderation and spam defence ------------------------------------------------------------
# Flags from this many different members hide a post until a moderator decides.
FLAGS_TO_HIDE = envint("FLAGS_TO_HIDE", 3)
# Safeguarding flags are emailed at once to these addresses (comma-separated), as well as to
# members of the "Safeguarding leads" group.
SAFEGUARDING_LEADS = envlist("SAFEGUARDING_LEADS", "")
# The same text from the same member is refused once posted this many times in a day.
REPEATED_TEXT_PER_DAY = envint("REPEATED_TEXT_PER_DAY", 5)
# IP addresses (kept when a member signs up, signs in, asks, answers, replies or flags) are
# erased after this many days by the scheduler (or `manage.py erase_old_addresses`); 0 keeps none.
IP_RETENTION_DAYS = envint("IP_RETENTION_DAYS", 30)
# A new member (joined fewer than NEW_MEMBER_DAYS days ago and with fewer than NEW_MEMBER_POSTS
# published posts) may put at most NEW_MEMBER_MAX_LINKS links in a post or their bio. Experts,
# staff writers and moderators are exempt.
NEW_MEMBER_DAYS = envint("NEW_MEMBER_DAYS", 7)
NEW_MEMBER_POSTS = envint("NEW_MEMBER_POSTS", 3)
NEW_MEMBER_MAX_LINKS = envint("NEW_MEMBER_MAX_LINKS", 2)

# Privacy: how long a "Download my data" link works, and the grace period before an account
# deletion is carried out (`manage.py privacy_housekeeping`, run by the scheduler).
DATA_EXPORT_DAYS = envint("DATA_EXPORT_DAYS", 7)
ACCOUNT_DELETION_GRACE_DAYS = envint("ACCOUNT_DELETION_GRACE_DAYS", 3)

# Limits on writes, per member (or per address for visitors), shared through the cache.
POST_RATE_LIMITS = {
    "ask": os.environ.get("RATE_LIMIT_ASK", "10/h"),
    "answer": os.environ.get("RATE_LIMIT_ANSWER", "30/h"),
    "reply": os.environ.get("RATE_LIMIT_REPLY", "60/h"),
    "vote": os.environ.get("RATE_LIMIT_VOTE", "120/h"),
    "flag": os.environ.get("RATE_LIMIT_FLAG", "30/h"),
}
