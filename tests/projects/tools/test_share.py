"""Link previews and structured data of project and park pages: each shares its own cover
picture, and describes itself in JSON-LD (a Project at its park; a Place with coordinates)."""

import json
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects.models import ParkImage, ProjectImage

pytestmark = pytest.mark.django_db


def jpeg(width=1600, height=1000):
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#557799").save(buffer, format="JPEG")
    return SimpleUploadedFile("cover.jpg", buffer.getvalue(), content_type="image/jpeg")


def meta(html, prop):
    return re.search(rf'<meta (?:property|name)="{prop}" content="([^"]*)">', html).group(1)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_a_project_shares_its_cover(client, registry):
    image = ProjectImage.objects.create(
        project=registry["rings"], image=jpeg(), alt_text_en="The forging line at night"
    )
    html = client.get("/en/projects/ring-forging/").content.decode()
    stem = image.image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    expected = f"http://testserver/media/projects/renditions/{stem}-1440.jpg"
    assert meta(html, "og:image") == expected
    assert meta(html, "twitter:image") == expected
    assert meta(html, "og:image:alt") == "The forging line at night"
    assert json_ld(html)["image"] == expected


def test_a_small_cover_is_shared_at_its_own_width(client, registry):
    image = ParkImage.objects.create(
        park=registry["north"], image=jpeg(400, 300), alt_text_en="Gate"
    )
    html = client.get("/en/projects/parks/north-park/").content.decode()
    stem = image.image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    assert meta(html, "og:image") == f"http://testserver/media/parks/renditions/{stem}-400.jpg"
    assert meta(html, "og:image:alt") == "Gate"


def test_without_a_picture_the_site_image_is_shared(client, registry):
    html = client.get("/en/projects/ring-forging/").content.decode()
    assert meta(html, "og:image") == "http://testserver/static/img/og-default.png"
    assert meta(html, "og:image:alt") == "Guanxian Bearing Investment"
    assert "image" not in json_ld(html)


def test_project_json_ld(client, registry):
    data = json_ld(client.get("/en/projects/ring-forging/").content.decode())
    assert data == {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": "Ring Forging Line",
        "description": registry["rings"].summary_en,
        "url": "http://testserver/en/projects/ring-forging/",
        "inLanguage": "en",
        "location": {
            "@type": "Place",
            "name": "North Park",
            "url": "http://testserver/en/projects/parks/north-park/",
            "containedInPlace": {
                "@type": "AdministrativeArea",
                "name": "Guanxian County, Liaocheng, Shandong Province, China",
            },
        },
        "funder": {"@type": "Organization", "name": "Qingshui Forge Co."},
        "additionalProperty": {
            "@type": "PropertyValue",
            "name": "Investment",
            "value": 680000000,
            "unitText": "CNY",
        },
    }


def test_park_json_ld_is_a_place_with_coordinates(client, registry):
    park = registry["north"]
    park.address_en = "Qingshui Town, Guanxian County"
    park.save()
    data = json_ld(client.get("/en/projects/parks/north-park/").content.decode())
    assert data["@type"] == "Place"
    assert data["name"] == "North Park"
    assert data["url"] == "http://testserver/en/projects/parks/north-park/"
    assert data["address"] == "Qingshui Town, Guanxian County"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 36.484, "longitude": 115.442}
    park.latitude = park.longitude = None
    park.save()
    data = json_ld(client.get("/en/projects/parks/north-park/").content.decode())
    assert "geo" not in data


def test_in_chinese(client, registry):
    data = json_ld(client.get("/zh-hans/projects/ring-forging/").content.decode())
    assert data["name"] == "锻环生产线"
    assert data["inLanguage"] == "zh-hans"
    assert data["url"] == "http://testserver/zh-hans/projects/ring-forging/"
    assert data["location"]["name"] == "北产业园"
    assert data["location"]["containedInPlace"]["name"] == "中国山东省聊城市冠县"
    assert data["additionalProperty"]["name"] == "投资额"


def test_hostile_names_cannot_end_the_script(client, registry):
    park = registry["north"]
    park.name_en = "</script><script>alert(1)</script> & <!--"
    park.save()
    html = client.get("/en/projects/parks/north-park/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script> & <!--"
