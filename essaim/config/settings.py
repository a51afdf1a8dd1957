"""Essaim settings: one module, driven by environment variables (see README)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from exc


DATA_DIR = Path(env("ESSAIM_DATA_DIR", "./essaim-data")).resolve()


def _secret_key() -> str:
    key = env("ESSAIM_SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
DEBUG = env("ESSAIM_DEBUG") in ("1", "true", "yes")
DOMAIN = env("ESSAIM_DOMAIN", "127.0.0.1:8000")
ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = [f"https://{DOMAIN}", f"http://{DOMAIN}"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "essaim.core",
    "essaim.accounts",
    "essaim.graph",
    "essaim.posts",
    "essaim.timelines",
    "essaim.notifications",
    "essaim.oauth",
    "essaim.api",
    "essaim.web",
    "essaim.realtime",
    "essaim.media",
    "essaim.polls",
    "essaim.communities",
    "essaim.mastodon_api",
    "essaim.advocacy",
    "essaim.articles",
    "essaim.links",
    "essaim.trends",
    "essaim.search",
    "essaim.watches",
    "essaim.filters",
    "essaim.privacy",
    "essaim.importers",
    "essaim.insight",
    "essaim.audit",
    "essaim.moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "essaim.core.csp.ContentSecurityPolicyMiddleware",
    "essaim.core.middleware.RefuseNulMiddleware",
    "essaim.audit.middleware.AuditRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "essaim.accounts.middleware.UserLanguageMiddleware",
    "essaim.accounts.middleware.RequireTwoFactorMiddleware",
    "essaim.timelines.middleware.ActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "essaim.config.urls"
ASGI_APPLICATION = "essaim.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "essaim.web.context.essaim",
            ],
        },
    }
]

# --- Database: SQLite (WAL, IMMEDIATE) by default, PostgreSQL by URL ---------------
DATABASE_URL = env("ESSAIM_DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql") and \
            env("ESSAIM_DATABASE_POOL", "1") not in ("0", "false", "no"):
        # Under ASGI every request runs in a thread of its own: without a pool each one would
        # open (and PostgreSQL fork) a new connection. ESSAIM_DATABASE_POOL=0 turns it off
        # (behind PgBouncer, for instance).
        DATABASES["default"]["OPTIONS"] = {"pool": {
            "min_size": env_int("ESSAIM_DATABASE_POOL_MIN", 2),
            "max_size": env_int("ESSAIM_DATABASE_POOL_MAX", 10), "timeout": 10}}
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = 60
else:
    DATABASES = {
        "default": {
            # Django's SQLite, keeping connections from one request to the next
            "ENGINE": "essaim.core.sqlite",
            "NAME": DATA_DIR / "essaim.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA cache_size=-32000;"
                    # Checkpoint the log every 40 MB rather than 4: a fan-out touches pages
                    # all over the timeline index, and pages written again and again between
                    # two checkpoints are copied back once (twice the insertions per second).
                    "PRAGMA wal_autocheckpoint=10000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache (rate limits, timelines) when configured -----------------------
REDIS_URL = env("ESSAIM_REDIS_URL")
ESSAIM_REALTIME_BROKER = env("ESSAIM_REALTIME_BROKER", "") or (
    "essaim.realtime.broker.redis.RedisBroker" if REDIS_URL
    else "essaim.realtime.broker.inprocess.InProcessBroker")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "essaim",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Entries of each in-process cache (posts, accounts, tokens) of a web process, embedded default.
ESSAIM_CACHE_ENTRIES = env_int("ESSAIM_CACHE_ENTRIES", 20_000)

# --- Background work: in the request (default) or a Redis queue run by `essaim worker` ---
ESSAIM_TASK_BACKEND = env("ESSAIM_TASK_BACKEND", "immediate")
if ESSAIM_TASK_BACKEND == "redis":
    if not REDIS_URL:
        raise SystemExit("ESSAIM_TASK_BACKEND=redis needs ESSAIM_REDIS_URL")
    TASKS = {"default": {"BACKEND": "essaim.core.tasks_redis.RedisTaskBackend",
                         "OPTIONS": {"url": REDIS_URL,
                                     "prefix": env("ESSAIM_TASK_PREFIX", "essaim:tasks")}}}
elif ESSAIM_TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise SystemExit(f"ESSAIM_TASK_BACKEND is 'immediate' or 'redis', got {ESSAIM_TASK_BACKEND!r}")
ESSAIM_TASK_MAX_ATTEMPTS = env_int("ESSAIM_TASK_MAX_ATTEMPTS", 5)
# Seconds without a heartbeat after which a worker counts as dead and its work is taken back.
ESSAIM_WORKER_HEARTBEAT = env_int("ESSAIM_WORKER_HEARTBEAT", 30)
# Insight: company aggregates cover groups of at least this many people (never below 5).
ESSAIM_INSIGHT_MIN_GROUP = max(5, env_int("ESSAIM_INSIGHT_MIN_GROUP", 5))

# --- Engines ---------------------------------------------------------------------
_TIMELINE_STORES = {
    "db": "essaim.timelines.engine.db.DatabaseTimelineStore",
    "redis": "essaim.timelines.engine.redis.RedisTimelineStore",
}
_store = env("ESSAIM_TIMELINE_STORE", "redis" if REDIS_URL else "db")
if _store not in _TIMELINE_STORES or (_store == "redis" and not REDIS_URL):
    raise SystemExit("ESSAIM_TIMELINE_STORE is 'db', or 'redis' with ESSAIM_REDIS_URL set")
ESSAIM_TIMELINE_STORE = _TIMELINE_STORES[_store]
_SEARCH_ENGINES = {
    "sqlite": ("essaim.search.engine.sqlite_fts.SqliteFtsEngine", "sqlite"),
    "postgres": ("essaim.search.engine.postgres.PostgresEngine", "postgresql"),
}
_db_vendor = "postgresql" if "postgresql" in DATABASES["default"]["ENGINE"] else "sqlite"
_search = env("ESSAIM_SEARCH_ENGINE", "postgres" if _db_vendor == "postgresql" else "sqlite")
if _search not in _SEARCH_ENGINES or _SEARCH_ENGINES[_search][1] != _db_vendor:
    raise SystemExit("ESSAIM_SEARCH_ENGINE is 'sqlite' on SQLite or 'postgres' on PostgreSQL")
ESSAIM_SEARCH_ENGINE = _SEARCH_ENGINES[_search][0]
ESSAIM_TIMELINE_MAX = env_int("ESSAIM_TIMELINE_MAX", 800)  # entries kept per home timeline
ESSAIM_FANOUT_BATCH = env_int("ESSAIM_FANOUT_BATCH", 1000)  # timelines per fan-out task
# Fan-out reaches people active in the last N days; the others are rebuilt when they return.
ESSAIM_ACTIVE_DAYS = env_int("ESSAIM_ACTIVE_DAYS", 14)
# Threads per web process running requests' synchronous code (0: a new thread per request)
ESSAIM_WEB_THREADS = env_int("ESSAIM_WEB_THREADS", 1)
# Accounts with at least this many followers are merged into homes when read, not fanned out.
ESSAIM_BROADCAST_FOLLOWERS = env_int("ESSAIM_BROADCAST_FOLLOWERS", 1000)

# --- Auth --------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["essaim.accounts.backends.UsernameOrEmailBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

SECURE = env("ESSAIM_SECURE_COOKIES", "0") in ("1", "true", "yes")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if SECURE:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Limits ------------------------------------------------------------------------
ESSAIM_POST_MAX_CHARS = env_int("ESSAIM_POST_MAX_CHARS", 500)
ESSAIM_ARTICLE_MAX_CHARS = env_int("ESSAIM_ARTICLE_MAX_CHARS", 50_000)  # Markdown body
ESSAIM_ARTICLE_COVER_MAX_BYTES = env_int("ESSAIM_ARTICLE_COVER_MAX_BYTES", 5 * 1024 * 1024)
ESSAIM_AVATAR_MAX_BYTES = env_int("ESSAIM_AVATAR_MAX_BYTES", 5 * 1024 * 1024)
ESSAIM_UPLOAD_MAX_BYTES = env_int("ESSAIM_UPLOAD_MAX_BYTES", 25 * 1024 * 1024)  # community files
ESSAIM_RATE_LOGIN = env("ESSAIM_RATE_LOGIN", "10/300")  # attempts / seconds
ESSAIM_RATE_POST = env("ESSAIM_RATE_POST", "60/60")
ESSAIM_RATE_REPORT = env("ESSAIM_RATE_REPORT", "10/600")  # reports / seconds per person
# Ambassadors and reach
ESSAIM_RATE_VISIT = env("ESSAIM_RATE_VISIT", "30/60")  # tracked-link openings per address
ESSAIM_EMV_CPM = float(env("ESSAIM_EMV_CPM", "8.0"))  # earned media value per 1,000 impressions
ESSAIM_EMV_CPC = float(env("ESSAIM_EMV_CPC", "1.5"))  # earned media value per external visit
ESSAIM_EMV_CURRENCY = env("ESSAIM_EMV_CURRENCY", "EUR")
ESSAIM_VIEWS_FLUSH_SECONDS = float(env("ESSAIM_VIEWS_FLUSH_SECONDS", "5"))
ESSAIM_INTERNAL_VIEWS = env("ESSAIM_INTERNAL_VIEWS", "1") not in ("0", "false", "no")
# Link preview cards (docs/links.md): off unless an administrator turns them on.
ESSAIM_LINK_PREVIEWS = env("ESSAIM_LINK_PREVIEWS", "0") in ("1", "true", "yes", "on")
# The weekly Amplify digest, sent by itself from busy pages ("0": only `essaim amplify digest`).
ESSAIM_AMPLIFY_DIGEST = env("ESSAIM_AMPLIFY_DIGEST", "1") in ("1", "true", "yes", "on")
ESSAIM_LINK_PREVIEW_TIMEOUT = 5.0  # seconds for a whole fetch, redirects included
ESSAIM_LINK_PREVIEW_MAX_BYTES = 1024 * 1024  # read at most this much of a page
ESSAIM_LINK_PREVIEW_MAX_REDIRECTS = 3
ESSAIM_LINK_PREVIEW_PORTS = (80, 443)
ESSAIM_LINK_PREVIEW_ALLOW_LOOPBACK = False  # tests only (a page served by the test itself)
# Where rate-limit counters live: the database (cannot be evicted) or the cache (Redis at scale).
ESSAIM_RATE_STORE = env("ESSAIM_RATE_STORE", "cache" if REDIS_URL else "db")
if ESSAIM_RATE_STORE not in ("db", "cache"):
    raise SystemExit("ESSAIM_RATE_STORE is 'db' or 'cache'")
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Internationalisation ----------------------------------------------------------
LANGUAGE_CODE = env("ESSAIM_LANGUAGE", "en")
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Files -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from finders until collected
WHITENOISE_USE_FINDERS = True
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "essaim.web.finders.PackagedStaticFinder",  # front-end libraries shipped in packages
]
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
# Who sends a permission-checked file: Django ("none"), nginx ("x-accel-redirect", internal
# location ESSAIM_MEDIA_ACCEL_PREFIX) or Apache/lighttpd ("x-sendfile").
ESSAIM_MEDIA_OFFLOAD = env("ESSAIM_MEDIA_OFFLOAD", "none")
if ESSAIM_MEDIA_OFFLOAD not in ("none", "x-accel-redirect", "x-sendfile"):
    raise SystemExit("ESSAIM_MEDIA_OFFLOAD is 'none', 'x-accel-redirect' or 'x-sendfile'")
ESSAIM_MEDIA_ACCEL_PREFIX = env("ESSAIM_MEDIA_ACCEL_PREFIX", "/_protected/")
ESSAIM_MEDIA_URL_TTL = env_int("ESSAIM_MEDIA_URL_TTL", 6 * 3600)  # signed image addresses
MEDIA_ROOT = DATA_DIR / "media"

# --- E-mail (invitations): off unless ESSAIM_EMAIL_URL is set -------------------------
EMAIL_URL = env("ESSAIM_EMAIL_URL")  # smtp://user:password@host:587 or smtps://…:465
ESSAIM_EMAIL_ENABLED = bool(EMAIL_URL)
if EMAIL_URL:
    from urllib.parse import unquote, urlparse

    _mail = urlparse(EMAIL_URL)
    if _mail.scheme not in ("smtp", "smtps") or not _mail.hostname:
        raise SystemExit("ESSAIM_EMAIL_URL must look like smtp://user:password@host:587")
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_USE_TLS = _mail.scheme == "smtp" and EMAIL_PORT != 25
    EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("ESSAIM_EMAIL_FROM", f"Essaim <noreply@{DOMAIN.split(':')[0]}>")

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("ESSAIM_LOG_LEVEL", "WARNING")},
}
