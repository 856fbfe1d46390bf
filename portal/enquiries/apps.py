from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    name = "portal.enquiries"
    label = "enquiries"
    verbose_name = _("Enquiries")

    def ready(self):
        from .groups import ensure_groups

        # Runs after every app's permissions were created (auth's handler is connected first).
        post_migrate.connect(ensure_groups, dispatch_uid="enquiries.ensure_groups")
