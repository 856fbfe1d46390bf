"""Chinese is typeset as Chinese (house style 12) on every public page type.

Every page is rendered in Chinese from the demo content, and its visible text (no tags,
scripts, styles or attribute values) is searched for ASCII punctuation against a Han character
and for long raw numbers before a Chinese unit. Text inside an element marked `lang="en"` is
English shown as a fallback, and is typeset as English.

`public_pages` is shared with tests/portal/test_html_validity.py.
"""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from portal.news.models import Article, Category
from projects.models import Park, Project
from tests.enquiries.conftest import form_token

pytestmark = pytest.mark.django_db


HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
ASCII_PUNCTUATION = r"[:;,()?!]"
GLUED = re.compile(rf"{HAN}[ \t\u00a0]*{ASCII_PUNCTUATION}|{ASCII_PUNCTUATION}[ \t\u00a0]*{HAN}")
RAW_NUMBER = re.compile(r"\d{6,}\s*(元|吨|亩|人|件|台|万|亿|平方米|千瓦时)")
NOT_PROSE = re.compile(r"(?:https?://|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "label", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "time", "u",
}  # fmt: skip
HIDDEN = {"script", "style", "template", "svg"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class VisibleText(HTMLParser):
    """The text a reader sees, in the language each part is marked with."""

    def __init__(self, page_language):
        super().__init__(convert_charrefs=True)
        self.stack = [(None, page_language)]
        self.parts = []

    @property
    def language(self):
        return self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(("\n", self.language))
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        self.stack.append((tag, lang.lower() if lang is not None else self.language))

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(("\n", self.language))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag not in INLINE:
            self.parts.append(("\n", self.language))

    def handle_data(self, data):
        if any(tag in HIDDEN for tag, _lang in self.stack):
            return
        self.parts.append((data, self.language))

    def text_in(self, prefix):
        """The visible text in languages starting with `prefix`; other parts become breaks."""
        return "".join(text if lang.startswith(prefix) else "\n" for text, lang in self.parts)


def chinese_text(html):
    parser = VisibleText("zh-hans")
    parser.feed(html)
    parser.close()
    return NOT_PROSE.sub(" ", parser.text_in("zh"))


def typesetting_faults(html):
    text = chinese_text(html)
    faults = []
    for pattern in (GLUED, RAW_NUMBER):
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 12) : match.end() + 12]
            faults.append(" ".join(context.split()))
    return faults


def demo_content():
    """The demo seed, plus one project whose Chinese is missing (shown in English)."""
    call_command("seed_demo", stdout=StringIO())
    project, other, third = Project.objects.published().select_related("park")[:3]
    Project.objects.filter(pk=third.pk).update(
        name_zh_hans="", summary_zh_hans="", description_zh_hans=""
    )
    parks = list(Park.objects.published())
    return {
        "project": project.slug,
        "other": other.slug,
        "untranslated": third.slug,
        "park": project.park.slug,
        "opportunity": Project.objects.published().filter(kind="opportunity").first().slug,
        "other_park": next(p.slug for p in parks if p.pk != project.park_id),
        "article": Article.objects.published().first().slug,
        "category": Category.objects.filter(articles__in=Article.objects.published()).first().slug,
    }


PAGES = [
    ("home", ""),
    ("project-list", "projects/"),
    ("project-list-filtered", "projects/?park={park}&sort=name"),
    ("project", "projects/{project}/"),
    ("project-in-english", "projects/{untranslated}/"),
    ("park-list", "projects/parks/"),
    ("park", "projects/parks/{park}/"),
    ("news-list", "news/"),
    ("news-category", "news/category/{category}/"),
    ("article", "news/{article}/"),
    ("search", "search/?q=%E8%BD%B4%E6%89%BF"),
    ("search-english", "search/?q=bearing"),
    ("accessibility", "accessibility/"),
    ("privacy", "enquire/privacy/"),
    ("enquiry-form", "enquire/?project={project}"),
    ("site-visit", "enquire/visit/?park={park}"),
    ("compare-picker", "projects/compare/"),
    ("compare", "projects/compare/?p={project}&p={other}"),
    # The park picker shows only with more parks than a comparison holds; the demo's two
    # open side by side. The picker that starts from one project stands in for it.
    ("compare-start", "projects/compare/?p={project}"),
    ("compare-parks", "projects/compare/parks/?park={park}&park={other_park}"),
    ("shortlist", "projects/shortlist/"),
    ("map", "projects/map/"),
    ("project-sheet", "projects/{project}/sheet/"),
    ("park-sheet", "projects/parks/{park}/sheet/"),
    ("opportunity-list", "projects/?kind=opportunity"),
    ("opportunity", "projects/{opportunity}/"),
    ("why-guanxian", "invest/"),
    ("investment-guide", "invest/guide/"),
    ("incentives", "invest/incentives/"),
    ("enterprise-directory", "enterprises/"),
    ("enterprise-directory-filtered", "enterprises/?stage=forging&cert=iso-9001"),
    ("enterprise", "enterprises/enterprise-3/"),
    ("industry-chain", "industry-chain/"),
    (
        "estimate",
        "projects/estimate/?land=50&electricity=2000000&gas=10000&water=3000&tonnage=5000",
    ),
]


