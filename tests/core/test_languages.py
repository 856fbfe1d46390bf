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
