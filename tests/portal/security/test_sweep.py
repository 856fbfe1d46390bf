"""Hostile input against every public URL pattern, in both languages.

The routes come from the URLconf (tests/portal/security/urlconf.py), so pages added later are swept
without anyone remembering to add them here. No answer may be a server error, echo a payload
unescaped, leak the request's internals, or send the visitor to another site.
"""

import re
from urllib.parse import quote, urlsplit

import hypothesis
import pytest
from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse
from hypothesis import strategies as st

from tests.factories import make_article, make_park, make_project

from .test_uploads import png_with_a_broken_chunk, truncated_jpeg
from .urlconf import fill, placeholders, public_routes

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
SVG = '"><svg onload=alert(1)>'
EVIL = "evil.example"
# Things a page shows only if it evaluated or echoed what it was sent.
NEVER_IN_A_PAGE = [SCRIPT, SVG, "<svg onload", "wsgi.", "SECRET_KEY", "Traceback"]

PATH_VALUES = [
    "' OR '1'='1",
    "1; DROP TABLE projects_project;--",
    "{{ request.META }}",
    "{% debug %}",
    "${7*7}",
    SCRIPT,
    SVG,
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "\x00",
    "slug\x00.html",
    "\u202egnp.exe",
    "\ufeff\u200b",
    "ǅ𝕏🀄",
    "名称",
    "x" * 4000,
    "%",
    "-1",
    "99999999999999999999999999",
    "\r\nSet-Cookie: owned=1",
    f"//{EVIL}/",
]
QUERIES = [
    "page=1&page=2",
    "q[]=x",
    "page[]=1",
    f"q={quote(SCRIPT)}",
    f"q={quote(SVG)}",
    "q=%7B%7B%20request.META%20%7D%7D",
    "q=%27%20OR%201%3D1--",
    "q=" + "x" * 5000,
    "q=%F0%9F%80%84%E2%80%AE%00",
    "q=%ff%fe%fd",
    "page=-1",
    "page=0",
    "page=abc",
    "page=99999999999999999999",
    "page=1e9",
    f"sector={quote(SCRIPT)}&sector[]=x&park=%00",
    "band=../../&status=draft&preview=1",
    "category=%27%20OR%201%3D1&sort=-__class__&order=;DROP",
    "year=3000&month=13&day=-1",
    f"next=//{EVIL}/&return_to=https://{EVIL}/",
    f"lang=../../&language=//{EVIL}",
]
# Paths that try to turn the site's own redirects (language prefix, trailing slash) outward.
REDIRECT_PATHS = [
    f"//{EVIL}/",
    f"//{EVIL}/en/",
    f"/%2F{EVIL}/",
    f"/\\{EVIL}/",
    f"/%5C{EVIL}",
    f"/en//{EVIL}",
    f"/en/projects//{EVIL}",
    f"/https:/{EVIL}",
    f"/en/{EVIL}",
]
HREF = re.compile(r"""(?:href|src|action|content)=["']([^"']*)["']""")


@pytest.fixture
def published():
    """One of each public object, so that detail routes have something real to show."""
    project = make_project()
    park = make_park()
    article = make_article()
    return [project.slug, park.slug, article.slug, article.category.slug, project.sector.slug]


def problems(url, response):
    found = []
    if response.status_code >= 500:
        return [f"{url}: {response.status_code}"]
    body = response.content.decode("utf-8", "replace") if response.content else ""
    found += [f"{url}: body contains {s!r}" for s in NEVER_IN_A_PAGE if s in body]
    for header in ("Location", "Refresh", "Set-Cookie"):
        if "owned=1" in response.get(header, ""):
            found.append(f"{url}: header injection in {header}")
    location = response.get("Location", "")
    if location and (EVIL in urlsplit(location).netloc or location.startswith(("//", "/\\"))):
        found.append(f"{url}: redirects to {location}")
    for link in HREF.findall(body):
        target = urlsplit(link.replace("\\", "/"))
        if EVIL in target.netloc or link.startswith(("//", "/\\")):
            found.append(f"{url}: links to {link}")
    return found


