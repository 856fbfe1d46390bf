"""Names in the reader's alphabetical order: Chinese by pinyin (pypinyin, with its phrase
dictionary, so that 重庆 is chong and 长城 chang), other languages A to Z ignoring case."""

import re

from django.utils.translation import get_language
from pypinyin import Style, lazy_pinyin


def name_sort_key(name, language=None):
    """The key that sorts names as a reader of `language` expects: Chinese by the pinyin of
    each character in turn (大型 da < 共享 gong < 轨道 gui < 冷辗 leng), each syllable then by
    its tone, the same order the database keeps with `pinyin_sort_column`; other languages
    alphabetically, ignoring case. Latin letters and digits in a Chinese name sort among the
    pinyin."""
    text = str(name or "")
    language = language or get_language() or "en"
    if language.startswith("zh"):
        return (pinyin_sort_column(text), text)
    return (text.casefold(), text)


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
