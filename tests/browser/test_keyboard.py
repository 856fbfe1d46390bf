"""Keyboard only: every control of the header, the project filters and the enquiry form is
reached with Tab, shows a visible focus indicator, and Tab always moves on (no trap)."""

import pytest
from django.core.management import call_command

# The staff groups and the privacy notice come from data migrations (see conftest).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

# Controls a keyboard user must reach in `scope`: visible, enabled, not taken out of the tab
# order; of a group of radio buttons only one is a tab stop.
TAB_STOPS = """(scope) => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]";
  const stops = [], radios = new Set();
  for (const el of document.querySelectorAll(scope)) {
    for (const control of el.querySelectorAll(selector)) {
      if (control.tabIndex < 0 || control.disabled || !control.getClientRects().length) continue;
      // Inside a closed <details> (the phone's menu and filters) only its summary is reached.
      const closed = control.closest("details:not([open])");
      if (closed && !closed.querySelector(":scope > summary").contains(control)) continue;
      if (getComputedStyle(control).visibility === "hidden") continue;
      if (control.type === "radio") {
        if (radios.has(control.name)) continue;
        radios.add(control.name);
      }
      stops.push(control.type === "radio" ? `radio:${control.name}` : describe(control));
    }
  }
  return stops;
  function describe(c) { return `${c.tagName}#${c.id}|${c.name || ""}|${c.getAttribute("href") || ""}|${(c.textContent || "").trim().slice(0, 40)}`; }
}"""

FOCUSED = """() => {
  const c = document.activeElement;
  if (!c || c === document.body) return null;
  const style = getComputedStyle(c);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== "none";
  const key = c.type === "radio" ? `radio:${c.name}` :
    `${c.tagName}#${c.id}|${c.name || ""}|${c.getAttribute("href") || ""}|${(c.textContent || "").trim().slice(0, 40)}`;
  // Each element gets its own number, so that look-alike controls (three "Show the data"
  // summaries in a row) are not mistaken for the focus staying put.
  window.__kbIds = window.__kbIds || new WeakMap();
  if (!window.__kbIds.has(c)) {
    window.__kbNext = (window.__kbNext || 0) + 1;
    window.__kbIds.set(c, window.__kbNext);
  }
  return {key, uid: window.__kbIds.get(c), visible: outline || shadow, matches: c.matches(":focus-visible")};
}"""


def tab_through(page, limit=250):
    """Tab from the top of the page until the focus leaves the document; the stops on the way."""
    page.locator("body").focus()
    stops = []
    previous = None
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:  # past the last control: back to the browser, nothing trapped it
            return stops
        assert focused["matches"], f"{focused['key']} is focused but not :focus-visible"
        assert focused["visible"], f"{focused['key']} has no visible focus indicator"
        assert previous != focused["uid"] or focused["key"].startswith("radio:"), (
            f"Tab stays on {focused['key']}"
        )
        previous = focused["uid"]
        stops.append(focused["key"])
    raise AssertionError(f"the focus never left the page after {limit} presses: {stops[-5:]}")


@pytest.mark.parametrize("viewport_name", ["desktop", "phone"])
def test_header_filters_and_enquiry_form_work_with_the_keyboard_alone(page, viewport_name):
    call_command("seed_demo", verbosity=0)
    for path, scopes in (
        ("/en/projects/", ".site-header, .filter-panel"),
        ("/en/enquire/", ".site-header, main form"),
    ):
        page.goto(path)
        # The phone's filters wait behind their <details>: opened, the focus left where it was.
        page.evaluate("document.querySelectorAll('.filter-panel').forEach((d) => (d.open = true))")
        expected = page.evaluate(TAB_STOPS, scopes)
        assert len(expected) > 8, path
        stops = tab_through(page)
        missing = [control for control in expected if control not in stops]
        assert missing == [], f"{path}: not reachable with Tab: {missing}"
        # Shift+Tab walks back as well: from the last control to the first.
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUSED)["key"] == stops[-1], path
