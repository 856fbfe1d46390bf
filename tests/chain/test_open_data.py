"""The directory as open data: the public fields only, stable English names, both languages,
formula-guarded CSV, the same licence as the projects' files."""

import csv
import io
import json

import pytest

from .helpers import make_certification, make_enterprise, make_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    stage = make_stage(slug="forging")
    make_enterprise(
        slug="alpha",
        name_en="=HYPERLINK(1)",
        stages=[stage],
        certifications=[make_certification(code="ISO 9001")],
        business_phone="+86 635 555 0101",
    )
    make_enterprise(slug="draft", is_published=False, stages=[stage])
    make_enterprise(slug="other", stages=[make_stage(slug="grinding")])


def test_csv_has_the_public_fields_guarded(client, records):
    response = client.get("/en/projects/open-data/enterprises.csv?stage=forging")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="guanxian-enterprises.csv"' in response["Content-Disposition"]
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["slug"] for r in rows] == ["alpha"]
    row = rows[0]
    assert row["name_en"] == "'=HYPERLINK(1)"
    assert row["business_phone"] == "'+86 635 555 0101"
    assert row["certifications"] == "ISO 9001"
    assert row["stages"] == "forging"
    assert row["capacity"] == "1000"
    assert row["url"] == "http://testserver/en/enterprises/alpha/"


def test_json_carries_the_licence_and_every_published_record(client, records, settings):
    response = client.get("/zh-hans/projects/open-data/enterprises.json")
    document = json.loads(response.content)
    assert document["licence"] == {
        "name": settings.OPEN_DATA_LICENCE,
        "url": settings.OPEN_DATA_LICENCE_URL,
    }
    assert document["count"] == 2
    assert [e["slug"] for e in document["enterprises"]] == ["alpha", "other"]
    assert set(document["enterprises"][0]) == set(document["fields"])
    assert "contact_name" not in document["fields"]
