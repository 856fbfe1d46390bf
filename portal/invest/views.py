"""The "Why Guanxian" page, the investment guide and the incentives valid today.

Each page makes a fixed number of queries, whatever the records hold.
"""

from django.views.generic import ListView, TemplateView

from projects.models import Incentive, Project, WorkforceFigure

from .models import Advantage, Connection, SetupStep


class WhyView(TemplateView):
    template_name = "invest/why.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        advantages = list(Advantage.objects.published())
        context.update(
            topics=[
                (label, [a for a in advantages if a.topic == value])
                for value, label in Advantage.Topic.choices
                if any(a.topic == value for a in advantages)
            ],
            workforce=list(WorkforceFigure.objects.published()),
            connections=list(Connection.objects.published()),
            opportunity_count=Project.objects.published()
            .filter(kind=Project.Kind.OPPORTUNITY)
            .count(),
            incentive_count=Incentive.objects.current().count(),
        )
        context["any_illustrative"] = any(c.is_illustrative for c in context["connections"])
        return context


class GuideView(ListView):
    template_name = "invest/guide.html"
    context_object_name = "steps"

    def get_queryset(self):
        return SetupStep.objects.published()


class IncentiveListView(ListView):
    template_name = "invest/incentive_list.html"
    context_object_name = "incentives"
    paginate_by = 25

    def get_queryset(self):
        return Incentive.objects.current().prefetch_related("parks", "sectors")
