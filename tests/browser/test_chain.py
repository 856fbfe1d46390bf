"""The enterprise directory, an enterprise, the industry chain, the site visit request and the
cost estimator in a real browser: axe, no sideways scrolling on a phone, screenshots, and an
investor's journey from the chain to a stored visit request.

The viewports are an office screen (1366x900) and a phone (390x844); the content is the demo
seed, as in production. One test per language and viewport walks all the pages: the seeded
database per test is the expensive part.
"""

import datetime
import time

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.chain.models import ChainStage, Enterprise
from portal.enquiries.models import Enquiry
from projects.models import WorkforceFigure
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
LANGUAGES = ["en", "zh-hans"]


def context_for(browser, live_server, viewport_name):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport_name],
        is_mobile=viewport_name == "phone",
        has_touch=viewport_name == "phone",
        base_url=live_server.url,
    )
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    return context


@pytest.fixture(params=list(VIEWPORTS))
def chain_viewport(request):
    return request.param


@pytest.fixture
def chain_page(browser, live_server, chain_viewport):
    context = context_for(browser, live_server, chain_viewport)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = context_for(browser, live_server, "phone")
    yield context.new_page()
    context.close()


def estimator_exists():
    try:
        reverse("projects:estimate")
    except NoReverseMatch:
        return False
    return True


def seeded():
    call_command("seed_demo", verbosity=0)
    enterprise = Enterprise.objects.published().select_related("park").get(slug="enterprise-3")
    values = {"park": enterprise.park.slug, "stage": enterprise.stages.first().slug}
    role = WorkforceFigure.objects.order_by("pk").first()
    values["role"] = role.pk if role else ""
    return values


PAGES = [
    ("directory", "enterprises/"),
    ("directory-stage", "enterprises/?stage={stage}"),
    ("directory-filtered", "enterprises/?stage={stage}&cert=iso-9001&park={park}"),
    ("directory-search", "enterprises/?q=grinding"),
    ("directory-nothing", "enterprises/?q=no-such-product-anywhere"),
    ("enterprise", "enterprises/enterprise-3/"),
    ("chain", "industry-chain/"),
    ("visit", "enquire/visit/?park={park}"),
]
ESTIMATOR_PAGES = [
    ("estimate-form", "projects/estimate/"),
    (
        "estimate",
        "projects/estimate/?land=50&electricity=2000000&gas=10000&water=3000&tonnage=5000"
        "&role={role}&staff=40",
    ),
]

