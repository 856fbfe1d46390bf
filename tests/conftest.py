"""Fixtures every test of the portal shares; the settings are in tests/settings.py."""

import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Uploads go to a temporary folder, and no test sees another's cache entries."""
    from portal.context_processors import remember_site_settings
    from portal.models import SiteSettings

    settings.MEDIA_ROOT = tmp_path / "media"
    for cache in caches.all():
        cache.clear()
    # Each test starts as a worker that has served pages before: it knows the shell's settings
    # row, which no test database holds at first (another test's row was rolled back).
    remember_site_settings(SiteSettings(pk=SiteSettings.singleton_pk))
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in English, whatever language the previous test's request left active."""
    translation.activate("en")
    yield
    translation.activate("en")
