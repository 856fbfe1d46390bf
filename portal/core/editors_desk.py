"""The editors' desk: what every content admin does so that no work is lost.

`EditorsDeskMixin`, placed before `RevisionAdmin` in a content admin's bases, adds:

- kept uploads: files chosen before a validation error come back for the corrected save
  (`portal.core.upload_stash`);
- an error summary at the top of a form that failed, naming each field and each inline row
  with an error in the editor's language, each a link to the field;
- the refusal of a save on top of somebody else's newer save (`portal.core.concurrency`);
- `js/admin-editors-desk.js`: a question before leaving a changed form, the kept files
  named beside their inputs, and the rich-text editor in the editor's language
  (`portal.core.editor_strings`).
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django_prose_editor.widgets import ProseEditorWidget

from portal.core import concurrency, upload_stash
from portal.core.editor_strings import editor_strings


def _label(form, name):
    field = form.fields.get(name)
    return capfirst(field.label) if field is not None and field.label else name


def _anchor(form, name):
    if name not in form.fields:
        return ""
    return form[name].id_for_label or form[name].auto_id or ""


def row_name(formset, index):
    """ "Image 2" or "Cost 1 “Industrial land”": the inline's row as an editor counts it."""
    form = formset.forms[index]
    verbose_name = capfirst(formset.model._meta.verbose_name)
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk:
        return gettext("%(row)s %(number)d “%(name)s”") % {
            "row": verbose_name,
            "number": index + 1,
            "name": instance,
        }
    return gettext("%(row)s %(number)d") % {"row": verbose_name, "number": index + 1}


def _form_errors(form, where=None, row_anchor=""):
    items = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS:
            label, anchor = where, row_anchor
        else:
            label = _label(form, name)
            if where:
                label = gettext("%(row)s: %(field)s") % {"row": where, "field": label}
            anchor = _anchor(form, name)
        for message in messages:
            items.append({"where": label, "message": message, "anchor": anchor})
    return items


def error_summary(form, inline_formsets):
    """[{"where", "message", "anchor", "link"}] for each error of the form and its inline
    rows; `link` is `where` as a link to the field, or as text where there is nothing to
    link to."""
    items = _error_items(form, inline_formsets)
    for item in items:
        item["link"] = (
            format_html('<a href="#{}">{}</a>', item["anchor"], item["where"])
            if item["anchor"] and item["where"]
            else item["where"]
        )
    return items


def _error_items(form, inline_formsets):
    items = _form_errors(form)
    for inline in inline_formsets:
        formset = inline.formset
        group = capfirst(formset.model._meta.verbose_name_plural)
        for message in formset.non_form_errors():
            items.append({"where": group, "message": message, "anchor": f"{formset.prefix}-group"})
        for index, row in enumerate(formset.forms):
            if row.errors:
                where = row_name(formset, index)
                items.extend(_form_errors(row, where, f"{formset.prefix}-{index}"))
    return items


def _all_forms(form, inline_formsets):
    return [form, *(row for inline in inline_formsets for row in inline.formset.forms)]


def _kept_upload_label(form, name, inline_formsets):
    for inline in inline_formsets:
        if form in inline.formset.forms:
            where = row_name(inline.formset, inline.formset.forms.index(form))
            return gettext("%(row)s: %(field)s") % {"row": where, "field": _label(form, name)}
    return _label(form, name)


class EditorsDeskMixin:
    """For every content admin; see the module's docstring."""

    @property
    def media(self):
        return super().media + forms.Media(
            js=["js/admin-editors-desk.js"], css={"all": ["admin_portal/editors-desk.css"]}
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        restored = upload_stash.restore(request) if request.method == "POST" else []
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if restored and response.status_code in (301, 302, 303):
            upload_stash.forget(restored)
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or request.method != "POST" or "_saveasnew" in request.POST:
            return form_class
        start = concurrency.posted_token(request)
        if start is None:
            return form_class
        model_admin = self

        class EditConflictCheck(form_class):
            def clean(self):
                cleaned_data = super().clean()
                conflict = concurrency.find_conflict(model_admin, obj, start)
                if conflict is not None:
                    self.edit_conflict = conflict
                    raise ValidationError(conflict.message(), code="edit_conflict")
                return cleaned_data

        EditConflictCheck.__name__ = form_class.__name__
        return EditConflictCheck

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        adminform = context.get("adminform")
        inlines = context.get("inline_admin_formsets", [])
        if adminform is not None:
            form = adminform.form
            if any(isinstance(f.widget, ProseEditorWidget) for f in form.fields.values()):
                context["prose_editor_strings"] = editor_strings()
            if form.is_bound:
                context["error_summary"] = error_summary(form, inlines)
                if context["error_summary"]:
                    # The summary replaces the admin's "Please correct the errors below."
                    context["errors"] = []
                context["kept_uploads"] = [
                    {
                        "key": key,
                        "token": token,
                        "filename": filename,
                        "where": _kept_upload_label(row, name, inlines),
                    }
                    for row, name, key, token, filename in upload_stash.keep_valid_uploads(
                        request, _all_forms(form, inlines)
                    )
                ]
            if change and obj is not None:
                context["edit_start_field"] = concurrency.EDIT_START_FIELD
                context["edit_conflict"] = getattr(form, "edit_conflict", None)
                if context["edit_conflict"] is not None:
                    carried = concurrency.carry_their_changes(form, context["edit_conflict"])
                    for inline in inlines:
                        for index, labels in concurrency.carry_their_row_changes(
                            inline.formset, context["edit_conflict"]
                        ):
                            where = row_name(inline.formset, index)
                            carried += [
                                gettext("%(row)s: %(field)s") % {"row": where, "field": label}
                                for label in labels
                            ]
                    context["carried_fields"] = pgettext("between the names of a list", ", ").join(
                        carried
                    )
                context["edit_start"] = self._edit_start(request, obj, context["edit_conflict"])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _edit_start(self, request, obj, conflict):
        if conflict is not None:
            return conflict.token
        posted = concurrency.posted_token(request) if request.method == "POST" else None
        if posted is not None:
            return str(posted)
        return concurrency.edit_start_token(type(obj), obj.pk)
