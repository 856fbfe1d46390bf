from django.conf import settings
from django.utils.functional import SimpleLazyObject

from portal.cache import FRAGMENT_CACHE_SECONDS, content_version


def site(request):
    """What every page's shell shows: the portal's contact details; and, for `{% cache %}`
    fragments of content shared by every visitor, the content version (read from the cache
    only when a template uses it) and how long a fragment may be kept. A fragment keyed by
    the version is never stale: the version changes with every change of content.
    """
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "PORTAL_CONTACT_PHONE": settings.PORTAL_CONTACT_PHONE,
        "CONTENT_VERSION": SimpleLazyObject(content_version),
        "FRAGMENT_CACHE_SECONDS": FRAGMENT_CACHE_SECONDS,
    }
