"""/.well-known/security.txt (RFC 9116): where to report a vulnerability in the portal."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

# RFC 9116 asks for an expiry under a year ahead; computed on each request, it never lapses.
VALIDITY = datetime.timedelta(days=364)


@require_safe
def security_txt(request):
    expires = (timezone.now() + VALIDITY).replace(microsecond=0)
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_TXT_CONTACT]
    lines += [
        f"Expires: {expires.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en, zh",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
