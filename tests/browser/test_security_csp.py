"""The strict Content-Security-Policy holds in a real browser: the admin works under it and
no page triggers a single violation."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import NoReverseMatch, reverse

from tests.factories import make_article, make_project

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "bearing-forged-in-qingshui"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.refused = refused
    yield page
    context.close()


def violations(page):
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    return page.evaluate("window.__violations") + page.refused


def admin_pages():
    """The admin's index, and a changelist and add form for every registered model."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        for view in ("changelist", "add"):
            try:
                urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}"))
            except NoReverseMatch:
                continue
    return urls


def test_the_admin_works_under_the_policy_without_a_violation(tab):
    User.objects.create_superuser("chief", "chief@example.cn", PASSWORD)
    editor = User.objects.create_user("editor", "editor@example.cn", PASSWORD, is_staff=True)
    Group.objects.get_or_create(name="Content editors")
    make_project()
    make_article()

    tab.goto(f"/{settings.ADMIN_URL}login/")
    assert violations(tab) == []
    tab.fill("#id_username", "chief")
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.wait_for_url(f"**/{settings.ADMIN_URL}")
    assert violations(tab) == []

    found = {}
    for url in admin_pages():
        response = tab.goto(url)
        if response.status == 403:  # e.g. the sign-in log, which nobody may add to by hand
            continue
        assert response.status == 200, url
        assert tab.locator("#content").count() == 1, url
        found[url] = violations(tab)
    assert {url: v for url, v in found.items() if v} == {}

    # A change form with its scripts at work: the password link, the filter widget, saving.
    tab.goto(reverse("admin:auth_user_change", args=[editor.pk]))
    tab.fill("#id_first_name", "Wei")
    tab.locator("#id_user_permissions_input").fill("project")
    tab.click("input[name=_save]")
    tab.wait_for_url("**/auth/user/")
    assert "was changed successfully" in tab.content()
    assert violations(tab) == []
    assert User.objects.get(pk=editor.pk).first_name == "Wei"


def test_public_pages_work_under_the_policy_without_a_violation(tab):
    project = make_project()
    article = make_article()
    for url in ("/en/", "/zh-hans/", "/en/projects/", project.get_absolute_url(), "/en/news/"):
        tab.goto(url)
        assert violations(tab) == [], url
    tab.goto(article.get_absolute_url())
    assert violations(tab) == []
    # The recorder does see what the policy refuses: an injected inline script and style.
    tab.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.title = 'owned'";
          document.body.append(script);
          document.body.setAttribute("style", "color: red");
        }"""
    )
    tab.wait_for_timeout(150)
    assert tab.title() != "owned"
    refused = tab.evaluate("window.__violations")
    assert [v.split()[0] for v in refused] == ["script-src-elem", "style-src-attr"]


def test_two_factor_sign_in_works_in_the_browser(tab, settings):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADMIN_REQUIRE_2FA = True
    chief = User.objects.create_superuser("chief", "chief@example.cn", PASSWORD)
    device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
    tab.goto(f"/{settings.ADMIN_URL}login/")
    tab.fill("#id_username", "chief")
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.locator(".errornote").wait_for()
    assert tab.locator(".errornote").count() == 1  # the code is missing
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    tab.fill("#id_password", PASSWORD)
    tab.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"**/{settings.ADMIN_URL}")
    assert tab.locator("#user-tools").count() == 1
    assert violations(tab) == []
