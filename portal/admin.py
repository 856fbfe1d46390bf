"""Admin for the site shell's editable pages: one row each, edited in place."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion.models import Version

from portal.core.revisions import RevisionAdmin, SiteHistoryAdmin

from .models import AccessibilityStatement, HomePage, SiteSettings

# The site-wide change log, for those who may view versions: administrators.
admin.site.register(Version, SiteHistoryAdmin)


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
