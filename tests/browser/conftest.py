"""Playwright against a live server, driving the system Chromium (never a downloaded one).

Browser tests are skipped with a printed reason when no Chromium is found; REQUIRE_BROWSER=1
(set by CI) turns that skip into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

# Django refuses database access from an event loop; Playwright's sync API runs one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCREENSHOTS = Path(__file__).parent / "screenshots"


def chromium_path():
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        message = "no Chromium found (set CHROMIUM_PATH or install the chromium package)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport_name(request):
    return request.param


@pytest.fixture
def page(browser, viewport_name, live_server):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport_name],
        is_mobile=viewport_name == "phone",
        has_touch=viewport_name == "phone",
        base_url=live_server.url,
    )
    context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.abort(),
    )
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    """axe-core's violations on the page, for WCAG 2.0/2.1/2.2 A and AA and best practices."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": [
                    "wcag2a",
                    "wcag2aa",
                    "wcag21a",
                    "wcag21aa",
                    "wcag22aa",
                    "best-practice",
                ],
            }
        },
    )
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def migration_data(transactional_db):
    """The staff groups and the first privacy notice, which data migrations create.

    Transactional tests (a live server needs them) empty every table after each test, so the
    migrations' rows are put back by running their own functions on the historical models.
    """
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state = MigrationLoader(connection).project_state(("enquiries", "0003_first_privacy_notice"))
    import_module("portal.enquiries.migrations.0002_groups").create_groups(state.apps, None)
    import_module("portal.enquiries.migrations.0003_first_privacy_notice").create_notice(
        state.apps, None
    )
