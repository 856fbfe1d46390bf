"""Abuse checks without a third-party captcha: a signed form token, a honeypot, a rate limit."""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

FORM_SALT = "enquiries.form-token"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")


def make_form_token(request, issued_at=None):
    """Sign when the form was handed out, with the campaign and the page the visitor came from.

    Signed rather than kept in hidden fields of their own, so that neither the time (the
    minimum fill time) nor the campaign data can be changed by the client.
    """
    utm = {
        key: request.GET[key][:200]
        for key in UTM_KEYS
        if isinstance(request.GET.get(key), str) and request.GET[key]
    }
    referrer = request.META.get("HTTP_REFERER", "")[:500]
    payload = {"t": time.time() if issued_at is None else issued_at, "u": utm, "r": referrer}
    return signing.dumps(payload, salt=FORM_SALT, compress=True)


def read_form_token(value):
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
    return {"issued_at": payload["t"], "utm": utm, "referrer": referrer}


def filled_too_fast(token):
    return time.time() - token["issued_at"] < settings.ENQUIRY_MIN_FILL_SECONDS


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


def client_key(request):
    """A hash of the client's address: the cache never holds the address itself."""
    address = request.META.get(settings.ENQUIRY_CLIENT_IP_HEADER) or request.META.get(
        "REMOTE_ADDR", ""
    )
    # A proxy's header may carry a chain; the first address is the client's.
    address = address.split(",")[0].strip()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"enquiries:rate:{digest[:32]}"


def is_rate_limited(request):
    return (cache.get(client_key(request)) or 0) >= settings.ENQUIRY_RATE_LIMIT


def count_submission(request):
    key = client_key(request)
    # add() starts the window only with the first submission; incr() keeps its expiry.
    cache.add(key, 0, timeout=settings.ENQUIRY_RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=settings.ENQUIRY_RATE_WINDOW)
