"""Logs a scanner cannot flood, and error mail that reaches ADMINS."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

BASE_DIR = Path(__file__).resolve().parents[3]

BAD_HOST = """
import django
django.setup()
from django.test import Client
print(Client().get("/en/projects/", HTTP_HOST="evil.example").status_code)
"""


def test_a_bad_host_is_one_warning_line_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", BAD_HOST],
        cwd=BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "PYTHONDONTWRITEBYTECODE": "1",
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "s" * 60,
            "DJANGO_ALLOWED_HOSTS": "invest.example.cn",
            "DJANGO_CACHE_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "400", result.stderr
    lines = [line for line in result.stderr.splitlines() if "axes.apps" not in line]
    assert len(lines) == 1, result.stderr
    assert (
        " WARNING django.security.DisallowedHost Invalid HTTP_HOST header: 'evil.example'"
        in lines[0]
    )


@pytest.mark.urls("tests.portal.security.broken_urls")
def test_a_server_error_is_mailed_to_the_admins(settings, db):
    settings.ADMINS = [("Portal operations", "ops@guanxian.example.cn")]
    response = Client(raise_request_exception=False).post("/fail/", {"email": "a@example.org"})
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@guanxian.example.cn"]
    assert "the enquiry could not be routed" in mail.outbox[0].body
    assert "a@example.org" not in mail.outbox[0].body


def test_a_bad_host_sends_no_mail(settings, client):
    settings.ADMINS = [("Portal operations", "ops@guanxian.example.cn")]
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400
    assert mail.outbox == []
