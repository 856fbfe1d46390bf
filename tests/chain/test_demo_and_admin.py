"""The chain's demo content and its admin: at least 30 illustrative enterprises over every
stage, each gap with an open opportunity; content editors keep the records, with versions."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from reversion.models import Version

from portal.chain.models import ChainGap, ChainStage, Enterprise

pytestmark = pytest.mark.django_db


def test_demo_enterprises_stages_and_gaps():
    """One seeding (it draws pictures for the whole site), then every check of it."""
    call_command("seed_demo", stdout=StringIO())
    enterprises = Enterprise.objects.published()
    assert enterprises.count() >= 30
    assert not enterprises.filter(is_illustrative=False).exists()
    assert all(e.business_email.endswith(".example") for e in enterprises)
    assert ChainStage.objects.published().count() == 10
    for stage in ChainStage.objects.published():
        assert stage.enterprises.exists(), stage.slug
    gaps = ChainGap.objects.published()
    assert gaps.count() >= 4
    for gap in gaps:
        assert gap.opportunities.filter(kind="opportunity", is_published=True).exists(), gap
    before = Enterprise.objects.count(), ChainGap.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert (Enterprise.objects.count(), ChainGap.objects.count()) == before


def test_a_content_editor_adds_an_enterprise_with_a_version(client):
    editor = get_user_model().objects.create_user("clerk", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    stage = ChainStage.objects.create(name_en="Forging", slug="forging", is_published=True)
    response = client.post(
        "/admin/chain/enterprise/add/",
        {
            "name_en": "Delta Rings",
            "name_zh_hans": "德尔塔套圈",
            "slug": "delta-rings",
            "stages": [stage.pk],
            "main_products_en": "Rings",
            "main_products_zh_hans": "套圈",
            "capacity_unit": "t",
            "last_checked": "2026-11-30",
            "published_at_0": "2026-11-30",
            "published_at_1": "09:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    delta = Enterprise.objects.get(slug="delta-rings")
    assert list(delta.stages.all()) == [stage]
    assert Version.objects.get_for_object(delta).count() == 1


def test_the_directory_and_the_chain_are_in_the_sitemap(client):
    from .helpers import make_enterprise, make_stage

    make_enterprise(slug="alpha", stages=[make_stage()])
    make_enterprise(slug="draft", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/en/enterprises/", "/zh-hans/industry-chain/", "/en/enterprises/alpha/"):
        assert f"http://testserver{path}</loc>" in xml
    assert "/enterprises/draft/" not in xml
