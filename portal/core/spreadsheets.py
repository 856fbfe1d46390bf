"""Spreadsheets: cells safe to open, and Excel export and import for staff.

Cells of every CSV and workbook the site writes are safe to open in a spreadsheet.

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets skip before reading one of those) is run as a formula by Excel and LibreOffice:
a staff-entered `=HYPERLINK(...)` would become a live link in a file the county published. As
OWASP advises for CSV injection, such a cell is written with a leading single quote, which
spreadsheets show as text; leading spaces do not hide a formula from the check. Numbers and
dates are not text and stay as they are, so a spreadsheet still sums them. JSON needs none of
this: programs read it, not spreadsheets.

Export to Excel and import back in the admin is django-import-export's. The library gives the admin its Export and Import pages: an import is read, checked and
shown row by row (new, changed with each change marked, unchanged, or the row's errors in the
reader's language) before anything is saved; only an import without errors can be confirmed.
Here:

- the confirmed import runs in one transaction, rolled back if any row fails (as the preview
  would have said, should the data have changed meanwhile): nothing is half imported;
- each record an import adds or changes keeps a version (django-reversion) with who and what
  changed, as a save in the admin does; unchanged rows are skipped, so they keep none;
- cells are written through `spreadsheet_safe` and read back through `from_spreadsheet`;
- "Download the template" gives an empty workbook with the import's columns, so a clerk can
  start a list from nothing (an export is the template for changing what exists);
- the Import page needs the permissions to add and change the records; under the review
  step (portal.core.review) only reviewers may import, since an import publishes at once.
"""

import datetime
import functools
import json
from decimal import Decimal

import reversion
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from portal.core.review import workflow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _runs_as_formula(value):
    return value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)


def spreadsheet_safe(value):
    """`value` as a spreadsheet cell that is never a formula; anything but text unchanged.
    Text that already looks guarded (`'=x`) is guarded too, so that a spreadsheet shows its
    quote and `from_spreadsheet` gives it back whole."""
    if isinstance(value, str) and (
        _runs_as_formula(value) or (value.startswith("'") and _runs_as_formula(value[1:]))
    ):
        return f"'{value}"
    return value


def from_spreadsheet(value):
    """What `spreadsheet_safe` wrote, read back: the guard quote removed, so an export
    imported again unchanged changes nothing."""
    if isinstance(value, str) and value.startswith("'") and spreadsheet_safe(value[1:]) == value:
        return value[1:]
    return value


def _message_names(*names):
    with translation.override(None):
        return [str(name) for name in names]


class SpreadsheetDateWidget(widgets.DateWidget):
    """A date as Excel stores it, a date and time at midnight, read as the date."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.date()
        return super().clean(value, row, **kwargs)


class NullableTextWidget(widgets.CharWidget):
    """Text of a column that stores "none" as NULL (a translation, such as `name_zh_hans`):
    an empty cell is NULL again, not an empty text that would count as a change."""

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs) or None


class AmountWidget(widgets.DecimalWidget):
    """An amount read with the places its column keeps, so 450000000 from a cell is shown
    and compared as the stored 450000000.00."""

    def __init__(self, places=2, **kwargs):
        self.places = places
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if value is None:
            return None
        return value.quantize(Decimal(1).scaleb(-self.places))


class VersionedResource(resources.ModelResource):
    """A ModelResource whose imports keep a version of each record they add or change."""

    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "DateField": SpreadsheetDateWidget}

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, models.CharField | models.TextField) and f.null:
            return NullableTextWidget
        if isinstance(f, models.DecimalField):
            return functools.partial(AmountWidget, places=f.decimal_places)
        return super().widget_from_django_field(f, default)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._kept = {}
        rows = [[from_spreadsheet(cell) for cell in row] for row in dataset]
        del dataset[0 : len(dataset)]
        for row in rows:
            dataset.append(row)

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def changed_field_names(self, instance, original):
        names = []
        for field in self.get_import_fields():
            attribute = field.attribute
            if not attribute or "__" in attribute:
                continue
            if original is None or getattr(original, attribute, None) != getattr(
                instance, attribute, None
            ):
                names.append(attribute)
        return names

    def skip_row(self, instance, original, row, import_validation_errors=None):
        instance._import_changed = self.changed_field_names(instance, original)
        instance._import_is_new = original is None or original.pk is None
        return super().skip_row(instance, original, row, import_validation_errors)

    def versioned_object(self, instance):
        """The record whose history shows this row: the row itself by default."""
        return instance

    def history_message(self, instance):
        """Django's change-message structure, as the admin stores it; a row of another
        record (a park's cost) is named in its owner's history."""
        model = type(instance)
        related = {}
        if self.versioned_object(instance) is not instance:
            name, title = _message_names(model._meta.verbose_name, instance)
            related = {"name": name, "object": title}
        if getattr(instance, "_import_is_new", False):
            return [{"added": related}]
        fields = getattr(instance, "_import_changed", [])
        labels = _message_names(
            *(capfirst(model._meta.get_field(name).verbose_name) for name in fields)
        )
        return [{"changed": {**related, "fields": labels}}]

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if kwargs.get("dry_run"):
            return
        owner = self.versioned_object(instance)
        key = (type(owner), owner.pk)
        self._kept.setdefault(key, (owner, []))[1].extend(self.history_message(instance))

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        user = kwargs.get("user")
        for owner, message in self._kept.values():
            if not reversion.is_registered(type(owner)):
                continue
            owner.refresh_from_db()
            with reversion.create_revision():
                reversion.set_user(user)
                reversion.set_comment(json.dumps(message))
                reversion.add_to_revision(owner)


class SpreadsheetAdminMixin(ImportExportMixin):
    """Export and import in the admin (see the module's docstring)."""

    formats = [XLSX, CSV]
    import_template_name = "admin/spreadsheets/import.html"
    # The permissions an import needs, on this model unless another owns the rows' history.
    import_permission_model = None

    def _import_opts(self):
        return (self.import_permission_model or self.model)._meta

    def has_import_permission(self, request):
        opts = self._import_opts()
        user = request.user
        if not (
            user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        ):
            return False
        return not (workflow.applies(self.model) and not workflow.may_publish(user))

    def has_export_permission(self, request):
        opts = self._import_opts()
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def get_import_data_kwargs(self, **kwargs):
        data_kwargs = super().get_import_data_kwargs(**kwargs)
        data_kwargs.pop("request", None)
        data_kwargs["use_transactions"] = True
        data_kwargs["rollback_on_validation_errors"] = True
        return data_kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                gettext(
                    "Nothing was imported: a row had an error. Import the file again to see it."
                ),
                level="error",
            )
            return self.changelist_redirect(request)
        return super().process_result(result, request)

    def changelist_redirect(self, request):
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        )

    def get_urls(self):
        opts = self.model._meta
        template = path(
            "import/template/",
            self.admin_site.admin_view(self.template_view),
            name=f"{opts.app_label}_{opts.model_name}_import_template",
        )
        return [template, *super().get_urls()]

    def template_view(self, request):
        """An empty workbook with the import's columns."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0](
            **self.get_import_resource_kwargs(request)
        )
        dataset = resource.export(queryset=self.model._default_manager.none())
        response = HttpResponse(XLSX().export_data(dataset), content_type=XLSX.CONTENT_TYPE)
        name = f"{self.model._meta.model_name}-template.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
