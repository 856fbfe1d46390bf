"""Fields kept in English and Simplified Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ClusterFigure,
    Incentive,
    Milestone,
    Park,
    ParkCost,
    ParkDocument,
    ParkImage,
    Partner,
    Project,
    ProjectDocument,
    ProjectImage,
    Sector,
    WorkforceFigure,
)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Park)
class ParkTranslation(TranslationOptions):
    fields = (
        "name",
        "tagline",
        "summary",
        "body",
        "power",
        "water",
        "gas",
        "steam",
        "transport",
        "incentives",
        "address",
        "contact_name",
        "contact_title",
    )
    # Either language is enough for a draft; publishing needs both (portal.core.bilingual).


@register(ParkCost)
class ParkCostTranslation(TranslationOptions):
    fields = ("label", "unit", "note", "source")


@register(ParkImage)
class ParkImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(ParkDocument)
class ParkDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
        "investor",
        "investor_country",
        "signing_event",
        "contact_name",
        "contact_title",
        "sought_detail",
        "scale",
        "utilities",
    )
    # Either language is enough for a draft; publishing needs both (portal.core.bilingual).


@register(ProjectImage)
class ProjectImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(ProjectDocument)
class ProjectDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)


@register(ClusterFigure)
class ClusterFigureTranslation(TranslationOptions):
    fields = ("label", "unit", "prefix", "source")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("organisation", "agreement")


@register(Incentive)
class IncentiveTranslation(TranslationOptions):
    fields = ("title", "issuer", "eligibility", "benefit")
    required_languages = ("en",)


@register(WorkforceFigure)
class WorkforceFigureTranslation(TranslationOptions):
    fields = ("role", "availability", "source")
    required_languages = ("en",)
