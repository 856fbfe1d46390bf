"""Admin for the site shell's editable pages: one row each, edited in place."""

from functools import partial

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion.models import Version

from portal.core.review_dates import review_due_view
from portal.core.revisions import RevisionAdmin, SiteHistoryAdmin

from .models import AccessibilityStatement, HomePage, SiteSettings

# The site-wide change log, for those who may view versions: administrators.
admin.site.register(Version, SiteHistoryAdmin)

# What is overdue for review across the site, linked from the admin index.
admin.site.register_view("review-due/", partial(review_due_view, site=admin.site), "review_due")

# The portal's own name on the header and the browser tab of every admin page.
admin.site.site_header = _("Guanxian Bearing Investment · administration")
admin.site.site_title = _("Guanxian Bearing Investment administration")
admin.site.index_title = _("What you can edit")

# Libraries name their apps and models in English only; the admin's index and breadcrumbs
# show these names instead, in the editor's language.
THIRD_PARTY_NAMES = {
    "axes": (
        _("Sign-in protection"),
        {
            "accessattempt": (_("failed sign-in"), _("failed sign-ins")),
            "accessfailurelog": (_("sign-in failure"), _("sign-in failures")),
            "accesslog": (_("sign-in"), _("sign-ins")),
            "accessattemptexpiration": (_("lockout expiry"), _("lockout expiries")),
        },
    ),
    "otp_totp": (
        _("Authenticator apps"),
        {"totpdevice": (_("authenticator app"), _("authenticator apps"))},
    ),
    "reversion": (
        _("Versions"),
        {"revision": (_("revision"), _("revisions")), "version": (_("version"), _("versions"))},
    ),
}
# Migrations read a model's original options, so renaming it here changes no migration.
for label, (app_name, model_names) in THIRD_PARTY_NAMES.items():
    if label not in apps.app_configs:
        continue
    config = apps.get_app_config(label)
    config.verbose_name = app_name
    for model_name, (singular, plural) in model_names.items():
        try:
            opts = config.get_model(model_name)._meta
        except LookupError:
            continue
        opts.verbose_name, opts.verbose_name_plural = singular, plural

# Groups are stored and looked up by their English names (portal/groups.py); wherever the
# admin names a group (lists, filters, a user's groups) it shows the editor's language.
GROUP_NAMES = {
    "Administrators": _("Administrators"),
    "Content editors": _("Content editors"),
    "Enquiry officers": _("Enquiry officers"),
    "Reviewers": _("Reviewers"),
}


def _group_name(group):
    return str(GROUP_NAMES.get(group.name, group.name))


Group.__str__ = _group_name


class SingletonAdmin(RevisionAdmin, TranslationAdmin):
    """The list of a one-row model is pointless: go straight to the row's form."""

    def has_add_permission(self, request):
        return not self.model.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        if self.model.objects.filter(pk=self.model.singleton_pk).exists():
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[self.model.singleton_pk],
            )
        else:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        return redirect(url)


@admin.register(HomePage)
class HomePageAdmin(SingletonAdmin):
    fieldsets = [
        (None, {"fields": ["brand_line", "lead", "conference_title", "conference_date"]}),
        (_("Hero image"), {"fields": ["hero_image", "hero_alt"]}),
        (_("Call to enquire"), {"fields": ["enquiry_heading", "enquiry_text"]}),
    ]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SingletonAdmin):
    fields = ["intro", "compliance", "known_issues", "report_barrier", "reviewed_on"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonAdmin):
    fieldsets = [
        (
            _("Who runs the site"),
            {
                "fields": ["operating_body", "street_address", "office_hours"],
                "description": _(
                    "Shown in the footer of every page, in both languages. The filing numbers "
                    "(ICP, public security, government website code) are set by the server's "
                    "administrator."
                ),
            },
        ),
        (_("WeChat"), {"fields": ["wechat_account", "wechat_qr"]}),
        (_("Demo content"), {"fields": ["demo_notice"]}),
    ]
