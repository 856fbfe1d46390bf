from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    """Images and PDFs uploaded once and reused: in article bodies through the rich-text
    editor's image button, and wherever else a record wants a picture of its own."""

    name = "portal.media_library"
    label = "media_library"
    verbose_name = _("Media library")
