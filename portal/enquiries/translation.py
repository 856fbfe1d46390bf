"""The privacy notice is kept in English and Simplified Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import PrivacyNotice


@register(PrivacyNotice)
class PrivacyNoticeTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("en",)
