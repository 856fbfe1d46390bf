"""The directory, the chain and each published enterprise in the sitemap (included by
portal/sitemaps.py), in each language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Enterprise


class ChainPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["chain:directory", "chain:chain"]

    def location(self, item):
        return reverse(item)


class EnterpriseSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Enterprise.objects.published().order_by("slug")

    def lastmod(self, enterprise):
        return enterprise.updated_at


sitemaps = {"chain": ChainPagesSitemap, "enterprises": EnterpriseSitemap}
