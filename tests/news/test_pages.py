import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone, translation

from portal.news.models import Article
from tests.factories import make_article, make_category, make_park, make_project

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def editor(client):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(user)
    return user


def test_list_shows_published_articles_newest_first_in_both_languages(client):
    category = make_category(name_en="Cluster news", name_zh_hans="集群动态")
    older = make_article(title_en="Older", title_zh_hans="较早", category=category)
    newer = make_article(
        title_en="Newer",
        title_zh_hans="较新",
        published_at=older.published_at + datetime.timedelta(minutes=1),
    )
    response = client.get(url("news:article_list"))
    assert response.status_code == 200
    assert [a.pk for a in response.context["articles"]] == [newer.pk, older.pk]
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "<title>News · " in html
    assert (
        '<link rel="alternate" type="application/rss+xml" title="News (RSS)" href="/en/news/feed/rss/">'
        in html
    )
    assert 'type="application/atom+xml" title="News (Atom)" href="/en/news/feed/atom/"' in html
    assert f'href="/en/news/{older.slug}/"' in html
    zh = client.get(url("news:article_list", "zh-hans")).content.decode()
    assert "较早" in zh and "集群动态" in zh


def test_list_paginates_ten_a_page(client):
    category = make_category()
    for _ in range(12):
        make_article(category=category)
    first = client.get(url("news:article_list"))
    assert len(first.context["articles"]) == 10
    second = client.get(url("news:article_list") + "?page=2")
    assert len(second.context["articles"]) == 2
    html = second.content.decode()
    assert "<title>News · page 2 · " in html
    assert 'rel="prev"' in html
    assert client.get(url("news:article_list") + "?page=9").status_code == 404
    assert client.get(url("news:article_list") + "?page=x").status_code == 404


def test_category_filter_and_its_unique_title(client):
    policy = make_category(name_en="Policy", slug="policy")
    other = make_category()
    mine = make_article(category=policy)
    make_article(category=other)
    response = client.get(url("news:category", slug="policy"))
    assert [a.pk for a in response.context["articles"]] == [mine.pk]
    html = response.content.decode()
    assert "<title>News: Policy · " in html
    assert "<h1>Policy</h1>" in html
    assert 'href="/en/news/category/policy/" aria-current="page"' in html


def test_unknown_category_and_slug_are_404(client):
    assert client.get(url("news:category", slug="nothing-here")).status_code == 404
    assert client.get(url("news:article_detail", slug="nothing-here")).status_code == 404


def test_empty_states(client):
    html = client.get(url("news:article_list")).content.decode()
    assert "No news has been published yet." in html
    make_category(name_en="Policy", slug="policy")
    html = client.get(url("news:category", slug="policy")).content.decode()
    assert "No news in “Policy” yet." in html


def test_detail_page_content(client):
    project = make_project(name_en="Precision Rings")
    hidden_project = make_project(name_en="Hidden Project", is_published=False)
    park = make_park(name_en="Qingshui Park")
    article = make_article(
        title_en="Fifteen projects signed",
        summary_en="The conference signed 15 key projects.",
        body_en="<h2>Signed</h2><p>Worth <strong>10.22 billion</strong> yuan.</p>",
        source_en="News Office of People's Government of Guanxian County",
        source_url="https://www.guanxian.gov.cn/news/1",
        published_at=timezone.make_aware(datetime.datetime(2023, 11, 14, 18)),
    )
    article.projects.add(project, hidden_project)
    article.parks.add(park)
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert "<title>Fifteen projects signed · " in html
    assert '<meta name="description" content="The conference signed 15 key projects.">' in html
    assert '<time datetime="2023-11-14T18:00:00+08:00">14 November 2023</time>' in html
    assert "<h2>Signed</h2><p>Worth <strong>10.22 billion</strong> yuan.</p>" in html
    assert (
        'Source: <a href="https://www.guanxian.gov.cn/news/1" rel="noopener noreferrer">'
        "News Office of People&#x27;s Government of Guanxian County</a>"
    ) in html
    assert f'<a href="{project.get_absolute_url()}">Precision Rings</a>' in html
    assert f'<a href="{park.get_absolute_url()}">Qingshui Park</a>' in html
    assert "Hidden Project" not in html
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_detail_date_in_chinese(client):
    article = make_article(published_at=timezone.make_aware(datetime.datetime(2023, 11, 14, 9)))
    html = client.get(url("news:article_detail", "zh-hans", slug=article.slug)).content.decode()
    assert '<time datetime="2023-11-14T09:00:00+08:00">2023年11月14日</time>' in html


def _cover(width=1200, height=630):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0b3d5c").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="cover.png")


def _renditions(article, extension, widths):
    from portal.core.renditions import rendition_name

    storage, name = article.cover.storage, article.cover.name
    for width in widths:
        assert storage.exists(rendition_name(name, width, extension))
    return ", ".join(
        f"{storage.url(rendition_name(name, width, extension))} {width}w" for width in widths
    )