def sweep(urls):
    client = Client(raise_request_exception=False)
    found = []
    for url in urls:
        for method in (client.get, client.head):
            found += problems(url, method(url))
    return found


def test_every_route_survives_hostile_path_values(published):
    routes = [route for route in public_routes() if placeholders(route)]
    assert len(routes) >= 5  # the media route and the detail pages in both languages
    urls = [fill(route, quote(value, safe="")) for route in routes for value in PATH_VALUES]
    # Unquoted too, so that slashes and dots reach the resolver as they are.
    urls += [fill(route, value) for route in routes for value in PATH_VALUES if "\x00" not in value]
    assert sweep(urls) == []


def test_every_page_survives_hostile_query_strings(published):
    urls = ["/"]
    for route in public_routes():
        if placeholders(route):
            urls += [fill(route, slug) for slug in published]
        else:
            urls.append(route)
    client = Client()
    reachable = [url for url in urls if client.get(url).status_code == 200]
    # Every published object was found by some detail route in both languages.
    assert len(reachable) >= len(published) * 2
    assert sweep(f"{url}?{query}" for url in reachable for query in QUERIES) == []


def test_no_redirect_and_no_language_switcher_link_leads_to_another_site(published):
    assert sweep(REDIRECT_PATHS) == []
    client = Client()
    for path in ("/", "/en", "/zh-hans", "/en/projects", "/zh-hans/news"):
        response = client.get(path)
        assert response.status_code == 301 or response.status_code == 302
        assert urlsplit(response["Location"]).netloc == ""


OTHER_METHODS = ("options", "head", "put", "delete")


def test_every_route_answers_every_method_without_a_server_error(published):
    """OPTIONS, HEAD, PUT and DELETE on every public URL: 405 or a proper answer."""
    urls = ["/"]
    for route in public_routes():
        urls += [fill(route, slug) for slug in published] if placeholders(route) else [route]
    client = Client(raise_request_exception=False)
    found = [
        f"{method.upper()} {problem}"
        for url in urls
        for method in OTHER_METHODS
        for problem in problems(url, getattr(client, method)(url))
    ]
    assert found == []
    # The project list among them: its handler was once shadowed by a helper of the same name.
    for language in ("en", "zh-hans"):
        options = client.options(f"/{language}/projects/?sector=forging")
        assert options.status_code == 200
        assert options["Allow"] == "GET, HEAD, OPTIONS"
        assert client.put(f"/{language}/projects/").status_code == 405
        assert client.delete(f"/{language}/projects/").status_code == 405


def test_the_page_caches_redirect_to_the_canonical_address_stays_on_the_site(published, settings):
    """With the page cache on, unknown parameters are answered with a 301: never off-site."""
    settings.PAGE_CACHE_SECONDS = 600
    unknown = f"utm_source={quote(SCRIPT)}&x=%0d%0aSet-Cookie:%20owned=1&return_to=//{EVIL}/"
    urls = [f"{path}?{unknown}" for path in REDIRECT_PATHS]
    urls += [f"/en/projects/?{unknown}&q={quote(SVG)}", f"/zh-hans/news/?{unknown}&page=2"]
    assert sweep(urls) == []
    client = Client()
    response = client.get(f"/en/projects/?{unknown}&stage=signed")
    assert response.status_code == 301
    assert response["Location"] == "/en/projects/?stage=signed"


def test_a_bad_host_header_is_refused():
    client = Client(raise_request_exception=False)
    for host in (EVIL, f"{EVIL}:80", "testserver@evil.example", "testserver\r\nX: y", ""):
        response = client.get("/en/", HTTP_HOST=host)
        assert response.status_code == 400, host
    assert client.get("/en/", HTTP_X_FORWARDED_HOST=EVIL).status_code == 200


