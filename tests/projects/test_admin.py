from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from projects.models import ClusterFigure, Park, Partner, Project, Sector
from tests.factories import make_park, make_project, make_sector

from .helpers import add_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("admin", "admin@example.cn", "x")
    client.force_login(user)
    return user


@pytest.fixture
def viewer(client):
    """Staff who may look at projects but not change them."""
    user = User.objects.create_user("viewer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_project"))
    client.force_login(user)
    return user


def test_project_changelist_shows_thumbnail_amount_stage_and_state(client, superuser):
    project = make_project(name_en="Ring works", investment_yuan=Decimal(680_000_000))
    add_image(project)
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ring works" in content
    assert "CNY 680 million" in content
    assert "Signed" in content
    assert 'width="96" height="64" loading="lazy"' in content
    assert '<span class="status-badge status-published">Published</span>' in content
    assert "/static/css/admin-desk.css" in content


@pytest.mark.parametrize("count", [3, 30])
def test_project_changelist_queries_are_fixed(
    client, superuser, django_assert_max_num_queries, count
):
    for _ in range(count):
        add_image(make_project())
    # Images, documents and milestones are fetched once for the whole page (the languages
    # column counts their texts), however many projects it lists.
    with django_assert_max_num_queries(17):
        client.get(reverse("admin:projects_project_changelist"))


def test_project_search_in_both_languages(client, superuser):
    make_project(name_en="Ring works", name_zh_hans="套圈工厂")
    make_project(name_en="Other")
    url = reverse("admin:projects_project_changelist")
    for term in ("ring", "套圈"):
        content = client.get(url, {"q": term}).content.decode()
        assert "Ring works" in content
        assert "Other" not in content


def test_project_add_page_has_both_languages_side_by_side(client, superuser):
    response = client.get(reverse("admin:projects_project_add"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="name_en"' in content and 'name="name_zh_hans"' in content
    assert 'id="django-admin-prepopulated-fields-constants"' in content
    assert "&quot;dependency_ids&quot;: [&quot;#id_name_en&quot;]" in content
    assert "images-TOTAL_FORMS" in content
    assert "documents-TOTAL_FORMS" in content
    assert "milestones-TOTAL_FORMS" in content
    assert "jquery-ui" not in content.lower()
    assert "In yuan, typed as you would say it" in content


def _project_form(**overrides):
    data = {
        "name_en": "New works",
        "name_zh_hans": "新工厂",
        "slug": "new-works",
        "summary_en": "A summary.",
        "summary_zh_hans": "简介。",
        "kind": "signed",
        "sector": make_sector().pk,
        "stage": "signed",
        "investment_yuan": "120000000",
        "signing_date": "2023-11-14",
        "published_at_0": "2023-11-14",
        "published_at_1": "10:00:00",
        "is_published": "on",
    }
    for prefix in ("images", "documents", "milestones"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data | overrides


def test_project_add_saves_a_project(client, superuser):
    response = client.post(reverse("admin:projects_project_add"), _project_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="new-works")
    assert project.name_zh_hans == "新工厂"
    assert project.investment_yuan == Decimal(120_000_000)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "“map” is already the address of another page of the site: /en/projects/map/"),
        ("zh-hans", "“map”已是本站另一个页面的地址：/zh-hans/projects/map/"),
    ],
)
def test_a_slug_whose_address_another_page_answers_is_refused(client, superuser, language, message):
    response = client.post(
        reverse("admin:projects_project_add"),
        _project_form(slug="map"),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [message]
    assert not Project.objects.exists()


def test_project_change_page_and_view_on_site(client, superuser):
    project = make_project(slug="rings")
    response = client.get(reverse("admin:projects_project_change", args=[project.pk]))
    assert response.status_code == 200
    assert "View on site" in response.content.decode()


def test_publish_and_unpublish_actions(client, superuser):
    drafts = [make_project(is_published=False) for _ in range(2)]
    url = reverse("admin:projects_project_changelist")
    response = client.post(
        url, {"action": "publish", "_selected_action": [p.pk for p in drafts]}, follow=True
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["2 projects published."]
    assert Project.objects.filter(is_published=True).count() == 2
    response = client.post(
        url, {"action": "unpublish", "_selected_action": [drafts[0].pk]}, follow=True
    )
    assert "1 project withdrawn from the site." in response.content.decode()
    assert Project.objects.filter(is_published=True).count() == 1


def test_the_actions_are_named_for_the_records_of_each_list(client, superuser):
    make_project()
    make_park()
    for name, plural in (("project", "projects"), ("park", "industrial parks")):
        content = client.get(reverse(f"admin:projects_{name}_changelist")).content.decode()
        assert f"Publish the selected {plural}</option>" in content
        assert f"Withdraw the selected {plural} from the site</option>" in content


def test_publishing_from_the_list_dates_an_old_draft_today(client, superuser):
    draft = make_project(is_published=False, published_at=timezone.now() - timedelta(days=40))
    scheduled_for = timezone.now() + timedelta(days=2)
    scheduled = make_project(is_published=False, published_at=scheduled_for)
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, scheduled.pk]},
    )
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert timezone.now() - draft.published_at < timedelta(minutes=1)
    assert scheduled.published_at == scheduled_for
    assert list(Project.objects.published()) == [draft]


