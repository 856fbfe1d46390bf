from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The optional review step (settings.CONTENT_REVIEW_REQUIRED), part of the kernel."""

    name = "portal.core.review"
    label = "review"
    verbose_name = _("Review")
