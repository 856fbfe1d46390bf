"""Countries and regions (ISO 3166-1, from pycountry) with their English and Chinese names.

The enquiry form offers them as suggestions in the reader's language and keeps free text for
whatever the list lacks; a name typed in either language, or its code, is stored as the code
and the English name, so the queue's filter and figures do not split "China", "PRC" and "中国".
"""

import functools
import gettext

import pycountry
from django.utils.translation import get_language

from portal.core.reading_order import name_sort_key
from portal.enquiries.reading_keys import KEYS

# As Chinese government sites name them.
OVERRIDES = {
    "HK": ("Hong Kong, China", "中国香港"),
    "MO": ("Macao, China", "中国澳门"),
    "TW": ("Taiwan, China", "中国台湾"),
}
ALIASES = {"prc": "CN", "uk": "GB", "usa": "US", "中华人民共和国": "CN", "美国": "US"}


@functools.cache
def countries():
    """{code: (English name, Chinese name)} for every ISO 3166-1 country and region."""
    chinese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    names = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = (english, chinese.gettext(country.name))
    names.update(OVERRIDES)
    return names


@functools.cache
def _index():
    index = dict(ALIASES)
    for country in pycountry.countries:
        for value in (
            country.alpha_2,
            country.alpha_3,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if value:
                index.setdefault(value.casefold(), country.alpha_2)
    for code, (english, chinese) in countries().items():
        index[english.casefold()] = code
        index[chinese.casefold()] = code
    return index


def lookup(text):
    """The ISO code of a country typed by name (English or Chinese) or code, or ""."""
    return _index().get(" ".join(str(text).split()).casefold(), "")


def english_name(code):
    return countries()[code][0]


def local_name(code, language=None):
    english, chinese = countries()[code]
    return chinese if (language or get_language() or "en").startswith("zh") else english


@functools.lru_cache(maxsize=4)
def suggestions(language):
    """Every name in `language`, in that language's alphabetical order."""
    return sorted(
        (local_name(code, language) for code in countries()),
        key=lambda name: name_sort_key(name, language, known=KEYS),
    )
