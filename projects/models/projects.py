from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from portal.core.bilingual import BilingualToPublish
from portal.core.models import Publishable, PublishableQuerySet
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
from .parks import Park, Sector

HUNDRED_MILLION = Decimal(100_000_000)


class InvestmentBand(models.TextChoices):
    """The bands investors filter by, in yuan."""

    UNDER_100M = "under-100m", _("Under 100 million yuan")
    FROM_100M_TO_500M = "100m-500m", _("100-500 million yuan")
    FROM_500M_TO_1B = "500m-1b", _("500 million-1 billion yuan")
    OVER_1B = "over-1b", _("Over 1 billion yuan")


BAND_LIMITS = {
    InvestmentBand.UNDER_100M: (None, HUNDRED_MILLION),
    InvestmentBand.FROM_100M_TO_500M: (HUNDRED_MILLION, 5 * HUNDRED_MILLION),
    InvestmentBand.FROM_500M_TO_1B: (5 * HUNDRED_MILLION, 10 * HUNDRED_MILLION),
    InvestmentBand.OVER_1B: (10 * HUNDRED_MILLION, None),
}


def band_q(band):
    """The filter for one investment band: lower limit included, upper limit excluded."""
    low, high = BAND_LIMITS[band]
    condition = Q()
    if low is not None:
        condition &= Q(investment_yuan__gte=low)
    if high is not None:
        condition &= Q(investment_yuan__lt=high)
    return condition


def band_of_investment():
    """The investment band as an expression of `investment_yuan`, which the database keeps in
    `Project.investment_band`."""
    return models.Case(
        *(models.When(band_q(band), then=models.Value(band.value)) for band in InvestmentBand),
        default=models.Value(""),
        output_field=models.CharField(max_length=12),
    )


class ProjectQuerySet(PublishableQuerySet):
    def signed(self):
        return self.filter(kind=Project.Kind.SIGNED)

    def for_cards(self):
        """Everything a project card shows, in a fixed number of queries however many cards."""
        return self.select_related("sector", "park").prefetch_related("images")

    def headline(self):
        """The number of published signed projects and their total investment, in one query."""
        totals = (
            self.published()
            .signed()
            .aggregate(
                count=Count("pk"), total=Sum("investment_yuan"), as_of=models.Max("updated_at")
            )
        )
        totals["total"] = totals["total"] or Decimal(0)
        return totals


