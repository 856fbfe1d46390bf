"""Sign-in lockouts behind a proxy: per pair of account and address, plus a higher limit per
address, so that nobody can lock the staff out by guessing their passwords."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "bearing-forged-in-qingshui"
LOGIN = f"/{settings.ADMIN_URL}login/"
INDEX = f"/{settings.ADMIN_URL}"
PROXY = "10.0.0.1"
GUESSER = "203.0.113.7"
OFFICE = "198.51.100.20"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20


@pytest.fixture
def chief():
    return User.objects.create_superuser("chief-7c1e", "chief@example.cn", PASSWORD)


def sign_in(client, username, password, address, spoofed=None):
    """A sign-in through the proxy, which appends the address it saw to X-Forwarded-For."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    client.logout()
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": INDEX},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_the_guesser_is_locked_out_while_the_administrator_signs_in(client, chief):
    for n in range(5):
        sign_in(client, chief.username, f"guess-{n}", GUESSER, spoofed=f"192.0.2.{n}")
    assert sign_in(client, chief.username, PASSWORD, GUESSER).status_code == 429
    response = sign_in(client, chief.username, PASSWORD, OFFICE)
    assert response.status_code == 302
    assert response["Location"] == INDEX
    # Counted by the address the proxy saw: never the proxy's, never the made-up first hops.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {GUESSER}


def test_two_forwarded_addresses_are_two_clients(client, chief):
    sign_in(client, chief.username, "wrong", GUESSER)
    sign_in(client, chief.username, "wrong", "203.0.113.8")
    assert sorted(AccessAttempt.objects.values_list("ip_address", "failures_since_start")) == [
        (GUESSER, 1),
        ("203.0.113.8", 1),
    ]


def test_failures_from_five_addresses_do_not_lock_the_account(client, chief):
    for host in range(1, 6):
        for n in range(5):
            sign_in(client, chief.username, f"guess-{n}", f"203.0.113.{host}")
        assert sign_in(client, chief.username, PASSWORD, f"203.0.113.{host}").status_code == 429
    assert sign_in(client, chief.username, PASSWORD, OFFICE).status_code == 302


def test_one_address_trying_many_accounts_is_locked_after_its_own_limit(client, chief):
    for n in range(19):
        sign_in(client, f"clerk-{n}", "guess", GUESSER)
    # Under the address's limit, and no pair reached its own: still allowed.
    assert sign_in(client, chief.username, PASSWORD, GUESSER).status_code == 302
    sign_in(client, "clerk-19", "guess", GUESSER)
    response = sign_in(client, chief.username, PASSWORD, GUESSER)
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert sign_in(client, "clerk-20", "guess", GUESSER).status_code == 429
    # Every other address, the administrator's included, is unaffected.
    assert sign_in(client, chief.username, PASSWORD, OFFICE).status_code == 302


def test_the_address_lockout_ends_after_the_cool_off(client, chief, settings):
    for n in range(20):
        sign_in(client, f"clerk-{n}", "guess", GUESSER)
    assert sign_in(client, chief.username, PASSWORD, GUESSER).status_code == 429
    later = timezone.now() + datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    with time_machine.travel(later):
        assert sign_in(client, chief.username, PASSWORD, GUESSER).status_code == 302


def test_without_a_trusted_proxy_everyone_behind_it_is_one_client(client, chief, settings):
    """What the proxy count prevents: with it at 0 the proxy's address is every client's."""
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(client, chief.username, f"guess-{n}", GUESSER)
    assert sign_in(client, chief.username, PASSWORD, OFFICE).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}
