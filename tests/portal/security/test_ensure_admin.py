"""ensure_admin: never the guessable `admin`; `make run` still needs no input."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_superuser_variables(monkeypatch):
    for name in (
        "DJANGO_SUPERUSER_USERNAME",
        "DJANGO_SUPERUSER_PASSWORD",
        "DJANGO_SUPERUSER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)


def ensure_admin(**options):
    out = StringIO()
    call_command("ensure_admin", stdout=out, **options)
    return out.getvalue()


def test_in_debug_a_random_name_is_made_and_printed_with_the_password(settings):
    settings.DEBUG = True
    output = ensure_admin()
    match = re.search(r"user name '(staff-[0-9a-f]{8})', password (\S+)", output)
    assert match, output
    user = User.objects.get(is_superuser=True)
    assert user.username == match[1]
    assert user.check_password(match[2])
    assert not User.objects.filter(username="admin").exists()


def test_outside_debug_without_a_name_nothing_is_created(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="set DJANGO_SUPERUSER_USERNAME"):
        ensure_admin()
    assert not User.objects.exists()


def test_the_name_and_password_from_the_environment(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "chief-7c1e")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "bearing-forged-in-qingshui")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "chief@guanxian.example.cn")
    output = ensure_admin()
    assert "user name 'chief-7c1e', password (from DJANGO_SUPERUSER_PASSWORD)" in output
    user = User.objects.get(username="chief-7c1e")
    assert user.is_superuser and user.email == "chief@guanxian.example.cn"
    assert user.check_password("bearing-forged-in-qingshui")


@pytest.mark.parametrize("name", ["admin", "Root", "administrator"])
def test_outside_debug_a_guessable_name_is_refused(settings, name):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="first names"):
        ensure_admin(username=name)
    assert not User.objects.exists()


def test_an_existing_superuser_is_left_alone(settings):
    settings.DEBUG = True
    User.objects.create_superuser("chief-7c1e", "chief@example.cn", "bearing-forged-in-qingshui")
    assert "exists already" in ensure_admin()
    assert User.objects.count() == 1
