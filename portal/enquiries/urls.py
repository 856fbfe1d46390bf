from django.urls import path
from django.views.generic import TemplateView

app_name = "enquiries"

urlpatterns = [
    path(
        "", TemplateView.as_view(template_name="enquiries/enquiry_form.html"), name="enquiry_create"
    ),
]
