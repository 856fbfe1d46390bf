from django.urls import path
from django.views.generic import TemplateView

app_name = "projects"

urlpatterns = [
    path("", TemplateView.as_view(template_name="projects/project_list.html"), name="project_list"),
    path("parks/", TemplateView.as_view(template_name="projects/park_list.html"), name="park_list"),
]
