"""Settings for `make bench`: production-like (no debug), on an SQLite file of its own per data size."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, SQLITE_OPTIONS, env_bool

DEBUG = False
SECRET_KEY = "onramp-bench-only"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("BENCH_DATABASE", str(BASE_DIR / "bench" / "data" / "wiki.sqlite3")),
        "OPTIONS": {**SQLITE_OPTIONS},
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The benchmark's 20,000 generated pages are not embedded (`make eval-search` measures semantic recall).
ONRAMP_SEMANTIC = env_bool("ONRAMP_SEMANTIC", default=False)
