from datetime import timedelta
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
    assert "icon-yes.svg" in content


@pytest.mark.parametrize("count", [3, 30])
def test_project_changelist_queries_are_fixed(
    client, superuser, django_assert_max_num_queries, count
):
    for _ in range(count):
        add_image(make_project())
    with django_assert_max_num_queries(14):
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
    assert "The whole amount in yuan" in content


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
    assert "EN ✓ 中文 ✓" in everything
    assert "EN ✓ 中文 ✗" in everything
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
