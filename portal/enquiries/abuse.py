"""Abuse checks without a third-party captcha: a signed form token, a honeypot, a rate limit.

The rate limit counts in the database, not the cache: it holds while Redis is down, and it is
decided in the transaction that stores the enquiry (see `submission.store_enquiry`).
"""

import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from portal.security.client import client_address

from .models import RecentSubmission

FORM_SALT = "enquiries.form-token"
CLIENT_SALT = "portal.enquiries.client"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
DEFAULT_FORM_TOKEN_MAX_AGE = 4 * 60 * 60


def client_key(request):
    """A keyed hash of the client's address: enough to count, and the address is not kept."""
    return salted_hmac(CLIENT_SALT, client_address(request) or "", algorithm="sha256").hexdigest()


def _token_client(request):
    return client_key(request)[:16]


def form_token_max_age():
    return getattr(settings, "ENQUIRY_FORM_TOKEN_MAX_AGE", DEFAULT_FORM_TOKEN_MAX_AGE)


def make_form_token(request, issued_at=None, *, utm=None, referrer=None, confirming=False):
    """Sign when the form was handed out, to whom, and the campaign and page it came from.

    Signed rather than kept in hidden fields of their own, so that neither the time (the
    minimum fill time and the maximum age) nor the campaign data can be changed by the client.
    `utm` and `referrer` carry over those of an earlier token when the form is handed out again;
    `confirming` marks the token of the "please confirm" step, the only one a confirmation counts
    with.
    """
    if utm is None:
        utm = {
            key: request.GET[key][:200]
            for key in UTM_KEYS
            if isinstance(request.GET.get(key), str) and request.GET[key]
        }
    if referrer is None:
        referrer = request.META.get("HTTP_REFERER", "")[:500]
    payload = {
        "t": time.time() if issued_at is None else issued_at,
        "u": utm,
        "r": referrer,
        "c": _token_client(request),
        "k": bool(confirming),
    }
    return signing.dumps(payload, salt=FORM_SALT, compress=True)


@dataclass(frozen=True)
class FormToken:
    issued_at: float
    utm: dict
    referrer: str
    # Ours and untouched, but too old or handed out to another client: a person may have left
    # the form open or changed networks, so they get the form again rather than the spam folder.
    stale: bool
    # Handed out with the "please confirm" step.
    confirming: bool = False


def read_form_token(value, request):
    """The token's content, or None when it is missing or was tampered with."""
    if not value or len(value) > 4000:
        return None
    try:
        payload = signing.loads(value, salt=FORM_SALT)
    except (signing.BadSignature, ValueError, UnicodeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), (int, float)):
        return None
    utm = payload.get("u") if isinstance(payload.get("u"), dict) else {}
    referrer = payload.get("r") if isinstance(payload.get("r"), str) else ""
    client = payload.get("c") if isinstance(payload.get("c"), str) else ""
    expired = time.time() - payload["t"] > form_token_max_age()
    foreign = not constant_time_compare(client, _token_client(request))
    return FormToken(
        payload["t"], utm, referrer, stale=expired or foreign, confirming=payload.get("k") is True
    )


def filled_too_fast(token):
    return time.time() - token.issued_at < settings.ENQUIRY_MIN_FILL_SECONDS


def spam_reason(form, token):
    """Why a valid enquiry form looks sent by a bot, or "" when it does not.

    `token` is the form token as `read_form_token` returns it. The reason is stored with the
    enquiry for the officers and never shown to the sender.
    """
    if form.cleaned_data["website"]:
        return "honeypot"
    if token is None:
        return "no valid form token"
    if filled_too_fast(token):
        return "filled too fast"
    return ""


def rate_window_start(now=None):
    return (now or timezone.now()) - datetime.timedelta(seconds=settings.ENQUIRY_RATE_WINDOW)


def submissions_in_window(client, now=None):
    return RecentSubmission.objects.filter(client=client, created_at__gte=rate_window_start(now))


def is_rate_limited(request):
    """A quick look without a lock, so a flood is turned away before the form is even read.

    The decision that counts is taken again under the lock when the enquiry is stored.
    """
    return submissions_in_window(client_key(request)).count() >= settings.ENQUIRY_RATE_LIMIT
