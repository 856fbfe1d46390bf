"""Editable content of the site shell: the home page's hero and the accessibility statement.

Each is a single row that staff edit in the admin; until one is saved, the pages show the
portal's own wording, so a fresh site is never empty.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel
from portal.core.revisions import NormalisedTextMixin
from portal.core.uploads import SafeImageField


class SingletonModel(NormalisedTextMixin, TimeStampedModel):
    """A model with exactly one row, pk 1."""

    singleton_pk = 1

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = self.singleton_pk
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The row, or an unsaved default one: one query either way."""
        return cls.objects.filter(pk=cls.singleton_pk).first() or cls(pk=cls.singleton_pk)


class HomePage(SingletonModel):
    brand_line = models.CharField(
        _("brand line"),
        max_length=150,
        help_text=_(
            "The cluster's brand, the page's main heading: “Guanxian Bearing, Forged in Qingshui”."
        ),
    )
    conference_title = models.CharField(
        _("conference title"),
        max_length=250,
        blank=True,
        help_text=_("The signing conference the headline figures come from."),
    )
    conference_date = models.DateField(_("conference date"), null=True, blank=True)
    lead = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("One or two sentences under the heading: why invest here."),
    )
    hero_image = SafeImageField(
        _("hero image"),
        folder="home",
        blank=True,
        width_field="hero_width",
        height_field="hero_height",
        help_text=_("Optional. JPEG, PNG or WebP, at least 1600 pixels wide."),
    )
    hero_width = models.PositiveIntegerField(editable=False, null=True)
    hero_height = models.PositiveIntegerField(editable=False, null=True)
    hero_alt = models.CharField(
        _("hero image text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the hero image shows, for people who cannot see it."),
    )
    enquiry_heading = models.CharField(
        _("enquiry heading"),
        max_length=150,
        blank=True,
        help_text=_("The heading of the call to enquire near the end of the page."),
    )
    enquiry_text = models.TextField(
        _("enquiry text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences that invite investors to write to the officers."),
    )

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    def __str__(self):
        return str(_("Home page"))

    def get_absolute_url(self):
        return reverse("home")

    def clean(self):
        super().clean()
        if self.hero_image and not self.hero_alt_en:
            raise ValidationError(
                {"hero_alt_en": _("Describe the hero image for people who cannot see it.")}
            )


class AccessibilityStatement(SingletonModel):
    intro = models.TextField(
        _("introduction"), help_text=_("What the site aims to meet. Blank lines start paragraphs.")
    )
    compliance = models.TextField(
        _("how far the site meets it"),
        blank=True,
        help_text=_("The standard met, and how it was checked."),
    )
    known_issues = models.TextField(
        _("known barriers"),
        blank=True,
        help_text=_("What does not work yet, and when it will be fixed. One barrier per line."),
    )
    report_barrier = models.TextField(
        _("how to report a barrier"),
        help_text=_("Who to write to and how quickly they answer."),
    )
    reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the statement was last checked."),
    )

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")

    def __str__(self):
        return str(_("Accessibility statement"))

    def get_absolute_url(self):
        return reverse("accessibility")

    @property
    def known_issue_list(self):
        return [line.strip() for line in (self.known_issues or "").splitlines() if line.strip()]
