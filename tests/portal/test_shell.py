import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connection

BASE_DIR = Path(__file__).resolve().parents[2]


def _start_django(**env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_refuse_to_start_without_secret_key_outside_debug():
    result = _start_django(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "env", [{"DJANGO_DEBUG": "true"}, {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_DEBUG": "false"}]
)
def test_settings_start_in_debug_or_with_a_secret_key(env):
    result = _start_django(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


@pytest.mark.django_db
def test_health_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_503_when_the_database_cannot_be_reached(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_live_endpoint_does_no_io(client):
    # Without the django_db mark any database access here would raise.
    response = client.get("/healthz/live")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "target"), [("zh-CN,zh;q=0.9", "/zh-hans/"), ("en-GB,en;q=0.8", "/en/")]
)
def test_bare_root_redirects_by_browser_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "nav"), [("/en/", "en", "Projects"), ("/zh-hans/", "zh-hans", "项目")]
)
def test_shell_speaks_the_language_of_the_url(client, prefix, lang, nav):
    response = client.get(prefix)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert f">{nav}</a>" in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main" tabindex="-1">' in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_language_switcher_keeps_the_visitor_on_the_same_page(client):
    html = client.get("/en/accessibility/?from=footer").content.decode()
    assert (
        '<a href="/zh-hans/accessibility/?from=footer" hreflang="zh-hans" lang="zh-hans">简体中文</a>'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans/accessibility/?from=footer">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/accessibility/?from=footer">'
        in html
    )
    back = client.get("/zh-hans/accessibility/").content.decode()
    assert '<a href="/en/accessibility/" hreflang="en" lang="en">English</a>' in back


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/zh-hans/no-such-page/", "zh-hans", "页面未找到"),
    ],
)
def test_not_found_page_in_both_languages(client, path, lang, heading):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.django_db
def test_csrf_failure_page_is_friendly(settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/zh-hans/accessibility/", {"x": "1"})
    assert response.status_code == 403
    assert "<h1>您的表单已过期</h1>" in response.content.decode()


def test_favicon_is_served_at_the_site_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
