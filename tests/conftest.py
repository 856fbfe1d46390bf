"""Fixtures every test of the portal shares; the settings are in tests/settings.py."""

import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Uploads go to a temporary folder, and no test sees another's cache entries."""
    settings.MEDIA_ROOT = tmp_path / "media"
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in English, whatever language the previous test's request left active."""
    translation.activate("en")
    yield
    translation.activate("en")
