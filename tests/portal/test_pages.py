import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from portal.models import AccessibilityStatement, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.cn", "pw-for-tests")
    client.force_login(user)
    return client


def test_accessibility_statement_is_the_edited_text_in_the_readers_language(client):
    AccessibilityStatement.objects.create(
        intro_en="We aim for WCAG 2.2 AA.\n\nOn every page.",
        intro_zh_hans="我们的目标是WCAG 2.2 AA级。",
        known_issues_en="Old PDFs are not tagged.\nMaps have no text version.",
        report_barrier_en="Write to us <b>now</b>.",
        report_barrier_zh_hans="请写信给我们。",
        reviewed_on=datetime.date(2026, 11, 25),
    )
    html = client.get("/en/accessibility/").content.decode()
    assert "<p>We aim for WCAG 2.2 AA.</p>\n\n<p>On every page.</p>" in html
    assert "<li>Old PDFs are not tagged.</li><li>Maps have no text version.</li>" in html
    assert "<p>Write to us &lt;b&gt;now&lt;/b&gt;.</p>" in html
    assert "This statement was last reviewed on 25 November 2026." in html
    assert "translation-notice" not in html
    chinese = client.get("/zh-hans/accessibility/").content.decode()
    assert "<p>我们的目标是WCAG 2.2 AA级。</p>" in chinese
    assert "本声明最近一次审核于2026年11月25日。" in chinese
    assert "translation-notice" not in chinese


def test_accessibility_statement_in_english_only_says_so_on_the_chinese_site(client):
    AccessibilityStatement.objects.create(intro_en="We aim high.", report_barrier_en="Write.")
    chinese = client.get("/zh-hans/accessibility/").content.decode()
    assert "We aim high." in chinese
    assert "translation-notice" in chinese


def test_accessibility_page_keeps_the_portal_wording_until_staff_write_one(client):
    html = client.get("/zh-hans/accessibility/").content.decode()
    assert html.count("<h1") == 1
    assert "invest@guanxian.example.cn" in html


def test_footer_links_the_privacy_notice_only_once_it_exists(client):
    html = client.get("/en/").content.decode()
    try:
        url = reverse("enquiries:privacy")
    except NoReverseMatch:
        url = None
    if url:
        assert f'<li><a href="{url}">Privacy notice</a></li>' in html
    else:
        assert "Privacy notice" not in html


def test_seed_demo_fills_the_home_page_once_and_keeps_edits():
    from portal import demo

    out = io.StringIO()
    demo.seed(out)
    home = HomePage.objects.get()
    assert home.brand_line_en == "Guanxian Bearing, Forged in Qingshui"
    assert home.conference_date == datetime.date(2023, 11, 14)
    assert AccessibilityStatement.objects.get().intro_zh_hans
    home.brand_line_en = "Edited by staff"
    home.save()
    demo.seed(out)
    assert HomePage.objects.get().brand_line_en == "Edited by staff"
    assert HomePage.objects.count() == AccessibilityStatement.objects.count() == 1


def test_seed_demo_command_runs_twice():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert HomePage.objects.count() == 1


def test_the_home_page_admin_goes_straight_to_the_one_row(admin_client):
    response = admin_client.get("/admin/portal/homepage/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/portal/homepage/add/"
    HomePage.objects.create(brand_line_en="Brand", lead_en="Lead")
    response = admin_client.get("/admin/portal/homepage/")
    assert response["Location"] == "/admin/portal/homepage/1/change/"
    assert admin_client.get("/admin/portal/homepage/add/").status_code == 403
    page = admin_client.get("/admin/portal/homepage/1/change/").content.decode()
    assert 'name="brand_line_zh_hans"' in page
    assert "/delete/" not in page


def test_staff_edit_the_home_page_in_both_languages(admin_client, client):
    HomePage.objects.create(brand_line_en="Brand", lead_en="Lead")
    response = admin_client.post(
        "/admin/portal/homepage/1/change/",
        {
            "brand_line_en": "Guanxian Bearing, Forged in Qingshui",
            "brand_line_zh_hans": "冠县轴承 清水锻造",
            "lead_en": "Lead",
            "lead_zh_hans": "导语",
            "conference_title_en": "",
            "conference_title_zh_hans": "",
            "conference_date": "",
            "hero_alt_en": "",
            "hero_alt_zh_hans": "",
            "enquiry_heading_en": "",
            "enquiry_heading_zh_hans": "",
            "enquiry_text_en": "",
            "enquiry_text_zh_hans": "",
        },
    )
    assert response.status_code == 302
    html = client.get("/zh-hans/").content.decode()
    assert '<h1 id="home-title">冠县轴承 清水锻造</h1>' in html


@pytest.mark.parametrize(
    ("url", "lang", "heading", "link"),
    [
        ("/en/", "en", "Something went wrong", "Go to the home page"),
        ("/zh-hans/", "zh-hans", "出现错误", "返回首页"),
    ],
)
def test_a_server_error_is_explained_in_the_readers_language(monkeypatch, url, lang, heading, link):
    from django.test import Client

    from portal.views import HomeView

    def fail(self, **kwargs):
        raise RuntimeError("a fault in the home page")

    monkeypatch.setattr(HomeView, "get_context_data", fail)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{heading}</h1>" in page
    assert f'<a href="/">{link}</a>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "a fault in the home page" not in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Web Content Accessibility Guidelines (WCAG) 2.2 at level AA",
                "GB/T 37668-2019",
                "The portal partially conforms to WCAG 2.2 AA and GB/T 37668-2019",
                "<h2>Known barriers</h2>",
                "ask us for a text version and we send it.</li>",
                "<h2>Report a barrier</h2>",
                "We reply within five working days",
                "within 20 working days",
                'href="mailto:invest@guanxian.example.cn"',
                "This statement was last reviewed on 1 December 2026.",
            ],
        ),
        (
            "zh-hans",
            [
                "《Web内容无障碍指南》（WCAG）2.2 AA级",
                "GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》",
                "本网站部分符合WCAG 2.2 AA级和GB/T 37668-2019",
                "如需文本版本，请联系我们。</li>",
                "我们将在五个工作日内答复",
                "二十个工作日内",
            ],
        ),
    ],
)
def test_the_demo_accessibility_statement_names_standards_barriers_and_response_time(
    client, lang, expected
):
    call_command("seed_demo", stdout=io.StringIO())
    html = client.get(f"/{lang}/accessibility/").content.decode()
    for text in expected:
        assert text in html, text
    assert html.count("<li>") - html.count("<li><a") >= 3  # the three known barriers


def test_the_statement_before_staff_write_one_names_both_standards(client):
    html = client.get("/en/accessibility/").content.decode()
    assert "WCAG) 2.2 at level AA" in html
    assert "GB/T 37668-2019" in html
