"""Header values shared by the middleware (pages, media) and WhiteNoise (static files)."""

from functools import cache

from csp.utils import build_policy
from django.conf import settings


def permissions_policy():
    """`PERMISSIONS_POLICY` as a header value, e.g. `camera=(), geolocation=(self)`."""
    parts = []
    for feature, origins in settings.PERMISSIONS_POLICY.items():
        allowed = " ".join("self" if origin == "self" else f'"{origin}"' for origin in origins)
        parts.append(f"{feature}=({allowed})")
    return ", ".join(parts)


@cache
def _static_headers():
    return {
        "Content-Security-Policy": build_policy(),
        "Permissions-Policy": permissions_policy(),
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def add_static_headers(headers, path, url):
    """WHITENOISE_ADD_HEADERS_FUNCTION: WhiteNoise answers before the CSP and frame middleware
    run, so its files get those headers here (SecurityMiddleware, before it, adds the rest)."""
    for name, value in _static_headers().items():
        headers[name] = value
