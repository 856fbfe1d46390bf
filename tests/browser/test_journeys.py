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
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from playwright.sync_api import expect

from portal.enquiries.models import Enquiry
from projects.models import Park, Project, ProjectImage, Sector
from tests.factories import make_project

# The staff groups and the privacy notice come from data migrations (see conftest).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

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
    # A signed project: the open opportunities have no stage to filter by.
    project = (
        Project.objects.published()
        .filter(park__isnull=False, kind=Project.Kind.SIGNED)
        .order_by("name_en")
        .first()
    )
    same_park_and_stage = Project.objects.published().filter(park=project.park, stage=project.stage)
    assert 0 < same_park_and_stage.count() < Project.objects.published().count()

    page.goto("/en/")
    if viewport_name == "phone":  # the navigation sits behind the header's menu button
        page.locator("summary.site-menu-button").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    page.wait_for_url("**/en/projects/")
    if viewport_name == "phone":  # the results come first; the filters open on request
        page.get_by_text("Filters", exact=True).click()
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
    fill_and_send(
        page,
        name="Anna Schmidt",
        organisation="Schmidt Wälzlager GmbH",
        email="anna@example.de",
        country="Germany",
        question="What does land cost next to this project?",
    )

    enquiry = Enquiry.objects.get()
    expect(page.locator(".reference")).to_have_text(enquiry.reference)
    assert (enquiry.name, enquiry.email, enquiry.country) == (
        "Anna Schmidt",
        "anna@example.de",
        "Germany",
    )
    assert list(enquiry.projects.all()) == [project]
    assert enquiry.status == Enquiry.Status.NEW
    # The worker (`send_enquiry_notifications --loop`) sends what the request stored.
    call_command("send_enquiry_notifications")
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


