"""Sitemap sections of the news, included by the root sitemap (portal/sitemaps.py): published
articles and the categories that hold at least one.

Both sections list every page in each language (i18n=True), with hreflang alternates and
x-default. Drafts and scheduled articles are never listed: `published()` compares with the
clock at request time, so a scheduled article appears by itself when its time comes.
"""

from django.contrib.sitemaps import Sitemap

from .models import Article, Category


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ArticleSitemap(BilingualSitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 1000

    def items(self):
        return (
            Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # An empty category page says only "no news yet": not worth a search engine's visit.
        return Category.objects.filter(pk__in=Article.objects.published().values("category"))


sitemaps = {"news": ArticleSitemap, "news-categories": CategorySitemap}
