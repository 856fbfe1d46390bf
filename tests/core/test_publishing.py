"""One meaning of "published" for every model, and the admin's publish and withdraw actions."""

import datetime
from unittest import mock

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.utils import timezone

from portal.core import content_version
from portal.core.admin_mixins import PublishActionsMixin
from portal.news.models import Article
from projects.models import ClusterFigure, Park, Project
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db

LAST_MONTH = datetime.timedelta(days=30)
NEXT_WEEK = datetime.timedelta(days=7)


def test_articles_are_published_by_their_status_and_time():
    live = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + NEXT_WEEK)
    assert list(Article.objects.published()) == [live]
    assert [a.is_visible for a in (live, draft, scheduled)] == [True, False, False]


def test_the_condition_reaches_across_a_relation():
    park = make_park()
    make_project(park=park)
    make_project(park=park, is_published=False)
    make_project(park=park, published_at=timezone.now() + NEXT_WEEK)
    assert Park.objects.filter(Project.published_q(prefix="projects__")).count() == 1


class ProjectActions(PublishActionsMixin, admin.ModelAdmin):
    pass


class ArticleActions(PublishActionsMixin, admin.ModelAdmin):
    pass


class FigureActions(PublishActionsMixin, admin.ModelAdmin):
    pass


def _run(admin_class, model, action, rows):
    """Call an action the way the changelist does, without the admin's request middleware
    (which renews the content version after every POST by itself)."""
    request = RequestFactory().post("/")
    request.user = get_user_model().objects.create_superuser(
        f"editor{get_user_model().objects.count()}", "e@example.cn", "pw"
    )
    request._messages = CookieStorage(request)
    model_admin = admin_class(model, admin.site)
    getattr(model_admin, action)(request, model.objects.filter(pk__in=[r.pk for r in rows]))
    return [str(message) for message in request._messages]


def test_publishing_dates_a_draft_now_and_keeps_a_scheduled_time():
    old_draft = make_project(is_published=False, published_at=timezone.now() - LAST_MONTH)
    future = timezone.now() + NEXT_WEEK
    scheduled = make_project(is_published=False, published_at=future)
    # Publication times are kept to the second.
    before = timezone.now().replace(microsecond=0)
    messages = _run(ProjectActions, Project, "publish", [old_draft, scheduled])
    old_draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert old_draft.is_published and before <= old_draft.published_at <= timezone.now()
    assert scheduled.is_published and scheduled.published_at == future
    assert list(Project.objects.published()) == [old_draft]
    assert messages == [
        "2 projects published.",
        "1 of them is scheduled: it appears at its publication time.",
    ]


def test_rows_already_in_the_wanted_state_are_left_as_they_were():
    live = make_project()
    withdrawn = make_project(is_published=False)
    kept = {p.pk: (p.published_at, p.updated_at) for p in (live, withdrawn)}

    assert _run(ProjectActions, Project, "publish", [live]) == ["0 projects published."]
    assert _run(ProjectActions, Project, "unpublish", [withdrawn]) == [
        "0 projects withdrawn from the site."
    ]
    for project in Project.objects.all():
        assert (project.published_at, project.updated_at) == kept[project.pk]


def test_withdrawing_keeps_the_publication_time():
    live = make_project()
    assert _run(ProjectActions, Project, "unpublish", [live]) == [
        "1 project withdrawn from the site."
    ]
    withdrawn = Project.objects.get(pk=live.pk)
    assert withdrawn.is_published is False
    assert withdrawn.published_at == live.published_at
    assert withdrawn.updated_at > live.updated_at


def test_articles_go_out_by_their_status():
    draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now() - LAST_MONTH)
    assert _run(ArticleActions, Article, "publish", [draft]) == ["1 article published."]
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at > timezone.now() - datetime.timedelta(minutes=1)
    assert _run(ArticleActions, Article, "unpublish", [draft]) == [
        "1 article withdrawn from the site."
    ]
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_facts_published_by_a_flag_alone_have_no_time_to_set():
    figure = ClusterFigure.objects.create(
        label_en="enterprises", value=6000, source_en="Office", as_of="2023-11-14"
    )
    ClusterFigure.objects.filter(pk=figure.pk).update(is_published=False)
    assert _run(FigureActions, ClusterFigure, "publish", [figure]) == [
        "1 cluster figure published."
    ]
    assert list(ClusterFigure.objects.published()) == [figure]


@pytest.mark.parametrize(
    ("action", "fields"),
    [("publish", {"is_published": False}), ("unpublish", {"is_published": True})],
)
def test_each_action_renews_the_content_version(action, fields):
    project = make_project(**fields)
    version = content_version.content_version()
    _run(ProjectActions, Project, action, [project])
    assert content_version.content_version() != version


def test_an_action_that_changes_nothing_keeps_the_cached_pages():
    live = make_project()
    version = content_version.content_version()
    _run(ProjectActions, Project, "publish", [live])
    assert content_version.content_version() == version


def test_rows_and_version_change_together_or_not_at_all():
    draft = make_project(is_published=False)
    with (
        mock.patch.object(
            content_version, "bump_content_version", side_effect=RuntimeError("database gone")
        ),
        pytest.raises(RuntimeError),
    ):
        _run(ProjectActions, Project, "publish", [draft])
    draft.refresh_from_db()
    assert draft.is_published is False


# --- Draft, Scheduled or Published, and the review dates of facts that go stale


def test_each_record_reads_draft_scheduled_or_published():
    from portal.core.models import PublicationState, publication_state

    live = make_project()
    draft = make_project(is_published=False)
    scheduled = make_project(published_at=timezone.now() + NEXT_WEEK)
    figure = ClusterFigure.objects.create(
        label_en="Workers", value=20000, source_en="County", as_of=datetime.date(2023, 1, 1)
    )
    assert [publication_state(p) for p in (live, draft, scheduled, figure)] == [
        PublicationState.PUBLISHED,
        PublicationState.DRAFT,
        PublicationState.SCHEDULED,
        PublicationState.PUBLISHED,
    ]


def test_overdue_for_review_means_past_its_date_or_never_dated():
    from portal.core.models import review_overdue_q

    today = timezone.localdate()
    stale = make_park(review_by=today - datetime.timedelta(days=1))
    undated = make_park()
    make_park(review_by=today)
    make_park(review_by=today + NEXT_WEEK)
    overdue = Park.objects.filter(review_overdue_q(today))
    assert set(overdue) == {stale, undated}
    assert [stale.review_overdue, undated.review_overdue] == [True, True]
    assert not Park.objects.get(review_by=today).review_overdue
