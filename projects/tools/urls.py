"""Routes of the investor tools, included into the registry's URLconf (namespace "projects")."""

from django.urls import path

from . import compare, estimator, maps, opendata, sheets, shortlist

urlpatterns = [
    path("compare/", compare.compare_projects, name="compare"),
    path("compare/parks/", compare.compare_parks, name="park_compare"),
    path("shortlist/", shortlist.shortlist_page, name="shortlist"),
    path("shortlist/token.json", shortlist.token, name="shortlist_token"),
    path("shortlist/<slug:slug>/", shortlist.toggle, name="shortlist_toggle"),
    path("open-data/projects.csv", opendata.projects_csv, name="open_data_csv"),
    path("open-data/projects.json", opendata.projects_json, name="open_data_json"),
    path("map/", maps.map_page, name="map"),
    path("estimate/", estimator.estimate, name="estimate"),
    path("estimate/estimate.csv", estimator.estimate_csv, name="estimate_csv"),
    path("parks/<slug:slug>/sheet/", sheets.park_sheet, name="park_sheet"),
    path("<slug:slug>/sheet/", sheets.project_sheet, name="project_sheet"),
]
