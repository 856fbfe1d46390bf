"""The editors' side of the review step, mixed into every versioned admin (RevisionAdmin)."""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext

from . import workflow

HIDDEN_ACTIONS = ("publish", "unpublish", "delete_selected")


class ReviewedEditingMixin:
    def submits_for_review(self, request):
        """Whether this user's saves of this model wait for a reviewer."""
        return workflow.applies(self.model) and not workflow.may_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if self.submits_for_review(request):
            fields += tuple(
                name for name in workflow.publication_fields(self.model) if name not in fields
            )
        return fields

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.submits_for_review(request):
            for name in HIDDEN_ACTIONS:
                actions.pop(name, None)
        return actions

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if self.submits_for_review(request):
            # Publishing from the list would skip the review; the form submits instead.
            changelist.list_editable = ()
        return changelist

    def has_delete_permission(self, request, obj=None):
        if (
            obj is not None
            and self.submits_for_review(request)
            and workflow.is_live(self.model, obj.pk)
        ):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        new_draft = (
            not change and self.submits_for_review(request) and workflow.is_publishable(self.model)
        )
        if new_draft:
            setattr(obj, self.model.publication_field, self.model.withdrawn_value)
        super().save_model(request, obj, form, change)
        if new_draft:
            workflow.request_publication(request.user, obj)

    def _held_back(self, request, object_id):
        """Whether this POST's save is to wait for review rather than be written."""
        if request.method != "POST" or not self.submits_for_review(request):
            return False
        if object_id is None:  # a new publishable record is saved, as a draft
            return not workflow.is_publishable(self.model)
        return workflow.is_live(self.model, unquote(object_id))

    def _run_held_back(self, request, object_id, view, always=False):
        if not (always or self._held_back(request, object_id)):
            return view()
        request.review_submission = True
        with workflow.held_back(
            request, self.model, unquote(object_id) if object_id else None
        ) as kept:
            response = view()
        request.review_submission = False
        if kept:
            pending = kept[0]
            self.message_user(
                request,
                gettext(
                    "Your change to “%(record)s” was submitted for review. Visitors see the "
                    "published version until a reviewer approves it."
                )
                % {"record": pending.object_repr},
                messages.SUCCESS,
            )
        return response

    def add_view(self, request, form_url="", extra_context=None):
        return self._run_held_back(
            request,
            None,
            lambda: super(ReviewedEditingMixin, self).add_view(request, form_url, extra_context),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and workflow.applies(self.model):
            self._say_what_waits(request, object_id)
        return self._run_held_back(
            request,
            object_id,
            lambda: super(ReviewedEditingMixin, self).change_view(
                request, object_id, form_url, extra_context
            ),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        return self._run_held_back(
            request,
            object_id,
            lambda: super(ReviewedEditingMixin, self).revision_view(
                request, object_id, version_id, extra_context
            ),
        )

    def recover_view(self, request, version_id, extra_context=None):
        """Bringing back a deleted record is a submission too: visitors would see it again."""
        if request.method != "POST" or not self.submits_for_review(request):
            return super().recover_view(request, version_id, extra_context)
        request.review_recovery = True
        return self._run_held_back(
            request,
            None,
            lambda: super(ReviewedEditingMixin, self).recover_view(
                request, version_id, extra_context
            ),
            always=True,
        )

    def _say_what_waits(self, request, object_id):
        pending = workflow.pending_for(self.model, unquote(object_id))
        if pending is None:
            return
        who = pending.submitted_by.get_username() if pending.submitted_by else "–"
        if self.submits_for_review(request):
            text = gettext(
                "A change by %(user)s is waiting for review. This form shows the published "
                "version; saving it replaces the waiting change."
            )
        else:
            text = gettext("A change by %(user)s is waiting for your review.")
        self.message_user(request, text % {"user": who}, messages.WARNING)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "review_submission", False):
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
            )
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "review_recovery", False):
            return self.response_add(request, obj)
        if getattr(request, "review_submission", False):
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(obj.pk)],
                )
            )
        return super().response_change(request, obj)

    def message_user(self, request, message, *args, **kwargs):
        # "Changed successfully" would not be true of a save held back for review.
        if getattr(request, "review_submission", False):
            return None
        return super().message_user(request, message, *args, **kwargs)
