"""The admin site, with an optional second sign-in factor for staff.

With `ADMIN_REQUIRE_2FA` on, the login form asks for a one-time code from an authenticator app
(django-otp's TOTP devices, added per person under "TOTP devices" in the admin), and a session
that was not verified with a code is treated as having no admin access. The setting is read on
each request, so it can be switched without touching the URLconf.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "8"}
        ),
    )

    def _chosen_device(self, user):
        """The device picked in the form or, as staff usually have one, their only device."""
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                device = devices[0]
        return device


class PortalAdminSite(AdminSite):
    @property
    def login_form(self):
        return TwoFactorLoginForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "security/admin_login.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
