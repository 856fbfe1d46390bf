"""An officer answers an overdue enquiry from the admin, and the investor sees the answer."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry, HolidayYear, Note
from tests.factories import make_park, make_project

from .conftest import SCREENSHOTS

PASSWORD = "a-long-password-for-tests"


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_officer_answers_an_overdue_enquiry_and_the_investor_sees_it(page, live_server):
    officer = User.objects.create_user(
        "officer.wang", "wang@example.cn", PASSWORD, is_staff=True, first_name="Fang"
    )
    officer.last_name = "Wang"
    officer.save()
    officer.groups.add(Group.objects.get(name="Enquiry officers"))
    enquiry = Enquiry.objects.create(
        reference="GX-2026-00001",
        name="Anna Schmidt",
        organisation="Schmidt Wälzlager GmbH",
        email="anna@example.de",
        country="Germany",
        investor_type=Enquiry.InvestorType.COMPANY,
        message="What does land cost in the Qingshui park?",
        fingerprint="1",
        owner=officer,
        status=Enquiry.Status.IN_PROGRESS,
        response_due=timezone.localdate() - datetime.timedelta(days=2),
    )

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("officer.wang")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")

    page.get_by_role("link", name="Enquiry desk").click()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "enquiry-desk-dashboard.png", full_page=True)
    # The figures: one enquiry overdue, for the office and for this officer.
    overdue = page.locator(".desk-figure", has=page.get_by_role("heading", name="Overdue"))
    expect(overdue.locator(".desk-office .desk-number")).to_have_text("1")
    expect(overdue.locator(".desk-mine .desk-number")).to_have_text("1")
    overdue.locator(".desk-office").click()
    page.wait_for_url(re.compile(r"overdue=yes"))
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    page.get_by_role("link", name=enquiry.reference).click()
    page.wait_for_url(re.compile(rf"/enquiry/{enquiry.pk}/change/"))
    page.get_by_label("Reply to the investor").fill("Dear Ms Schmidt, CNY 150,000 per mu.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    enquiry.refresh_from_db()
    assert enquiry.answered_at is not None and enquiry.status == Enquiry.Status.ANSWERED
    reply = enquiry.notes.get(kind=Note.Kind.REPLY)
    assert reply.author == officer
    expect(page.locator(".enquiry-thread")).to_contain_text("CNY 150,000 per mu.")
    expect(page.locator(".enquiry-thread")).to_contain_text("Fang Wang")
    page.screenshot(path=SCREENSHOTS / "enquiry-desk-answered.png", full_page=True)

    call_command("send_enquiry_notifications")
    [message] = [m for m in mail.outbox if m.to == ["anna@example.de"]]
    assert "CNY 150,000 per mu." in message.body

    token = signing.dumps(enquiry.reference, salt="enquiries.thanks")
    page.goto(f"/en/enquire/thanks/{token}/")
    expect(page.locator(".enquiry-progress")).to_contain_text("Answered on")
    assert page.locator("[data-progress]").get_attribute("data-progress") == "answered"
    page.goto("/en/enquire/service-standard/")
    page.screenshot(path=SCREENSHOTS / "enquiry-service-standard.png", full_page=True)


def make_officer():
    officer = User.objects.create_user(
        "officer.wang", "wang@example.cn", PASSWORD, is_staff=True, first_name="Fang"
    )
    officer.last_name = "Wang"
    officer.save()
    officer.groups.add(Group.objects.get(name="Enquiry officers"))
    return officer


def some_enquiries(officer):
    # As migrated: the live server's tables are emptied between tests.
    HolidayYear.objects.get_or_create(year=2026)
    park = make_park(name_en="Qingshui forging park", name_zh_hans="清水锻造产业园")
    project = make_project(
        name_en="Wind-power bearing rings", name_zh_hans="风电轴承套圈", park=park
    )
    today = timezone.localdate()
    for n in range(8):
        enquiry = Enquiry.objects.create(
            reference=f"GX-2026-{n + 1:05d}",
            name=f"Investor {n}",
            organisation="Company",
            email=f"i{n}@example.com",
            country=["Germany", "Japan", "China"][n % 3],
            investor_type=Enquiry.InvestorType.COMPANY,
            message="Question",
            fingerprint=str(n),
            owner=officer if n % 2 else None,
            park=park if n % 3 == 0 else None,
            channel=[Enquiry.Channel.WEB, Enquiry.Channel.PHONE, Enquiry.Channel.FAIR][n % 3],
            response_due=today - datetime.timedelta(days=n % 4),
        )
        if n % 2 == 0:
            enquiry.projects.add(project)


SIZES = {
    "desktop-1366": ({"width": 1366, "height": 900}, False),
    "phone": ({"width": 390, "height": 844}, True),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_dashboard_fills_the_admin_at_1366_and_stacks_on_a_phone(browser, live_server, lang):
    some_enquiries(make_officer())
    for size_name, (size, mobile) in SIZES.items():
        context = browser.new_context(
            viewport=size,
            is_mobile=mobile,
            has_touch=mobile,
            base_url=live_server.url,
            extra_http_headers={"Accept-Language": lang},
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda r: r.abort())
        page = context.new_page()
        page.goto("/admin/login/?next=/admin/enquiries/enquiry/dashboard/")
        page.fill("#id_username", "officer.wang")
        page.fill("#id_password", PASSWORD)
        page.locator("input[type=submit]").click()
        page.wait_for_url("**/dashboard/")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(
            path=SCREENSHOTS / f"enquiry-desk-dashboard-{lang}-{size_name}.png", full_page=True
        )
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        cards = page.locator(".desk-figure").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [r.left, r.top, r.right]; })"
        )
        tables = page.locator(".desk-breakdowns table").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top]; })"
        )
        main = page.locator(".enquiry-dashboard").bounding_box()
        content = page.locator("#content").bounding_box()
        assert len(cards) == 6 and len(tables) == 4
        if mobile:
            # One column: every card and table under the one before, at the same left edge.
            assert len({round(left) for left, _top, _right in cards}) == 1
            assert [top for _l, top, _r in cards] == sorted(top for _l, top, _r in cards)
            assert len({round(left) for left, _top in tables}) == 1
        else:
            # The admin's whole content width: the six figures side by side across it, the
            # four breakdowns in one row below.
            assert main["width"] >= content["width"] - 100
            assert main["width"] >= 900
            assert len({round(top) for _l, top, _r in cards}) == 1
            assert cards[-1][2] >= main["x"] + main["width"] - 2
            assert len({round(top) for _left, top in tables}) == 1
        context.close()
