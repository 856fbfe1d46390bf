"""Fixtures every test of the portal shares; the settings are in tests/settings.py."""

import functools
import hashlib

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
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


@pytest.fixture(autouse=True, scope="session")
def _demo_images_made_once():
    """Many tests seed the demo content, and drawing its pictures and encoding their
    renditions (WebP above all) was most of a seed's time. Both are pure functions of their
    input, so within a run each distinct picture is drawn, and each distinct image encoded,
    once: the real code still stores every file and rendition, byte for byte as it would.
    The functions' own tests reach the real ones through `__wrapped__`."""
    from portal.core import renditions
    from projects import demo_images

    encode, draw = renditions.encoded_renditions, demo_images.drawn_picture
    encoded, drawn = {}, {}

    @functools.wraps(encode)
    def encoded_once(data):
        key = hashlib.blake2b(data).digest()
        if key not in encoded:
            encoded[key] = encode(data)
        return encoded[key]

    @functools.wraps(draw)
    def drawn_once(seed_text, subject, *args, **kwargs):
        key = (seed_text, subject, args, tuple(sorted(kwargs.items())))
        if key not in drawn:
            picture = draw(seed_text, subject, *args, **kwargs)
            drawn[key] = (picture.file.read(), picture.alt_en, picture.alt_zh)
        data, alt_en, alt_zh = drawn[key]
        return demo_images.Picture(ContentFile(data), alt_en, alt_zh)

    renditions.encoded_renditions, demo_images.drawn_picture = encoded_once, drawn_once
    yield
    renditions.encoded_renditions, demo_images.drawn_picture = encode, draw
