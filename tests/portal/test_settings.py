"""The settings as production, a developer and the suite load them: storage, database
connections, cache, the security defaults, gunicorn."""

import http.client
import json
import os
import runpy
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "hashers": settings.PASSWORD_HASHERS,
    "media": settings.STORAGES["default"],
    "media_class": type(storages["default"]).__name__,
    "media_url": settings.MEDIA_URL,
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "static_from_finders": settings.WHITENOISE_USE_FINDERS,
    "conn_max_age": db["CONN_MAX_AGE"],
    "conn_health_checks": db["CONN_HEALTH_CHECKS"],
    "test_database": db.get("TEST", {}).get("NAME"),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "cache_prefix": settings.CACHES["default"].get("KEY_PREFIX"),
    "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    "middleware": settings.MIDDLEWARE,
    "admins": settings.ADMINS,
    "trusted_proxy_count": settings.TRUSTED_PROXY_COUNT,
    "axes_lockout": settings.AXES_LOCKOUT_PARAMETERS,
    "axes_client_ip": settings.AXES_CLIENT_IP_CALLABLE,
    "address_limit": settings.LOGIN_ADDRESS_FAILURE_LIMIT,
}, default=str))
"""

PRODUCTION = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "s" * 60}


def clean_environment(**environment):
    """Nothing of this shell's or the suite's environment, as on a server that sets only these."""
    return {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", **environment}


def load_settings(module="portal.settings", **environment):
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE=module, **environment),
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_under(module="portal.settings", **environment):
    result = load_settings(module, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_secret_key_the_settings_refuse_to_load_even_beside_pytest():
    """Nothing in portal/settings.py knows about tests: having pytest imported changes nothing."""
    result = subprocess.run(
        [sys.executable, "-c", "import pytest, django; django.setup()"],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE="portal.settings"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_security_defaults():
    found = settings_under(**PRODUCTION)
    assert found["debug"] is False
    assert found["allowed_hosts"] == []
    assert found["secure_cookies"] == [True, True]
    assert "MD5" not in found["hashers"][0]
    assert found["static_from_finders"] is False
    assert found["test_database"] is None


def test_production_defaults_hashed_compressed_static_and_the_page_cache():
    found = settings_under(**PRODUCTION)
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["page_cache_seconds"] == 600
    assert found["middleware"][:5] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "portal.security.middleware.SecurityHeadersMiddleware",
        "django.middleware.http.ConditionalGetMiddleware",
        "portal.core.page_cache.PageCacheMiddleware",
    ]


def test_without_cache_url_the_workers_share_a_file_cache():
    found = settings_under(**PRODUCTION)
    assert found["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["cache_location"] == str(BASE_DIR / "var" / "cache")
    found = settings_under(**PRODUCTION, DJANGO_CACHE_DIR="/srv/portal/cache")
    assert found["cache_location"] == "/srv/portal/cache"


def test_debug_runs_without_a_secret_key_on_plain_http():
    found = settings_under(DJANGO_DEBUG="true")
    assert found["debug"] is True
    assert found["allowed_hosts"] == ["localhost", "127.0.0.1", "[::1]"]
    assert found["secure_cookies"] == [False, False]
    assert found["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert found["static_from_finders"] is True


def test_a_bucket_name_puts_media_on_object_storage():
    found = settings_under(
        **PRODUCTION,
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_CUSTOM_DOMAIN="media.invest.example.cn",
    )
    assert found["media_class"] == "S3Storage"
    assert found["media"]["OPTIONS"]["bucket_name"] == "portal-media"
    assert found["media_url"] == "https://media.invest.example.cn/"


def test_media_on_local_disk_without_a_bucket():
    found = settings_under(**PRODUCTION)
    assert found["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert found["media_class"] == "FileSystemStorage"
    assert found["media_url"] == "/media/"


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


def test_error_mail_goes_to_the_admins_named_in_the_environment():
    assert settings_under(**PRODUCTION)["admins"] == []
    found = settings_under(
        **PRODUCTION,
        DJANGO_ADMINS="Portal operations <ops@guanxian.example.cn>, 王工 <wang@example.cn>",
    )
    assert found["admins"] == [
        ["Portal operations", "ops@guanxian.example.cn"],
        ["王工", "wang@example.cn"],
    ]


def test_sign_in_lockouts_count_pairs_and_the_client_address():
    found = settings_under(**PRODUCTION)
    assert found["axes_lockout"] == [["username", "ip_address"]]
    assert found["axes_client_ip"] == "portal.security.client.client_address"
    assert found["address_limit"] == 20
    assert (
        settings_under(**PRODUCTION, DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT="50")["address_limit"] == 50
    )


@pytest.mark.parametrize(
    ("environment", "count"),
    [
        ({}, 0),
        ({"DJANGO_SECURE_PROXY_SSL_HEADER": "true"}, 1),
        ({"DJANGO_SECURE_PROXY_SSL_HEADER": "true", "DJANGO_TRUSTED_PROXY_COUNT": "2"}, 2),
        ({"DJANGO_SECURE_PROXY_SSL_HEADER": "true", "DJANGO_TRUSTED_PROXY_COUNT": "0"}, 0),
        ({"DJANGO_TRUSTED_PROXY_COUNT": "1"}, 1),
    ],
)
def test_the_trusted_proxy_count(environment, count):
    assert settings_under(**PRODUCTION, **environment)["trusted_proxy_count"] == count


def test_a_negative_proxy_count_is_refused():
    result = load_settings(**PRODUCTION, DJANGO_TRUSTED_PROXY_COUNT="-1")
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXY_COUNT cannot be negative" in result.stderr


# --- the suite's own settings (tests/settings.py) -----------------------------------------------


def test_the_suite_loads_without_any_environment():
    found = settings_under("tests.settings")
    assert found["hashers"] == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["page_cache_seconds"] == 0
    assert found["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert found["static_from_finders"] is True
    assert "testserver" in found["allowed_hosts"]
    assert found["secure_cookies"] == [False, False]
    assert Path(found["test_database"]).parent == Path(tempfile.gettempdir())


def test_the_suite_uses_the_cache_and_database_it_is_given():
    found = settings_under(
        "tests.settings",
        CACHE_URL="redis://127.0.0.1:6379/1",
        DJANGO_CACHE_PREFIX="ci-1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
    )
    assert found["cache"] == "portal.core.cache_backends.ResilientRedisCache"
    assert found["cache_location"] == "redis://127.0.0.1:6379/1"
    assert found["cache_prefix"] == "ci-1"
    # One test database per run, so that two runs on one server do not collide.
    assert found["test_database"].startswith("test_portal_")


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
        env=clean_environment(DJANGO_SETTINGS_MODULE="portal.settings", **PRODUCTION),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def gunicorn_settings(**environment):
    """The configuration as gunicorn itself resolves it from gunicorn.conf.py."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--print-config", "-c", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="portal.settings", **PRODUCTION, **environment
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    values = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition("=")
        values[name.strip()] = value.strip()
    return values


