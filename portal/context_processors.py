"""What every page's shell shows: who runs the portal, how to reach it, the demo notice.

The site settings are one row that every page shows, so reading it on each render would add a
query to every page. Each worker keeps the row it last read instead, under the content version
it read it with: the page cache reads that version for every page it may store
(`request.content_version`), and any change to the row renews it, so a page that is kept
always shows the row as it was when the version was current. A page the cache does not keep
(a signed-in editor's, or every page when the cache is off) reuses the row for at most
`SHELL_SETTINGS_SECONDS`; a save in this worker replaces it at once.
"""

import copy
import re
import threading
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject

from portal.models import SiteSettings

SHELL_SETTINGS_SECONDS = 30  # settings.SHELL_SETTINGS_SECONDS
# The public-security record's number is the digits of the filing number.
PUBLIC_SECURITY_SEARCH = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
ICP_SEARCH = "https://beian.miit.gov.cn/"
HAN = re.compile(r"[\u4e00-\u9fff]")

_lock = threading.Lock()
_remembered = {}


def remember_site_settings(row, version=None):
    with _lock:
        _remembered["row"] = (row, version, time.monotonic())


def forget_site_settings():
    with _lock:
        _remembered.clear()


def _saved(sender, instance, **kwargs):
    # A copy: the caller may go on changing its instance without saving it.
    remember_site_settings(copy.copy(instance))


def _deleted(sender, **kwargs):
    remember_site_settings(SiteSettings(pk=SiteSettings.singleton_pk))


post_save.connect(_saved, sender=SiteSettings, dispatch_uid="shell-settings-saved")
post_delete.connect(_deleted, sender=SiteSettings, dispatch_uid="shell-settings-deleted")


def site_settings(request=None):
    """The site settings row (an unsaved default when none is saved), read at most once per
    content version by each worker."""
    version = getattr(request, "content_version", None)
    with _lock:
        row, read_under, read_at = _remembered.get("row", (None, None, 0.0))
    if row is not None:
        if version is not None and version == read_under:
            return row
        seconds = getattr(settings, "SHELL_SETTINGS_SECONDS", SHELL_SETTINGS_SECONDS)
        if version is None and time.monotonic() - read_at < seconds:
            return row
    row = SiteSettings.load()
    remember_site_settings(row, version)
    return row


def filings():
    """The footer's filing numbers from the settings, each with its link; empty ones left out."""
    entries = {}
    if settings.PORTAL_ICP_NUMBER:
        entries["icp"] = {
            "number": settings.PORTAL_ICP_NUMBER,
            "url": ICP_SEARCH,
            "han": bool(HAN.search(settings.PORTAL_ICP_NUMBER)),
        }
    if settings.PORTAL_PUBLIC_SECURITY_NUMBER:
        code = "".join(re.findall(r"\d", settings.PORTAL_PUBLIC_SECURITY_NUMBER))
        entries["public_security"] = {
            "number": settings.PORTAL_PUBLIC_SECURITY_NUMBER,
            "url": PUBLIC_SECURITY_SEARCH.format(code=code),
            "han": bool(HAN.search(settings.PORTAL_PUBLIC_SECURITY_NUMBER)),
        }
    if settings.PORTAL_GOVERNMENT_SITE_CODE:
        entries["government_site_code"] = {"number": settings.PORTAL_GOVERNMENT_SITE_CODE}
    return entries


def site(request):
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "PORTAL_CONTACT_PHONE": settings.PORTAL_CONTACT_PHONE,
        "PORTAL_FILINGS": filings(),
        "CARE_MODE_SCRIPT": settings.CARE_MODE_SCRIPT,
        # Read only by a template that shows it: feeds and the sitemap never ask.
        "site_settings": SimpleLazyObject(lambda: site_settings(request)),
    }