def test_figures_and_partners_can_be_withdrawn_from_the_list(client, superuser):
    figure = ClusterFigure.objects.create(
        label_en="enterprises", value=6000, source_en="News Office", as_of="2023-11-14"
    )
    response = client.post(
        reverse("admin:projects_clusterfigure_changelist"),
        {"action": "unpublish", "_selected_action": [figure.pk]},
        follow=True,
    )
    assert "1 cluster figure withdrawn from the site." in response.content.decode()
    assert not ClusterFigure.objects.published().exists()


def test_staff_without_change_permission_cannot_publish_or_add(client, viewer):
    draft = make_project(is_published=False)
    url = reverse("admin:projects_project_changelist")
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="publish"' not in response.content.decode()
    client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published is False
    assert client.get(reverse("admin:projects_project_add")).status_code == 403


def test_staff_without_any_permission_is_refused(client):
    user = User.objects.create_user("nobody", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:projects_project_changelist")).status_code == 403


def test_sector_autocomplete_for_the_project_form(client, superuser):
    make_sector(name_en="Heat treatment")
    make_sector(name_en="Logistics")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "heat",
            "app_label": "projects",
            "model_name": "project",
            "field_name": "sector",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Heat treatment"]


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Park, lambda: make_park(name_en="East Park")),
        (Sector, lambda: make_sector(name_en="Forging")),
        (
            ClusterFigure,
            lambda: ClusterFigure.objects.create(
                label_en="machine tools", value=11000, source_en="News Office", as_of="2023-11-14"
            ),
        ),
        (
            Partner,
            lambda: Partner.objects.create(
                organisation_en="China Bearing Industry Association",
                agreement_en="Strategic cooperation",
                signed_on="2023-11-14",
            ),
        ),
    ],
)
def test_other_admins_list_search_add_and_change(client, superuser, model, make):
    obj = make()
    name = model._meta.model_name
    changelist = reverse(f"admin:projects_{name}_changelist")
    assert str(obj) in client.get(changelist).content.decode()
    assert str(obj) in client.get(changelist, {"q": str(obj).split()[0]}).content.decode()
    assert client.get(reverse(f"admin:projects_{name}_add")).status_code == 200
    assert client.get(reverse(f"admin:projects_{name}_change", args=[obj.pk])).status_code == 200


def test_park_admin_has_cost_image_and_document_inlines(client, superuser):
    park = make_park()
    content = client.get(reverse("admin:projects_park_change", args=[park.pk])).content.decode()
    for prefix in ("costs", "images", "documents"):
        assert f"{prefix}-TOTAL_FORMS" in content


def test_change_page_shows_inline_image_thumbnails_and_saves_milestones(client, superuser):
    project = make_project(slug="rings")
    add_image(project, alt="Forging hall")
    url = reverse("admin:projects_project_change", args=[project.pk])
    content = client.get(url).content.decode()
    assert 'alt="Forging hall" width="96" height="64"' in content
    assert 'name="images-0-alt_text_zh_hans"' in content


def test_draft_can_be_viewed_on_site_by_its_editor(client, superuser):
    draft = make_project(slug="draft", is_published=False)
    response = client.get(reverse("admin:projects_project_change", args=[draft.pk]))
    assert "View on site" in response.content.decode()
    page = client.get("/en/projects/draft/")
    assert page.status_code == 200
    assert "Draft, not public." in page.content.decode()


