"""Editable content of the site shell: the home page's hero, the accessibility statement and
the site settings (who runs the portal, the demo notice).

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


class SiteSettings(SingletonModel):
    """Who runs the portal, as every page's footer shows it, and the demo notice.

    The texts and the WeChat image are edited here; the filing numbers, the e-mail address and
    the phone number are deployment facts set in the environment (see the README).
    """

    operating_body = models.CharField(
        _("operating body"),
        max_length=200,
        blank=True,
        help_text=_(
            "The government office that runs this site, as its seal reads, e.g. “Investment "
            "Promotion Service Centre of Guanxian County”. Blank: the county government."
        ),
    )
    street_address = models.CharField(
        _("street address"),
        max_length=300,
        blank=True,
        help_text=_("Where investors can visit the office: street, number, town, county."),
    )
    office_hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_(
            "In Beijing time, e.g. “Monday to Friday, 8:30–12:00 and 13:30–17:30”. "
            "The footer adds the time zone."
        ),
    )
    wechat_account = models.CharField(
        _("WeChat official account"),
        max_length=100,
        blank=True,
        help_text=_("The official account's name, shown under its QR code."),
    )
    wechat_qr = SafeImageField(
        _("WeChat QR code"),
        folder="site",
        blank=True,
        width_field="wechat_qr_width",
        height_field="wechat_qr_height",
        help_text=_(
            "The official account's QR code as WeChat exports it: PNG or JPEG, square, "
            "at least 258 pixels wide."
        ),
    )
    wechat_qr_width = models.PositiveIntegerField(editable=False, null=True)
    wechat_qr_height = models.PositiveIntegerField(editable=False, null=True)
    demo_notice = models.BooleanField(
        _("show the demo notice"),
        default=False,
        help_text=_(
            "Tells every visitor, on every page, that the projects, investors and figures "
            "are illustrative. Switch it off once the real content is in."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def clean(self):
        super().clean()
        if self.wechat_qr and not (self.wechat_account_en or self.wechat_account_zh_hans):
            raise ValidationError(
                {"wechat_account_en": _("Name the official account the QR code opens.")}
            )
