"""Fields kept in English and Simplified Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Advantage, Connection, SetupStep


@register(Advantage)
class AdvantageTranslation(TranslationOptions):
    fields = ("title", "body", "source")
    required_languages = ("en",)


@register(Connection)
class ConnectionTranslation(TranslationOptions):
    fields = ("destination", "route", "source")
    required_languages = ("en",)


@register(SetupStep)
class SetupStepTranslation(TranslationOptions):
    fields = ("title", "summary", "office", "documents", "fees", "duration", "legal_basis")
    required_languages = ("en",)
