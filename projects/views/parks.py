from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from projects.filters import NEWEST_SIGNING_FIRST
from projects.maps import map_links
from projects.models import Park, ParkCost, ParkDocument, ParkImage, Project

from .drafts import DraftPreviewMixin


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
        context["projects"] = list(
            Project.objects.published()
            .filter(park=park)
            .for_cards()
            .order_by(NEWEST_SIGNING_FIRST, "-investment_yuan", "slug")
        )
        context["map_links"] = map_links(park.latitude, park.longitude, park.name)
        return context
