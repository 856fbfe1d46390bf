from django.views.generic import DetailView, ListView

from .models import Park, Project


class ProjectListView(ListView):
    queryset = Project.objects.published().select_related("sector", "park")
    paginate_by = 12


class ProjectDetailView(DetailView):
    queryset = Project.objects.published().select_related("sector", "park")


class ParkListView(ListView):
    queryset = Park.objects.published()


class ParkDetailView(DetailView):
    queryset = Park.objects.published()
