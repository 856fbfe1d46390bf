from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from portal.core.models import PublishableBase
from portal.core.revisions import NormalisedTextMixin
from portal.core.uploads import SafeImageField
from projects.models import Park, Project

from .sanitize import EDITOR_EXTENSIONS, clean_html, plain_text


class Category(NormalisedTextMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


class Article(NormalisedTextMixin, PublishableBase):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    publication_field = "status"
    published_value = Status.PUBLISHED
    withdrawn_value = Status.DRAFT

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_(
            "The last part of the article's web address; filled in from the English title."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences for lists, feeds, search results and link previews."),
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": EDITOR_EXTENSIONS},
        sanitize=clean_html,
        help_text=_(
            "Headings, lists, links, tables and images from our own media library. Anything "
            "else (colours, scripts, embedded frames) is removed when you save."
        ),
    )
    # The words of each body, kept on save for search: tag names, attribute values (link
    # addresses) and entities of the HTML are not words of the article.
    body_text_en = models.TextField(_("body as plain text (English)"), blank=True, editable=False)
    body_text_zh_hans = models.TextField(
        _("body as plain text (Chinese)"), blank=True, editable=False
    )
    cover = SafeImageField(
        _("cover image"),
        folder="news",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text=_("JPEG, PNG or WebP, at least 1200 pixels wide."),
    )
    cover_width = models.PositiveIntegerField(editable=False, null=True)
    cover_height = models.PositiveIntegerField(editable=False, null=True)
    cover_alt = models.CharField(
        _("cover text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the cover image shows, for people who cannot see it."),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    projects = models.ManyToManyField(
        Project, blank=True, related_name="articles", verbose_name=_("related projects")
    )
    parks = models.ManyToManyField(
        Park, blank=True, related_name="articles", verbose_name=_("related parks")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
        editable=False,
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Who first published the story, e.g. the county's news office."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_("A time in the future schedules the article: it appears by itself then."),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.cover and not self.cover_alt_en:
            raise ValidationError(
                {"cover_alt_en": _("Describe the cover image for people who cannot see it.")}
            )

    def save(self, *args, **kwargs):
        # The admin form sanitizes already; this covers every other way a body gets stored.
        update_fields = kwargs.get("update_fields")
        for code, _name in settings.LANGUAGES:
            field = build_localized_fieldname("body", code)
            text_field = build_localized_fieldname("body_text", code)
            setattr(self, field, clean_html(getattr(self, field)))
            setattr(self, text_field, plain_text(getattr(self, field)))
            if update_fields is not None and field in update_fields:
                kwargs["update_fields"] = update_fields = {*update_fields, text_field}
        super().save(*args, **kwargs)

    @property
    def source_link(self):
        """The source's address, only when it is a web address a visitor can safely follow."""
        return self.source_url if self.source_url.startswith(("https://", "http://")) else ""
