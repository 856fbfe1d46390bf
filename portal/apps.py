from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site")

    def ready(self):
        from .groups import ensure_groups

        # Runs after every app's permissions were created (auth's handler is connected first).
        post_migrate.connect(ensure_groups, dispatch_uid="portal.ensure_groups")
