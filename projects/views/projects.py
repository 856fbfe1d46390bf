from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.utils.translation import pgettext
from django.views.generic import DetailView, ListView

from portal.core.drafts import DraftPreviewMixin
from portal.core.page_cache import do_not_store
from projects.charts import registry_charts
from projects.filters import (
    FACETS,
    KNOWN_PARAMETERS,
    NEWEST_SIGNING_FIRST,
    Sort,
    facet_q,
    filter_form,
    search_q,
)
from projects.models import Project
from projects.overview import RegistryOverview

RELATED_COUNT = 3


class ProjectListView(ListView):
    """The registry's projects, filtered, searched and sorted by GET parameters only."""

    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        self.form = filter_form(request.GET)
        self.values = self.form.values()
        searched = Project.objects.published()
        if self.values["q"]:
            searched = searched.filter(search_q(self.values["q"]))
        # The facet counts, the number of results and the overview are sums over this.
        self.overview = RegistryOverview(searched)
        clamped = self.clamped_page()
        if clamped is not None:
            return HttpResponseRedirect(clamped)
        return super().get(request, *args, **kwargs)

    def clamped_page(self):
        """The address of the nearest page that exists when `page` names none (past the end,
        below 1, or not a number); None when it names a page.

        A shared link outlives its page count: the visitor lands on the last page rather than
        a 404. The redirect is temporary because the count changes with the registry, and the
        page cache never stores it.
        """
        value = self.request.GET.get(self.page_kwarg)
        if value in (None, "last"):
            return None
        count = self.overview.count(self.form.chosen())
        last = max(1, -(-count // self.paginate_by))
        try:
            number = int(value)
        except ValueError:
            number = 1
        else:
            if 1 <= number <= last:
                return None
        query = self.request.GET.copy()
        query.pop(self.page_kwarg)
        if min(max(number, 1), last) > 1:
            query[self.page_kwarg] = str(last)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = self.overview.count(self.form.chosen())
        return paginator

    def get_queryset(self):
        order = Sort.ORDER[self.values["sort"] or Sort.NEWEST]
        return Project.objects.published().filter(facet_q(self.values)).for_cards().order_by(*order)

    def facet_options(self, facet, choices, counts):
        chosen = self.values[facet]
        stored = {
            "sector": {s.slug: s.pk for s in self.form.sectors},
            "park": {p.slug: p.pk for p in self.form.parks},
        }.get(facet, {})
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(stored.get(value, value), 0),
                "selected": value == chosen,
            }
            for value, label in choices
            if value
        ]

    def facets(self):
        counts = self.overview.facet_counts(self.form.chosen())
        form = self.form
        return [
            {
                "name": name,
                "label": form.fields[name].label,
                "all_label": form.fields[name].choices[0][1],
                "options": self.facet_options(name, form.fields[name].choices, counts[name]),
            }
            for name in ("sector", "park", "stage", "kind", "band")
        ]

    def active_filters(self, facets):
        """A chip per filter in use: its label, the value chosen and the address without it."""
        chips = []
        if self.values["q"]:
            chips.append({"label": self.form.fields["q"].label, "value": self.values["q"]})
            chips[-1]["remove_url"] = self.address_without("q")
        for facet in facets:
            for option in facet["options"]:
                if option["selected"]:
                    chips.append(
                        {
                            "label": facet["label"],
                            "value": option["label"],
                            "remove_url": self.address_without(facet["name"]),
                        }
                    )
        return chips

    def address_without(self, name):
        """This list's address without the parameter `name` (nor empty ones), from page 1."""
        query = urlencode(
            [
                (key, value)
                for key, value in self.request.GET.items()
                if value and key not in (name, self.page_kwarg)
            ]
        )
        return f"{self.request.path}?{query}" if query else self.request.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.facets()
        context["active_filters"] = self.active_filters(context["facets"])
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
            context["headline"] = self.overview.headline()
            context["charts"] = registry_charts(self.overview, self.form.parks)
        # Parameters no page reads never reach the view with the page cache on: it redirects
        # to the address without them (portal/core/page_cache.py).
        context["ignored"] = self.form.ignored()
        context["ignored_text"] = pgettext("separator between items of a list", ", ").join(
            context["ignored"]
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["ignored"] or not self.is_canonical(context["page_obj"]):
            # Any value can be sent: a page per bad value would fill the cache.
            do_not_store(response)
        return response

    def is_canonical(self, page_obj):
        """Whether each parameter appears once and the page number as the page shows it."""
        params = self.request.GET
        if any(len(params.getlist(name)) > 1 for name in KNOWN_PARAMETERS):
            return False
        return params.get("page") in (None, str(page_obj.number))


class ProjectDetailView(DraftPreviewMixin, DetailView):
    model = Project
    preview_permission = "projects.change_project"
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return (
            self.base_queryset()
            .select_related("sector", "park")
            .prefetch_related("images", "documents", "milestones")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["related"] = self.related(project)
        return context

    @staticmethod
    def related(project):
        """Up to three published neighbours: the sector's newest signings first, then the
        park's. Each list is read in index order up to its LIMIT (`project_sector_order_idx`,
        `project_park_order_idx`), so a project page costs the same at 10,000 projects as at
        15: two queries more when the sector has fewer than three others."""
        neighbours = (
            Project.objects.published()
            .exclude(pk=project.pk)
            .for_cards()
            .order_by(NEWEST_SIGNING_FIRST, "-investment_yuan", "slug")
        )
        found = list(neighbours.filter(sector_id=project.sector_id)[:RELATED_COUNT])
        if project.park_id and len(found) < RELATED_COUNT:
            found += neighbours.filter(park_id=project.park_id).exclude(
                pk__in=[p.pk for p in found]
            )[: RELATED_COUNT - len(found)]
        return found
