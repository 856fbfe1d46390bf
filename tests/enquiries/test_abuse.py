"""Honeypot, minimum fill time, form token age and owner, rate limit, duplicates, body limit."""

import io
import re
import time

import pytest
from django.core import mail
from django.test import Client

from portal.enquiries.models import Enquiry, RecentSubmission

from .conftest import enquiry_data, form_token, reference_from, send_due_mail

URL = "/en/enquire/"


@pytest.fixture(autouse=True)
def _db(db):
    pass


def _token_in(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def _token_for(client, **headers):
    """The token the form page hands this client."""
    return _token_in(client.get(URL, **headers).content.decode())


def test_honeypot_is_stored_as_spam_without_mail(client):
    response = client.post(URL, enquiry_data(website="http://cheap-bearings.example"))
    send_due_mail()
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.status, enquiry.spam_reason) == (Enquiry.Status.SPAM, "honeypot")
    assert enquiry.reference == reference_from(response)
    assert enquiry.notifications.count() == 0
    assert mail.outbox == []


def _confirm_token(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_too_fast_gets_a_confirmation_step_not_the_spam_folder(client):
    response = client.post(URL, enquiry_data(token=form_token(age_seconds=1), projects=[]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please confirm your enquiry" in html and 'name="confirmed"' in html
    assert 'value="Anna Schmidt"' in html and 'name="website"' not in html
    assert not Enquiry.objects.exists() and "GX-" not in html
    data = enquiry_data(token=_confirm_token(html), confirmed="on")
    response = client.post(URL, data)
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.reference == reference_from(response)
    assert (enquiry.status, enquiry.spam_reason) == (Enquiry.Status.NEW, "")
    send_due_mail()
    assert len(mail.outbox) == 2


def test_a_form_sent_within_a_second_of_being_served_shows_no_reference(client, settings):
    """The whole way a browser goes: the form page, then the post at once."""
    settings.ENQUIRY_MIN_FILL_SECONDS = 3
    served = time.monotonic()
    data = enquiry_data(token=_token_for(client))
    response = client.post(URL, data)
    assert time.monotonic() - served < 1
    assert response.status_code == 200
    html = response.content.decode()
    assert "GX-" not in html and "/enquire/thanks/" not in html
    assert not Enquiry.objects.exists()
    # The person who confirms gets a reference, and it is a live enquiry in the queue.
    response = client.post(URL, {**data, "token": _confirm_token(html), "confirmed": "on"})
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.reference == reference_from(response)
    assert (enquiry.status, enquiry.spam_reason) == (Enquiry.Status.NEW, "")
    assert enquiry.reference in client.get(response["Location"]).content.decode()
    assert enquiry.notifications.count() == 2


def test_forged_or_missing_token_gets_the_confirmation_step(client):
    for token in ("eyJ0IjoxfQ:forged:signature", ""):
        response = client.post(URL, enquiry_data(token=token))
        assert response.status_code == 200 and 'name="confirmed"' in response.content.decode()
    assert not Enquiry.objects.exists()


def test_the_tick_counts_only_with_the_confirmation_steps_token(client):
    response = client.post(URL, enquiry_data(token=form_token(age_seconds=1), confirmed="on"))
    assert response.status_code == 200 and not Enquiry.objects.exists()
    html = response.content.decode()
    # The renewed token without the tick asks again.
    response = client.post(URL, enquiry_data(token=_confirm_token(html)))
    assert response.status_code == 200 and not Enquiry.objects.exists()


def test_a_human_pace_is_not_spam(client):
    client.post(URL, enquiry_data(token=form_token(age_seconds=4)))
    assert Enquiry.objects.get().status == Enquiry.Status.NEW


def test_rate_limit_answers_429_in_the_visitors_language(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(URL, enquiry_data(email=f"n{n}@example.de")).status_code == 302
    response = client.post(URL, enquiry_data(email="third@example.de"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Please wait a moment" in response.content.decode()
    chinese = client.post("/zh-hans/enquire/", enquiry_data(email="fourth@example.de"))
    assert chinese.status_code == 429
    assert "请稍候" in chinese.content.decode()
    assert Enquiry.objects.count() == 2
    # Another client is not affected.
    data = enquiry_data(email="x@example.de", token=form_token(address="10.0.0.9"))
    assert client.post(URL, data, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_the_rate_limit_keeps_no_address_and_forgets_old_submissions(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    settings.ENQUIRY_RATE_WINDOW = 0
    data = enquiry_data(token=form_token(address="203.0.113.7"))
    client.post(URL, data, REMOTE_ADDR="203.0.113.7")
    client.post(URL, {**data, "message": "Another question"}, REMOTE_ADDR="203.0.113.7")
    # With a window of nothing, each enquiry finds the one before it already forgotten.
    assert Enquiry.objects.count() == 2
    assert RecentSubmission.objects.count() == 1
    stored = RecentSubmission.objects.get().client
    assert len(stored) == 64 and "203.0.113" not in stored


@pytest.mark.parametrize(
    "cache",
    [
        {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        # Redis on a port where nothing listens, through the portal's own backend.
        {
            "BACKEND": "portal.core.cache_backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/1",
        },
    ],
    ids=["cache-keeps-nothing", "redis-down"],
)
def test_the_rate_limit_holds_without_a_working_cache(client, settings, cache):
    from portal.core import cache_backends

    settings.ENQUIRY_RATE_LIMIT = 2
    saved = settings.CACHES
    settings.CACHES = {"default": {**cache, "KEY_PREFIX": "enquiries-test"}}
    try:
        statuses = [
            client.post(URL, enquiry_data(email=f"n{n}@example.de")).status_code for n in range(5)
        ]
    finally:
        # Before the suite's own clean-up empties the cache it knows.
        settings.CACHES = saved
        cache_backends._down_until.clear()
    assert statuses == [302, 302, 429, 429, 429]
    assert Enquiry.objects.count() == 2


def test_a_client_address_chain_counts_by_the_hop_our_proxy_added(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    # The token is fetched and sent at once; the rate limit, not the fill time, is tested.
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    statuses = []
    for n in range(3):
        chain = f"198.51.100.{n}, 203.0.113.7"  # the first hop is whatever the client wrote
        data = enquiry_data(email=f"n{n}@example.de")
        data["token"] = _token_for(client, HTTP_X_FORWARDED_FOR=chain)
        statuses.append(client.post(URL, data, HTTP_X_FORWARDED_FOR=chain).status_code)
    assert statuses == [302, 429, 429]


def test_an_expired_form_comes_back_with_a_message_and_nothing_stored(client, settings):
    settings.ENQUIRY_FORM_TOKEN_MAX_AGE = 60 * 60
    data = enquiry_data(token=form_token(age_seconds=60 * 60 + 5), organisation="Kept GmbH")
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This form can no longer be sent" in html
    assert 'value="Kept GmbH"' in html
    assert Enquiry.objects.count() == 0
    # The form carries a fresh token of this client's: sending it again goes through (the
    # minimum fill time is for bots, not for someone who already filled in the form).
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    fresh = {**data, "token": _token_in(html)}
    assert fresh["token"] != data["token"]
    assert client.post(URL, fresh).status_code == 302
    assert Enquiry.objects.get().status == Enquiry.Status.NEW


def test_a_form_token_lasts_four_hours_by_default(client):
    assert client.post(URL, enquiry_data(token=form_token(age_seconds=3 * 3600))).status_code == 302
    response = client.post(
        URL, enquiry_data(token=form_token(age_seconds=4 * 3600 + 60), email="later@example.de")
    )
    assert response.status_code == 200
    assert Enquiry.objects.count() == 1


def test_a_borrowed_form_token_is_refused_in_chinese(client):
    data = enquiry_data(token=form_token(address="198.51.100.20"), language="zh-hans")
    response = client.post("/zh-hans/enquire/", data, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert "此表单已无法提交：打开时间过久，或是在另一网络连接中打开的。" in html
    assert "请核对后再次提交。" in html
    assert Enquiry.objects.count() == 0


def test_one_token_shared_by_three_clients_stores_nothing(client):
    token = form_token(address="198.51.100.20")
    for n in range(3):
        address = f"203.0.113.{n}"
        data = enquiry_data(token=token, email=f"n{n}@example.de")
        response = client.post(URL, data, REMOTE_ADDR=address)
        assert response.status_code == 200
        assert "This form can no longer be sent" in response.content.decode()
    assert Enquiry.objects.count() == 0 and RecentSubmission.objects.count() == 0


def test_invalid_forms_do_not_use_up_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post(URL, enquiry_data(email="bad")).status_code == 200
    assert client.post(URL, enquiry_data()).status_code == 302


def test_double_submission_is_stored_once(client):
    data = enquiry_data()
    first = client.post(URL, data)
    second = client.post(URL, {**data, "message": "  " + data["message"] + "\n"})
    send_due_mail()
    assert Enquiry.objects.count() == 1
    assert reference_from(first) == reference_from(second)
    assert len(mail.outbox) == 2


def test_same_person_with_another_question_is_stored_again(client):
    client.post(URL, enquiry_data())
    client.post(URL, enquiry_data(message="And what about water supply?"))
    assert Enquiry.objects.count() == 2


def test_the_same_enquiry_after_the_window_is_stored_again(client, settings):
    settings.ENQUIRY_DUPLICATE_WINDOW = 0
    client.post(URL, enquiry_data())
    client.post(URL, enquiry_data())
    assert Enquiry.objects.count() == 2


def test_oversized_body_is_refused_with_413(client):
    response = client.post(URL, enquiry_data(message="x" * 70_000))
    assert response.status_code == 413
    assert "Your enquiry was too long to send" in response.content.decode()
    assert Enquiry.objects.count() == 0


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the body was read")


@pytest.mark.parametrize("url", [URL, "/zh-hans/enquire/"])
def test_a_declared_oversized_body_is_refused_unread(url):
    client = Client(enforce_csrf_checks=True, raise_request_exception=True)
    response = client.post(
        url,
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    message = "Your enquiry was too long to send" if url == URL else "您的咨询内容过长"
    assert message in html
    assert Enquiry.objects.count() == 0


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz"]
)
def test_a_missing_content_length_reads_as_an_empty_form(content_type):
    client = Client(raise_request_exception=True)
    response = client.post(URL, b"name=x", content_type=content_type, CONTENT_LENGTH="")
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert Enquiry.objects.count() == 0


@pytest.mark.parametrize("length", ["abc", "-1", "1e9", "12 34", "\u0661\u0662"])
@pytest.mark.parametrize("url", [URL, "/zh-hans/enquire/"])
def test_an_invalid_content_length_gets_the_form_again_with_400(url, length):
    client = Client(raise_request_exception=True)
    response = client.post(
        url,
        CONTENT_TYPE="application/x-www-form-urlencoded",
        CONTENT_LENGTH=length,
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 400
    html = response.content.decode()
    message = "did not arrive complete" if url == URL else "您的咨询未能完整送达"
    assert message in html and 'name="token"' in html
    assert Enquiry.objects.count() == 0


def test_csrf_is_still_checked_on_the_form():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, enquiry_data()).status_code == 403
    client.get(URL)
    data = {**enquiry_data(), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    assert client.post(URL, data).status_code == 302
    assert Enquiry.objects.count() == 1


def test_over_long_field_is_an_error_not_a_crash(client):
    response = client.post(URL, enquiry_data(name="N" * 121))
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.content.decode()
