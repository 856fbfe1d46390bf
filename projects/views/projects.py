from urllib.parse import urlencode

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import pgettext
from django.views.generic import DetailView, ListView

from portal.cache import VersionedCountMixin
from portal.drafts import DraftPreviewMixin
from projects.charts import registry_charts
from projects.filters import (
    FACETS,
    KNOWN_PARAMETERS,
    NEWEST_SIGNING_FIRST,
    Sort,
    facet_counts,
    facet_q,
    filter_form,
)
from projects.models import Project
from projects.tools.shortlist import saved_key

RELATED_COUNT = 3


class ProjectListView(VersionedCountMixin, ListView):
    """The registry's projects, filtered, searched and sorted by GET parameters only."""

    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        self.form = filter_form(request.GET)
        self.values = self.form.values()
        self.filter_key = urlencode(sorted(self.values.items()))
        return super().get(request, *args, **kwargs)

    def count_key(self):
        return ("project-count", self.filter_key)

    def get_queryset(self):
        order = Sort.ORDER[self.values["sort"] or Sort.NEWEST]
        return Project.objects.published().filter(facet_q(self.values)).for_cards().order_by(*order)

    def options(self, facet, choices, counts):
        chosen = self.values[facet]
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == chosen,
            }
            for value, label in choices
            if value
        ]

    def facets(self):
        counts = facet_counts(Project.objects.published(), self.values)
        form = self.form
        return [
            {
                "name": name,
                "label": form.fields[name].label,
                "all_label": form.fields[name].choices[0][1],
                "options": self.options(name, form.fields[name].choices, counts[name]),
            }
            for name in ("sector", "park", "stage", "kind", "band")
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The filters' counts and the overview are the same for every visitor: the template
        # keeps them as fragments keyed by the content version, and they are computed only
        # when the fragment is not in the cache.
        context["facets"] = SimpleLazyObject(self.facets)
        context["filter_key"] = self.filter_key
        # Cards are the same for every visitor but for their save buttons.
        context["saved_key"] = saved_key(self.request)
        context["sort_options"] = [
            {"value": value, "label": label, "selected": value == self.values["sort"]}
            for value, label in Sort.CHOICES
        ]
        context["query"] = self.values["q"]
        # The open data links carry the filters the list accepted, so they never answer 400.
        context["open_data_query"] = urlencode(
            [(name, self.values[name]) for name in ("q", *FACETS) if self.values[name]]
        )
        context["is_filtered"] = any(self.values[name] for name in ("q", *FACETS))
        # The overview (headline figures and charts) opens the unfiltered list only.
        if not context["is_filtered"] and context["page_obj"].number == 1:
            context["overview"] = True
            context["charts"] = SimpleLazyObject(registry_charts)
        context["ignored"] = self.form.ignored()
        context["unknown_parameters"] = sorted(
            key for key in self.request.GET if key not in KNOWN_PARAMETERS
        )
        ignored = context["ignored"] + [f"“{name[:40]}”" for name in context["unknown_parameters"]]
        context["ignored_text"] = pgettext("separator between items of a list", ", ").join(ignored)
        return context


class ProjectDetailView(DraftPreviewMixin, DetailView):
    model = Project
    preview_permission = "projects.change_project"
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        # Images, documents and milestones (in their models' order) are read by the page's
        # body, a fragment keyed by the content version: only when it is not in the cache.
        return self.base_queryset().select_related("sector", "park")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        # The related cards are in that fragment too: computed on a miss only.
        context["related"] = SimpleLazyObject(lambda: self.related(project))
        context["saved_key"] = saved_key(self.request)
        return context

    @staticmethod
    def related(project):
        neighbours = Q(sector_id=project.sector_id)
        if project.park_id:
            neighbours |= Q(park_id=project.park_id)
        return list(
            Project.objects.published()
            .filter(neighbours)
            .exclude(pk=project.pk)
            .for_cards()
            .order_by("-is_featured", NEWEST_SIGNING_FIRST, "-investment_yuan", "slug")[
                :RELATED_COUNT
            ]
        )
