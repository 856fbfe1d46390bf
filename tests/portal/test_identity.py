"""Who runs the portal, in the footer of every page in both languages: the site settings edited
in the admin (operating body, address, office hours, WeChat) and the filings set in the
environment (ICP, public security, government website code), each shown only when set."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from portal.context_processors import forget_site_settings
from portal.core.content_version import bump_content_version
from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


def footer(client, url):
    html = client.get(url).content.decode()
    return re.search(r"<footer class=\"site-footer\">.*</footer>", html, re.S).group(0)


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def qr_png(size=300):
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), "white").save(buffer, format="PNG")
    return SimpleUploadedFile("qr.png", buffer.getvalue(), content_type="image/png")


def identity():
    return SiteSettings.objects.create(
        operating_body_en="Investment Promotion Office of Guanxian County",
        operating_body_zh_hans="冠县招商办公室",
        street_address_en="1 Government Road, Guanxian, Shandong 252500",
        street_address_zh_hans="山东省冠县政府路1号，邮编252500",
        office_hours_en="Monday to Friday, 8:30–17:30",
        office_hours_zh_hans="周一至周五 8:30—17:30",
        wechat_account_en="Guanxian Investment",
        wechat_account_zh_hans="冠县招商",
    )


def test_without_settings_the_footer_names_the_county_government_and_no_filing(client):
    english = footer(client, "/en/")
    assert "People's Government of Guanxian County" in english
    assert "Guanxian County, Liaocheng, Shandong Province, China" in english
    assert "Office hours" not in english
    assert "beian" not in english
    assert "Government website code" not in english
    assert "WeChat" not in english
    assert 'href="mailto:invest@guanxian.example.cn"' in english
    assert 'href="tel:+866350000000"' in english
    chinese = text(footer(client, "/zh-hans/"))
    assert "主办单位：冠县人民政府" in chinese
    assert "政府网站标识码" not in chinese


def test_the_edited_identity_shows_in_each_language_with_beijing_time(client):
    identity()
    english = text(footer(client, "/en/projects/"))
    assert "Investment Promotion Office of Guanxian County" in english
    assert "1 Government Road, Guanxian, Shandong 252500" in english
    assert "Office hours: Monday to Friday, 8:30–17:30 (Beijing time, UTC+8)" in english
    assert "Run by Investment Promotion Office of Guanxian County" in english
    chinese = text(footer(client, "/zh-hans/projects/"))
    assert "冠县招商办公室" in chinese
    assert "山东省冠县政府路1号，邮编252500" in chinese
    assert "办公时间：周一至周五 8:30—17:30（北京时间，UTC+8）" in chinese
    assert "主办单位：冠县招商办公室" in chinese


def test_filings_from_the_environment_link_to_the_registers(client, settings):
    settings.PORTAL_ICP_NUMBER = "鲁ICP备12345678号-1"
    settings.PORTAL_PUBLIC_SECURITY_NUMBER = "鲁公网安备37152502000123号"
    settings.PORTAL_GOVERNMENT_SITE_CODE = "3715250001"
    english = footer(client, "/en/")
    assert (
        '<a href="https://beian.miit.gov.cn/" rel="noopener" lang="zh-hans">鲁ICP备12345678号-1</a>'
        in english
    )
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=37152502000123" '
        'rel="noopener" lang="zh-hans">鲁公网安备37152502000123号</a>' in english
    )
    assert "Government website code: 3715250001" in english
    chinese = footer(client, "/zh-hans/")
    assert "鲁ICP备12345678号-1</a>" in chinese
    assert "政府网站标识码：3715250001" in chinese


def test_each_filing_shows_only_when_set(client, settings):
    settings.PORTAL_GOVERNMENT_SITE_CODE = "3715250001"
    html = footer(client, "/en/")
    assert "Government website code: 3715250001" in html
    assert "beian.miit.gov.cn" not in html
    assert "beian.mps.gov.cn" not in html


def test_the_wechat_qr_code_shows_with_its_account_name(client):
    settings_row = identity()
    settings_row.wechat_qr = qr_png()
    settings_row.save()
    html = footer(client, "/en/")
    image = re.search(r"<img [^>]*/media/site/[^>]*>", html).group(0)
    assert 'alt="QR code of the WeChat official account Guanxian Investment"' in image
    assert 'width="120" height="120"' in image
    assert "Follow us on WeChat" in html
    assert "冠县招商" in footer(client, "/zh-hans/")


def test_a_qr_code_needs_the_account_name(admin_client):
    response = admin_client.post(
        "/admin/portal/sitesettings/add/",
        {"wechat_qr": qr_png(), "operating_body_en": "Office"},
    )
    assert response.status_code == 200
    assert "Name the official account the QR code opens." in response.content.decode()
    assert not SiteSettings.objects.exists()


def test_the_admin_refuses_a_file_that_is_not_an_image(admin_client):
    fake = SimpleUploadedFile("qr.png", b"<?php echo 1; ?>", content_type="image/png")
    response = admin_client.post(
        "/admin/portal/sitesettings/add/",
        {"wechat_qr": fake, "wechat_account_en": "Guanxian Investment"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not SiteSettings.objects.exists()


def test_staff_edit_the_identity_in_the_admin_and_every_page_shows_it(admin_client, client):
    assert admin_client.get("/admin/portal/sitesettings/").url == "/admin/portal/sitesettings/add/"
    response = admin_client.post(
        "/admin/portal/sitesettings/add/",
        {
            "operating_body_en": "Guanxian Investment Office",
            "operating_body_zh_hans": "冠县投资办",
            "office_hours_en": "Weekdays 9–17",
            "wechat_account_en": "Guanxian Investment",
            "wechat_qr": qr_png(),
            "demo_notice": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    row = SiteSettings.objects.get()
    assert row.wechat_qr.name.startswith("site/")
    assert (
        admin_client.get("/admin/portal/sitesettings/").url
        == "/admin/portal/sitesettings/1/change/"
    )
    assert "Guanxian Investment Office" in footer(client, "/en/news/")
    assert "冠县投资办" in footer(client, "/zh-hans/news/")


def _settings_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "portal_sitesettings" in q["sql"]]


def test_the_settings_row_is_read_once_not_on_every_page(client):
    identity()
    forget_site_settings()  # a worker that has not read it yet
    with CaptureQueriesContext(connection) as first:
        client.get("/en/accessibility/")
    with CaptureQueriesContext(connection) as second:
        client.get("/en/accessibility/")
        client.get("/zh-hans/accessibility/")
    assert len(_settings_queries(first)) == 1
    assert _settings_queries(second) == []


def test_a_save_shows_at_once_without_reading_the_row_again(client):
    row = identity()
    row.operating_body_en = "Saved just now"
    row.save()
    with CaptureQueriesContext(connection) as queries:
        html = footer(client, "/en/")
    assert "Saved just now" in html
    assert _settings_queries(queries) == []


def test_a_change_made_by_another_worker_shows_under_the_new_content_version(client, settings):
    """Another worker's save sends no signal here: the renewed content version, which the page
    cache reads for every page it may keep, makes this worker read the row again."""
    settings.PAGE_CACHE_SECONDS = 600
    identity()
    assert "Investment Promotion Office of Guanxian County" in footer(client, "/en/")
    SiteSettings.objects.update(operating_body_en="Renamed office")  # no signal
    bump_content_version()
    assert "Renamed office" in footer(client, "/en/")


def test_the_home_page_names_the_operating_body_and_street_for_search_engines(client):
    identity()
    html = client.get("/en/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "Investment Promotion Office of Guanxian County",
    }
    assert data["address"]["streetAddress"] == "1 Government Road, Guanxian, Shandong 252500"