@pytest.mark.parametrize(("url_name", "make"), [("project", make_project), ("park", make_park)])
def test_changelist_filters_records_missing_a_language(client, superuser, url_name, make):
    complete = make(name_en="Complete record")
    no_chinese = make(name_en="English only record", summary_zh_hans="")
    no_english = make(name_en="", name_zh_hans="只有中文的记录")
    url = reverse(f"admin:projects_{url_name}_changelist")

    everything = client.get(url).content.decode()
    assert "Languages complete" in everything
    ok = '<span class="lang-ok">EN ✓</span> <span class="lang-ok">中文 ✓</span>'
    assert ok in _row_of(everything, "Complete record")
    assert (
        '<span class="lang-ok">EN ✓</span> <span class="lang-missing">中文 ✗</span> '
        '<small class="missing-fields">missing: summary</small>'
    ) in _row_of(everything, "English only record")
    assert "Missing Chinese" in everything
    assert "Missing English" in everything

    response = client.get(url, {"missing_language": "zh-hans"})
    assert response.status_code == 200
    assert [obj.pk for obj in response.context["cl"].result_list] == [no_chinese.pk]

    response = client.get(url, {"missing_language": "en"})
    assert [obj.pk for obj in response.context["cl"].result_list] == [no_english.pk]
    assert complete.pk not in [obj.pk for obj in response.context["cl"].result_list]

    # an unknown language leaves the list whole
    response = client.get(url, {"missing_language": "fr"})
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 3


# --- Chinese first: drafts in either language, slugs from pinyin, both languages to publish


