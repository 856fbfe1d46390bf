import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import make_project

pytestmark = pytest.mark.django_db

TEMPLATE = Template('{% load languages %}{% translation_notice project "name" "summary" %}')


def render(project, language):
    with translation.override(language):
        return TEMPLATE.render(Context({"project": project})).strip()


def test_no_notice_when_the_translation_is_complete():
    project = make_project()
    assert render(project, "en") == ""
    assert render(project, "zh-hans") == ""


def test_notice_in_the_readers_language_when_chinese_is_missing():
    project = make_project(summary_zh_hans="")
    assert render(project, "en") == ""
    assert render(project, "zh-hans") == (
        '<p class="notice translation-notice">本页尚无中文版本，现以英文显示。</p>'
    )


def test_notice_when_english_is_missing():
    project = make_project(name_en="", summary_en="")
    assert render(project, "en") == (
        '<p class="notice translation-notice">'
        "This page is not yet available in English; it is shown in Chinese.</p>"
    )


def test_missing_languages_names_what_one_language_lacks():
    from portal.core.languages import empty_in_languages, missing_languages

    project = make_project(summary_zh_hans="", description_en="", description_zh_hans="")
    assert missing_languages(project, ["name", "summary", "description"]) == {
        "en": [],
        "zh-hans": ["summary"],
    }
    assert empty_in_languages(project, ["name", "summary"]) == [("summary", "zh-hans")]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Wind-power bearing rings", "wind-power-bearing-rings"),
        ("冠县轴承锻造产业园（二期）", "guan-xian-zhou-cheng-duan-zao-chan-ye-yuan-er-qi"),
        ("清水镇 5G 智能工厂", "qing-shui-zhen-5g-zhi-neng-gong-chang"),
        ("！！！", ""),
    ],
)
def test_a_slug_is_made_from_latin_text_or_the_pinyin_of_chinese(name, slug):
    from portal.core.slugs import slug_from_text

    assert slug_from_text(name, 100) == slug


def test_a_made_slug_is_cut_at_a_hyphen_and_made_unique():
    from portal.core.slugs import slug_from_text, unique_slug

    assert slug_from_text("冠县轴承锻造产业园", 20) == "guan-xian-zhou-cheng"
    taken = {"rings", "rings-2"}
    assert unique_slug("rings", 20, taken.__contains__) == "rings-3"
    assert unique_slug("a" * 20, 20, {"a" * 20}.__contains__) == "a" * 18 + "-2"
