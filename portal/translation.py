"""Fields of the site shell kept in English and Simplified Chinese."""

from modeltranslation.translator import TranslationOptions, register

from .models import AccessibilityStatement, HomePage, SiteSettings


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = (
        "brand_line",
        "conference_title",
        "lead",
        "hero_alt",
        "enquiry_heading",
        "enquiry_text",
    )
    required_languages = ("en",)


@register(AccessibilityStatement)
class AccessibilityStatementTranslation(TranslationOptions):
    fields = ("intro", "compliance", "known_issues", "report_barrier")
    required_languages = ("en",)


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("operating_body", "street_address", "office_hours", "wechat_account")