def fill_and_send(page, *, name, organisation, email, country, question):
    """The public enquiry form on the page, filled by its labels as a company, and sent."""
    form = page.locator("main form")
    form.get_by_label("Your name").fill(name)
    form.get_by_label("Organisation").fill(organisation)
    form.get_by_label("Email").fill(email)
    form.get_by_label("Country or region").fill(country)
    form.get_by_label("You are").select_option("company")
    form.get_by_label("Your question").fill(question)
    form.get_by_label("I agree that the investment office uses these details").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/en/enquire/thanks/**")


def send_enquiry(page, project):
    """The public form, filled by its labels, as the investor journey does."""
    page.goto(f"/en/enquire/?project={project.slug}")
    fill_and_send(
        page,
        name="Wang Fang",
        organisation="Harbin Rolling Elements Co.",
        email="wang.fang@example.cn",
        country="China",
        question="Is there steam on site?",
    )
    return Enquiry.objects.get()


def choose_autocomplete(page, field, text):
    """Django's autocomplete widget (select2): open it, type, pick the answer."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_editor_publishes_a_project_and_cannot_reach_enquiries(page, browser, live_server):
    call_command("seed_demo", verbosity=0)
    staff("editor", "Content editors")
    sector, park = Sector.objects.order_by("order").first(), Park.objects.published().first()
    signed_before = Project.objects.headline()["count"]
    log_in(page, "editor")

    page.goto("/admin/projects/project/add/")
    page.locator("#id_name_en").fill("Slewing Ring Workshop")
    page.locator("#id_name_zh_hans").fill("回转支承车间")
    page.locator("#id_slug").fill("slewing-ring-workshop")
    page.locator("#id_summary_en").fill("A workshop for large slewing rings next to the forge.")
    page.locator("#id_summary_zh_hans").fill("紧邻锻造车间的大型回转支承车间。")
    choose_autocomplete(page, "sector", sector.name_en)
    choose_autocomplete(page, "park", park.name_en)
    page.locator("#id_kind").select_option("signed")
    page.locator("#id_stage").select_option("construction")
    page.locator("#id_investment_yuan").fill("320000000")
    page.locator("#id_signing_date").fill("2026-11-20")
    assert not page.locator("#id_is_published").is_checked(), "a new project starts as a draft"
    page.locator("#images-group .add-row a").click()
    page.locator("#id_images-0-image").set_input_files(
        files=[{"name": "workshop.png", "mimeType": "image/png", "buffer": png()}]
    )
    page.locator("#id_images-0-alt_text_en").fill("The slewing ring workshop under construction")
    page.locator("#id_images-0-alt_text_zh_hans").fill("建设中的回转支承车间")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_url(re.compile(r"/admin/projects/project/\d+/change/"))
    expect(page.locator(".messagelist .success")).to_be_visible()

    project = Project.objects.get(slug="slewing-ring-workshop")
    assert not project.is_published
    assert project.images.get().width == 1200

    # Preview: the editor sees the draft, marked as such; a visitor gets "page not found".
    page.goto(project.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Slewing Ring Workshop")
    expect(page.locator(".draft-banner")).to_contain_text("Draft, not public.")
    expect(
        page.get_by_role("img", name="The slewing ring workshop under construction")
    ).to_be_visible()
    visitor = browser.new_context(base_url=live_server.url)
    public = visitor.new_page()
    assert public.goto(project.get_absolute_url()).status == 404

    page.goto("/admin/projects/project/?is_published__exact=0")
    row = page.locator("#result_list tbody tr", has_text="Slewing Ring Workshop")
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("publish")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 project published.")
    project.refresh_from_db()
    assert project.is_published

    assert public.goto(project.get_absolute_url()).status == 200
    public.goto("/en/projects/")
    expect(public.get_by_role("link", name="Slewing Ring Workshop", exact=True)).to_be_visible()
    public.goto("/en/")
    expect(public.locator(".figure-headline .figure-value")).to_have_text(
        f"{signed_before + 1} signed projects"
    )
    visitor.close()

    # Enquiries are personal data: the content editor has no way to them.
    assert page.goto("/admin/enquiries/enquiry/").status == 403
    page.goto("/admin/")
    expect(page.locator("#content-main")).not_to_contain_text("Enquiries")


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_officer_takes_and_answers_a_new_enquiry(page, settings, browser, live_server):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    call_command("seed_demo", verbosity=0)
    enquiry = send_enquiry(page, Project.objects.published().first())
    officer = staff("officer", "Enquiry officers")
    log_in(page, "officer")

    page.goto("/admin/enquiries/enquiry/")
    page.locator("#changelist-filter").get_by_role("link", name="New", exact=True).click()
    page.wait_for_url(re.compile(r"status__exact=new"))
    row = page.locator("#result_list tbody tr", has_text=enquiry.reference)
    expect(row).to_have_count(1)
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("assign_to_me")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 enquiry assigned to you.")
    enquiry.refresh_from_db()
    assert (enquiry.owner, enquiry.status) == (officer, Enquiry.Status.IN_PROGRESS)

    page.goto("/admin/enquiries/enquiry/?status__exact=in-progress")
    row = page.locator("#result_list tbody tr", has_text=enquiry.reference)
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("mark_answered")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 enquiry marked answered.")
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ANSWERED
    assert enquiry.answered_at is not None


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_editor_saves_a_project_that_has_an_image_again(page):
    project = make_project(name_en="Cage Stamping Line")
    ProjectImage.objects.create(
        project=project,
        image=SimpleUploadedFile("line.png", png(), content_type="image/png"),
        alt_text_en="The stamping line",
        # Publishing asks for every text in both languages, the image's included.
        alt_text_zh_hans="冲压生产线",
    )
    staff("editor", "Content editors")
    log_in(page, "editor")
    page.goto(f"/admin/projects/project/{project.pk}/change/")
    page.locator("#id_is_published").check()
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.locator("input[name=_save]").first.click()
    assert answer.value.status == 302
    project.refresh_from_db()
    assert project.is_published
