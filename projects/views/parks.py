from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from portal.core.drafts import DraftPreviewMixin
from projects.filters import NEWEST_SIGNING_FIRST
from projects.map_links import map_links
from projects.models import Incentive, Park, Project


class ParkListView(ListView):
    template_name = "projects/park_list.html"
    context_object_name = "parks"

    def get_queryset(self):
        return Park.objects.published().for_cards()


# A park page shows its newest projects; the project list, filtered by the park, holds them all.
PROJECTS_ON_PARK_PAGE = 12


class ParkDetailView(DraftPreviewMixin, DetailView):
    model = Park
    preview_permission = "projects.change_park"
    template_name = "projects/park_detail.html"

    def get_queryset(self):
        # The incentives valid today in the county: one that expires leaves the page by itself.
        incentives = Prefetch(
            "incentive_policies",
            queryset=Incentive.objects.current().prefetch_related("sectors"),
            to_attr="current_incentives",
        )
        return (
            self.base_queryset()
            .with_project_count()
            .prefetch_related("sectors", "costs", "images", "documents", incentives)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        park = self.object
        published = Project.objects.published().filter(park=park)
        context["projects"] = list(
            published.for_cards().order_by(NEWEST_SIGNING_FIRST, "-investment_yuan", "slug")[
                :PROJECTS_ON_PARK_PAGE
            ]
        )
        context["project_count"] = park.project_count
        context["map_links"] = map_links(park.latitude, park.longitude, park.name)
        return context
