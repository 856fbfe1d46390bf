"""The enquiry journey in a real browser: accessible form, errors, confirmation."""

import pytest
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry
from tests.browser.conftest import axe_violations, screenshot
from tests.factories import make_project

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_form_errors_and_confirmation_are_accessible(page, viewport_name, settings, lang):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    project = make_project(name_en="Ring forging line", name_zh_hans="环锻生产线")
    page.goto(f"/{lang}/enquire/?project={project.slug}")
    assert page.locator(f'input[name="projects"][value="{project.slug}"]').is_checked()
    assert axe_violations(page) == []

    page.locator("main button[type=submit]").click()
    # The form comes back from the server: wait for it rather than race the response.
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    screenshot(page, f"enquiry-errors-{lang}-{viewport_name}")

    page.fill("#id_name", "Anna Schmidt")
    page.fill("#id_organisation", "Schmidt Wälzlager GmbH")
    page.fill("#id_email", "anna@example.de")
    page.fill("#id_country", "Germany")
    page.select_option("#id_investor_type", "company")
    page.fill("#id_message", "What does land cost in the park?")
    page.check("#id_consent")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/enquire/thanks/**")
    reference = Enquiry.objects.get().reference
    assert page.locator(".reference").inner_text() == reference
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    screenshot(page, f"enquiry-thanks-{lang}-{viewport_name}")
