"""Headers that Django's SecurityMiddleware and django-csp leave to others."""

from django.conf import settings

from .headers import permissions_policy


class SecurityHeadersMiddleware:
    """Adds `Permissions-Policy` and frame denial to every response the site gives.

    Django's XFrameOptionsMiddleware runs too late (too far inside) to see the redirects that
    LocaleMiddleware makes, so the frame header is set here as well. Static files get the same
    values from `add_static_headers`, since WhiteNoise answers them before this runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response
