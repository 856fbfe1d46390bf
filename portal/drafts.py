from django.http import Http404
from django.utils.cache import patch_cache_control

from portal.cache import versioned


class DraftPreviewMixin:
    """Visitors see published records only; staff who may edit them also see drafts.

    A draft is marked as such on the page and is never stored by a browser or a shared cache.

    What a visitor sees is the same for every visitor: the published record, with whatever the
    view's queryset selects and prefetches, is kept in the cache per content version (see
    `portal.cache.versioned`), so it is read from the database once after each change of
    content, not on every request. Staff who may preview always read the database.
    """

    preview_permission = None

    def can_preview(self):
        user = self.request.user
        return user.is_authenticated and user.has_perm(self.preview_permission)

    def base_queryset(self):
        manager = self.model.objects
        return manager.all() if self.can_preview() else manager.published()

    def get_object(self, queryset=None):
        if queryset is not None or self.can_preview():
            return super().get_object(queryset)
        found = versioned(
            f"published-{self.model._meta.label_lower}",
            self._published_object,
            self.kwargs.get(self.pk_url_kwarg),
            self.kwargs.get(self.slug_url_kwarg),
        )
        if found is None:
            raise Http404(f"No published {self.model._meta.verbose_name} at this address.")
        return found

    def _published_object(self):
        try:
            return super().get_object()
        except Http404:
            return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_draft"] = not self.object.is_visible
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_draft"]:
            patch_cache_control(response, no_cache=True, no_store=True, private=True)
        return response
