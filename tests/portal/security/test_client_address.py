"""The client's address behind proxies: the entry that the outermost trusted proxy wrote."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from portal.security.client import client_address

PROXY = "10.0.0.1"


def request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("203.0.113.7")) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        # The client wrote the entries on the left; the proxy appended the last one.
        ("198.51.100.1, 203.0.113.7", "203.0.113.7"),
        ("127.0.0.1,10.0.0.5 , 203.0.113.7", "203.0.113.7"),
        ("203.0.113.7:50211", "203.0.113.7"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:DB8::7", "2001:db8::7"),
    ],
)
def test_behind_one_proxy_the_rightmost_entry_is_the_client(settings, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request(forwarded)) == expected


def test_behind_two_proxies_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request("198.51.100.1, 203.0.113.7, 192.0.2.10")) == "203.0.113.7"
    # Fewer entries than proxies: all were written by proxies; the leftmost saw the client.
    assert client_address(request("203.0.113.7")) == "203.0.113.7"


@pytest.mark.parametrize("forwarded", [None, "", " , ", "unknown", "203.0.113.7, <script>"])
def test_a_missing_or_broken_entry_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request(forwarded)) == PROXY


def test_django_axes_counts_with_it(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(request("198.51.100.1, 203.0.113.7")) == "203.0.113.7"
