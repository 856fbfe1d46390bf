"""sitemap.xml: every published page, in each language, with hreflang alternates and x-default.

The news sections (articles, categories) are the news app's own, included here.
"""

from django.urls import reverse

from portal.chain.sitemaps import sitemaps as chain_sitemaps
from portal.invest.sitemaps import sitemaps as invest_sitemaps
from portal.news.sitemaps import BilingualSitemap
from portal.news.sitemaps import sitemaps as news_sitemaps
from projects.models import Park, Project


class SectionSitemap(BilingualSitemap):
    """The pages that are not a single record: home, the lists, the accessibility statement."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "projects:project_list",
            "projects:park_list",
            "news:article_list",
            "accessibility",
        ]

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8


class RecordSitemap(BilingualSitemap):
    changefreq = "weekly"

    def lastmod(self, obj):
        return obj.updated_at


class ProjectSitemap(RecordSitemap):
    priority = 0.7

    def items(self):
        return Project.objects.published().only("slug", "updated_at").order_by("pk")


class ParkSitemap(RecordSitemap):
    priority = 0.7

    def items(self):
        return Park.objects.published().only("slug", "updated_at").order_by("pk")


SITEMAPS = {
    "pages": SectionSitemap,
    "projects": ProjectSitemap,
    "parks": ParkSitemap,
    **invest_sitemaps,
    **chain_sitemaps,
    **news_sitemaps,
}
