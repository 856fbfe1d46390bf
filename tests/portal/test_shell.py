import base64
import hashlib
import os
import re
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


# --- The header on every page -------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/en/projects/", "/zh-hans/news/", "/zh-hans/accessibility/"]
)
def test_every_page_has_the_menu_button_and_the_elderly_friendly_switch(client, url):
    html = client.get(url).content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    assert '<details class="site-menu">' in header
    assert re.search(r'<summary class="site-menu-button">.*(Menu|菜单)</summary>', header)
    # Twice: in the desktop utility bar and in the phone menu; a form, so it needs no script.
    assert header.count('<form class="care-toggle" action="/care/" method="post">') == 2
    assert f'<input type="hidden" name="next" value="{url}">' in header
    # "Why Guanxian" and the investment guide, in the desktop bar and in the phone menu.
    lang = url.split("/")[1]
    assert header.count(f'<a href="/{lang}/invest/"') == 2
    assert header.count(f'<a href="/{lang}/invest/guide/"') == 2
    assert "csrfmiddlewaretoken" not in header


# --- Elderly-friendly mode (关怀版) --------------------------------------------------------


@pytest.mark.django_db
def test_the_switch_sets_the_cookie_and_returns_to_the_page(client):
    response = client.post("/care/", {"next": "/zh-hans/projects/?sector=forging"})
    assert response.status_code == 303
    assert response["Location"] == "/zh-hans/projects/?sector=forging"
    cookie = response.cookies["gx_care"]
    assert cookie.value == "1"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    assert not cookie["httponly"]  # the head script reads it
    again = client.post("/care/", {"next": "/en/"})
    assert again["Location"] == "/en/"
    assert again.cookies["gx_care"].value == ""
    assert again.cookies["gx_care"]["max-age"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "", "javascript:x"])
def test_the_switch_never_leaves_the_site(client, target):
    response = client.post("/care/", {"next": target})
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_the_switch_answers_only_posts(client):
    assert client.get("/care/").status_code == 405


@pytest.mark.django_db
def test_without_javascript_the_care_stylesheet_follows_the_cookie(client):
    plain = client.get("/care.css")
    assert plain.status_code == 200
    assert plain["Content-Type"] == "text/css; charset=utf-8"
    assert plain.content == b""
    assert plain["Cache-Control"] == "private, no-cache"
    assert "Cookie" in plain["Vary"]
    client.cookies["gx_care"] = "1"
    css = client.get("/care.css").content.decode()
    assert css.startswith(":root {")
    assert "font-size: 125%;" in css
    assert ".care-label-on { display: inline; }" in css
    assert ".care" not in css.replace(".care-label", "").replace(".care-button", "")


@pytest.mark.django_db
def test_the_head_script_is_allowed_by_its_hash_and_the_noscript_stylesheet_is_linked(
    client, settings
):
    response = client.get("/en/")
    html = response.content.decode()
    script = re.search(r"<script>(.*?)</script>", html).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
    assert 'classList.add("care")' in script
    assert '<noscript><link rel="stylesheet" href="/care.css"></noscript>' in html


@pytest.mark.django_db
def test_the_mode_never_splits_or_breaks_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/en/projects/")
    assert first["X-Cache"] == "miss"
    switched = client.post("/care/", {"next": "/en/projects/"})
    assert switched.cookies["gx_care"].value == "1"
    with_mode = client.get("/en/projects/")
    assert with_mode["X-Cache"] == "hit"
    assert with_mode.content == first.content
    assert "Set-Cookie" not in with_mode
    client.cookies.pop("gx_care")
    assert client.get("/en/projects/")["X-Cache"] == "hit"
    # The per-visitor stylesheet is never kept.
    client.cookies["gx_care"] = "1"
    assert client.get("/care.css")["X-Cache"] == "bypass"


# --- The old Chinese prefixes ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/zh/", "/zh-hans/"),
        ("/zh", "/zh-hans/"),
        ("/zh-cn/", "/zh-hans/"),
        ("/zh-CN/projects/parks/", "/zh-hans/projects/parks/"),
        ("/ZH/news/?q=forging", "/zh-hans/news/?q=forging"),
        (
            "/zh-cn/projects/?sector=forging&stage=signed",
            "/zh-hans/projects/?sector=forging&stage=signed",
        ),
    ],
)
def test_old_chinese_prefixes_redirect_permanently_to_simplified_chinese(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.mark.django_db
def test_other_chinese_looking_prefixes_are_not_taken(client):
    assert client.get("/zh-hant/").status_code == 404
    assert client.get("/zhx/").status_code == 404


# --- The demo notice --------------------------------------------------------------------


NOTICE = "Projects, investors, figures and news on this site are illustrative examples"


@pytest.mark.django_db
def test_seed_demo_switches_the_notice_on_for_every_page_in_both_languages(client):
    from django.core.management import call_command

    assert NOTICE not in client.get("/en/").content.decode()
    call_command("seed_demo", verbosity=0)
    for url in ("/en/", "/en/projects/", "/en/news/", "/en/accessibility/"):
        assert html_count(client.get(url), NOTICE) == 1, url
    chinese = client.get("/zh-hans/projects/").content.decode()
    assert "本网站上的项目、投资方、数据和新闻均为示例，并非官方信息。" in chinese


@pytest.mark.django_db
def test_switching_the_notice_off_in_the_admin_reaches_cached_pages(admin_client, client, settings):
    from django.core.management import call_command

    from portal.models import SiteSettings

    call_command("seed_demo", verbosity=0)
    settings.PAGE_CACHE_SECONDS = 600
    assert NOTICE in client.get("/en/").content.decode()
    cached = client.get("/en/")
    assert cached["X-Cache"] == "hit"
    assert NOTICE in cached.content.decode()
    row = SiteSettings.objects.get()
    form = {
        "operating_body_en": row.operating_body_en,
        "operating_body_zh_hans": row.operating_body_zh_hans,
        "street_address_en": row.street_address_en,
        "office_hours_en": row.office_hours_en,
        "wechat_account_en": row.wechat_account_en,
    }  # demo_notice left out: the box unticked
    response = admin_client.post("/admin/portal/sitesettings/1/change/", form)
    assert response.status_code == 302
    assert SiteSettings.objects.get().demo_notice is False
    after = client.get("/en/")
    assert after["X-Cache"] == "miss"
    assert NOTICE not in after.content.decode()
    # seed_demo again keeps the staff's choice.
    call_command("seed_demo", verbosity=0)
    assert NOTICE not in client.get("/en/").content.decode()


def html_count(response, needle):
    return response.content.decode().count(needle)
