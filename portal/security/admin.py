"""The admin site, with an optional second sign-in factor for staff.

With `ADMIN_REQUIRE_2FA` on, the login form asks for a one-time code from an authenticator app
(django-otp's TOTP devices, added per person under "TOTP devices" in the admin), and a session
that was not verified with a code is treated as having no admin access. The setting is read on
each request, so it can be switched without touching the URLconf.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django_otp.admin import OTPAdminAuthenticationForm


class PortalAdminSite(AdminSite):
    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
