import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.news.models import Article, Category
from projects.models import Project
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "categories": list(Category.objects.values_list("slug", "name_en", "name_zh_hans")),
        "articles": list(
            Article.objects.order_by("slug").values_list(
                "slug", "status", "published_at", "cover", "updated_at", "body_en"
            )
        ),
        "links": list(Article.projects.through.objects.values_list("article_id", "project_id")),
    }


def test_seed_demo_adds_the_conference_and_samples_and_changes_nothing_the_second_time(client):
    signed = make_project(signing_date=datetime.date(2023, 11, 14))
    make_project(signing_date=datetime.date(2024, 3, 1))
    call_command("seed_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first

    conference = Article.objects.get(
        category__slug="conferences-and-signings",
        slug="2023-bearing-forging-conference-signs-15-key-projects",
    )
    assert conference.is_visible
    conference_day = Project.objects.filter(signing_date=datetime.date(2023, 11, 14))
    assert set(conference.projects.all()) == set(conference_day)
    assert signed in conference_day and conference_day.count() == 16
    assert "10.22 billion yuan" in conference.body_en
    assert "102.2亿元" in conference.body_zh_hans
    for partner in ("中国轴承工业协会", "中国锻压协会", "洛阳轴承研究所有限公司"):
        assert partner in conference.body_zh_hans
    assert conference.source_en == "News Office of People's Government of Guanxian County"
    assert conference.source_zh_hans == "冠县人民政府新闻办公室"
    assert conference.cover_width == 1200 and conference.cover_height == 630
    assert conference.cover_alt_en.startswith("Drawing: a ball bearing seen face-on")
    assert conference.cover_alt_zh_hans.startswith("绘图：正面所见的球轴承")
    assert timezone.localtime(conference.published_at).date() == datetime.date(2023, 11, 14)

    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.filter(published_at__gt=timezone.now()).count() == 1
    assert Category.objects.count() == 3
    visible = Article.objects.published()
    assert visible.count() == 5
    assert set(visible.values_list("category__slug", flat=True)) == {
        "conferences-and-signings",
        "cluster-news",
        "policy",
    }

    html = client.get("/zh-hans/news/").content.decode()
    assert "中国轴承（锻造）产业高质量发展大会签约15个重点项目" in html
    assert "2023年11月14日" in html
    detail = client.get(f"/en/news/{conference.slug}/")
    assert detail.status_code == 200
    assert "14 November 2023" in detail.content.decode()


def test_the_conference_links_projects_seeded_after_it():
    call_command("seed_demo", stdout=io.StringIO())
    signed = make_project(signing_date=datetime.date(2023, 11, 14))
    call_command("seed_demo", stdout=io.StringIO())
    conference = Article.objects.get(slug__startswith="2023-bearing-forging-conference")
    assert signed in conference.projects.all()
    assert conference.projects.count() == 16


def test_demo_covers_get_their_renditions():
    from portal.core.renditions import rendition_name
    from portal.news.demo import seed

    seed(io.StringIO())
    articles = list(Article.objects.exclude(cover=""))
    assert articles
    for article in articles:
        assert (article.cover_width, article.cover_height) == (1200, 630)
        storage = article.cover.storage
        for width in (480, 960, 1200):
            for extension in ("webp", "jpg"):
                assert storage.exists(rendition_name(article.cover.name, width, extension))


def test_recent_news_in_both_languages_without_sample_labels():
    call_command("seed_demo", stdout=io.StringIO())
    now = timezone.now()
    recent = Article.objects.published().filter(published_at__gte=now - datetime.timedelta(days=92))
    assert recent.count() == 4
    assert recent.filter(published_at__gte=now - datetime.timedelta(days=31)).exists()
    for article in Article.objects.all():
        for text in (article.title_en, article.summary_en, article.body_en):
            assert "sample" not in text.lower(), text
        for text in (article.title_zh_hans, article.summary_zh_hans, article.body_zh_hans):
            assert text and "示例" not in text, text
        assert article.cover_alt_en.startswith("Drawing: ")
        assert article.cover_alt_zh_hans.startswith("绘图：")
    covers = {article.cover.read() for article in Article.objects.all()}
    assert len(covers) == Article.objects.count(), "each article has its own cover"
