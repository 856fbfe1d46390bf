"""The admin site, with an optional second sign-in factor for staff, and a "view on site"
link that keeps drafts to the staff who may preview them.

With `ADMIN_REQUIRE_2FA` on, the login form asks for a one-time code from an authenticator app
(django-otp's TOTP devices, added per person under "TOTP devices" in the admin), and a session
that was not verified with a code is treated as having no admin access. The setting is read on
each request, so it can be switched without touching the URLconf.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.urls import path
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
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._extra_views = []

    def register_view(self, route, view, name):
        """Add a page of the admin that belongs to no model (the kernel's or an app's
        `admin.py` calls this); it is served behind the admin's sign-in like the rest."""
        self._extra_views.append((route, view, name))

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

    def get_urls(self):
        urls = super().get_urls()
        guarded = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        extra = [
            path(route, self.admin_view(view), name=name) for route, view, name in self._extra_views
        ]
        urls = [guarded if getattr(url, "name", None) == "view_on_site" else url for url in urls]
        # Before the catch-all app index, which would otherwise take the route for an app label.
        return extra + urls

    def view_on_site(self, request, content_type_id, object_id):
        """Django's shortcut, which redirects to the object's public address, after a check.

        The address of a draft (a record whose `is_visible` is false) names its slug, so it is
        given only to staff who may change, and so preview, that model; a record without a
        publication status needs the permission to view its model. Anyone else gets the same
        404 as for a record that does not exist.
        """
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
            obj = model._default_manager.get(pk=object_id) if model else None
        except (ContentType.DoesNotExist, ObjectDoesNotExist, ValueError, ValidationError):
            obj = None
        if obj is None or not _may_follow(request.user, obj):
            raise Http404("No such object")
        return shortcut(request, content_type_id, object_id)


def _may_follow(user, obj):
    opts = obj._meta
    visible = getattr(obj, "is_visible", None)
    if visible is True:
        return True
    if visible is False:
        return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )
