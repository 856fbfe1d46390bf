"""Settings of the suite: the portal's own, with what makes tests fast and repeatable.

The database and the cache still come from the environment, so the same suite runs on SQLite
and local memory, or on PostgreSQL (`DATABASE_URL`) and Redis (`CACHE_URL`).
"""

import os
import tempfile
from pathlib import Path

TEST_SECRET_KEY = "django-insecure-test-key-of-the-suite-never-used-in-production"

# The portal's settings refuse to load without a secret key outside debug.
os.environ.setdefault("DJANGO_SECRET_KEY", TEST_SECRET_KEY)

from portal.settings import *  # noqa: E402, F403
from portal.settings import BASE_DIR, CACHES, DATABASES, STORAGES  # noqa: E402

SECRET_KEY = TEST_SECRET_KEY
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
# The test client and the live server speak plain HTTP.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's in-memory test database shares one connection cache between threads and
    # answers concurrent writers with "table is locked" instead of waiting; a file lets the
    # concurrency test exercise the same WAL and BEGIN IMMEDIATE locking as production. One
    # file per run, so that two runs at once do not delete each other's database.
    test_database = (
        Path(tempfile.gettempdir()) / f"portal-test-{BASE_DIR.name}-{os.getpid()}.sqlite3"
    )
    DATABASES = {"default": {**DATABASES["default"], "TEST": {"NAME": str(test_database)}}}
else:
    # One test database per run on a shared server too.
    DATABASES = {
        "default": {**DATABASES["default"], "TEST": {"NAME": f"test_portal_{os.getpid()}"}}
    }

# Redis through CACHE_URL is tested as configured (the portal's resilient backend); otherwise
# local memory, which the suite clears between tests.
if "CACHE_URL" not in os.environ:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"],
        }
    }
# Off unless a test turns it on, so that query counts see the views.
PAGE_CACHE_SECONDS = 0
# A test's worker keeps the shell's settings row it knows for the whole test (a save replaces
# it), so that a slow test's query counts do not depend on how long it ran.
SHELL_SETTINGS_SECONDS = 3600

# Static files straight from the source folders: nothing to collect first.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
