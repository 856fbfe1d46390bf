"""No page carries what the strict policy would block: inline script, `style=` or `on…=`.

A fast check of the HTML of every public page and every admin list and form, so a template
that breaks the policy fails here even where the browser tests do not go.
"""

import base64
import hashlib
import re

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.factories import make_article, make_park, make_project

from .urlconf import fill, placeholders, public_routes

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=[\"']application/(?:ld\+)?json[\"'])[^>]*>", re.I
)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""\b(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


INLINE_SCRIPT_BODY = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.I | re.S)


def hashed_in_policy(response):
    """The inline scripts this response's own policy allows by their sha256 hash."""
    policy = response.get("Content-Security-Policy", "")
    allowed = set()
    for script in INLINE_SCRIPT_BODY.findall(response.content.decode()):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        if f"'sha256-{digest}'" in policy:
            allowed.add(script)
    return allowed


def offences(body, allowed_scripts=()):
    for script in allowed_scripts:
        body = body.replace(script, "")
    body = re.sub(r"<script\b[^>]*></script>", "", body) if allowed_scripts else body
    found = []
    for name, pattern in (
        ("inline script", INLINE_SCRIPT),
        ("style attribute", STYLE_ATTRIBUTE),
        ("event handler", EVENT_HANDLER),
        ("javascript: URL", JAVASCRIPT_URL),
    ):
        found += [f"{name}: {match.group()[:80]}" for match in pattern.finditer(body)]
    return found


def test_public_pages_keep_to_the_policy(client):
    slugs = [make_project().slug, make_park().slug, make_article().slug]
    urls = ["/"]
    for route in public_routes():
        if route.startswith("/media/"):
            continue
        urls += [fill(route, slug) for slug in slugs] if placeholders(route) else [route]
    checked = 0
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code == 200 and "html" in response["Content-Type"]:
            checked += 1
            # Only a script the page's own policy allows by its hash may be inline (the
            # elderly mode's switch, which must run before the first paint).
            assert offences(response.content.decode(), hashed_in_policy(response)) == [], url
    assert checked >= 10


def test_admin_pages_keep_to_the_policy(client, admin_user):
    make_project()
    make_article()
    client.force_login(admin_user)
    urls = [reverse("admin:index"), reverse("admin:auth_user_change", args=[admin_user.pk])]
    for model in admin.site._registry:
        meta = model._meta
        for view in ("changelist", "add"):
            try:
                urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}"))
            except NoReverseMatch:
                continue
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code == 403:
            continue
        assert response.status_code == 200, url
        assert offences(response.content.decode(), hashed_in_policy(response)) == [], url


@pytest.mark.parametrize(
    ("html", "caught"),
    [
        ("<script>alert(1)</script>", True),
        ('<script defer src="/static/js/site.js"></script>', False),
        ('<script type="application/ld+json">{}</script>', False),
        ('<p style="color:red">', True),
        ('<img src="x.png" onerror="alert(1)">', True),
        ('<a href="javascript:alert(1)">', True),
        ("<p>style= and onclick= in text are words, not attributes</p>", False),
    ],
)
def test_the_check_tells_inline_code_from_text(html, caught):
    assert bool(offences(html)) is caught
