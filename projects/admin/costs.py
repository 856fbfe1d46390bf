"""Every park's cost rows in one list, to export to Excel and import back.

A cost row is edited in its park's form, whose history keeps it; this list is for reading
across parks and for spreadsheets, whose imports keep a version of each park they change.
"""

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.spreadsheets import SpreadsheetAdminMixin
from projects.models import Park, ParkCost
from projects.resources import ParkCostResource


@admin.register(ParkCost)
class ParkCostAdmin(SpreadsheetAdminMixin, TranslationAdmin):
    resource_classes = (ParkCostResource,)
    import_permission_model = Park
    list_display = ("label", "park_link", "amount", "unit", "note", "order")
    list_filter = ("park",)
    list_select_related = ("park",)
    search_fields = ("label_en", "label_zh_hans", "park__name_en", "park__name_zh_hans")
    ordering = ("park__order", "park__pk", "order", "pk")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("industrial park"), ordering="park")
    def park_link(self, cost):
        url = reverse(f"{self.admin_site.name}:projects_park_change", args=[quote(cost.park_id)])
        return format_html('<a href="{}">{}</a>', url, cost.park)
