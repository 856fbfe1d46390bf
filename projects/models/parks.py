from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.bilingual import BilingualToPublish
from portal.core.models import Publishable, PublishableQuerySet, ReviewDated
from portal.core.reading_order import ReadingOrdered
from portal.core.revisions import NormalisedTextMixin
from portal.core.slugs import SLUG_HELP_TEXT, SlugFromNameMixin
from portal.core.uploads import PdfField

from .base import (
    ContactOfficer,
    Document,
    GalleryImage,
    GalleryOwner,
    gallery_image_field,
)

MU_PER_HECTARE = Decimal(15)


class Sector(NormalisedTextMixin, ReadingOrdered, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences shown with the sector.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name or self.slug


class ParkQuerySet(PublishableQuerySet):
    def with_project_count(self):
        """Each park with `project_count`, its number of published projects.

        Counted per park on the index of a park's published projects: grouping the parks'
        rows with every project joined to them sorted them all (30 ms at 10,000 projects).
        """
        # Project reached through the relation: its module imports this one.
        project = self.model._meta.get_field("projects").related_model
        count = (
            project._base_manager.filter(project.published_q(), park=models.OuterRef("pk"))
            .order_by()
            .values("park")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            project_count=Coalesce(models.Subquery(count, output_field=models.IntegerField()), 0)
        )

    def for_cards(self):
        """Everything a park card shows, including its number of published projects."""
        return self.with_project_count().prefetch_related("images")


class Park(
    BilingualToPublish,
    SlugFromNameMixin,
    ReadingOrdered,
    Publishable,
    ReviewDated,
    ContactOfficer,
    GalleryOwner,
):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_CONSTRUCTION = "construction", _("Under construction")
        OPERATING = "operating", _("Operating")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=SLUG_HELP_TEXT
    )
    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True, help_text=_("One line under the name.")
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for lists, search results and link previews."),
    )
    body = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    planned_area_ha = models.DecimalField(
        _("planned area (ha)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In hectares; the site shows mu beside it (1 ha = 15 mu)."),
    )
    developed_area_ha = models.DecimalField(
        _("developed area (ha)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    available_area_ha = models.DecimalField(
        _("available area (ha)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Land still open to new investors."),
    )
    sectors = models.ManyToManyField(
        Sector, related_name="parks", blank=True, verbose_name=_("industries")
    )
    power = models.TextField(_("power supply"), blank=True)
    water = models.TextField(_("water supply"), blank=True)
    gas = models.TextField(_("natural gas"), blank=True)
    steam = models.TextField(_("steam"), blank=True)
    transport = models.TextField(_("road and rail access"), blank=True)
    incentives = models.TextField(
        _("incentives and policies"),
        blank=True,
        help_text=_("One incentive per line; each line becomes a point in a list."),
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"is_staff": True},
        related_name="+",
        verbose_name=_("responsible officer"),
        help_text=_("The staff member who is told of every new enquiry about this park."),
    )

    objects = ParkQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("industrial park")
        verbose_name_plural = _("industrial parks")
        indexes = [models.Index(fields=["is_published", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_area_ha__gte=0) | models.Q(planned_area_ha__isnull=True),
                name="park_planned_area_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(developed_area_ha__gte=0)
                | models.Q(developed_area_ha__isnull=True),
                name="park_developed_area_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(available_area_ha__gte=0)
                | models.Q(available_area_ha__isnull=True),
                name="park_available_area_not_negative",
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("projects:park_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = self.language_errors()
        if errors:
            raise ValidationError(errors)

    @property
    def incentive_list(self):
        return [line.strip() for line in (self.incentives or "").splitlines() if line.strip()]


class ParkCost(NormalisedTextMixin, models.Model):
    """One row of a park's cost table: land, power, water, gas, wages.

    `kind` tells the cost estimator what a row prices, in the unit it expects; a row of no
    kind is shown on the park's pages and left out of estimates.
    """

    class Kind(models.TextChoices):
        LAND = "land", _("Land, yuan per mu (one-off)")
        ELECTRICITY = "electricity", _("Electricity, yuan per kWh")
        GAS = "gas", _("Natural gas, yuan per m³")
        WATER = "water", _("Water, yuan per ton")

    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="costs")
    kind = models.CharField(
        _("used by the estimator as"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_(
            "What the cost estimator reads this row as; its amount must be in that unit. "
            "Leave empty for a row the estimator should not use."
        ),
    )
    label = models.CharField(
        _("item"), max_length=120, help_text=_("For example: industrial electricity.")
    )
    # Four decimals: an electricity tariff is quoted as 0.6523 yuan per kWh.
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=4,
        validators=[MinValueValidator(0)],
        help_text=_("Up to 4 decimals; 万 and 亿 may be typed, e.g. 15万 for 150000."),
    )
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("For example: yuan per kWh, yuan per mu.")
    )
    note = models.CharField(_("note"), max_length=250, blank=True)
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Who quoted or published the amount.")
    )
    as_of = models.DateField(
        _("as of"), null=True, blank=True, help_text=_("The date the amount was quoted.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="park_cost_not_negative")
        ]

    def __str__(self):
        return self.label


class ParkImage(GalleryImage):
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="images")
    image = gallery_image_field("parks")


class ParkDocument(Document):
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="documents")
    file = PdfField(_("PDF file"), folder="documents/parks")
