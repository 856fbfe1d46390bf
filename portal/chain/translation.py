"""Fields kept in English and Simplified Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Certification, ChainGap, ChainStage, Enterprise


@register(ChainStage)
class ChainStageTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Certification)
class CertificationTranslation(TranslationOptions):
    fields = ("name",)


@register(Enterprise)
class EnterpriseTranslation(TranslationOptions):
    fields = ("name", "town", "main_products", "key_equipment", "export_markets")
    required_languages = ("en",)


@register(ChainGap)
class ChainGapTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)
