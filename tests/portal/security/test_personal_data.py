"""Personal data sent in a form never reaches logs or error reports."""

import io
import logging
import sys

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.views.debug import ExceptionReporter

from portal.security.reporting import RedactPersonalDataFilter, redact

EMAIL = "zhang.wei@investor.example.cn"
PHONE = "+86 138 1234 5678"
MESSAGE = "We plan a 300 million yuan forging line"
POST = {"name": "Zhang Wei", "email": EMAIL, "phone": PHONE, "message": MESSAGE}
COOKIE = "sessionid-value-3f9a"
PERSONAL = ["Zhang Wei", EMAIL, PHONE, MESSAGE, COOKIE, "zhang.wei@", "138 1234"]


@pytest.fixture
def console():
    """The configured console handlers (settings.LOGGING), writing into one buffer: the root's,
    and the one-line handler of refused Host headers."""
    loggers = [logging.getLogger(), logging.getLogger("django.security.DisallowedHost")]
    handlers = {
        h
        for logger in loggers
        for h in logger.handlers
        if any(isinstance(f, RedactPersonalDataFilter) for f in h.filters)
    }
    buffer = io.StringIO()
    previous = {handler: handler.setStream(buffer) for handler in handlers}
    yield buffer
    for handler, stream in previous.items():
        handler.setStream(stream)


def leaks(text):
    return [item for item in PERSONAL if item in text]


@pytest.mark.django_db
@pytest.mark.urls("tests.portal.security.broken_urls")
def test_a_failing_form_leaves_no_personal_data_in_logs_or_the_error_mail(settings, console):
    settings.ADMINS = [("Webmaster", "webmaster@guanxian.example.cn")]
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = COOKIE
    response = client.post("/fail/", POST)
    assert response.status_code == 500
    logged = console.getvalue()
    assert "Internal Server Error: /fail/" in logged
    assert "RuntimeError: the enquiry could not be routed" in logged
    assert leaks(logged) == []
    assert len(mail.outbox) == 1
    report = mail.outbox[0]
    html = report.alternatives[0][0] if report.alternatives else ""
    assert "the enquiry could not be routed" in report.body
    assert "email" in report.body  # the field's name is kept, its value is not
    assert leaks(report.subject + report.body + html) == []


@pytest.mark.django_db
def test_a_bad_host_is_logged_without_the_form_it_carried(settings, console):
    settings.ADMINS = [("Webmaster", "webmaster@guanxian.example.cn")]
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = COOKIE
    response = client.post("/en/enquire/", POST, HTTP_HOST="evil.example")
    assert response.status_code == 400
    logged = console.getvalue()
    assert "Invalid HTTP_HOST header: 'evil.example'" in logged
    assert leaks(logged) == []
    assert mail.outbox == []  # logged, not mailed: scanners send these all day


def test_the_debug_report_of_a_post_hides_values_cookies_and_locals(settings):
    settings.DEBUG = True
    request = RequestFactory().post("/en/enquire/", POST)
    request.COOKIES["sessionid"] = COOKIE
    email = request.POST["email"]
    try:
        raise ValueError("routing failed")
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
    text, html = reporter.get_traceback_text(), reporter.get_traceback_html()
    assert "routing failed" in text
    assert leaks(text + html) == []
    assert email == EMAIL


def test_log_messages_lose_email_addresses_and_phone_numbers(console):
    logger = logging.getLogger("portal.enquiries")
    logger.warning("Could not mail %s at %s; office 0635-1234567", EMAIL, PHONE)
    try:
        raise OSError(f"550 mailbox {EMAIL} unavailable")
    except OSError:
        logger.exception("Notification failed")
    logged = console.getvalue()
    assert "Could not mail [email] at [phone]; office [phone]" in logged
    assert "OSError: 550 mailbox [email] unavailable" in logged
    assert leaks(logged) == [] and "0635-1234567" not in logged


@pytest.mark.parametrize(
    "kept",
    ["GET /en/projects/?page=2 HTTP/1.1 200 12345", "took 250 ms", "project 2023-11-14"],
)
def test_ordinary_numbers_are_not_mistaken_for_phone_numbers(kept):
    assert redact(kept) == kept
