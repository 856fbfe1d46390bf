"""The cluster's industry chain and the enterprises along it.

The chain is a row of stages (bearing steel, forging, ring rolling, turning, heat treatment,
grinding, rolling elements and cages, assembly, testing, logistics); each enterprise works in
one or more of them. The gaps are what the county seeks investment for at a stage, each linked
to the open opportunities that would fill it. Every figure the chain page shows (enterprises,
capacity, signed projects) is counted from these records, never typed.

An enterprise record carries a business contact only: no person's name, as the directory is
public.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.core.models import FlagPublishable, Publishable, PublishableQuerySet
from portal.core.reading_order import ReadingOrdered
from portal.core.revisions import NormalisedTextMixin
from projects.formatting import format_quantity
from projects.models import Park, Project, Sector

ORDER_HELP = _("Lower numbers come first.")


class CapacityUnit(models.TextChoices):
    TONNES = "t", _("tonnes a year")
    PIECES = "pcs", _("pieces a year")


class ChainStage(NormalisedTextMixin, FlagPublishable):
    """One step of making a bearing, in the order the chain runs."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The stage's name in web addresses: lower-case letters, digits and hyphens."),
    )
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="chain_stages",
        verbose_name=_("registry sectors"),
        help_text=_("The sectors of the project registry whose projects belong to this stage."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("chain stage")
        verbose_name_plural = _("chain stages")

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("chain:directory") + f"?stage={self.slug}"


class Certification(NormalisedTextMixin, models.Model):
    """A quality, environmental or safety certificate an enterprise holds (ISO 9001, ...)."""

    code = models.CharField(
        _("code"), max_length=40, unique=True, help_text=_("As printed on the certificate.")
    )
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("what it certifies"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self):
        return self.code


class EnterpriseQuerySet(PublishableQuerySet):
    def in_reading_order(self):
        """By name as the reader reads it: pinyin order in Chinese (the stored key), A to Z
        otherwise."""
        language = get_language() or ""
        if language.startswith("zh"):
            return self.order_by("name_pinyin", "pk")
        return self.order_by("name", "pk")

    def for_cards(self):
        return self.select_related("park").prefetch_related("stages", "certifications")


class Enterprise(NormalisedTextMixin, ReadingOrdered, Publishable):
    """An enterprise of the cluster, with what it makes and how much."""

    name = models.CharField(_("name"), max_length=150)
    # The Chinese directory is read in the order of this index.
    name_pinyin = models.CharField(max_length=1200, editable=False, blank=True, db_index=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The enterprise's web address: lower-case letters, digits and hyphens."),
    )
    park = models.ForeignKey(
        Park,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("park"),
    )
    town = models.CharField(
        _("town"), max_length=100, blank=True, help_text=_("Where it is, when not in a park.")
    )
    stages = models.ManyToManyField(
        ChainStage, related_name="enterprises", verbose_name=_("chain stages")
    )
    main_products = models.CharField(_("main products"), max_length=300)
    capacity = models.DecimalField(
        _("yearly capacity"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    capacity_unit = models.CharField(
        _("capacity unit"), max_length=5, choices=CapacityUnit.choices, default=CapacityUnit.TONNES
    )
    key_equipment = models.TextField(_("key equipment"), blank=True)
    certifications = models.ManyToManyField(
        Certification, blank=True, related_name="enterprises", verbose_name=_("certifications")
    )
    export_markets = models.CharField(_("export markets"), max_length=300, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    business_email = models.EmailField(
        _("business e-mail"),
        blank=True,
        help_text=_("A sales or office address, never a person's own."),
    )
    business_phone = models.CharField(_("business phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    last_checked = models.DateField(
        _("last checked"), help_text=_("When the investment office last confirmed this record.")
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("A made-up record of the demo content, not a real enterprise."),
    )

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        indexes = [
            models.Index(fields=["is_published", "published_at"]),
            # The directory's page in English: read in name order, stopping after one page,
            # instead of sorting every enterprise (in Chinese, name_pinyin's index does it).
            models.Index(fields=["name_en", "id"], name="enterprise_name_en_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=0), name="enterprise_capacity_not_negative"
            )
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("chain:enterprise", kwargs={"slug": self.slug})

    @property
    def capacity_text(self):
        """ "120,000 tonnes a year" in English, "12万吨/年" in Chinese; "" when unknown."""
        return capacity_text(self.capacity, self.capacity_unit)


def capacity_text(amount, unit):
    if amount is None:
        return ""
    return format_quantity(amount, str(CapacityUnit(unit).label), places=0)


class ChainGap(NormalisedTextMixin, FlagPublishable):
    """What is missing at a stage and the county seeks investment for (补链招商)."""

    stage = models.ForeignKey(
        ChainStage, on_delete=models.CASCADE, related_name="gaps", verbose_name=_("stage")
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    opportunities = models.ManyToManyField(
        Project,
        blank=True,
        related_name="chain_gaps",
        limit_choices_to={"kind": Project.Kind.OPPORTUNITY},
        verbose_name=_("open opportunities that would fill it"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=ORDER_HELP)

    class Meta:
        ordering = ["stage__order", "order", "pk"]
        verbose_name = _("chain gap")
        verbose_name_plural = _("chain gaps")

    def __str__(self):
        return self.title
