from django.utils.cache import add_never_cache_headers


class DraftPreviewMixin:
    """Visitors see published records only; staff who may edit them also see drafts.

    A draft is marked as such on the page and is never stored by a browser or a shared cache.
    """

    preview_permission = None

    def can_preview(self):
        user = self.request.user
        return user.is_authenticated and user.has_perm(self.preview_permission)

    def base_queryset(self):
        manager = self.model.objects
        return manager.all() if self.can_preview() else manager.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_draft"] = not self.object.is_visible
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_draft"]:
            add_never_cache_headers(response)
            response["Cache-Control"] += ", private"
        return response