def test_a_chinese_only_draft_project_saves_and_gets_a_pinyin_slug(client, superuser):
    form = _project_form(
        name_en="", name_zh_hans="冠县轴承锻造", slug="", summary_en="", is_published=""
    )
    response = client.post(
        reverse("admin:projects_project_add"), form, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get()
    assert project.slug == "guan-xian-zhou-cheng-duan-zao"
    assert not project.name_en
    assert (project.name_zh_hans, project.is_published) == ("冠县轴承锻造", False)


def test_a_second_chinese_draft_of_the_same_name_gets_the_next_free_slug(client, superuser):
    make_project(slug="guan-xian-zhou-cheng")
    form = _project_form(name_en="", name_zh_hans="冠县轴承", slug="", is_published="")
    assert client.post(reverse("admin:projects_project_add"), form).status_code == 302
    assert Project.objects.filter(slug="guan-xian-zhou-cheng-2").exists()


def test_an_english_name_makes_the_slug_when_it_is_left_empty(client, superuser):
    form = _project_form(name_en="Map of Rings", slug="", is_published="")
    assert client.post(reverse("admin:projects_project_add"), form).status_code == 302
    assert Project.objects.get().slug == "map-of-rings"


def test_a_made_slug_never_takes_the_address_of_a_tool(client, superuser):
    form = _project_form(name_en="Map", slug="", is_published="")
    assert client.post(reverse("admin:projects_project_add"), form).status_code == 302
    assert Project.objects.get().slug == "map-2"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Give the name in English or in Chinese."),
        ("zh-hans", "请填写英文或中文名称。"),
    ],
)
def test_a_draft_needs_a_name_in_one_language(client, superuser, language, message):
    form = _project_form(name_en="", name_zh_hans="", slug="", is_published="")
    response = client.post(
        reverse("admin:projects_project_add"), form, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name_en"] == [message]
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("language", "field_message", "summary"),
    [
        (
            "en",
            "Needed in English to publish.",
            "Published records are shown in both languages. Still missing: name (English), "
            "summary (English). Fill them in, or untick “published” to save a draft.",
        ),
        (
            "zh-hans",
            "发布前须填写英文。",
            "已发布的内容以两种语言显示。仍缺少：名称（英文）、简介（英文）。"
            "请补全，或取消勾选“已发布”以保存为草稿。",
        ),
    ],
)
def test_publishing_needs_both_languages_and_says_which_are_missing(
    client, superuser, language, field_message, summary
):
    form = _project_form(name_en="", summary_en="", slug="")
    response = client.post(
        reverse("admin:projects_project_add"), form, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["name_en"] == [field_message]
    assert errors["summary_en"] == [field_message]
    assert errors["__all__"] == [summary]
    assert not Project.objects.exists()


def _image_row(alt_en, alt_zh):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .helpers import png_bytes

    return {
        "images-TOTAL_FORMS": "1",
        "images-0-image": SimpleUploadedFile("p.png", png_bytes(1200, 800), "image/png"),
        "images-0-alt_text_en": alt_en,
        "images-0-alt_text_zh_hans": alt_zh,
        "images-0-order": "0",
    }


def test_an_image_of_a_draft_needs_its_text_alternative_in_one_language_only(client, superuser):
    form = _project_form(is_published="") | _image_row("", "锻造车间")
    response = client.post(reverse("admin:projects_project_add"), form)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert Project.objects.get().images.get().alt_text_zh_hans == "锻造车间"


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Needed in English to publish."), ("zh-hans", "发布前须填写英文。")],
)
def test_a_published_project_needs_its_images_described_in_both_languages(
    client, superuser, language, message
):
    form = _project_form() | _image_row("", "锻造车间")
    response = client.post(
        reverse("admin:projects_project_add"), form, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    images = response.context["inline_admin_formsets"][0].formset
    assert images.errors == [{"alt_text_en": [message]}]
    assert not Project.objects.exists()


def test_the_slug_help_text_says_what_the_slug_is(client, superuser):
    content = client.get(reverse("admin:projects_project_add")).content.decode()
    assert "The last part of the page's web address" in content
    content = client.get(
        reverse("admin:projects_park_add"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "网页地址的最后一部分" in content


# --- Scheduling that reads right


def _row_of(content, name):
    start = content.index(name)
    return content[start : content.index("</tr>", start)]


@pytest.mark.parametrize(("url_name", "make"), [("project", make_project), ("park", make_park)])
@pytest.mark.parametrize(
    ("language", "labels"),
    [("en", ("Draft", "Scheduled", "Published")), ("zh-hans", ("草稿", "定时发布", "已发布"))],
)
def test_the_list_shows_draft_scheduled_with_its_time_or_published(
    client, superuser, url_name, make, language, labels
):
    when = timezone.make_aware(datetime(2031, 1, 1, 9, 30))
    make(name_en="Draft row", name_zh_hans="草稿行", is_published=False)
    make(name_en="Scheduled row", name_zh_hans="定时行", published_at=when)
    make(name_en="Live row", name_zh_hans="上线行")
    url = reverse(f"admin:projects_{url_name}_changelist")
    content = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    name = (lambda en, zh: en) if language == "en" else (lambda en, zh: zh)
    draft, scheduled, published = labels
    assert f'<span class="status-badge status-draft">{draft}</span>' in _row_of(
        content, name("Draft row", "草稿行")
    )
    time = "1 Jan 2031, 09:30" if language == "en" else "2031年1月1日 09:30"
    assert (
        f'<span class="status-badge status-scheduled">{scheduled}<br>'
        f'<time datetime="2031-01-01T09:30:00+08:00">{time}</time></span>'
    ) in _row_of(content, name("Scheduled row", "定时行"))
    assert f'<span class="status-badge status-published">{published}</span>' in _row_of(
        content, name("Live row", "上线行")
    )
    assert "icon-yes.svg" not in content


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", ["Draft row"]),
        ("scheduled", ["Scheduled row"]),
        ("published", ["Live row"]),
    ],
)
def test_the_status_filter_tells_scheduled_from_published(client, superuser, state, expected):
    make_project(name_en="Draft row", is_published=False)
    make_project(name_en="Scheduled row", published_at=timezone.now() + timedelta(days=3))
    make_project(name_en="Live row")
    response = client.get(reverse("admin:projects_project_changelist"), {"state": state})
    assert [p.name_en for p in response.context["cl"].result_list] == expected


def test_publishing_from_the_list_dates_a_draft_now_and_keeps_a_future_time(client, superuser):
    old = make_project(is_published=False, published_at=timezone.now() - timedelta(days=40))
    later = timezone.now().replace(microsecond=0) + timedelta(days=5)
    future = make_project(is_published=False, published_at=later)
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish", "_selected_action": [old.pk, future.pk]},
    )
    old.refresh_from_db()
    future.refresh_from_db()
    assert old.is_published and timezone.now() - old.published_at < timedelta(minutes=1)
    assert future.is_published and future.published_at == later


