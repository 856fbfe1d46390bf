"""Fields kept in English and Simplified Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import MediaItem


@register(MediaItem)
class MediaItemTranslation(TranslationOptions):
    fields = ("title", "alt_text")
    # A title in either language will do: a clerk may write Chinese first.
    required_languages = ()
