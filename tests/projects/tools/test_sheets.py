"""Printable A4 sheets from live data, with a QR code of the page's absolute address."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
import qrcode
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects.models import ParkCost, ProjectImage
from tests.factories import make_project

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[3] / "static"


def qr_modules(html):
    """The dark modules of the page's QR code, read back from its SVG path."""
    svg = re.search(r'<svg [^>]*class="qr"[^>]*>.*?</svg>', html, re.S).group(0)
    path = re.search(r'<path d="([^"]+)"', svg).group(1)
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", path)}


def encoded_modules(url):
    """The dark modules of a QR code for `url`, by the QR standard as qrcode implements it."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(url)
    code.make(fit=True)
    return {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}


def png_upload(name="photo.png"):
    from io import BytesIO

    buffer = BytesIO()
    Image.new("RGB", (1200, 800), "#336699").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_project_sheet_has_facts_contact_photo_date_and_qr(client, registry, time_machine):
    time_machine.move_to("2027-03-05 10:00:00+08:00")
    ProjectImage.objects.create(
        project=registry["rings"], image=png_upload(), alt_text_en="The forging line"
    )
    response = client.get("/en/projects/ring-forging/sheet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ring Forging Line</h1>" in html
    assert "<dt>Investment</dt><dd>CNY 680 million</dd>" in html
    assert "<dt>Stage</dt><dd>Under construction</dd>" in html
    assert "<dt>Land area</dt><dd>10 ha (150 mu)</dd>" in html
    assert "<dt>Construction end</dt>" not in html, "empty facts are left out"
    assert "<strong>Zhang San</strong>" in html
    assert '<a href="mailto:zhang.san@example.cn">' in html
    assert 'alt="The forging line"' in html
    assert "Generated on 5 March 2027 from the live registry" in html
    assert "css/sheet.css" in html
    page_url = "http://testserver/en/projects/ring-forging/"
    assert qr_modules(html) == encoded_modules(page_url)
    assert qr_modules(html) != encoded_modules("/en/projects/ring-forging/")
    assert f'aria-label="QR code that opens {page_url}"' in html
    assert "<title>Printable sheet: Ring Forging Line · " in html


def test_contact_falls_back_to_the_park_officer(client, registry):
    html = client.get("/en/projects/ball-plant/sheet/").content.decode()
    assert "Zhang San" not in html
    registry["balls"].park = registry["north"]
    registry["balls"].save()
    html = client.get("/en/projects/ball-plant/sheet/").content.decode()
    assert "<strong>Li Wei</strong>" in html


def test_sheet_in_chinese(client, registry, time_machine):
    time_machine.move_to("2027-03-05 10:00:00+08:00")
    html = client.get("/zh-hans/projects/ring-forging/sheet/").content.decode()
    assert "<h1>锻环生产线</h1>" in html
    assert "<dd>6.8亿元</dd>" in html
    assert "2027年3月5日" in html
    assert qr_modules(html) == encoded_modules("http://testserver/zh-hans/projects/ring-forging/")


def test_park_sheet(client, registry):
    response = client.get("/en/projects/parks/north-park/sheet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>North Park</h1>" in html
    assert "<dt>Planned area</dt><dd>200 ha (3,000 mu)</dd>" in html
    assert "<dt>Published projects</dt><dd>2</dd>" in html
    assert "<strong>Li Wei</strong>" in html
    assert qr_modules(html) == encoded_modules("http://testserver/en/projects/parks/north-park/")


def test_park_sheet_carries_the_costs(client, registry, time_machine):
    time_machine.move_to("2027-03-05 10:00:00+08:00")
    park = registry["north"]
    park.save()
    ParkCost.objects.create(
        park=park,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=Decimal("150000"),
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
        note_en="50-year use right",
        note_zh_hans="50年使用权",
    )
    html = client.get("/en/projects/parks/north-park/sheet/").content.decode()
    costs = html.split('<section class="sheet-costs"')[1].split("</section>")[0]
    assert '<h2 id="sheet-costs-heading">Costs</h2>' in costs
    assert 'Typical costs, last updated <time datetime="2027-03-05">5 March 2027</time>' in costs
    assert (
        '<tr><th scope="row">Industrial land</th><td>150,000 yuan per mu</td>'
        "<td><span>50-year use right</span></td></tr>" in costs
    )
    chinese = client.get("/zh-hans/projects/parks/north-park/sheet/").content.decode()
    assert "<td>15万元/亩</td><td><span>50年使用权</span></td>" in chinese
    assert "常见成本，更新于" in chinese
    # Costs dated and sourced one by one say so, and need no date of the park's.
    ParkCost.objects.update(as_of="2026-10-01", source_en="County Natural Resources Bureau")
    html = client.get("/en/projects/parks/north-park/sheet/").content.decode()
    assert "<caption>Typical costs, each with its date and source</caption>" in html
    assert (
        '<span>50-year use right</span><br><span class="sheet-provenance">'
        "As of 1 October 2026; source: County Natural Resources Bureau</span>" in html
    )
    chinese = client.get("/zh-hans/projects/parks/north-park/sheet/").content.decode()
    assert "截至2026年10月1日，来源：County Natural Resources Bureau" in chinese
    project_sheet = client.get("/en/projects/ring-forging/sheet/").content.decode()
    assert "sheet-costs" not in project_sheet


def test_a_park_without_costs_has_no_cost_table(client, registry):
    html = client.get("/en/projects/parks/north-park/sheet/").content.decode()
    assert "sheet-costs" not in html


def test_drafts_have_no_sheet(client, registry):
    assert client.get("/en/projects/secret-draft/sheet/").status_code == 404
    assert client.get("/en/projects/parks/no-such-park/sheet/").status_code == 404


def test_print_stylesheet_sets_a4():
    css = (STATIC / "css" / "sheet.css").read_text()
    assert "@page { size: A4;" in css
    assert "@media print" in css


def test_query_count(client, registry, django_assert_num_queries):
    client.get("/en/projects/ring-forging/sheet/")  # the site-wide rows the shell caches
    # project with sector and park, its first image
    with django_assert_num_queries(2):
        client.get("/en/projects/ring-forging/sheet/")
    make_project(slug="another", sector=registry["forging"], park=registry["north"])
    # park with its project count, industries, costs, incentives valid today, first image
    with django_assert_num_queries(5):
        client.get("/en/projects/parks/north-park/sheet/")


def test_sheet_points_search_engines_to_the_page(client, registry):
    html = client.get("/en/projects/ring-forging/sheet/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/projects/ring-forging/">' in html
