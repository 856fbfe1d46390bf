from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site")

    def ready(self):
        from portal import cache

        cache.connect_signals()
        # A release runs `migrate`: pages and fragments rendered by the previous release's
        # templates, kept in the shared cache, are not served after it.
        post_migrate.connect(_release_renews_the_content_version, sender=self)


def _release_renews_the_content_version(**kwargs):
    from portal.cache import bump_content_version

    bump_content_version()
