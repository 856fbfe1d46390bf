"""Site search over published projects, parks, news and enterprises, in both languages at once.

A visitor on the English site may type a Chinese name and the other way round, so every query
looks in the column of every content language (`_en`, `_zh_hans`). The kinds are merged in one UNION query
that the paginator counts and slices; the page's rows are then fetched by kind, so a page costs
the same handful of queries however many results there are. Article bodies are HTML: search
reads the plain text kept beside them on save, so tag names, link addresses and entities are
not matched.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.chain.models import Enterprise
from portal.core.languages import languages_reader_first, localized_fieldnames
from portal.news.models import Article
from portal.news.sanitize import plain_text
from projects.models import Park, Project

MAX_QUERY_LENGTH = 100
MAX_TERMS = 6
SNIPPET_RADIUS = 80


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: type
    title_field: str
    text_fields: tuple
    order: int
    related: tuple = ()


KINDS = (
    Kind("project", _("Project"), Project, "name", ("summary", "description", "investor"), 0),
    Kind("park", _("Industrial park"), Park, "name", ("tagline", "summary", "body"), 1),
    Kind("article", _("News"), Article, "title", ("summary", "body_text"), 2, ("category",)),
    Kind(
        "enterprise",
        _("Enterprise"),
        Enterprise,
        "name",
        ("main_products", "key_equipment", "export_markets"),
        3,
        ("park",),
    ),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass
class Query:
    text: str = ""
    terms: tuple = ()
    truncated: bool = False
    too_short: bool = False

    @property
    def is_searchable(self):
        return bool(self.terms)


def _is_ideographic(char):
    return unicodedata.category(char) == "Lo"


def parse_query(raw):
    """Clean what the visitor typed: no control characters, at most MAX_QUERY_LENGTH
    characters, a few terms. A single Latin letter matches almost everything and is refused;
    a single Chinese character is a word and is searched."""
    raw = raw if isinstance(raw, str) else ""
    cleaned = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in raw
    )
    cleaned = " ".join(cleaned.split())
    truncated = len(cleaned) > MAX_QUERY_LENGTH
    if truncated:
        cleaned = cleaned[:MAX_QUERY_LENGTH].rstrip()
    terms = []
    for word in cleaned.split(" "):
        if word and word.casefold() not in {t.casefold() for t in terms}:
            terms.append(word)
    terms = [t for t in terms if len(t) > 1 or _is_ideographic(t)][:MAX_TERMS]
    too_short = bool(cleaned) and not terms
    return Query(cleaned, tuple(terms), truncated, too_short)


def _matches(kind, term):
    fields = (kind.title_field, *kind.text_fields)
    return reduce(
        or_,
        (
            Q(**{f"{column}__icontains": term})
            for name in fields
            for column in localized_fieldnames(name)
        ),
    )


def _title_hit(kind, term):
    return reduce(
        or_,
        (Q(**{f"{column}__icontains": term}) for column in localized_fieldnames(kind.title_field)),
    )


def _candidates(kind, query):
    return (
        kind.model.objects.published()
        .filter(reduce(and_, (_matches(kind, term) for term in query.terms)))
        .annotate(
            kind_order=Value(kind.order, output_field=IntegerField()),
            title_hit=Case(
                When(_title_hit(kind, query.terms[0]), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .values_list("pk", "published_at", "kind_order", "title_hit")
        .order_by()
    )


def matching(query):
    """One queryset of (pk, published_at, kind_order, title_hit) rows, best first."""
    first, *others = (_candidates(kind, query) for kind in KINDS)
    return first.union(*others, all=True).order_by("-title_hit", "kind_order", "-published_at")


@dataclass
class Result:
    kind: Kind
    obj: object
    title: str
    snippet: str
    snippet_lang: str
    url: str
    other_title: str = ""
    other_lang: str = ""


def _highlight(text, terms):
    """`text` escaped, with every occurrence of a term wrapped in <mark>."""
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _window(text, terms):
    lowered = text.casefold()
    positions = [lowered.find(t.casefold()) for t in terms]
    positions = [p for p in positions if p >= 0]
    if not positions:
        return None
    start = max(min(positions) - SNIPPET_RADIUS, 0)
    end = min(min(positions) + SNIPPET_RADIUS * 2, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _snippet(kind, obj, terms):
    """The first passage that holds a term, the reader's language first; else the summary."""
    for language in languages_reader_first():
        for name in kind.text_fields:
            column = build_localized_fieldname(name, language)
            window = _window(plain_text(getattr(obj, column, "")), terms)
            if window:
                return _highlight(window, terms), language
    summary = plain_text(obj.summary)
    return _highlight(summary[: SNIPPET_RADIUS * 3], terms), ""


def _other_title(kind, obj, terms):
    """The title in the other language when only that one holds the query, to show why the
    result matched (an English reader who searched a Chinese name)."""
    shown = getattr(obj, kind.title_field) or ""
    if _window(shown, terms):
        return "", ""
    for language in languages_reader_first()[1:]:
        other = getattr(obj, build_localized_fieldname(kind.title_field, language), "") or ""
        if other != shown and _window(other, terms):
            return _highlight(other, terms), language
    return "", ""


def results_for(rows, query):
    """The page's rows as results: one query per kind on the page."""
    wanted = {}
    for pk, _published_at, kind_order, _hit in rows:
        wanted.setdefault(KINDS[kind_order].key, []).append(pk)
    objects = {}
    for key, pks in wanted.items():
        kind = KIND_BY_KEY[key]
        queryset = kind.model.objects.select_related(*kind.related)
        objects[key] = queryset.in_bulk(pks)
    results = []
    for pk, _published_at, kind_order, _hit in rows:
        kind = KINDS[kind_order]
        obj = objects[kind.key].get(pk)
        if obj is None:
            continue
        snippet, lang = _snippet(kind, obj, query.terms)
        other_title, other_lang = _other_title(kind, obj, query.terms)
        results.append(
            Result(
                kind,
                obj,
                _highlight(getattr(obj, kind.title_field) or "", query.terms),
                snippet,
                lang,
                obj.get_absolute_url(),
                other_title,
                other_lang,
            )
        )
    return results