@hypothesis.settings(
    max_examples=60, deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
@hypothesis.given(
    route=st.sampled_from([r for r in public_routes() if not r.startswith("/media/")]),
    value=st.text(min_size=1, max_size=300),
    key=st.sampled_from(["q", "page", "sector", "park", "band", "category", "status", "next"]),
)
def test_arbitrary_text_in_any_route_or_parameter_is_never_a_server_error(route, value, key):
    url = fill(route, quote(value, safe="")) if placeholders(route) else route
    query = f"{quote(key)}={quote(value, safe='')}&{quote(key)}[]={quote(value[:20], safe='')}"
    response = Client(raise_request_exception=False).get(f"{url}?{query}")
    assert problems(url, response) == []


# --- corrupt uploads to every upload field of the admin ----------------------------------------

CORRUPT_UPLOADS = {
    "truncated JPEG": ("photo.jpg", truncated_jpeg()),
    "PNG with a broken chunk": ("plan.png", png_with_a_broken_chunk()),
    "zero bytes": ("empty.pdf", b""),
    "PDF that is not a PDF": ("brochure.pdf", b"<html><script>alert(1)</script></html>"),
}
REFUSED_IMAGE = "此文件不是可打开的图片：请使用 JPEG、PNG 或 WebP 文件。"
REFUSED_FILE = {
    forms.ImageField: {REFUSED_IMAGE},
    forms.FileField: {"仅接受 PDF 文件。", "所提交的是空文件。"},
}


def _upload_fields(form_class):
    return [
        (name, forms.ImageField if isinstance(field, forms.ImageField) else forms.FileField)
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.FileField)
    ]


def admin_upload_fields(user):
    """(model admin, inline formset prefix or None, field name, field kind) for every upload
    field of the admin: on the model's own form and on its inlines."""
    request = RequestFactory().get("/")
    request.user = user
    found = []
    for model_admin in admin.site._registry.values():
        for name, kind in _upload_fields(model_admin.get_form(request)):
            found.append((model_admin, None, name, kind))
        for formset, _inline in model_admin.get_formsets_with_inlines(request):
            for name, kind in _upload_fields(formset.form):
                found.append((model_admin, formset.get_default_prefix(), name, kind))
    return found


def _initial_data(form, data):
    for bound in form:
        value = bound.value()
        if value is None or value is False or isinstance(bound.field, forms.FileField):
            continue
        data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)


def add_form_data(response, prefix, field, content):
    """The add form as the admin showed it, with `content` in one upload field."""
    data = {}
    _initial_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _initial_data(formset.management_form, data)
        if formset.prefix == prefix:
            # The first form of the inline, or the one the admin's "Add another" would add.
            if not formset.forms:
                data[f"{prefix}-TOTAL_FORMS"] = "1"
            first = {}
            _initial_data(formset.forms[0] if formset.forms else formset.empty_form, first)
            data.update({key.replace("__prefix__", "0"): value for key, value in first.items()})
    key = field if prefix is None else f"{prefix}-0-{field}"
    data[key] = content
    return data


def upload_errors(response, prefix, field):
    if prefix is None:
        return response.context["adminform"].form.errors.get(field, [])
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return inline.formset.forms[0].errors.get(field, [])
    raise AssertionError(f"no inline {prefix}")


def test_every_upload_field_of_the_admin_answers_corrupt_files_with_a_form_error(admin_user):
    fields = admin_upload_fields(admin_user)
    # Covers of articles and the home page, images and documents of parks and projects.
    assert len(fields) >= 6
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(admin_user)
    for model_admin, prefix, field, kind in fields:
        opts = model_admin.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        shown = client.get(url)
        assert shown.status_code == 200, url
        before = model_admin.model._default_manager.count()
        for case, (name, content) in CORRUPT_UPLOADS.items():
            upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
            response = client.post(url, add_form_data(shown, prefix, field, upload))
            where = f"{case} in {opts.label} {prefix or 'form'}.{field}"
            assert response.status_code == 200, where
            errors = {str(error) for error in upload_errors(response, prefix, field)}
            assert errors and errors <= REFUSED_FILE[kind], (where, errors)
        assert model_admin.model._default_manager.count() == before
