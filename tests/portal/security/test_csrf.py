"""Every form that posts is protected against cross-site request forgery.

The forms are found by reading every public page (and the admin's login), so forms added to
the site later are checked by this test as well.
"""

import re
from html import unescape

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_article, make_park, make_project

from .urlconf import fill, placeholders, public_routes

pytestmark = pytest.mark.django_db

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*["']([^"']*)["']""")
FIELD = re.compile(r"<(?:input|textarea|select)\b([^>]*)>", re.I)


def pages():
    slugs = [make_project().slug, make_park().slug, make_article().slug]
    urls = [f"/{settings.ADMIN_URL}login/"]
    for route in public_routes():
        if route.startswith("/media/"):
            continue
        urls += [fill(route, slug) for slug in slugs] if placeholders(route) else [route]
    return urls


def post_forms(client, urls):
    """(page, action, fields) for every form with method="post" on the pages."""
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        for attributes, inner in FORM.findall(response.content.decode()):
            attrs = dict(ATTRIBUTE.findall(attributes))
            if attrs.get("method", "get").lower() != "post":
                continue
            fields = {}
            for field in FIELD.findall(inner):
                field_attrs = dict(ATTRIBUTE.findall(field))
                if "name" in field_attrs:
                    fields[field_attrs["name"]] = unescape(field_attrs.get("value", "x"))
            found.append((url, unescape(attrs.get("action") or url), fields))
    return found


def test_every_post_form_carries_a_token_and_is_refused_without_it():
    reader = Client()
    forms = post_forms(reader, pages())
    assert any(action.startswith(f"/{settings.ADMIN_URL}") for _, action, _ in forms)
    strict = Client(enforce_csrf_checks=True)
    # The elderly-mode switch (portal.views.care_mode) only sets a display preference on the
    # visitor's own browser: it is exempt, so that the pages that carry it stay cacheable.
    forms = [(page, action, fields) for page, action, fields in forms if action != "/care/"]
    for page, action, fields in forms:
        assert "csrfmiddlewaretoken" in fields, f"the form on {page} has no CSRF token"
        forged = {name: value for name, value in fields.items() if name != "csrfmiddlewaretoken"}
        response = strict.post(action, forged)
        assert response.status_code == 403, f"{page} -> {action} accepted a forged post"
        expired = "您的表单已过期" if action.startswith("/zh-hans/") else "Your form has expired"
        assert expired in response.content.decode()


def test_no_public_url_accepts_a_forged_post():
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    for url in pages():
        if url.startswith("/[zZ]") or url == "/care/":
            # The elderly-mode switch is exempt by design (see the test above).
            continue
        if url.startswith("/[zZ]"):
            # The old Chinese prefixes (/zh/, /zh-cn/) only redirect: a pattern, not a page.
            continue
        response = strict.post(url, {"name": "Zhang Wei", "email": "zhang@example.cn"})
        assert response.status_code in (403, 405), url