def test_parks_and_figures_overdue_for_review_are_listed(client, superuser):
    today = timezone.localdate()
    stale = make_park(
        name_en="Stale park", name_zh_hans="待复核园", review_by=today - timedelta(days=1)
    )
    make_park(name_en="Fresh park", review_by=today + timedelta(days=90))
    soon = make_park(name_en="Soon park", review_by=today + timedelta(days=10))
    undated = make_park(name_en="Undated park", name_zh_hans="未定园")
    url = reverse("admin:projects_park_changelist")
    overdue = client.get(url, {"review": "overdue"}).context["cl"].result_list
    assert {park.pk for park in overdue} == {stale.pk, undated.pk}
    assert [p.pk for p in client.get(url, {"review": "soon"}).context["cl"].result_list] == [
        soon.pk
    ]
    content = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span class="status-badge status-overdue">已逾期<br>' in _row_of(content, "待复核园")
    assert '<span class="status-badge status-overdue">未设置</span>' in _row_of(content, "未定园")

    figure = ClusterFigure.objects.create(
        label_en="Enterprises",
        value=528,
        source_en="County",
        as_of=today,
        review_by=today - timedelta(days=3),
    )
    ClusterFigure.objects.create(
        label_en="Workers", value=20000, source_en="County", as_of=today, review_by=today
    )
    figures = client.get(reverse("admin:projects_clusterfigure_changelist"), {"review": "overdue"})
    assert [f.pk for f in figures.context["cl"].result_list] == [figure.pk]


# --- The admin is the portal's own


@pytest.mark.parametrize(
    ("language", "title", "header"),
    [
        (
            "en",
            "<title>What you can edit | Guanxian Bearing Investment administration</title>",
            '<a href="/admin/">Guanxian Bearing Investment · administration</a>',
        ),
        (
            "zh-hans",
            "<title>可编辑的内容 | 冠县轴承投资管理后台</title>",
            '<a href="/admin/">冠县轴承投资 · 管理后台</a>',
        ),
    ],
)
def test_the_admin_carries_the_portals_name_on_header_and_tab(
    client, superuser, language, title, header
):
    content = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert title in content
    assert header in content
    assert "Django" not in content.split("<body")[0]
    changelist = client.get(
        reverse("admin:projects_project_changelist"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert title.split("|")[-1] in changelist


def test_library_apps_and_staff_groups_are_named_in_chinese(client, superuser):
    from django.contrib.auth.models import Group

    for name in ("Content editors", "Enquiry officers", "Administrators"):
        Group.objects.get_or_create(name=name)
    index = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for label in ("登录保护", "身份验证器", "版本记录"):
        assert label in index
    for raw in (">Axes<", ">Otp_Totp<", ">Reversion<"):
        assert raw not in index
    groups = client.get(
        reverse("admin:auth_group_changelist"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    for translated in ("内容编辑", "咨询专员", "管理员"):
        assert translated in groups
    assert "Content editors" not in groups
    english = client.get(reverse("admin:auth_group_changelist")).content.decode()
    assert "Content editors" in english
    # The name stays stored and looked up in English.
    assert Group.objects.filter(name="Content editors").exists()


def test_languages_complete_counts_the_inline_rows_and_names_them(client, superuser):
    from projects.models import Milestone, ParkCost, ProjectDocument

    project = make_project(name_en="Rows checked")
    Milestone.objects.create(project=project, date="2024-01-01", title_en="Trial production")
    image = add_image(project)
    image.caption_en = "The new press"
    image.save()
    ProjectDocument.objects.create(project=project, title_zh_hans="项目简介", file="x.pdf")
    complete = make_project(name_en="Nothing missing")
    park = make_park(name_en="Costs checked")
    ParkCost.objects.create(
        park=park, label_en="Water", amount=Decimal("3.5"), unit_en="yuan per ton"
    )

    url = reverse("admin:projects_project_changelist")
    content = client.get(url).content.decode()
    row = _row_of(content, "Rows checked")
    assert (
        '<span class="lang-missing">EN ✗</span> <small class="missing-fields">'
        "missing: document 1: title</small>"
    ) in row
    assert (
        '<span class="lang-missing">中文 ✗</span> <small class="missing-fields">'
        "missing: image 1: caption, milestone 1: title</small>"
    ) in row
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "缺少：图片 1：图片说明、进度节点 1：标题" in chinese

    missing_chinese = client.get(url, {"missing_language": "zh-hans"}).context["cl"].result_list
    assert [p.pk for p in missing_chinese] == [project.pk]
    missing_english = client.get(url, {"missing_language": "en"}).context["cl"].result_list
    assert [p.pk for p in missing_english] == [project.pk]
    assert complete.pk not in [p.pk for p in missing_english]

    parks = client.get(reverse("admin:projects_park_changelist")).content.decode()
    assert "missing: cost 1: item, cost 1: unit" in _row_of(parks, "Costs checked")
