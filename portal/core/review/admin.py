"""The reviewers' queue: each change waiting for review, compared with the live record, to
approve (published as a new version) or reject with a note for the editor."""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from portal.core import revisions

from . import workflow
from .models import PendingChange


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    list_display = (
        "record",
        "record_type",
        "kind",
        "submitted_by",
        "submitted_at",
        "status",
        "decided_by",
    )
    list_display_links = None
    list_filter = ("status", "kind", ("content_type", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("content_type", "submitted_by", "decided_by")
    search_fields = ("object_repr", "note")
    date_hierarchy = "submitted_at"
    review_template = "admin/review/review.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("live_record")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # The queue opens on what waits; the filter shows the decided ones too.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not request.GET and request.method == "GET":
            return redirect(f"{request.path}?status__exact={PendingChange.Status.PENDING}")
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("record"), ordering="object_repr")
    def record(self, pending):
        url = reverse(
            f"{self.admin_site.name}:review_pendingchange_change", args=[quote(pending.pk)]
        )
        return format_html('<a href="{}">{}</a>', url, _name(pending))

    @admin.display(description=_("kind of record"), ordering="content_type")
    def record_type(self, pending):
        model = pending.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else pending.content_type.model

    def _record_admin(self, pending):
        model = pending.content_type.model_class()
        model_admin = self.admin_site._registry.get(model)
        if not isinstance(model_admin, revisions.RevisionAdmin):
            raise Http404
        return model, model_admin

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The change against the live record, with Approve and Reject for reviewers."""
        pending = self.get_object(request, unquote(object_id))
        if pending is None:
            raise Http404
        if not self.has_view_or_change_permission(request, pending):
            raise PermissionDenied
        model, model_admin = self._record_admin(pending)
        may_decide = (
            pending.status == PendingChange.Status.PENDING
            and self.has_change_permission(request, pending)
            and request.user.has_perm(workflow.REVIEW_PERMISSION)
        )
        error = None
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            if "_approve" in request.POST:
                return self._approve(request, pending, model, model_admin)
            note = request.POST.get("note", "").strip()
            if "_reject" in request.POST and note:
                workflow.reject(request.user, pending, note)
                self.message_user(
                    request,
                    gettext("The change to “%(record)s” was rejected; the editor sees your note.")
                    % {"record": _name(pending)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse(f"{self.admin_site.name}:review_pendingchange_changelist")
                )
            error = gettext(
                "Say in the note why the change is rejected, so the editor can correct it."
            )
        live = workflow.live_object(pending)
        fields, inline_rows = self._changes(pending, model, model_admin, live)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Review “%(record)s”") % {"record": _name(pending)},
            "pending": pending,
            "record_name": _name(pending),
            "record_type": self.record_type(pending),
            "live": live,
            "live_url": self._live_url(model, live),
            "changed_since": self._changed_since(pending, live),
            "fields": fields,
            "inline_rows": inline_rows,
            "may_decide": may_decide,
            "error": error,
            "note": request.POST.get("note", "") if request.method == "POST" else "",
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.review_template, context)

    def _changes(self, pending, model, model_admin, live):
        """What approving would change: the live record against the submitted version."""
        if pending.kind == PendingChange.Kind.PUBLICATION or pending.revision is None:
            if live is None:
                return [], []
            return revisions.field_changes(model, None, revisions.snapshot(live).field_dict), []
        submitted = Version.objects.get_for_object_reference(model, pending.object_id).get(
            revision=pending.revision
        )
        before = revisions.snapshot(live).field_dict if live is not None else None
        fields = revisions.field_changes(model, before, submitted.field_dict)
        inline_rows = model_admin.compare_live_inlines(submitted, pending.object_id)
        return fields, inline_rows

    def _changed_since(self, pending, live):
        """The latest version of the live record saved after the submission, if any:
        approving would replace that change."""
        if live is None or pending.status != PendingChange.Status.PENDING:
            return None
        return (
            revisions.kept_versions()
            .get_for_object(live)
            .filter(revision__date_created__gt=pending.submitted_at)
            .select_related("revision__user")
            .order_by("-pk")
            .first()
        )

    def _live_url(self, model, live):
        if live is None:
            return None
        opts = model._meta
        try:
            return reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[quote(live.pk)],
            )
        except NoReverseMatch:
            return None

    def _approve(self, request, pending, model, model_admin):
        live = workflow.live_object(pending)
        if pending.kind == PendingChange.Kind.PUBLICATION:
            names = [model.publication_field] if workflow.is_publishable(model) else []
        else:
            submitted = Version.objects.get_for_object_reference(model, pending.object_id).get(
                revision=pending.revision
            )
            before = revisions.snapshot(live).field_dict if live is not None else None
            names = [
                field.name
                for field, _old, _new in revisions.changed_fields(
                    model, before, submitted.field_dict
                )
            ]
        with translation.override(None):
            labels = [str(revisions.field_label(model._meta.get_field(n))) for n in names]
        message = [{"changed": {"fields": labels}}] if labels else []
        obj = workflow.approve(request.user, pending, message)
        if live is None:
            model_admin.log_addition(request, obj, message)
        else:
            model_admin.log_change(request, obj, message)
        self.message_user(
            request,
            gettext("“%(record)s” was approved and is now what visitors see.") % {"record": obj},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse(f"{self.admin_site.name}:review_pendingchange_changelist")
        )


def _name(pending):
    """The record's name in the reader's language while it exists, else as submitted."""
    live = pending.live_record
    return str(live) if live is not None else pending.object_repr
