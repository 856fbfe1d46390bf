"""The investor's pages in the sitemap (included by portal/sitemaps.py), in each language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class InvestSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["invest:why_guanxian", "invest:guide", "invest:incentives"]

    def location(self, item):
        return reverse(item)


sitemaps = {"invest": InvestSitemap}
