from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("", views.EnquiryCreateView.as_view(), name="enquiry_create"),
    path("thanks/<str:token>/", views.EnquiryThanksView.as_view(), name="thanks"),
    path("privacy/", views.PrivacyNoticeView.as_view(), name="privacy"),
]
