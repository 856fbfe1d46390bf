"""axe-core on every public page type, in both languages, on a desktop and a phone viewport.

The content is the demo seed (registry, news and pages), so the pages are as full as they are
in production. One test per language and viewport walks all the pages: a live server and a
seeded database per test is the expensive part, the pages themselves are cheap.
"""

import pytest
from django.core.management import call_command

from portal.news.models import Article, Category
from projects.models import Project
from tests.browser.conftest import axe_violations, screenshot

# The staff groups and the privacy notice come from data migrations (see conftest).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]


def seeded():
    call_command("seed_demo", verbosity=0)
    project, other = Project.objects.published().select_related("park")[:2]
    return {
        "project": project.slug,
        "other": other.slug,
        "park": project.park.slug,
        "stage": project.stage,
        "article": Article.objects.published().first().slug,
        "category": Category.objects.filter(articles__in=Article.objects.published()).first().slug,
    }


PAGES = [
    ("home", ""),
    ("project-list-filtered", "projects/?park={park}&stage={stage}"),
    ("project-detail", "projects/{project}/"),
    ("park-list", "projects/parks/"),
    ("park-detail", "projects/parks/{park}/"),
    ("news-list", "news/"),
    ("news-category", "news/category/{category}/"),
    ("article", "news/{article}/"),
    ("search", "search/?q=bearing"),
    ("accessibility", "accessibility/"),
    ("enquiry-form", "enquire/?project={project}"),
    ("privacy", "enquire/privacy/"),
    ("compare", "projects/compare/?p={project}&p={other}"),
    ("shortlist", "projects/shortlist/"),
    ("map", "projects/map/"),
    ("sheet", "projects/{project}/sheet/"),
]


def check(page, name, lang, viewport_name, status=200):
    assert page.locator("html").get_attribute("lang") == lang, name
    assert page.locator("h1").count() == 1, name
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], (
        f"{name} scrolls sideways"
    )
    assert axe_violations(page) == [], name
    screenshot(page, f"{name}-{lang}-{viewport_name}")


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_public_page_type_has_no_axe_violations(page, viewport_name, settings, lang):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    values = seeded()
    for name, path in PAGES:
        response = page.goto(f"/{lang}/{path.format(**values)}")
        assert response.status == 200, name
        if name == "map" and page.locator("#tools-map-data").count():
            # Only with a tile server set does the detailed map load over the sketch.
            page.wait_for_selector("#tools-map[data-map-ready='true']")
        check(page, name, lang, viewport_name)

    response = page.goto(f"/{lang}/projects/no-such-project/")
    assert response.status == 404
    check(page, "not-found", lang, viewport_name)

    page.goto(f"/{lang}/enquire/?project={values['project']}")
    page.locator("main button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    # The page's script moves focus to the summary, which scrolls on a phone: axe measures the
    # touch targets once that is done.
    page.wait_for_load_state("load")
    page.wait_for_function("document.activeElement.id === 'error-summary'")
    check(page, "enquiry-errors", lang, viewport_name)

    page.locator("#id_name").fill("Anna Schmidt")
    page.locator("#id_organisation").fill("Schmidt Wälzlager GmbH")
    page.locator("#id_email").fill("anna@example.de")
    page.locator("#id_country").fill("Germany")
    page.locator("#id_investor_type").select_option("company")
    page.locator("#id_message").fill("What does land cost in the park?")
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/enquire/thanks/**")
    check(page, "enquiry-confirmation", lang, viewport_name)


CARE_PAGES = [
    ("home", ""),
    ("project-list-filtered", "projects/?park={park}&stage={stage}"),
    ("project-detail", "projects/{project}/"),
    ("park-detail", "projects/parks/{park}/"),
    ("news-list", "news/"),
    ("accessibility", "accessibility/"),
    ("enquiry-form", "enquire/?project={project}"),
]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_elderly_friendly_mode_has_no_axe_violations(page, viewport_name, settings, lang):
    """The mode (larger text, stronger contrast) on the page types an investor meets first,
    switched on as a visitor does it: the header's button."""
    values = seeded()
    page.goto(f"/{lang}/")
    if viewport_name == "phone":
        page.locator(".site-menu summary").click()
    page.locator(".care-button:visible").click()
    page.wait_for_url(f"**/{lang}/")
    for name, path in CARE_PAGES:
        response = page.goto(f"/{lang}/{path.format(**values)}")
        assert response.status == 200, name
        assert page.evaluate("document.documentElement.classList.contains('care')"), name
        check(page, f"care-{name}", lang, viewport_name)
    if viewport_name == "phone":
        page.locator(".site-menu summary").click()
        check(page, "care-menu-open", lang, viewport_name)
