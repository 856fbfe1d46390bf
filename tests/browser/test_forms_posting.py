"""While a public form posts, its submit button says "Sending…" (正在发送……) and every submit
button of the form is disabled, so a slow network gets an answer and a second press sends
nothing twice; the shortlist's own fetch is left alone."""

import pytest
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry
from tests.factories import make_project

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

SENDING = {"en": "Sending…", "zh-hans": "正在发送……"}
# Records in sessionStorage, which outlives the page, every state the form's submit buttons
# pass through while it posts, and whether each submit event was let through.
RECORD = """(selector) => {
  const form = document.querySelector(selector);
  const push = (key, value) => {
    const list = JSON.parse(sessionStorage.getItem(key) || "[]");
    list.push(value);
    sessionStorage.setItem(key, JSON.stringify(list));
  };
  const buttons = () => [...form.querySelectorAll("button[type=submit], input[type=submit]")];
  new MutationObserver(() => push("states", {
    busy: form.getAttribute("aria-busy"),
    disabled: buttons().map((b) => b.disabled),
    labels: buttons().map((b) => b.textContent.trim()),
    status: (form.querySelector(".form-posting-status") || {}).textContent || "",
  })).observe(form, {attributes: true, childList: true, subtree: true, characterData: true});
  window.addEventListener("submit", (event) => push("submits", event.defaultPrevented));
  // A second press, a moment after the first.
  form.addEventListener("submit", () => setTimeout(() => form.requestSubmit(), 30), {once: true});
}"""
RECORDED = "(key) => JSON.parse(sessionStorage.getItem(key) || '[]')"


def fill_enquiry(page):
    page.fill("#id_name", "Anna Schmidt")
    page.fill("#id_organisation", "Schmidt Wälzlager GmbH")
    page.fill("#id_email", "anna@example.de")
    country = page.locator("#id_country")
    if country.evaluate("e => e.tagName") == "SELECT":
        country.select_option(index=1)
    else:
        country.fill("Germany")
    page.select_option("#id_investor_type", "company")
    page.fill("#id_message", "What does land cost in the park?")
    page.check("#id_consent")


@pytest.mark.parametrize("viewport_name", ["phone"])
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_enquiry_button_says_sending_and_is_disabled_while_it_posts(page, settings, lang):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    project = make_project(name_en="Ring forging line", name_zh_hans="环锻生产线")
    page.goto(f"/{lang}/enquire/?project={project.slug}")
    button = page.locator("main form.enquiry-form button[type=submit]")
    label = button.inner_text()
    assert label != SENDING[lang]
    fill_enquiry(page)
    page.evaluate(RECORD, "main form.enquiry-form")
    button.click()
    page.wait_for_url("**/enquire/thanks/**")

    states = page.evaluate(RECORDED, "states")
    sending = [s for s in states if s["busy"] == "true"]
    assert sending, states
    assert sending[0]["labels"] == [SENDING[lang]]
    assert sending[0]["disabled"] == [True]
    assert sending[0]["status"] == SENDING[lang]
    # The first press went through, the second was held back.
    assert page.evaluate(RECORDED, "submits") in ([False], [False, True])
    assert Enquiry.objects.count() == 1


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_back_to_the_form_gives_the_button_back(page, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    make_project()
    page.goto("/en/enquire/")
    fill_enquiry(page)
    button = page.locator("main form button[type=submit]")
    label = button.inner_text()
    button.click()
    page.wait_for_url("**/enquire/thanks/**")
    page.go_back()
    page.wait_for_url("**/en/enquire/")
    expect(page.locator("main form button[type=submit]")).to_be_enabled()
    expect(page.locator("main form button[type=submit]")).to_have_text(label)


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_the_shortlist_confirmation_posts_with_sending_too(page):
    project = make_project(name_en="Ring forging line")
    page.goto(f"/en/projects/shortlist/{project.slug}/?next=/en/projects/")
    button = page.locator("main form[method=post] button[type=submit]")
    expect(button).to_have_text("Save to my shortlist")
    page.evaluate(RECORD, "main form[method=post]")
    button.click()
    page.wait_for_url("**/en/projects/")
    states = [s for s in page.evaluate(RECORDED, "states") if s["busy"] == "true"]
    assert states and states[0]["labels"] == ["Sending…"] and states[0]["disabled"] == [True]


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_a_form_the_shortlist_sends_by_fetch_keeps_its_own_label(page):
    first = make_project(name_en="Ring forging line", slug="rings")
    make_project(name_en="Steel balls", slug="balls")
    held = []
    page.route(
        f"**/projects/shortlist/{first.slug}/",
        lambda route: held.append(route) if route.request.method == "POST" else route.continue_(),
    )
    page.goto("/en/projects/compare/?p=rings&p=balls")
    form = page.locator("form.shortlist-toggle").first
    button = form.locator("button")
    expect(button).to_contain_text("Save")
    button.click()
    page.wait_for_timeout(300)
    assert len(held) == 1
    expect(button).not_to_contain_text("Sending")
    assert form.get_attribute("aria-busy") is None
    held[0].continue_()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_be_enabled()
    assert page.url.endswith("/en/projects/compare/?p=rings&p=balls"), "no reload"
