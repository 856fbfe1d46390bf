"""What the county offers investors and what they will pay: incentives with their documents,
and workforce figures by role.

An incentive is shown only while the county's calendar is within its validity, so one that
expires drops out by itself. The page cache learns the next such moment from
`Incentive.next_scheduled_change` and `scheduled_changes` (portal.core.content_version), so
no cached page shows an incentive past its last day or hides one from its first.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import FlagPublishable, PublishableQuerySet, ReviewDated
from portal.core.revisions import NormalisedTextMixin

from .parks import Park, Sector


def county_today():
    """Today in the county (settings.TIME_ZONE, Beijing time), whichever zone is active."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def start_of_county_day(day):
    """Midnight at the start of `day` in the county, as an aware moment."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_default_timezone())


class IncentiveQuerySet(PublishableQuerySet):
    def current(self, today=None):
        """Published incentives valid on `today` (the county's date by default)."""
        today = today or county_today()
        return self.published().filter(
            Q(valid_from__lte=today), Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )


class Incentive(NormalisedTextMixin, ReviewDated, FlagPublishable):
    """A policy that rewards investing in the county, as its issuing document states it."""

    title = models.CharField(_("title"), max_length=200)
    issuer = models.CharField(
        _("issuing body"),
        max_length=200,
        help_text=_("For example: People's Government of Guanxian County."),
    )
    document_number = models.CharField(
        _("document number"),
        max_length=80,
        help_text=_("As printed on the document, for example: 冠政发〔2025〕12号."),
    )
    valid_from = models.DateField(
        _("valid from"), help_text=_("The first day it applies; it appears on the site that day.")
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_(
            "The last day it applies; the next day it leaves the site by itself. "
            "Leave empty if the document sets no end."
        ),
    )
    eligibility = models.TextField(
        _("who is eligible"), help_text=_("Which investors and projects qualify, in a sentence.")
    )
    benefit = models.CharField(
        _("amount or rate"),
        max_length=250,
        help_text=_("For example: half of the land price refunded, up to 2 million yuan."),
    )
    parks = models.ManyToManyField(
        Park,
        related_name="incentive_policies",
        blank=True,
        verbose_name=_("industrial parks"),
        help_text=_(
            "The parks whose pages list it: choose every park for one that applies county-wide."
        ),
    )
    sectors = models.ManyToManyField(
        Sector,
        related_name="incentives",
        blank=True,
        verbose_name=_("sectors"),
        help_text=_("Leave empty if it applies to every sector."),
    )
    min_investment_yuan = models.DecimalField(
        _("smallest qualifying investment (yuan)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty if a project of any size qualifies."),
    )
    source_url = models.URLField(
        _("link to the source"), blank=True, help_text=_("The document on the issuer's web site.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = IncentiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "-valid_from", "pk"]
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        indexes = [models.Index(fields=["is_published", "valid_from", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")) | Q(valid_until__isnull=True),
                name="incentive_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("An incentive cannot end before it starts.")}, code="order"
            )

    @property
    def is_current(self):
        today = county_today()
        return self.valid_from <= today and (self.valid_until is None or self.valid_until >= today)

    def scheduled_changes(self):
        """The moments this incentive appears and disappears (portal.core.content_version)."""
        moments = [start_of_county_day(self.valid_from)] if self.valid_from else []
        if self.valid_until:
            moments.append(start_of_county_day(self.valid_until + datetime.timedelta(days=1)))
        return moments

    @classmethod
    def next_scheduled_change(cls, now):
        """The first moment after `now` at which a published incentive appears or expires."""
        today = timezone.localdate(now, timezone=timezone.get_default_timezone())
        found = cls.objects.published().aggregate(
            starts=Min("valid_from", filter=Q(valid_from__gt=today)),
            ends=Min("valid_until", filter=Q(valid_until__gte=today)),
        )
        moments = []
        if found["starts"]:
            moments.append(start_of_county_day(found["starts"]))
        if found["ends"]:
            moments.append(start_of_county_day(found["ends"] + datetime.timedelta(days=1)))
        return min(moments) if moments else None


class WorkforceFigure(NormalisedTextMixin, FlagPublishable):
    """What a role earns in the county and how readily it is filled, with its source."""

    role = models.CharField(
        _("role"), max_length=120, help_text=_("For example: forging press operator.")
    )
    wage_from_yuan = models.PositiveIntegerField(
        _("monthly wage from (yuan)"), help_text=_("Gross monthly pay at the low end, in yuan.")
    )
    wage_to_yuan = models.PositiveIntegerField(
        _("monthly wage to (yuan)"),
        null=True,
        blank=True,
        help_text=_("The high end; leave empty for a single typical wage."),
    )
    workers = models.PositiveIntegerField(
        _("people in the county"),
        null=True,
        blank=True,
        help_text=_("How many people in the county work in this role, as far as known."),
    )
    availability = models.CharField(
        _("availability"),
        max_length=200,
        help_text=_("How readily the role is filled, for example: hired within two weeks."),
    )
    source = models.CharField(_("source"), max_length=200, help_text=_("Who published the figure."))
    as_of = models.DateField(_("as of"), help_text=_("The date the figure describes."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("workforce figure")
        verbose_name_plural = _("workforce figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(wage_to_yuan__gte=models.F("wage_from_yuan"))
                | Q(wage_to_yuan__isnull=True),
                name="workforce_wage_range_in_order",
            )
        ]

    def __str__(self):
        return self.role

    def clean(self):
        super().clean()
        if (
            self.wage_from_yuan is not None
            and self.wage_to_yuan is not None
            and self.wage_to_yuan < self.wage_from_yuan
        ):
            raise ValidationError(
                {"wage_to_yuan": _("The high end cannot be below the low end.")}, code="order"
            )
