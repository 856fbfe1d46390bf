from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_create, name="enquiry_create"),
    path("visit/", views.site_visit_create, name="site_visit"),
    path("thanks/<str:token>/", views.EnquiryThanksView.as_view(), name="thanks"),
    path("privacy/", views.PrivacyNoticeView.as_view(), name="privacy"),
    path("service-standard/", views.ServiceStandardView.as_view(), name="service_standard"),
]
