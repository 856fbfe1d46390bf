"""Names in the reader's alphabetical order: Chinese by pinyin (pypinyin, with its phrase
dictionary, so that 重庆 is chong and 长城 chang), other languages A to Z ignoring case."""

from django.utils.translation import get_language
from pypinyin import Style, lazy_pinyin


def name_sort_key(name, language=None):
    """The key that sorts names as a reader of `language` expects: Chinese by the pinyin of
    each character in turn (大型 da < 共享 gong < 轨道 gui < 冷辗 leng), then by tone;
    other languages alphabetically, ignoring case. Latin letters and digits in a Chinese name
    sort among the pinyin."""
    text = str(name or "")
    language = language or get_language() or "en"
    if language.startswith("zh"):
        syllables = [s.casefold() for s in lazy_pinyin(text, style=Style.NORMAL)]
        tones = lazy_pinyin(text, style=Style.TONE3)
        return (syllables, tones, text)
    return ([text.casefold()], [], text)


# Longest pinyin syllable ("zhuang", "chuang"); shorter ones are padded to it.
SYLLABLE_WIDTH = 6


def pinyin_sort_column(name):
    """`name_sort_key` for Chinese as one plain string a database can order by: each syllable
    padded to a fixed width with "0" (below every letter in any collation) and followed by its
    tone (0 for the neutral tone), "重庆" -> "chong02qing04". Only a-z and 0-9, so the
    database's collation cannot reorder it."""
    parts = []
    for syllable in lazy_pinyin(str(name or ""), style=Style.TONE3):
        syllable = "".join(c for c in syllable.casefold() if c.isascii() and c.isalnum())
        if not syllable:
            continue
        tone = "0"
        if len(syllable) > 1 and syllable[-1] in "1234" and syllable[:-1].isalpha():
            syllable, tone = syllable[:-1], syllable[-1]
        parts.append(syllable.ljust(SYLLABLE_WIDTH, "0") + tone)
    return "".join(parts)
