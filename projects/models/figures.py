from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import FlagPublishable, ReviewDated
from portal.core.revisions import NormalisedTextMixin


class ClusterFigure(NormalisedTextMixin, ReviewDated, FlagPublishable):
    """A key figure of the cluster that staff keep current, always with its source."""

    label = models.CharField(
        _("label"), max_length=120, help_text=_("For example: bearing processing enterprises.")
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(
        _("unit"),
        max_length=40,
        blank=True,
        help_text=_(
            "For example: tons, workers. Write “yuan” for an amount of money: the site then "
            "writes it the reader's way (CNY 8 billion, 80亿元)."
        ),
    )
    prefix = models.CharField(
        _("prefix"), max_length=10, blank=True, help_text=_("Shown before the value, e.g. “over”.")
    )
    source = models.CharField(_("source"), max_length=200, help_text=_("Who published the figure."))
    as_of = models.DateField(_("as of"), help_text=_("The date the figure describes."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("cluster figure")
        verbose_name_plural = _("cluster figures")

    def __str__(self):
        return self.label

    @property
    def is_money(self):
        return (self.unit_en or "").strip().lower() in ("yuan", "cny")


class Partner(NormalisedTextMixin, FlagPublishable):
    """An organisation that signed a strategic cooperation agreement with the city or county."""

    organisation = models.CharField(_("organisation"), max_length=200)
    agreement = models.CharField(
        _("agreement"), max_length=250, help_text=_("What was agreed, in one line.")
    )
    signed_on = models.DateField(_("signed on"))
    url = models.URLField(_("web site"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("strategic partner")
        verbose_name_plural = _("strategic partners")

    def __str__(self):
        return self.organisation
