"""Sitemap sections of the news, for the root sitemap: published articles and the categories.

Both sections list every page in each language (i18n=True), with hreflang alternates.
"""

from django.contrib.sitemaps import Sitemap

from .models import Article, Category


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    limit = 1000

    def items(self):
        return Article.objects.published().order_by("-published_at", "-pk")

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Category.objects.all()


sitemaps = {"news": ArticleSitemap, "news-categories": CategorySitemap}