def test_gunicorn_trusts_forwarded_headers_from_no_one_by_default():
    found = gunicorn_settings()
    assert found["forwarded_allow_ips"] == "[]"
    assert found["forwarder_headers"] == "[]"
    assert found["secure_scheme_headers"] == "{'X-FORWARDED-PROTO': 'https'}"


def test_gunicorn_trusts_the_proxy_it_is_given():
    found = gunicorn_settings(GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.1,192.168.0.0/16")
    assert found["forwarded_allow_ips"] == "['10.0.0.1', '192.168.0.0/16']"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("allowed", "header", "scheme"),
    [
        (None, ("X-Forwarded-Proto", "https"), "http"),
        ("127.0.0.1", ("X-Forwarded-Proto", "https"), "https"),
        # Only the header Django reads counts, so a proxy that overwrites it is not bypassed.
        ("127.0.0.1", ("X-Forwarded-Ssl", "on"), "http"),
    ],
)
def test_gunicorn_sets_https_only_for_the_configured_proxy(tmp_path, allowed, header, scheme):
    """security.txt names its own address, so it shows the scheme gunicorn gave the request."""
    port = _free_port()
    environment = {
        "DJANGO_DEBUG": "true",
        "DJANGO_CACHE_DIR": str(tmp_path),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": "",
    }
    if allowed:
        environment["GUNICORN_FORWARDED_ALLOW_IPS"] = allowed
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE="portal.settings", **environment),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/.well-known/security.txt", headers=dict([header]))
                body = connection.getresponse().read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
            finally:
                connection.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert f"Canonical: {scheme}://127.0.0.1:{port}/.well-known/security.txt" in body
