"""Root URLconf: public pages under a language prefix, and the language-neutral endpoints."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from portal import views
from portal.security.media import serve_media
from portal.security.views import security_txt
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("healthz/live", views.live, name="health_live"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("care/", views.care_mode, name="care_mode"),
    path("care.css", views.care_stylesheet, name="care_stylesheet"),
    # /zh/ and /zh-cn/ in any case, as people and other sites write them.
    re_path(r"^[zZ][hH](?:-[cC][nN])?/(?P<rest>.*)$", views.old_chinese_prefix),
    re_path(r"^[zZ][hH](?:-[cC][nN])?$", views.old_chinese_prefix),
    path(settings.ADMIN_URL, admin.site.urls),
    re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
        serve_media,
        name="media",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("accessibility/", views.AccessibilityView.as_view(), name="accessibility"),
    path("search/", views.search, name="search"),
    # The directory, the chain, and the directory's open data beside the projects' files.
    path("", include("portal.chain.urls")),
    path("projects/", include("projects.urls")),
    path("news/", include("portal.news.urls")),
    path("enquire/", include("portal.enquiries.urls")),
    path("invest/", include("portal.invest.urls")),
)

# Staff refused a page of the admin get the admin's own page, in their language.
handler403 = "portal.core.permission_denied.permission_denied"
