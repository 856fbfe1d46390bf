"""Every kind of response carries the security headers: pages, errors, the admin, media, static."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import make_project

pytestmark = pytest.mark.django_db

STRICT = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.fixture(autouse=True)
def _hsts(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_hardened(response, page_policy=True):
    for name, value in STRICT.items():
        assert response[name] == value, name
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in policy
    assert "interest-cohort" not in policy  # no longer a valid feature: browsers warn about it
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    if page_policy:
        assert csp["default-src"] == ["'self'"]
        # The site's own files, and the one inline script of the elderly-friendly mode by hash.
        assert csp["script-src"] == ["'self'", settings.CARE_MODE_SCRIPT_HASH]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["form-action"] == ["'self'"]
    else:
        assert csp["default-src"] == ["'none'"]


@pytest.mark.parametrize(
    "url", ["/en/", "/zh-hans/", "/en/projects/", "/en/no-such-page/", "/healthz", "/"]
)
def test_public_responses_carry_every_header(client, url):
    response = client.get(url, secure=True)
    assert response.status_code in (200, 302, 404)
    assert_hardened(response)


def test_project_page_and_csrf_failure_carry_every_header(client):
    project = make_project()
    assert_hardened(client.get(project.get_absolute_url(), secure=True))
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"/{settings.ADMIN_URL}login/", {"username": "a"}, secure=True)
    assert response.status_code == 403
    assert_hardened(response)


def test_admin_login_and_pages_carry_every_header(client, admin_user):
    assert_hardened(client.get(f"/{settings.ADMIN_URL}login/", secure=True))
    client.force_login(admin_user)
    response = client.get(f"/{settings.ADMIN_URL}auth/user/", secure=True)
    assert response.status_code == 200
    assert_hardened(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/static/css/site.css", "/static/admin/js/core.js", "/favicon.ico"]
)
def test_static_files_served_by_whitenoise_carry_every_header(client, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    # WhiteNoise answers with its own response class, before the view middleware runs.
    assert type(response).__module__.startswith("whitenoise")
    assert_hardened(response)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_media_files_carry_every_header_with_a_policy_that_forbids_everything(client):
    folder = settings.MEDIA_ROOT / "projects"
    folder.mkdir(parents=True)
    (folder / ("a" * 32 + ".png")).write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get(f"/media/projects/{'a' * 32}.png", secure=True)
    assert response.status_code == 200
    assert_hardened(response, page_policy=False)
    assert "sandbox" in response["Content-Security-Policy"]


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_TXT_CONTACT = ["mailto:security@guanxian.example.cn"]
    before = timezone.now()
    response = client.get("/.well-known/security.txt", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert_hardened(response)
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@guanxian.example.cn"
    assert fields["Preferred-Languages"] == "en, zh"
    assert fields["Canonical"] == "https://testserver/.well-known/security.txt"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fields["Expires"])
    expires = datetime.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    # Under a year ahead, as the RFC recommends, and computed now rather than frozen in a file.
    assert datetime.timedelta(days=360) < expires - before < datetime.timedelta(days=365)
    assert client.post("/.well-known/security.txt").status_code == 405


def test_security_txt_contact_defaults_to_the_portal_address(client):
    body = client.get("/.well-known/security.txt").content.decode()
    assert f"Contact: mailto:{settings.PORTAL_CONTACT_EMAIL}\n" in body


def test_collected_static_files_carry_every_header_too(settings, tmp_path):
    """As in production: files collected into STATIC_ROOT, no finders."""
    from django.core.management import call_command
    from django.test import Client

    settings.STATIC_ROOT = tmp_path / "collected"
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (settings.STATIC_ROOT / "css" / "site.css").exists()
    response = Client().get("/static/css/site.css", secure=True)  # a new WhiteNoise instance
    assert response.status_code == 200
    assert_hardened(response)
