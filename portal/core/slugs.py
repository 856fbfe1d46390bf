"""Web addresses made from names, so that a clerk who writes Chinese first gets one too.

The slug is the English name in Latin letters; a record named in Chinese only gets the
pinyin of its Chinese name (pypinyin), "冠县轴承产业园" -> "guan-xian-zhou-cheng-chan-ye-yuan".
A slug already used, or one that another page of the site answers at, gets "-2", "-3"...
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.core.languages import content_languages

SLUG_HELP_TEXT = _(
    "The last part of the page's web address, in small Latin letters, digits and hyphens, "
    "e.g. wind-power-bearing-rings. Leave it empty to have it made from the English name, "
    "or from the pinyin of the Chinese name when there is no English one."
)


def slug_from_text(text, max_length):
    """Latin text slugified as it is; Chinese written in pinyin, a syllable per word."""
    slug = slugify(text)
    if any("\u3400" <= char <= "\u9fff" for char in text):
        # Imported when a record is saved, never by a page (see portal/core/reading_order.py).
        from pypinyin import lazy_pinyin

        slug = slugify(" ".join(lazy_pinyin(text)))
    return _shortened(slug, max_length)


def _shortened(slug, max_length):
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] == "-" or "-" not in cut:
        return cut
    return cut.rsplit("-", 1)[0]


def unique_slug(base, max_length, is_taken):
    """`base`, else `base-2`, `base-3`... the first for which `is_taken(slug)` is false."""
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = f"{_shortened(base, max_length - len(suffix))}{suffix}"
    return candidate


class SlugFromNameMixin(models.Model):
    """Fills an empty `slug` from the name in the content languages, default first (see the
    module's docstring), when the record is cleaned (the admin form) or saved (code)."""

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

    def clean(self):
        self.fill_slug()
        super().clean()

    def slug_is_taken(self, slug):
        return type(self)._default_manager.filter(slug=slug).exclude(pk=self.pk).exists()

    def fill_slug(self):
        if self.slug:
            return
        max_length = self._meta.get_field("slug").max_length
        base = ""
        for code in content_languages():
            name = getattr(self, build_localized_fieldname(self.slug_source, code), "") or ""
            base = slug_from_text(name, max_length)
            if base:
                break
        self.slug = unique_slug(base or self._meta.model_name, max_length, self.slug_is_taken)