class Project(
    BilingualToPublish, SlugFromNameMixin, ReadingOrdered, Publishable, ContactOfficer, GalleryOwner
):
    class Kind(models.TextChoices):
        SIGNED = "signed", _("Signed project")
        OPPORTUNITY = "opportunity", _("Investment opportunity")

    class Stage(models.TextChoices):
        SIGNED = "signed", _("Signed")
        LAND_SECURED = "land", _("Land secured")
        UNDER_CONSTRUCTION = "construction", _("Under construction")
        TRIAL_PRODUCTION = "trial", _("Trial production")
        IN_PRODUCTION = "production", _("In production")

    class Sought(models.TextChoices):
        """What an open opportunity asks an investor for."""

        CHAIN_GAP = "chain-gap", _("A producer to fill a gap in the chain")
        PLOT = "plot", _("An investor for a serviced plot")
        JOINT_VENTURE = "joint-venture", _("A joint-venture partner")
        EQUITY = "equity", _("An equity investor")

    class Preparation(models.TextChoices):
        """How far an opportunity has been prepared, from an idea to a plot ready to build on."""

        CONCEPT = "concept", _("Concept")
        FEASIBILITY = "feasibility", _("Feasibility study done")
        APPROVED = "approved", _("Land and approvals in place")
        READY = "ready", _("Ready to build")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, blank=True, help_text=SLUG_HELP_TEXT
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for lists, search results and link previews."),
    )
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.SIGNED,
        db_index=True,
        help_text=_("A signed project has an investor; an opportunity is still looking for one."),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="projects", verbose_name=_("sector")
    )
    park = models.ForeignKey(
        Park,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("industrial park"),
    )
    stage = models.CharField(
        _("stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.SIGNED,
        blank=True,
        db_index=True,
        help_text=_("Of a signed project only: an opportunity has its stage of preparation."),
    )
    investment_yuan = models.DecimalField(
        _("investment (yuan)"),
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        db_index=True,
        help_text=_(
            "In yuan, typed as you would say it: 680000000, 680,000,000, 68000万 or 6.8亿. "
            "The reading beside the field shows what the number says."
        ),
    )
    # Written by the database from investment_yuan, whoever changes it (a save, an import,
    # an update()), so the registry overview groups by it on its index.
    investment_band = models.GeneratedField(
        expression=band_of_investment(),
        output_field=models.CharField(max_length=12),
        db_persist=True,
    )
    investor = models.CharField(
        _("investor or promoter"),
        max_length=200,
        blank=True,
        help_text=_("The company that signed, or the body promoting an opportunity."),
    )
    investor_country = models.CharField(
        _("investor's country or region"), max_length=80, blank=True
    )
    signing_date = models.DateField(_("signing date"), null=True, blank=True, db_index=True)
    signing_event = models.CharField(_("signing event"), max_length=200, blank=True)
    annual_output_yuan = models.DecimalField(
        _("expected annual output (yuan)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    jobs = models.PositiveIntegerField(_("expected jobs"), null=True, blank=True)
    land_area_ha = models.DecimalField(
        _("land area (ha)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In hectares; the site shows mu beside it (1 ha = 15 mu)."),
    )
    construction_start = models.DateField(_("construction start"), null=True, blank=True)
    construction_end = models.DateField(_("construction end"), null=True, blank=True)
    sought = models.CharField(
        _("what is sought"),
        max_length=20,
        choices=Sought.choices,
        blank=True,
        db_index=True,
        help_text=_("Of an opportunity: what the county asks an investor for."),
    )
    sought_detail = models.TextField(
        _("the investor the county looks for"),
        blank=True,
        help_text=_("Of an opportunity: the partner's profile, what they bring and what they get."),
    )
    preparation = models.CharField(
        _("stage of preparation"),
        max_length=20,
        choices=Preparation.choices,
        blank=True,
        help_text=_("Of an opportunity: how far it has been prepared."),
    )
    scale = models.CharField(
        _("scale"),
        max_length=200,
        blank=True,
        help_text=_("Of an opportunity: its size in output or capacity, e.g. 30,000 tons a year."),
    )
    utilities = models.TextField(
        _("utilities at the plot"),
        blank=True,
        help_text=_("Of an opportunity with a plot: power, water, gas, steam and roads on site."),
    )
    is_featured = models.BooleanField(
        _("featured"),
        default=False,
        db_index=True,
        help_text=_("Featured projects lead the home page."),
    )

    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"is_staff": True},
        related_name="+",
        verbose_name=_("responsible officer"),
        help_text=_("The staff member who is told of every new enquiry about this project."),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = [F("signing_date").desc(nulls_last=True), "-investment_yuan", "slug"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(fields=["is_published", "published_at"]),
            # Covers the registry overview's one grouped query (projects/overview.py), so it
            # reads the index alone, in its grouping order, however many projects there are.
            models.Index(
                fields=[
                    "kind",
                    "stage",
                    "sector",
                    "park",
                    "investment_band",
                    "is_published",
                    "published_at",
                    "investment_yuan",
                    "updated_at",
                ],
                name="project_overview_idx",
            ),
            # A park's published projects, counted and listed on its card and its page.
            models.Index(
                fields=["park", "is_published", "published_at"], name="project_park_published_idx"
            ),
            # The lists in the registry's own order, read in index order up to their LIMIT
            # instead of sorting every match: a park's newest projects (its page), a sector's
            # and a park's (a project's neighbours), the featured ones (the home page). SQLite
            # keeps NULLs last in a descending index, as the ordering asks.
            models.Index(
                fields=["park", "-signing_date", "-investment_yuan", "slug"],
                name="project_park_order_idx",
            ),
            models.Index(
                fields=["sector", "-signing_date", "-investment_yuan", "slug"],
                name="project_sector_order_idx",
            ),
            models.Index(
                fields=["-signing_date", "-investment_yuan", "slug"],
                condition=Q(is_featured=True),
                name="project_featured_order_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(investment_yuan__gte=0), name="project_investment_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(annual_output_yuan__gte=0)
                | models.Q(annual_output_yuan__isnull=True),
                name="project_output_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(land_area_ha__gte=0) | models.Q(land_area_ha__isnull=True),
                name="project_land_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(construction_end__gte=models.F("construction_start"))
                | models.Q(construction_end__isnull=True)
                | models.Q(construction_start__isnull=True),
                name="project_construction_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = self.language_errors()
        if self.slug and self._address_is_taken(self.slug):
            errors["slug"] = ValidationError(
                _("“%(slug)s” is already the address of another page of the site: %(url)s"),
                code="reserved",
                params={"slug": self.slug, "url": self.get_absolute_url()},
            )
        if (
            self.construction_start
            and self.construction_end
            and self.construction_end < self.construction_start
        ):
            errors["construction_end"] = _("Construction cannot end before it starts.")
        if self.kind == self.Kind.SIGNED and not self.signing_date:
            errors["signing_date"] = _("A signed project needs its signing date.")
        if self.kind == self.Kind.SIGNED and not self.stage:
            errors["stage"] = _("A signed project needs its stage.")
        if self.kind == self.Kind.OPPORTUNITY:
            errors.update(self._opportunity_errors())
        if errors:
            raise ValidationError(errors)

    def _opportunity_errors(self):
        errors = {}
        if self.stage:
            errors["stage"] = _(
                "An opportunity has no construction stage yet: leave the stage empty and give "
                "its stage of preparation."
            )
        if not self.sought:
            errors["sought"] = _("Say what the opportunity asks an investor for.")
        if not self.preparation:
            errors["preparation"] = _("Say how far the opportunity has been prepared.")
        return errors

    @property
    def is_opportunity(self):
        return self.kind == self.Kind.OPPORTUNITY

    def slug_is_taken(self, slug):
        return super().slug_is_taken(slug) or self._address_is_taken(slug)

    def _address_is_taken(self, slug):
        """Whether the investor tools (compare, shortlist, map) or the parks already answer at
        the address this slug would give the project, which would make its page unreachable."""
        try:
            url = reverse("projects:project_detail", kwargs={"slug": slug})
            return resolve(url).url_name != "project_detail"
        except (NoReverseMatch, Resolver404):
            # Not a slug at all: the field's own validation says so.
            return False

    @property
    def contact(self):
        """The officer to contact: the project's own, else its park's, else none."""
        if self.has_contact:
            return self
        if self.park_id and self.park.has_contact:
            return self.park
        return None


class ProjectImage(GalleryImage):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="images")
    image = gallery_image_field("projects")


class ProjectDocument(Document):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    file = PdfField(_("PDF file"), folder="documents/projects")


class Milestone(NormalisedTextMixin, models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    is_done = models.BooleanField(
        _("done"), default=False, help_text=_("Leave unticked for a planned milestone.")
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title