def public_pages(language, values=None):
    """(name, html) of every public page type in `language`, from the demo content (seeded
    here unless `values` says what `demo_content()` seeded)."""
    values = values or demo_content()
    client = Client()
    for slug in (values["project"], values["other"]):
        client.post(
            f"/{language}/projects/shortlist/{slug}/",
            {"saved": "1", "next": f"/{language}/projects/shortlist/"},
        )
    pages = []
    for name, path in PAGES:
        response = client.get(f"/{language}/{path.format(**values)}")
        assert response.status_code == 200, name
        pages.append((name, response.content.decode()))

    response = client.post(
        f"/{language}/enquire/", {"token": form_token(), "email": "not an address"}
    )
    assert response.status_code == 200
    assert b"error-summary" in response.content
    pages.append(("enquiry-form-with-errors", response.content.decode()))

    response = client.get(f"/{language}/projects/no-such-project/")
    assert response.status_code == 404
    pages.append(("not-found", response.content.decode()))
    translation.activate("en")
    return pages


# Faults whose text is made outside the templates, by code reported to its owner. A fault that
# matches is tolerated on these pages until that code is fixed; then remove its entry.
KNOWN_ELSEWHERE = [
    # projects/tools/compare.py, PARK_ROWS "Industries": the sector names joined with ", ".
    (("compare-parks", "park-sheet"), re.compile(rf"{HAN}, {HAN}")),
]


def known_elsewhere(name, fault):
    return any(name in pages and pattern.search(fault) for pages, pattern in KNOWN_ELSEWHERE)


def test_chinese_pages_are_typeset_as_chinese():
    faults = [
        f"{name}: {fault}"
        for name, html in public_pages("zh-hans")
        for fault in dict.fromkeys(typesetting_faults(html))
        if not known_elsewhere(name, fault)
    ]
    assert not faults, "\n".join(faults)


def test_the_check_sees_glued_punctuation_and_raw_numbers_but_not_english_or_addresses():
    assert typesetting_faults("<p>最后更新: <time>2026年</time></p>") == ["最后更新: 2026年"]
    assert typesetting_faults("<p>企业 <span>(中国)</span></p>")
    assert typesetting_faults("<td>150000</td><td>元/亩</td>")
    assert typesetting_faults("<p>超过 <strong>1000000</strong> 吨</p>")
    assert typesetting_faults("<p>超过100万吨，15万元/亩</p>") == []
    assert typesetting_faults('<p lang="en">Sample (China), 2023: done</p>') == []
    assert typesetting_faults('<p>见 <a href="https://x.cn/a,b">https://x.cn/中(1)</a></p>') == []
    assert typesetting_faults("<p>时间：10:30，地点（冠县）。</p>") == []
    assert typesetting_faults("<script>var a = '中:';</script><p title='中:'>中</p>") == []


@pytest.mark.parametrize(
    ("value", "unit_en", "unit_zh", "english", "chinese"),
    [
        ("1000000", "tons", "吨", "1,000,000 tons", "100万吨"),
        ("150000", "yuan/mu", "元/亩", "150,000 yuan/mu", "15万元/亩"),
        ("11000", "machines", "台", "11,000 machines", "1.1万台"),
        ("12345", "yuan", "元", "12,345 yuan", "1.2345万元"),
        ("4500", "yuan", "元", "4,500 yuan", "4,500元"),
        ("0.65", "yuan/kWh", "元/千瓦时", "0.65 yuan/kWh", "0.65元/千瓦时"),
        ("25", "%", "%", "25%", "25%"),
        ("528", "", "", "528", "528"),
    ],
)
def test_quantities_in_the_readers_language(value, unit_en, unit_zh, english, chinese):
    from projects.formatting import format_quantity

    assert format_quantity(value, unit_en, "en") == english
    assert format_quantity(value, unit_zh, "zh-hans") == chinese
    assert format_quantity(None, "吨", "zh-hans") == ""


