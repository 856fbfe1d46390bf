from django.conf import settings


def site(request):
    """What every page's shell shows: the portal's contact details."""
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "PORTAL_CONTACT_PHONE": settings.PORTAL_CONTACT_PHONE,
    }
