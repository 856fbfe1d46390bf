"""What people come for, done in a real browser from the first page to the stored result.

An investor finds a project and asks about it, on a desktop and on a phone; a reader switches
language; an editor publishes a project through the admin; an officer handles the enquiry.
Logins go through the admin's form, with django-axes watching as in production.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry
from projects.models import Project

# serialized_rollback: the staff groups and the privacy notice come from data migrations.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "forged-rings-from-qingshui-2026"


def staff(username, group):
    user = User.objects.create_user(username, f"{username}@example.cn", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#2f6f8f").save(buffer, format="PNG")
    return buffer.getvalue()


def test_investor_finds_a_project_and_enquires(page, settings, viewport_name):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    call_command("seed_demo", verbosity=0)
    project = Project.objects.published().filter(park__isnull=False).order_by("name_en").first()
    same_park_and_stage = Project.objects.published().filter(park=project.park, stage=project.stage)

    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    page.wait_for_url("**/en/projects/")
    filters = page.get_by_role("search", name="Filter projects")
    filters.get_by_label("Industrial park").select_option(project.park.slug)
    filters.get_by_label("Stage").select_option(project.stage)
    filters.get_by_role("button", name="Show projects").click()
    page.wait_for_url(re.compile(r"park=.*stage="))
    cards = page.locator("main .project-card")
    expect(cards).to_have_count(same_park_and_stage.count())

    cards.get_by_role("link", name=project.name_en, exact=True).click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name_en)
    page.get_by_role("link", name="Enquire about this project").first.click()
    page.wait_for_url("**/en/enquire/?project=*")

    form = page.locator("main form")
    expect(form.get_by_label(project.name_en)).to_be_checked()
    form.get_by_label("Your name").fill("Anna Schmidt")
    form.get_by_label("Organisation").fill("Schmidt Wälzlager GmbH")
    form.get_by_label("Email").fill("anna@example.de")
    form.get_by_label("Country or region").fill("Germany")
    form.get_by_label("You are").select_option("company")
    form.get_by_label("Your question").fill("What does land cost next to this project?")
    form.get_by_label("I agree that the investment office uses these details").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/en/enquire/thanks/**")

    enquiry = Enquiry.objects.get()
    expect(page.locator(".reference")).to_have_text(enquiry.reference)
    assert (enquiry.name, enquiry.email, enquiry.country) == (
        "Anna Schmidt",
        "anna@example.de",
        "Germany",
    )
    assert list(enquiry.projects.all()) == [project]
    assert enquiry.status == Enquiry.Status.NEW
    recipients = {address for message in mail.outbox for address in message.to}
    assert "anna@example.de" in recipients, "the investor gets an acknowledgement"
    assert any(enquiry.reference in message.subject for message in mail.outbox)
    assert len(recipients) >= 2, "the office is told as well"


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_language_switch_keeps_the_project(page):
    call_command("seed_demo", verbosity=0)
    project = Project.objects.published().first()
    page.goto(f"/en/projects/{project.slug}/")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.locator("a[hreflang='zh-hans']").click()
    page.wait_for_url(f"**/zh-hans/projects/{project.slug}/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name_zh_hans)
    page.get_by_role("navigation", name="语言").locator("a[hreflang='en']").click()
    page.wait_for_url(f"**/en/projects/{project.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name_en)
