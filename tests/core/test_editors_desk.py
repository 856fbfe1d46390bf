"""The editors' desk on every content admin: the error summary names each field and inline row
with an error and links to it, in the editor's language; the desk's script and the rich-text
editor's words come with every form."""

import json
import re

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.core.editors_desk import EditorsDeskMixin
from portal.core.revisions import RevisionAdmin
from tests.core.test_revisions import staff
from tests.factories import make_sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(staff("editor.li", "Content editors"))


def project_form_with_errors():
    data = {
        "name_en": "New works",
        "name_zh_hans": "新工厂",
        "slug": "new-works",
        "summary_en": "A summary.",
        "summary_zh_hans": "简介。",
        "kind": "signed",
        "sector": make_sector().pk,
        "stage": "signed",
        "investment_yuan": "-5",
        "signing_date": "2023-11-14",
        "published_at_0": "2023-11-14",
        "published_at_1": "10:00:00",
        # A milestone without its date.
        "milestones-TOTAL_FORMS": "1",
        "milestones-0-title_en": "Trial production",
        "milestones-0-title_zh_hans": "试生产",
    }
    for prefix in ("images", "documents", "milestones"):
        data.setdefault(f"{prefix}-TOTAL_FORMS", "0")
        data |= {
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def summary_of(content):
    block = re.search(r'<div class="errornote error-summary".*?</div>', content, re.DOTALL)
    assert block, "no error summary on the page"
    return [
        " ".join(re.sub(r"<[^>]+>", "", item).split())
        for item in re.findall(r"<li>(.*?)</li>", block[0], re.DOTALL)
    ], block[0]


def test_the_summary_names_each_field_and_row_and_links_to_them(client, editor):
    response = client.post(reverse("admin:projects_project_add"), project_form_with_errors())

    assert response.status_code == 200
    items, block = summary_of(response.content.decode())
    assert items == [
        "Investment (yuan): Ensure this value is greater than or equal to 0.",
        "Milestone 1: Date: This field is required.",
    ]
    assert '<a href="#id_investment_yuan">' in block
    assert '<a href="#id_milestones-0-date">' in block
    assert 'id="id_milestones-0-date"' in response.content.decode()
    assert "Please correct the error" not in response.content.decode()
    assert response.content.decode().count("<title>Error:") == 1


def test_the_summary_is_in_the_editors_language(client, editor):
    response = client.post(
        reverse("admin:projects_project_add"),
        project_form_with_errors(),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )

    items, block = summary_of(response.content.decode())
    assert "表单未保存：有 2 处需要更正。" in block
    assert items[1] == "进度节点 1：日期：这个字段是必填项。"


def test_every_content_admin_has_the_desk():
    versioned = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, RevisionAdmin)
    ]
    assert len(versioned) >= 8
    for model_admin in versioned:
        assert isinstance(model_admin, EditorsDeskMixin), model_admin
        assert "js/admin-editors-desk.js" in str(model_admin.media)


def test_the_rich_text_editor_gets_its_words_in_chinese(client, editor):
    response = client.get(reverse("admin:news_article_add"), HTTP_ACCEPT_LANGUAGE="zh-hans")

    content = response.content.decode()
    found = re.search(
        r'<script id="prose-editor-strings" type="application/json">(.*?)</script>',
        content,
        re.DOTALL,
    )
    strings = json.loads(found[1])
    assert strings["bold"] == "粗体"
    assert strings["insert link"] == "插入链接"
    assert strings["Edit Link"] == "编辑链接"
    assert strings["Update"] == "更新"
    assert "js/admin-editors-desk.js" in content


def test_the_english_admin_carries_no_editor_strings(client, editor):
    response = client.get(reverse("admin:news_article_add"), HTTP_ACCEPT_LANGUAGE="en")
    found = re.search(
        r'<script id="prose-editor-strings" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    )
    assert found is None or json.loads(found[1]) == {}
