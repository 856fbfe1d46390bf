"""The admin: its own path, throttled sign-in, a working-day session, optional second factor.

Lockouts behind a proxy and per address: test_lockouts.py."""

import datetime
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "bearing-forged-in-qingshui"
LOGIN = f"/{settings.ADMIN_URL}login/"
INDEX = f"/{settings.ADMIN_URL}"


@pytest.fixture(autouse=True)
def _three_failures(settings):
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def staff():
    return User.objects.create_user("editor", "editor@example.cn", PASSWORD, is_staff=True)


def sign_in(client, username, password, address="10.0.0.1", **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": INDEX, **extra},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return client.get(INDEX).status_code == 200


def test_a_right_password_signs_staff_in(client, staff):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == INDEX
    assert signed_in(client)


def test_an_account_is_locked_from_the_guessing_address_only(client, staff, caplog):
    caplog.set_level(logging.INFO)
    for n in range(3):
        response = sign_in(client, "editor", f"guess-{n}", address="10.0.0.9")
        assert response.status_code in (200, 429)
    response = sign_in(client, "editor", PASSWORD, address="10.0.0.9")
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert not signed_in(client)
    # The failures are logged with the account, never with a password tried.
    assert "editor" in caplog.text
    assert "guess-" not in caplog.text and PASSWORD not in caplog.text
    assert any(
        r.levelno >= logging.WARNING for r in caplog.records if r.name == "axes.handlers.database"
    )
    # The person, from their own address, still gets in (tests/portal/security/test_lockouts.py).
    assert sign_in(client, "editor", PASSWORD, address="10.9.9.9").status_code == 302


def test_failures_under_the_limit_are_forgotten_after_a_success(client, staff):
    for _ in range(2):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, staff, settings):
    for _ in range(3):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    later = timezone.now() + datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    with time_machine.travel(later):
        assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_test_and_command_sign_ins_without_a_request_still_work(client, staff):
    assert client.login(username="editor", password=PASSWORD)
    assert signed_in(client)
    client.logout()
    assert not client.login(username="editor", password="wrong")
    client.force_login(staff)
    assert signed_in(client)


def test_a_staff_session_lasts_a_working_day_and_ends_with_the_browser(client, staff):
    before = timezone.now()
    response = sign_in(client, "editor", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    expiry = Session.objects.get().expire_date
    assert datetime.timedelta(hours=9) <= expiry - before < datetime.timedelta(hours=9, minutes=1)


def test_the_admin_lives_at_the_configured_path():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=Path(__file__).resolve().parents[3],
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DJANGO_ADMIN_URL": "office-7f3c",
            "DJANGO_DEBUG": "true",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "/office-7f3c/", result.stderr


# --- the optional second factor ----------------------------------------------------------------


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_without_2fa_the_login_form_asks_for_no_code(client, settings):
    settings.ADMIN_REQUIRE_2FA = False
    assert 'name="otp_token"' not in client.get(LOGIN).content.decode()


def test_with_2fa_a_password_alone_is_not_enough(client, settings, device):
    settings.ADMIN_REQUIRE_2FA = True
    page = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in page
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not signed_in(client)


def test_with_2fa_a_wrong_code_is_refused(client, settings, device):
    settings.ADMIN_REQUIRE_2FA = True
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    assert sign_in(client, "editor", PASSWORD, otp_token=wrong).status_code == 200
    assert not signed_in(client)


def test_with_2fa_the_password_and_a_current_code_sign_in(client, settings, device):
    settings.ADMIN_REQUIRE_2FA = True
    response = sign_in(client, "editor", PASSWORD, otp_token=current_code(device))
    assert response.status_code == 302, response.context["form"].errors
    assert signed_in(client)


def test_with_2fa_a_session_that_was_never_verified_has_no_admin(client, settings, staff, device):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(staff)
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    settings.ADMIN_REQUIRE_2FA = False
    assert signed_in(client)