# Shown elements reaching past the right edge of the window, outside any container that scrolls
# or clips them: what a visitor would have to scroll sideways to read, even where a stylesheet
# hides the page's own scroll bar. (The closed menu's links are laid out but not shown.)
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent === document.body || parent === document.documentElement) return false;
      if (getComputedStyle(parent).overflowX !== "visible") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")]
    .filter((e) => e.checkVisibility({visibilityProperty: true}))
    .filter((e) => e.getBoundingClientRect().right > width + 0.5)
    .filter((e) => !clipped(e))
    .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string"
      ? "." + e.className.trim().split(/\\s+/).join(".") : ""));
}"""


def fits(page):
    """The page scrolls nowhere sideways and nothing sticks out of the window."""
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWING) == []


def smallest_drawn_text(page):
    """The height in CSS pixels of the smallest text in the chain drawing the visitor sees."""
    return page.evaluate(
        """() => Math.min(...[...document.querySelectorAll("figure svg text")]
          .filter((t) => t.checkVisibility())
          .map((t) => t.getBoundingClientRect().height))"""
    )


def check(page, name, lang, viewport_name):
    assert page.locator("html").get_attribute("lang") == lang, name
    assert page.locator("h1").count() == 1, name
    try:
        fits(page)
    except AssertionError as error:
        raise AssertionError(f"{name} is wider than the {viewport_name}: {error}") from error
    assert axe_violations(page) == [], name
    if name == "chain":
        # Readable on a phone too, not five boxes a row shrunk to a few pixels.
        assert smallest_drawn_text(page) >= 12
    screenshot(page, f"chain-{name}-{lang}-{viewport_name}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chain_pages_have_no_axe_violations_and_fit_the_window(
    chain_page, chain_viewport, lang
):
    values = seeded()
    pages = PAGES + (ESTIMATOR_PAGES if estimator_exists() else [])
    for name, path in pages:
        response = chain_page.goto(f"/{lang}/{path.format(**values)}")
        assert response.status == 200, name
        check(chain_page, name, lang, chain_viewport)

    # The visit form sent empty comes back with its errors, which must be as accessible.
    chain_page.goto(f"/{lang}/enquire/visit/?park={values['park']}")
    chain_page.locator("main button[type=submit]").click()
    chain_page.locator(".error-summary").wait_for()
    chain_page.wait_for_load_state("load")
    chain_page.wait_for_function("document.activeElement.id === 'error-summary'")
    check(chain_page, "visit-errors", lang, chain_viewport)


def translated(lang, text):
    with translation.override(lang):
        return gettext(text)


def listed_names(page):
    """The enterprise names the directory lists, following its pages to the end."""
    names = []
    while True:
        names += page.locator(".enterprise-name a").all_inner_texts()
        following = page.locator("a[rel=next]")
        if not following.count():
            return names
        following.first.click()
        page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_investor_on_a_phone_goes_from_the_chain_to_a_site_visit_request(phone, lang):
    call_command("seed_demo", verbosity=0)
    with translation.override(lang):
        # The forging stage: several enterprises, all in one park, so the visit has one park.
        stage = ChainStage.objects.published().get(slug="forging")
        stage_name = stage.name
    in_stage = Enterprise.objects.published().filter(stages=stage)
    expected = in_stage.count()
    assert expected > 1

    phone.goto(f"/{lang}/industry-chain/")
    row = phone.locator(".chain-table tbody tr").filter(
        has=phone.get_by_role("link", name=stage_name, exact=True)
    )
    assert row.locator("td").first.inner_text() == str(expected)
    # The drawing says the same as the table.
    box = phone.locator(f".chain-svg a[href$='?stage={stage.slug}']")
    assert box.locator(".chain-count").first.text_content().split()[0].startswith(str(expected))
    screenshot(phone, f"chain-journey-chain-{lang}-phone")

    row.get_by_role("link", name=stage_name, exact=True).click()
    phone.wait_for_url(f"**/{lang}/enterprises/?stage={stage.slug}")
    chosen = phone.locator(".facet-option[aria-current=true]")
    assert chosen.inner_text() == f"{stage_name} ({expected})" or chosen.inner_text() == (
        f"{stage_name}（{expected}）"
    )
    assert phone.locator(".result-count").inner_text().split()[0].startswith(str(expected))
    fits(phone)
    screenshot(phone, f"chain-journey-directory-{lang}-phone")
    first_url = phone.url
    with translation.override(lang):
        expected_names = sorted(e.name for e in in_stage)
    assert sorted(listed_names(phone)) == expected_names
    phone.goto(first_url)

    phone.locator(".enterprise-name a").first.click()
    phone.wait_for_url(f"**/{lang}/enterprises/enterprise-*/")
    enterprise = Enterprise.objects.select_related("park").get(
        slug=phone.url.rstrip("/").split("/")[-1]
    )
    assert enterprise in in_stage
    assert enterprise.park is not None
    fits(phone)
    screenshot(phone, f"chain-journey-enterprise-{lang}-phone")

    phone.get_by_role("link", name=translated(lang, "Request a site visit")).click()
    phone.wait_for_url("**/enquire/visit/**")
    opened = time.monotonic()
    assert f"park={enterprise.park.slug}" in phone.url
    park_boxes = phone.locator("input[name=visit_parks]")
    assert park_boxes.count() >= 2
    chosen_parks = phone.locator("input[name=visit_parks]:checked")
    assert chosen_parks.count() == 1
    assert chosen_parks.get_attribute("value") == enterprise.park.slug
    assert phone.locator(f"input[name=visit_enterprises][value='{enterprise.slug}']").is_checked()

    today = timezone.localdate()
    start, end = today + datetime.timedelta(days=30), today + datetime.timedelta(days=32)
    phone.fill("#id_visit_from", start.isoformat())
    phone.fill("#id_visit_to", end.isoformat())
    phone.fill("#id_name", "Anna Schmidt")
    phone.fill("#id_organisation", "Schmidt Wälzlager GmbH")
    phone.fill("#id_email", "anna@example.de")
    phone.fill("#id_country", "Germany")
    phone.select_option("#id_investor_type", "company")
    phone.fill("#id_message", "Two engineers; we would like to see ring forging.")
    phone.check("#id_consent")
    fits(phone)
    screenshot(phone, f"chain-journey-visit-{lang}-phone")
    # A person takes longer than the form's minimum fill time; the request is not held back
    # as too fast (no confirmation step, not flagged).
    time.sleep(max(0, django_settings.ENQUIRY_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - opened)))
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url("**/enquire/thanks/**")

    enquiry = Enquiry.objects.get()
    assert phone.locator(".reference").inner_text() == enquiry.reference
    assert enquiry.kind == Enquiry.Kind.VISIT
    assert enquiry.spam_reason == ""
    assert (enquiry.visit_from, enquiry.visit_to) == (start, end)
    assert list(enquiry.visit_parks.all()) == [enterprise.park]
    assert list(enquiry.visit_enterprises.all()) == [enterprise]
    assert list(enquiry.projects.all()) == []
    assert enquiry.park == enterprise.park
    assert enquiry.email == "anna@example.de"
    fits(phone)
    assert axe_violations(phone) == []
    screenshot(phone, f"chain-journey-thanks-{lang}-phone")
