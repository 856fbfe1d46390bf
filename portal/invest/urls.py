from django.urls import path

from . import views

app_name = "invest"

urlpatterns = [
    path("", views.WhyView.as_view(), name="why_guanxian"),
    path("guide/", views.GuideView.as_view(), name="guide"),
    path("incentives/", views.IncentiveListView.as_view(), name="incentives"),
]
