"""The admin of staff accounts and second-factor devices, for staff who are not superusers.

The "Administrators" group holds every permission, so that its members run the site without
a developer. Permissions are per model, not per row, so these admins add the rules that keep
the group below a superuser: its members cannot change or delete a superuser's account
(password, flags, groups), cannot make anyone a superuser, and cannot see, add, change or
delete anyone else's authenticator device, which would let them sign in as that person.
"""

from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice


def _is_superuser(request):
    return request.user.is_active and request.user.is_superuser


class PortalUserAdmin(UserAdmin):
    def _may_manage(self, request, obj):
        return obj is None or not obj.is_superuser or _is_superuser(request)

    def has_change_permission(self, request, obj=None):
        # Also guards the password form: UserAdmin.user_change_password asks this.
        return super().has_change_permission(request, obj) and self._may_manage(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_manage(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if _is_superuser(request) else [*fields, "is_superuser"]

    def get_deleted_objects(self, objs, request):
        # "Delete selected" asks no per-row permission: refuse a selection with a superuser.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not _is_superuser(request) and any(user.is_superuser for user in objs):
            perms_needed = {*perms_needed, User._meta.verbose_name}
        return deleted, counts, perms_needed, protected


class PortalTOTPDeviceAdmin(TOTPDeviceAdmin):
    """A superuser manages everyone's devices; anyone else only their own."""

    def _owns(self, request, obj):
        return obj is None or _is_superuser(request) or obj.user_id == request.user.pk

    def get_queryset(self, request):
        devices = super().get_queryset(request)
        return devices if _is_superuser(request) else devices.filter(user=request.user)

    def has_view_permission(self, request, obj=None):
        # Also guards the key and QR code pages, which ask this.
        return super().has_view_permission(request, obj) and self._owns(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._owns(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not _is_superuser(request):
            kwargs["queryset"] = User.objects.filter(pk=request.user.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"user": request.user.pk, **super().get_changeform_initial_data(request)}


def register(site):
    """Replace the stock admins of users and devices on `site` with the ones above."""
    for model, model_admin in ((User, PortalUserAdmin), (TOTPDevice, PortalTOTPDeviceAdmin)):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
