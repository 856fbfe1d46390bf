from django.urls import path

from . import views

app_name = "chain"

urlpatterns = [
    path("enterprises/", views.directory, name="directory"),
    path("enterprises/<slug:slug>/", views.enterprise_detail, name="enterprise"),
    path("industry-chain/", views.chain, name="chain"),
    path("projects/open-data/enterprises.csv", views.enterprises_csv, name="open_data_csv"),
    path("projects/open-data/enterprises.json", views.enterprises_json, name="open_data_json"),
]
