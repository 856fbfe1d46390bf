"""No lost work, in a real Chromium: two editors on one park, a photo kept across an error,
a question before leaving a changed form, and the rich-text toolbar in Chinese."""

import re

import pytest
import reversion
from django.contrib.auth.models import Group, User

from projects.models import Park, ProjectImage
from tests.browser.conftest import screenshot
from tests.factories import make_category, make_park, make_project
from tests.projects.helpers import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long enough password"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def desk_violations(page, selector):
    """axe-core's violations inside the desk's own pieces (the admin's own widgets around
    them are Django's)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context={"include": [[selector]]},
        options={"runOnly": {"type": "tag", "values": WCAG}},
    )
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


@pytest.fixture
def sign_in(browser, live_server):
    contexts = []

    def sign_in(username, locale="en-GB", **names):
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **names)
        user.groups.add(Group.objects.get(name="Content editors"))
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": 1366, "height": 900}
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        page.goto("/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()


def test_the_second_of_two_editors_saving_one_park_is_refused_naming_the_first(sign_in):
    park = make_park(tagline_en="Forged in Qingshui")
    with reversion.create_revision():  # the park as its last save kept it
        reversion.add_to_revision(park)
    li = sign_in("editor.li", first_name="Ming", last_name="Li")
    wang = sign_in("editor.wang", locale="zh-CN")
    change = f"/admin/projects/park/{park.pk}/change/"
    li.goto(change)
    wang.goto(change)

    li.fill("#id_tagline_en", "Bearing capital of China")
    li.click("input[name=_save]")
    li.wait_for_url("**/admin/projects/park/")
    wang.locator("details", has=wang.locator("#id_available_area_ha")).locator("summary").click()
    wang.fill("#id_available_area_ha", "42")
    wang.click("input[name=_save]")

    summary = wang.locator("#error-summary")
    summary.wait_for()
    assert "Ming Li (editor.li)" in summary.inner_text()
    conflict = wang.locator("#edit-conflict")
    assert "Ming Li (editor.li)" in conflict.inner_text()
    assert wang.input_value("#id_available_area_ha") == "42"
    screenshot(wang, "editors-desk-conflict-zh")
    assert desk_violations(wang, "#error-summary") == []
    assert desk_violations(wang, "#edit-conflict") == []
    park.refresh_from_db()
    assert park.tagline_en == "Bearing capital of China"
    assert park.available_area_ha != 42

    # What the first editor changed is in the form again, beside the second editor's input.
    assert wang.input_value("#id_tagline_en") == "Bearing capital of China"
    wang.click("input[name=_save]")
    wang.wait_for_url("**/admin/projects/park/")
    park.refresh_from_db()
    assert (park.tagline_en, park.available_area_ha) == ("Bearing capital of China", 42)
    assert li.errors == wang.errors == []


def test_a_photo_chosen_before_an_error_is_saved_with_the_corrected_form(sign_in, tmp_path):
    project = make_project(investment_yuan=300_000_000)
    photo = tmp_path / "forging-hall.png"
    photo.write_bytes(png_bytes(1400, 800))
    page = sign_in("editor.li")
    page.goto(f"/admin/projects/project/{project.pk}/change/")

    page.locator("#images-group .add-row a").click()
    page.set_input_files("#id_images-0-image", str(photo))
    page.fill("#id_images-0-alt_text_en", "The forging hall")
    page.fill("#id_images-0-alt_text_zh_hans", "锻造车间")
    page.fill("#id_investment_yuan", "-5")
    page.click("input[name=_save]")

    summary = page.locator("#error-summary")
    summary.wait_for()
    assert "forging-hall.png" in summary.inner_text()
    assert (
        page.locator(".kept-file")
        .inner_text()
        .startswith("Kept from your last try: forging-hall.png.")
    )
    assert summary.evaluate("element => element === document.activeElement")
    summary.locator("a[href='#id_investment_yuan']").click()
    assert page.evaluate("document.activeElement.id") == "id_investment_yuan"
    screenshot(page, "editors-desk-kept-photo-en")
    assert desk_violations(page, "#error-summary") == []

    page.fill("#id_investment_yuan", "300000000")
    page.click("input[name=_save]")
    # The browser carries the anchor clicked above through the redirect.
    page.wait_for_url(re.compile(r"/admin/projects/project/(#.*)?$"))
    image = ProjectImage.objects.get(project=project)
    assert (image.width, image.height, image.alt_text_en) == (1400, 800, "The forging hall")
    assert page.errors == []


def test_leaving_a_changed_form_asks_first_but_saving_does_not(sign_in):
    park = make_park()
    page = sign_in("editor.li")
    page.goto(f"/admin/projects/park/{park.pk}/change/")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.goto("/admin/")  # unchanged: leaves without a question
    assert dialogs == []

    page.goto(f"/admin/projects/park/{park.pk}/change/")
    page.fill("#id_tagline_en", "Half typed")
    page.locator("#nav-sidebar a[href$='/admin/projects/project/']").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(f"/admin/projects/park/{park.pk}/change/")

    page.click("input[name=_save]")
    page.wait_for_url("**/admin/projects/park/")
    assert dialogs == ["beforeunload"]
    assert Park.objects.get(pk=park.pk).tagline_en == "Half typed"


def test_the_rich_text_toolbar_and_link_dialog_are_in_chinese(sign_in):
    make_category()
    page = sign_in("editor.li", locale="zh-CN")
    page.goto("/admin/news/article/add/")
    menubar = page.locator(".prose-menubar").first
    menubar.wait_for()
    menubar.locator("[title='粗体']").wait_for()
    titles = menubar.locator("[title]").evaluate_all("nodes => nodes.map(n => n.title)")
    assert {"粗体", "斜体", "插入链接", "撤销", "重做"} <= set(titles)
    assert "bold" not in titles

    page.locator(".prose-editor [contenteditable=true]").first.click()
    page.keyboard.type("冠县")
    page.keyboard.press("Control+a")
    menubar.locator("[title='插入链接']").click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    text = dialog.inner_text()
    assert "编辑链接" in text and "网址" in text and "取消" in text
    screenshot(page, "editors-desk-link-dialog-zh")
    assert page.errors == []


def test_an_editor_puts_a_library_image_and_a_project_link_into_a_chinese_body(sign_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.media_library.models import MediaItem
    from portal.news.models import Article

    category = make_category()
    project = make_project(name_zh_hans="风电轴承套圈", slug="wind-power-bearing-rings")
    item = MediaItem(title_zh_hans="锻造车间", alt_text_en="The hall", alt_text_zh_hans="锻造车间")
    item.image = SimpleUploadedFile("hall.png", png_bytes(1600, 900))  # stored with renditions
    item.save()
    page = sign_in("editor.li", locale="zh-CN")
    page.goto("/admin/news/article/add/")
    page.fill("#id_title_zh_hans", "签约动态")
    page.fill("#id_title_en", "Signing news")
    page.fill("#id_summary_en", "A summary.")
    page.select_option("#id_category", str(category.pk))

    chinese = page.locator(".prose-editor").nth(1)
    chinese.locator("[title='媒体库中的图片']").click()
    picker = page.locator("dialog.prose-picker[open]")
    assert picker.locator("h2").inner_text() == "媒体库中的图片"
    picker.locator(".picker-image", has_text="锻造车间").wait_for()
    assert desk_violations(page, "dialog.prose-picker") == []
    picker.locator(".picker-image", has_text="锻造车间").click()
    chinese.locator("[contenteditable=true]").press("End")
    chinese.locator("[title='链接到项目、产业园或文章']").click()
    picker = page.locator("dialog.prose-picker[open]")
    picker.locator("input[type=search]").fill("风电")
    picker.locator(".picker-link", has_text="风电轴承套圈").click()
    screenshot(page, "editors-desk-pickers-zh")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")

    body = Article.objects.get(slug="signing-news").body_zh_hans
    stem = item.image.name.removeprefix("library/").removesuffix(".png")
    assert f'<img src="/media/library/renditions/{stem}-960.jpg" alt="锻造车间"' in body
    assert f'<a href="/link/project/{project.pk}/">风电轴承套圈</a>' in body
    assert page.errors == []
