from django.urls import include, path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project_list"),
    path("parks/", views.ParkListView.as_view(), name="park_list"),
    path("parks/<slug:slug>/", views.ParkDetailView.as_view(), name="park_detail"),
    path("", include("projects.tools.urls")),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
]