def test_cover_is_a_responsive_picture_described_sized_and_fetched_first(client):
    article = make_article(cover_alt_en="Delegates at the signing table", cover=_cover())
    html = client.get(article.get_absolute_url()).content.decode()
    widths = (480, 960, 1200)
    sizes = "(min-width: 52rem) 50rem, 100vw"
    jpeg = _renditions(article, "jpg", widths)
    fallback = jpeg.split(", ")[1].split(" ")[0]
    assert (
        '<figure class="news-cover">\n    <picture>'
        f'<source type="image/webp" srcset="{_renditions(article, "webp", widths)}" '
        f'sizes="{sizes}"><img src="{fallback}" srcset="{jpeg}" sizes="{sizes}" width="1200" '
        'height="630" alt="Delegates at the signing table" loading="eager" decoding="async" '
        'fetchpriority="high"></picture>'
    ) in html
    assert f'<meta property="og:image" content="http://testserver{article.cover.url}">' in html
    assert '<meta property="og:type" content="article">' in html


def test_list_cards_show_covers_as_lazy_pictures(client):
    article = make_article(cover_alt_en="A forged ring", cover=_cover(800, 420))
    html = client.get(url("news:article_list", "en")).content.decode()
    webp = _renditions(article, "webp", (480, 800))
    assert (
        f'<picture><source type="image/webp" srcset="{webp}" '
        'sizes="(min-width: 60rem) 22rem, (min-width: 40rem) 50vw, 100vw">'
    ) in html
    assert 'alt="A forged ring" loading="lazy" decoding="async"></picture>' in html
    assert "fetchpriority" not in html


def test_previous_and_next_are_published_neighbours(client):
    now = timezone.now()
    first = make_article(published_at=now - datetime.timedelta(days=3))
    make_article(published_at=now - datetime.timedelta(days=2), status=Article.Status.DRAFT)
    middle = make_article(published_at=now - datetime.timedelta(days=1))
    make_article(published_at=now + datetime.timedelta(days=1))
    text = client.get(middle.get_absolute_url()).content.decode()
    assert f'<a rel="prev" href="{first.get_absolute_url()}">' in text
    assert 'rel="next"' not in text
    text = client.get(first.get_absolute_url()).content.decode()
    assert f'<a rel="next" href="{middle.get_absolute_url()}">' in text
    assert 'rel="prev"' not in text


def test_a_new_article_becomes_the_next_one_at_once(client):
    now = timezone.now()
    first = make_article(published_at=now - datetime.timedelta(days=3))
    assert 'rel="next"' not in client.get(first.get_absolute_url()).content.decode()
    later = make_article(published_at=now - datetime.timedelta(days=1))
    text = client.get(first.get_absolute_url()).content.decode()
    assert f'<a rel="next" href="{later.get_absolute_url()}">' in text


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=2)},
    ],
    ids=["draft", "scheduled"],
)
def test_hidden_articles_are_404_for_visitors_and_previewed_by_editors(client, fields):
    article = make_article(**fields)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.slug not in client.get(url("news:article_list")).content.decode()
    assert client.get(article.category.get_absolute_url()).context["articles"].count() == 0

    staff_without_permission = User.objects.create_user("viewer", is_staff=True)
    client.force_login(staff_without_permission)
    assert client.get(article.get_absolute_url()).status_code == 404

    editor(client)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {
        "max-age=0",
        "no-cache",
        "no-store",
        "must-revalidate",
        "private",
    }
    html = response.content.decode()
    banner = "Draft: visitors cannot see" if "status" in fields else "Scheduled: visitors will see"
    assert banner in html
    assert '<meta name="robots" content="noindex">' in html


def test_published_article_has_no_preview_banner_or_no_store(client):
    article = make_article()
    editor(client)
    response = client.get(article.get_absolute_url())
    assert "no-store" not in response.get("Cache-Control", "")
    assert "visitors cannot see" not in response.content.decode()


def test_scheduled_article_appears_the_moment_its_time_comes(client):
    at = timezone.now() + datetime.timedelta(hours=5)
    article = make_article(published_at=at)
    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(at - datetime.timedelta(seconds=1)):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(url("news:feed_rss")).content.decode().count(article.slug) == 0
    with time_machine.travel(at):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.slug in client.get(url("news:article_list")).content.decode()
        assert article.slug in client.get(url("news:feed_rss")).content.decode()
        assert article.slug in client.get(url("news:feed_atom")).content.decode()


def _fill(count):
    category = make_category(slug="cluster-news")
    project, park = make_project(), make_park()
    # Covers on every page's worth of articles: pictures come from the rows, with no query.
    articles = [
        make_article(category=category, cover=_cover(600, 315) if n < 12 else None)
        for n in range(count)
    ]
    for article in articles:
        article.projects.add(project)
        article.parks.add(park)
    return articles


@pytest.mark.parametrize("count", [3, 40])
def test_list_queries_do_not_grow(client, django_assert_num_queries, count):
    _fill(count)
    # The page's articles, their count for the paginator, and the categories.
    with django_assert_num_queries(3):
        assert client.get(url("news:article_list")).status_code == 200
    # The same and the category itself.
    with django_assert_num_queries(4):
        assert client.get(url("news:category", slug="cluster-news")).status_code == 200


@pytest.mark.parametrize("count", [3, 40])
def test_detail_queries_do_not_grow(client, django_assert_num_queries, count):
    articles = _fill(count)
    # The article with its category, its projects, its parks, the previous and next articles.
    with django_assert_num_queries(5):
        first = client.get(articles[count // 2].get_absolute_url())
    assert first.status_code == 200
