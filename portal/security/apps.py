from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site class, so every `admin.site.register` uses it."""

    default_site = "portal.security.admin.PortalAdminSite"
