from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site class, so every `admin.site.register` uses it."""

    default_site = "portal.security.admin.PortalAdminSite"

    def ready(self):
        super().ready()
        from django.contrib import admin

        from .accounts import register

        # After autodiscovery, which registered the stock user and device admins.
        register(admin.site)
