"""An officer answers an overdue enquiry from the admin, and the investor sees the answer."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry, Note

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
    page.get_by_role("link", name="Open the overdue list").click()
    page.wait_for_url(re.compile(r"overdue=yes"))
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
    page.goto("/en/enquire/service-standard/")
    page.screenshot(path=SCREENSHOTS / "enquiry-service-standard.png", full_page=True)