def test_a_figure_keeps_its_prefix_with_the_space_only_english_sets():
    from projects.formatting import format_figure
    from projects.models import ClusterFigure

    tons = ClusterFigure(prefix="over", value="1000000", unit="tons", unit_en="tons")
    assert format_figure(tons, "en") == "over 1,000,000 tons"
    tons.prefix, tons.unit = "超过", "吨"
    assert format_figure(tons, "zh-hans") == "超过100万吨"
    output = ClusterFigure(value="8000000000", unit="元", unit_en="yuan")
    assert format_figure(output, "zh-hans") == "80亿元"
    assert format_figure(output, "en") == "CNY 8 billion"


def test_names_sort_by_pinyin_in_chinese_and_alphabetically_in_english():
    from portal.core.reading_order import name_sort_key

    names = ["冷辗环件", "共享锻造中心", "大型风电轴承套圈", "轨道交通轴承"]
    assert sorted(names, key=lambda n: name_sort_key(n, "zh-hans")) == [
        "大型风电轴承套圈",
        "共享锻造中心",
        "轨道交通轴承",
        "冷辗环件",
    ]
    assert sorted(["ring", "Axle", "ball"], key=lambda n: name_sort_key(n, "en")) == [
        "Axle",
        "ball",
        "ring",
    ]


def test_the_stored_pinyin_key_orders_as_a_reader_of_chinese_does():
    from portal.core.reading_order import pinyin_sort_column

    # Each syllable six wide, then its tone; the phrase decides the reading (chong, not zhong).
    assert pinyin_sort_column("重庆") == "chong02qing004"
    assert pinyin_sort_column("长城") == "chang02cheng02"
    assert pinyin_sort_column("东阿") == "dong001e000001"
    names = ["冷辗环件", "共享锻造中心", "大型风电轴承套圈", "大", "轨道交通轴承", "重庆轴承"]
    # Plain byte order, as every database collation orders a string of a-z and 0-9.
    # 重庆 reads chong, so it comes first, not last as zhong would.
    assert sorted(names, key=pinyin_sort_column) == [
        "重庆轴承",
        "大",
        "大型风电轴承套圈",
        "共享锻造中心",
        "轨道交通轴承",
        "冷辗环件",
    ]
    assert pinyin_sort_column("ABC轴承2号") == "abc0000zhou002cheng020000020hao0004"
    numbered = ["企业10号", "企业9号", "企业2号"]
    assert sorted(numbered, key=pinyin_sort_column) == ["企业2号", "企业9号", "企业10号"]
    assert set(pinyin_sort_column("东阿·（锻造）!")) <= set("abcdefghijklmnopqrstuvwxyz0123456789")


def test_the_filter_offers_sectors_and_parks_in_pinyin_order():
    call_command("seed_demo", stdout=StringIO())
    with translation.override("zh-hans"):
        from projects.filters import filter_form

        labels = [str(label) for _value, label in filter_form({}).fields["sector"].choices[1:]]
    from portal.core.reading_order import name_sort_key

    assert labels == sorted(labels, key=lambda n: name_sort_key(n, "zh-hans"))
    assert labels[0] == "车削与磨削"


def test_datetime_attributes_have_whole_seconds_in_local_time():
    import datetime

    from django.utils import timezone

    from portal.core.templatetags.typesetting import datetime_attr

    moment = datetime.datetime(2026, 12, 1, 22, 40, 5, 123456, tzinfo=datetime.timezone.utc)
    with timezone.override("Asia/Shanghai"):
        assert datetime_attr(moment) == "2026-12-02T06:40:05+08:00"
    assert datetime_attr(datetime.date(2023, 11, 14)) == "2023-11-14"
    assert datetime_attr(None) == ""


def test_shown_language_names_the_fallback_a_field_is_shown_in():
    from django.template import Context, Template

    from tests.factories import make_project

    project = make_project(name_zh_hans="")
    template = Template('{% load languages %}{% shown_language project "name" %}')
    with translation.override("zh-hans"):
        assert template.render(Context({"project": project})) == "en"
        assert Template('{% load languages %}{% shown_language project "summary" %}').render(
            Context({"project": project})
        ) == ("zh-hans" if project.summary_zh_hans else "en")
    with translation.override("en"):
        assert template.render(Context({"project": project})) == "en"
