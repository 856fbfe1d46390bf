"""Names in the reader's alphabetical order: Chinese by pinyin (pypinyin, with its phrase
dictionary, so that 重庆 is chong and 长城 chang), other languages A to Z ignoring case.

The phrase dictionary takes about 45 MB of memory, so pages never compute pinyin: a model
whose names are sorted keeps its Chinese name's key in a column (`ReadingOrdered`, written
when the record is saved), and fixed lists pass the keys they keep (`name_sort_key(known=)`).
pypinyin is imported on the first key computed, which is a save in the admin, an import or a
migration."""

import re

from django.db import models
from django.utils.translation import get_language

from portal.core.languages import localized_value

# The language whose names are read in pinyin order.
PINYIN_LANGUAGE = "zh-hans"


def name_sort_key(name, language=None, stored=None, known=None):
    """The key that sorts names as a reader of `language` expects: Chinese by the pinyin of
    each character in turn (大型 da < 共享 gong < 轨道 gui < 冷辗 leng), each syllable then by
    its tone, the same order the database keeps with `pinyin_sort_column`; other languages
    alphabetically, ignoring case. Latin letters and digits in a Chinese name sort among the
    pinyin. In Chinese, `stored` is the name's key when its record keeps one, and `known` a
    {name: key} table of names whose keys are kept; pinyin is computed only without both."""
    text = str(name or "")
    language = language or get_language() or "en"
    if language.startswith("zh"):
        if stored is None:
            stored = (known or {}).get(text)
        return (pinyin_sort_column(text) if stored is None else stored, text)
    return (text.casefold(), text)


def reading_key(obj, label=None, language=None):
    """`name_sort_key` of a record shown as `label` (its `name` by default), from the key
    the record keeps when its model is `ReadingOrdered`."""
    label = getattr(obj, "name", "") if label is None else label
    return name_sort_key(label, language, stored=obj.__dict__.get("name_pinyin"))


# A Chinese syllable as pypinyin writes it with its tone (TONE3: "zhou2"), and the letters and
# numbers of anything else in a name.
SYLLABLE = re.compile(r"([a-z]+)([1-4])?")
TOKEN = re.compile(r"([a-z]+)|([0-9]+)")
# Longest pinyin syllable ("zhuang", "chuang"); shorter ones are padded to it.
SYLLABLE_WIDTH = 6


def pinyin_sort_column(name):
    """`name_sort_key` for Chinese as one plain string a database can order by: each syllable
    padded to a fixed width with "0" (below every letter in any collation) and followed by its
    tone (0 for the neutral tone), "重庆" -> "chong02qing004"; a number zero-filled to the same
    width, so that 企业9号 comes before 企业10号. Only a-z and 0-9, so the database's collation
    cannot reorder it."""
    from pypinyin import Style, lazy_pinyin  # imported here: see the module docstring

    parts = []
    for chunk in lazy_pinyin(str(name or ""), style=Style.TONE3):
        chunk = chunk.casefold()
        syllable = SYLLABLE.fullmatch(chunk)
        if syllable:
            letters, tone = syllable.groups()
            parts.append(letters.ljust(SYLLABLE_WIDTH, "0") + (tone or "0"))
            continue
        for letters, digits in TOKEN.findall(chunk):
            if letters:
                parts.append(letters.ljust(SYLLABLE_WIDTH, "0") + "0")
            else:
                parts.append(digits.zfill(SYLLABLE_WIDTH) + "0")
    return "".join(parts)


class ReadingOrdered(models.Model):
    """A record whose translated `name` readers see in lists: it keeps the pinyin sort key of
    its Chinese name (or of the name it falls back to), written whenever the record is saved,
    so that a Chinese list sorts by a stored column, in the database or in Python."""

    name_pinyin = models.CharField(max_length=1200, editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.name_pinyin = pinyin_sort_column(localized_value(self, "name", PINYIN_LANGUAGE))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(
            field == "name" or field.startswith("name_") for field in update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "name_pinyin"}
        super().save(*args, **kwargs)
