"""Content editors edit everything public; a refused page is the admin's own, in both
languages; and the optional review step: editors submit, reviewers approve and publish, the
site shows the approved version meanwhile."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from reversion.models import Version

from portal.core.content_version import content_version
from portal.core.review.models import PendingChange
from portal.models import HomePage
from portal.news.models import Article
from projects.models import ClusterFigure, Park, ParkCost, Project
from tests.core.test_revisions import change_form_data, staff
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db

QUEUE = "admin:review_pendingchange_changelist"


def _url(obj, view="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def _post_form(client, obj, edit, language="en"):
    url = _url(obj)
    data = change_form_data(client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    edit(data)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language, follow=True)


def _amount(shown):
    return Decimal(shown.replace(",", ""))


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def _figure(**fields):
    values = {"source_en": "County statistics", "as_of": datetime.date(2026, 6, 30), **fields}
    return ClusterFigure.objects.create(**values)


@pytest.fixture
def editor(db):
    return staff("editor.li", group="Content editors")


@pytest.fixture
def reviewer(db):
    return staff("reviewer.zhao", group="Reviewers")


@pytest.fixture
def review_on(settings):
    settings.CONTENT_REVIEW_REQUIRED = True


# Content editors and the refused page


def test_content_editors_may_change_everything_visitors_see(editor):
    for codename in (
        "portal.change_homepage",
        "portal.change_accessibilitystatement",
        "projects.change_clusterfigure",
        "projects.add_clusterfigure",
        "projects.change_partner",
        "projects.change_park",
        "news.change_article",
    ):
        assert editor.has_perm(codename), codename
    assert not editor.has_perm("enquiries.view_enquiry")
    assert not editor.has_perm("review.review_content")


def test_an_editor_changes_a_cluster_figure(client, editor):
    figure = _figure(label_en="Output", value=Decimal(8_000_000_000), unit_en="yuan")
    client.force_login(editor)
    response = _post_form(client, figure, lambda data: data.update(value="8500000000"))
    assert response.status_code == 200
    figure.refresh_from_db()
    assert figure.value == Decimal(8_500_000_000)


def test_the_groups_migration_makes_the_reviewers_group():
    migration = "0003_reviewers_group"
    Group.objects.filter(name="Reviewers").delete()
    editors = Group.objects.get(name="Content editors")
    editors.permissions.remove(*editors.permissions.filter(content_type__app_label="review"))
    state = MigrationLoader(connection).project_state(("portal", migration))
    import_module(f"portal.migrations.{migration}").create_reviewers(state.apps, None)
    reviewers = Group.objects.get(name="Reviewers")
    codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert {"review_content", "change_pendingchange", "change_homepage", "change_project"} <= (
        codenames
    )
    assert "view_enquiry" not in codenames
    assert set(
        editors.permissions.filter(content_type__app_label="review").values_list(
            "codename", flat=True
        )
    ) == {"view_pendingchange"}


@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("en", "You may not open this page", "Back to the pages you may edit"),
        ("zh-hans", "您无权打开此页面", "返回您可编辑的页面"),
    ],
)
def test_a_refused_admin_page_is_the_admins_own_in_the_readers_language(
    client, editor, language, heading, advice
):
    client.force_login(editor)
    response = client.get(
        reverse("admin:enquiries_enquiry_changelist"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert advice in page
    assert f'href="{reverse("admin:index")}"' in page
    assert 'id="header"' in page  # the admin's header, with the user's tools
    assert "403 Forbidden" not in page


# Review off (the default)


def test_without_review_an_editors_save_is_live_at_once(client, editor):
    project = make_project(investment_yuan=Decimal(300_000_000))
    client.force_login(editor)
    response = _post_form(client, project, lambda data: data.update(investment_yuan="450000000"))
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(450_000_000)
    assert not PendingChange.objects.exists()
    assert not any("review" in message for message in _messages(response))
    changelist = client.get(reverse("admin:projects_project_changelist"))
    assert {"publish", "unpublish"} <= set(
        changelist.context["cl"].model_admin.get_actions(changelist.wsgi_request)
    )


# Review on


def test_with_review_an_editors_change_waits_and_visitors_keep_the_approved_version(
    client, editor, reviewer, review_on, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    project = make_project(name_en="Ring forging line", investment_yuan=Decimal(300_000_000))
    public = project.get_absolute_url()
    visitor = client.__class__()
    visitor.get(public)
    assert visitor.get(public)["X-Cache"] == "hit"

    client.force_login(editor)
    response = _post_form(
        client,
        project,
        lambda data: data.update(name_en="Large ring forging line", investment_yuan="450000000"),
    )
    assert _messages(response) == [
        "Your change to “Large ring forging line” was submitted for review. Visitors see the "
        "published version until a reviewer approves it.",
        "A change by editor.li is waiting for review. This form shows the published version; "
        "saving it replaces the waiting change.",
    ]
    project.refresh_from_db()
    assert project.name_en == "Ring forging line"
    assert project.investment_yuan == Decimal(300_000_000)
    # Any admin save renews the cached pages; rendered again, they show the live record.
    page = visitor.get(public).content.decode()
    assert "Ring forging line" in page and "Large ring forging line" not in page
    assert visitor.get(public)["X-Cache"] == "hit"
    version_submitted = content_version()

    pending = PendingChange.objects.get()
    assert (pending.kind, pending.status, pending.submitted_by) == ("change", "pending", editor)
    # The history lists only what was live; the waiting change is in the queue.
    assert (
        not Version.objects.get_for_object(project)
        .filter(revision__pending_change__isnull=True)
        .exists()
    )
    assert client.get(_url(project, "history")).context["versions"] == []
    assert client.get(reverse(QUEUE), {"status__exact": "pending"}).status_code == 200

    client.force_login(reviewer)
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    review = client.get(review_url)
    assert review.context["fields"] == [
        ("Name (English)", "Ring forging line", "Large ring forging line"),
        ("Investment (yuan)", "300,000,000.00", "450,000,000.00"),
    ]
    chinese = client.get(review_url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert ("投资额（元）", "300000000.00", "450000000.00") in chinese.context["fields"]
    approved = client.post(review_url, {"_approve": "1"}, follow=True)
    assert _messages(approved) == [
        "“Large ring forging line” was approved and is now what visitors see."
    ]
    project.refresh_from_db()
    assert project.name_en == "Large ring forging line"
    assert project.investment_yuan == Decimal(450_000_000)
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("approved", reviewer)
    assert content_version() != version_submitted
    assert "Large ring forging line" in visitor.get(public).content.decode()
    versions = Version.objects.get_for_object(project).filter(revision__pending_change__isnull=True)
    assert [v.revision.user for v in versions] == [reviewer]
    history = client.get(_url(project, "history")).content.decode()
    assert "reviewer.zhao" in history
    assert "Changed Name (English) and Investment (yuan)." in history


def test_with_review_an_editor_cannot_publish_withdraw_or_delete(client, editor, review_on):
    project = make_project()
    client.force_login(editor)
    form = client.get(_url(project))
    assert "is_published" not in form.context["adminform"].form.fields
    assert "published_at" not in form.context["adminform"].form.fields
    assert not form.context["has_delete_permission"]
    changelist = client.get(reverse("admin:projects_project_changelist"))
    actions = changelist.context["cl"].model_admin.get_actions(changelist.wsgi_request)
    assert not {"publish", "unpublish", "delete_selected"} & set(actions)
    refused = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "unpublish", "_selected_action": [project.pk]},
    )
    assert refused.status_code in (200, 302)
    project.refresh_from_db()
    assert project.is_published
    assert client.post(_url(project, "delete"), {"post": "yes"}).status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()


def test_with_review_the_figures_list_does_not_publish_from_the_list(client, editor, review_on):
    _figure(label_en="Output", value=Decimal(8), unit_en="bn")
    client.force_login(editor)
    changelist = client.get(reverse("admin:projects_clusterfigure_changelist"))
    assert changelist.context["cl"].list_editable == ()


def test_with_review_a_new_record_stays_a_draft_until_a_reviewer_publishes_it(
    client, editor, reviewer, review_on
):
    client.force_login(editor)
    add = reverse("admin:projects_clusterfigure_add")
    data = change_form_data(client.get(add))
    data.update(
        label_en="Machine tools",
        label_zh_hans="机床",
        value="11000",
        unit_en="units",
        source_en="County statistics",
        source_zh_hans="县统计局",
        as_of="2026-06-30",
    )
    data["is_published"] = "on"  # a hand-made post cannot publish either
    response = client.post(add, data)
    assert response.status_code == 302
    figure = ClusterFigure.objects.get(label_en="Machine tools")
    assert not figure.is_published
    pending = PendingChange.objects.get()
    assert (pending.kind, pending.object_id) == ("publication", str(figure.pk))

    client.force_login(reviewer)
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    assert ("Label (English)", "–", "Machine tools") in client.get(review_url).context["fields"]
    client.post(review_url, {"_approve": "1"})
    figure.refresh_from_db()
    assert figure.is_published
    assert PendingChange.objects.get().status == "approved"


def test_with_review_a_reviewer_saves_and_publishes_directly(client, reviewer, review_on):
    project = make_project(is_published=False)
    client.force_login(reviewer)
    _post_form(client, project, lambda data: data.update(is_published="on"))
    project.refresh_from_db()
    assert project.is_published
    assert not PendingChange.objects.exists()


def test_with_review_a_cost_row_change_waits_and_is_approved(client, editor, reviewer, review_on):
    park = make_park()
    cost = ParkCost.objects.create(
        park=park,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=Decimal(150_000),
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
    )
    client.force_login(editor)

    def edit(data):
        prefix = next(k for k, v in data.items() if v == "Industrial land").rsplit("-", 1)[0]
        data[f"{prefix}-amount"] = "160000"

    _post_form(client, park, edit)
    cost.refresh_from_db()
    assert cost.amount == Decimal(150_000)
    pending = PendingChange.objects.get()

    client.force_login(reviewer)
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    review = client.get(review_url)
    assert review.context["fields"] == []
    [(row, [(label, before, after)])] = review.context["inline_rows"]
    assert (row, label) == ("Cost “Industrial land”", "Amount")
    assert (_amount(before), _amount(after)) == (Decimal(150_000), Decimal(160_000))
    client.post(review_url, {"_approve": "1"})
    cost.refresh_from_db()
    assert cost.amount == Decimal(160_000)
    assert Park.objects.get().costs.count() == 1


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("en", "Say in the note why the change is rejected, so the editor can correct it."),
        ("zh-hans", "请在备注中说明退回的原因，以便编辑修改。"),
    ],
)
def test_a_rejection_needs_a_note_and_leaves_the_live_record(
    client, editor, reviewer, review_on, language, error
):
    project = make_project(name_en="Ring forging line")
    client.force_login(editor)
    _post_form(client, project, lambda data: data.update(name_en="Wrong name"))
    pending = PendingChange.objects.get()
    client.force_login(reviewer)
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    assert client.get(review_url).context["changed_since"] is None
    _post_form(client, project, lambda data: data.update(investor_en="Qingshui Forging Co."))
    page = client.get(review_url, HTTP_ACCEPT_LANGUAGE=language)
    assert page.context["changed_since"].revision.user == reviewer
    assert (
        "The record was changed after this was submitted, by reviewer.zhao"
        if language == "en"
        else "此修改提交后，reviewer.zhao"
    ) in page.content.decode()
    refused = client.post(review_url, {"_reject": "1", "note": " "}, HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 200
    assert error in refused.content.decode()
    client.post(review_url, {"_reject": "1", "note": "The name is the investor's, not ours."})
    pending.refresh_from_db()
    assert (pending.status, pending.note) == ("rejected", "The name is the investor's, not ours.")
    project.refresh_from_db()
    assert project.name_en == "Ring forging line"
    client.force_login(editor)
    assert "The name is the investor&#x27;s, not ours." in client.get(review_url).content.decode()


def test_editors_see_the_queue_but_cannot_approve(client, editor, review_on):
    project = make_project(name_en="Ring forging line")
    client.force_login(editor)
    _post_form(client, project, lambda data: data.update(name_en="My own approval"))
    pending = PendingChange.objects.get()
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    page = client.get(review_url)
    assert page.status_code == 200 and not page.context["may_decide"]
    assert client.post(review_url, {"_approve": "1"}).status_code == 403
    project.refresh_from_db()
    assert project.name_en == "Ring forging line"
    # Saving again replaces the waiting change rather than queueing a second one.
    _post_form(client, project, lambda data: data.update(name_en="Second try"))
    assert PendingChange.objects.get().object_repr == "Second try"


def test_officers_cannot_open_the_queue(client, db):
    client.force_login(staff("officer.wang", group="Enquiry officers"))
    assert client.get(reverse(QUEUE)).status_code == 403


def test_with_review_an_editors_restore_and_recovery_wait_for_review(
    client, editor, reviewer, review_on, settings
):
    project = make_project(name_en="Ring forging line")
    client.force_login(reviewer)
    _post_form(client, project, lambda data: data.update(name_en="Forged ring line"))
    [first] = Version.objects.get_for_object(project)

    client.force_login(editor)
    restore_url = reverse("admin:projects_project_revision", args=[project.pk, first.pk])
    data = change_form_data(client.get(restore_url))
    data["name_en"] = "Ring forging line"
    assert client.post(restore_url, data).status_code == 302
    project.refresh_from_db()
    assert project.name_en == "Forged ring line"
    assert PendingChange.objects.get().kind == "change"

    # A published record deleted by a reviewer and recovered by an editor stays deleted
    # until a reviewer approves its return.
    PendingChange.objects.all().delete()
    client.force_login(reviewer)
    client.post(_url(project, "delete"), {"post": "yes"})
    assert not Project.objects.filter(pk=project.pk).exists()
    deleted = Version.objects.get_deleted(Project).first()
    client.force_login(editor)
    recover_url = reverse("admin:projects_project_recover", args=[deleted.pk])
    response = client.post(recover_url, change_form_data(client.get(recover_url)))
    assert response.status_code == 302
    assert response.url == reverse("admin:projects_project_changelist")
    assert not Project.objects.filter(pk=project.pk).exists()
    pending = PendingChange.objects.get()
    # Nothing was live, so nothing is listed to recover twice meanwhile.
    recover_list = client.get(reverse("admin:projects_project_recoverlist"))
    assert [v.pk for v in recover_list.context["deleted"]] == [deleted.pk]

    client.force_login(reviewer)
    review_url = reverse("admin:review_pendingchange_change", args=[pending.pk])
    assert "Visitors do not see this record now" in client.get(review_url).content.decode()
    client.post(review_url, {"_approve": "1"})
    assert Project.objects.get(pk=project.pk).is_published


def test_with_review_the_home_page_and_an_article_wait_for_approval(
    client, editor, reviewer, review_on
):
    home = HomePage.objects.create(brand_line_en="Forged in Qingshui", lead_en="Lead")
    article = make_article(title_en="Ten projects signed")
    client.force_login(editor)
    _post_form(client, home, lambda data: data.update(brand_line_en="Guanxian Bearing"))
    _post_form(client, article, lambda data: data.update(title_en="Fifteen projects signed"))
    home.refresh_from_db()
    article.refresh_from_db()
    assert (home.brand_line_en, article.title_en) == ("Forged in Qingshui", "Ten projects signed")
    assert "status" not in client.get(_url(article)).context["adminform"].form.fields

    client.force_login(reviewer)
    for pending in PendingChange.objects.all():
        client.post(
            reverse("admin:review_pendingchange_change", args=[pending.pk]), {"_approve": "1"}
        )
    home.refresh_from_db()
    article.refresh_from_db()
    assert (home.brand_line_en, article.title_en) == ("Guanxian Bearing", "Fifteen projects signed")
    assert article.status == Article.Status.PUBLISHED


def test_the_queue_makes_the_same_queries_for_3_or_30_changes(client, editor, reviewer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.core.review import workflow

    def queries_for(count):
        PendingChange.objects.all().delete()
        for _ in range(count):
            workflow.request_publication(editor, make_project(is_published=False))
        client.force_login(reviewer)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse(QUEUE), {"status__exact": "pending"})
        assert page.status_code == 200
        assert page.content.decode().count('class="field-record"') == count
        return len(captured)

    assert queries_for(3) == queries_for(30)


# The admin index: what waits


def _queue_note(client):
    from html.parser import HTMLParser

    class Module(HTMLParser):
        inside, depth, text, link = False, 0, "", None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "div" and "review-queue-link" in (attrs.get("class") or ""):
                self.inside = True
            if self.inside:
                self.depth += tag == "div"
                if tag == "a":
                    self.link = attrs["href"]

        def handle_endtag(self, tag):
            if self.inside and tag == "div":
                self.depth -= 1
                self.inside = self.depth > 0

        def handle_data(self, data):
            if self.inside:
                self.text += data

    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    module = Module()
    module.feed(response.content.decode())
    return " ".join(module.text.split()), module.link


def test_the_admin_index_counts_the_changes_waiting_for_review(client, editor, reviewer, review_on):
    client.force_login(reviewer)
    assert _queue_note(client) == (
        "Waiting for review 0 changes wait for a reviewer's decision.",
        reverse(QUEUE),
    )
    client.force_login(editor)
    assert _queue_note(client) == ("", None)  # nothing of theirs waits
    _post_form(client, make_project(name_en="Ring forging line"), lambda d: d.update(name_en="X"))
    _post_form(client, make_park(name_en="North park"), lambda d: d.update(name_en="Y"))
    assert _queue_note(client)[0] == (
        "Waiting for review 2 of your changes wait for review: visitors see the published "
        "version until they are approved."
    )
    client.force_login(staff("editor.wu", group="Content editors"))
    assert _queue_note(client) == ("", None)
    client.force_login(reviewer)
    assert _queue_note(client)[0] == "Waiting for review 2 changes wait for a reviewer's decision."
    PendingChange.objects.filter(object_repr="Y").update(status=PendingChange.Status.REJECTED)
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "1项改动等待审核人决定。" in response.content.decode()


def test_without_the_review_step_the_index_says_nothing_of_an_empty_queue(client, reviewer):
    client.force_login(reviewer)
    assert _queue_note(client) == ("", None)
    client.force_login(staff("officer.wang", group="Enquiry officers"))
    assert _queue_note(client) == ("", None)
