"""Settings for several app servers: storage, database connections, cache, gunicorn."""

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
db = settings.DATABASES["default"]
print(json.dumps({
    "media": settings.STORAGES["default"],
    "media_class": type(storages["default"]).__name__,
    "media_url": settings.MEDIA_URL,
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "conn_max_age": db["CONN_MAX_AGE"],
    "conn_health_checks": db["CONN_HEALTH_CHECKS"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    "middleware": settings.MIDDLEWARE,
}, default=str))
"""

PRODUCTION = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "s" * 60}


def settings_under(**environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "AWS_", "PAGE_CACHE")) and k not in ("CACHE_URL",)
    }
    env.pop("DATABASE_URL", None)
    env.update(environment)
    # Started without pytest, the settings take the production path.
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_on_object_storage_when_a_bucket_is_named():
    found = settings_under(
        **PRODUCTION,
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://oss-cn-beijing.aliyuncs.example",
        AWS_S3_REGION_NAME="cn-beijing",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_CUSTOM_DOMAIN="media.invest.example.cn",
    )
    assert found["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["media_class"] == "S3Storage"
    options = found["media"]["OPTIONS"]
    assert options["bucket_name"] == "portal-media"
    assert options["endpoint_url"] == "https://oss-cn-beijing.aliyuncs.example"
    assert options["region_name"] == "cn-beijing"
    assert options["access_key"] == "key-id"
    assert options["custom_domain"] == "media.invest.example.cn"
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is True
    assert found["media_url"] == "https://media.invest.example.cn/"


def test_media_on_local_disk_without_a_bucket():
    found = settings_under(**PRODUCTION)
    assert found["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert found["media_class"] == "FileSystemStorage"
    assert found["media_url"] == "/media/"


def test_production_defaults_hashed_compressed_static_and_the_page_cache():
    found = settings_under(**PRODUCTION)
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["page_cache_seconds"] == 600
    assert found["conn_max_age"] == 60
    assert found["conn_health_checks"] is True
    assert found["middleware"][:5] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "portal.security.middleware.SecurityHeadersMiddleware",
        "django.middleware.http.ConditionalGetMiddleware",
        "portal.core.page_cache.PageCacheMiddleware",
    ]


def test_connections_cache_and_page_cache_come_from_the_environment():
    found = settings_under(
        **PRODUCTION,
        DJANGO_CONN_MAX_AGE="300",
        DJANGO_CONN_HEALTH_CHECKS="false",
        CACHE_URL="redis://127.0.0.1:6379/1",
        PAGE_CACHE_SECONDS="0",
    )
    assert found["conn_max_age"] == 300
    assert found["conn_health_checks"] is False
    assert found["cache"] == "portal.core.cache_backends.ResilientRedisCache"
    assert found["cache_location"] == "redis://127.0.0.1:6379/1"
    assert found["page_cache_seconds"] == 0


def test_the_suite_reuses_connections_with_health_checks():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.fixture
def gunicorn_config(monkeypatch):
    def load(**environment):
        for name in [n for n in os.environ if n.startswith("GUNICORN_")]:
            monkeypatch.delenv(name)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))

    return load


def test_gunicorn_defaults(gunicorn_config):
    config = gunicorn_config()
    assert config["workers"] == (os.cpu_count() or 1) * 2 + 1
    assert config["bind"] == "127.0.0.1:8000"
    assert config["max_requests"] > 0 < config["max_requests_jitter"]
    assert config["control_socket_disable"] is True
    assert "%(U)s" in config["access_log_format"]
    assert "%(q)s" not in config["access_log_format"]
    assert "%(r)s" not in config["access_log_format"]


def test_gunicorn_reads_the_environment(gunicorn_config):
    config = gunicorn_config(GUNICORN_WORKERS="2", GUNICORN_BIND="0.0.0.0:9000")
    assert config["workers"] == 2
    assert config["bind"] == "0.0.0.0:9000"


def test_gunicorn_accepts_the_config_file():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--check-config", "-c", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env={**os.environ, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + result.stdout
