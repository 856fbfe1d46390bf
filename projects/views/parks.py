from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from portal.cache import versioned
from portal.drafts import DraftPreviewMixin
from projects.filters import NEWEST_SIGNING_FIRST
from projects.maps import map_links
from projects.models import Park, ParkCost, ParkDocument, ParkImage, Project
from projects.tools.shortlist import saved_key


class ParkListView(ListView):
    template_name = "projects/park_list.html"
    context_object_name = "parks"

    def get_queryset(self):
        return Park.objects.published().for_cards()


class ParkDetailView(DraftPreviewMixin, DetailView):
    model = Park
    preview_permission = "projects.change_park"
    template_name = "projects/park_detail.html"

    def get_queryset(self):
        return self.base_queryset().prefetch_related(
            "sectors",
            Prefetch("costs", queryset=ParkCost.objects.order_by("order", "pk")),
            Prefetch("images", queryset=ParkImage.objects.order_by("order", "pk")),
            Prefetch("documents", queryset=ParkDocument.objects.order_by("order", "pk")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        park = self.object
        projects = (
            Project.objects.published()
            .filter(park=park)
            .for_cards()
            .order_by(NEWEST_SIGNING_FIRST, "-investment_yuan", "slug")
        )
        # The park's body, its project cards included, is a fragment keyed by the content
        # version: the cards are read only when it is not in the cache, the count once per
        # version.
        context["projects"] = SimpleLazyObject(lambda: list(projects))
        context["project_count"] = versioned("park-project-count", projects.count, park.pk)
        context["saved_key"] = saved_key(self.request)
        context["map_links"] = map_links(park.latitude, park.longitude, park.name)
        return context
