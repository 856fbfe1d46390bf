"""A URLconf with a form view that fails, for the error-report tests."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def failing_enquiry(request):
    email = request.POST["email"]  # noqa: F841 - a local the report must not show
    raise RuntimeError("the enquiry could not be routed")


urlpatterns = [path("fail/", failing_enquiry)]
