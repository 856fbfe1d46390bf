"""RSS 2.0 and Atom feeds of the latest published articles, in the language of the address.

The feeds live under the language prefix, so the active language picks the titles and
summaries, and Django's Feed writes it into the feed's language attribute.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import Article

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Guanxian Bearing Investment: news")
    description = _(
        "Signing ceremonies, cluster news and policy for investors in the bearing forging "
        "cluster of Guanxian County, Shandong."
    )

    def link(self):
        return reverse("news:article_list")

    def items(self):
        return Article.objects.published().select_related("category")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
