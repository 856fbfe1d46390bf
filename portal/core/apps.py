from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel: what every app of the portal builds on. It imports no app of the portal."""

    name = "portal.core"
    label = "core"
    verbose_name = _("Kernel")

    def ready(self):
        from portal.core import checks, content_version

        checks.check_redis_can_evict()
        content_version.connect_signals()
        # A release runs `migrate`: pages rendered by the previous release's templates are
        # not served after it.
        post_migrate.connect(content_version.release_renews_the_content_version, sender=self)
