"""A small registry shared by the investor tools' tests."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import make_park, make_project, make_sector


@pytest.fixture
def registry(db):
    forging = make_sector(name_en="Forging", name_zh_hans="锻造", slug="forging")
    bearings = make_sector(name_en="Bearings", name_zh_hans="轴承", slug="bearings")
    north = make_park(
        name_en="North Park",
        name_zh_hans="北产业园",
        slug="north-park",
        latitude=Decimal("36.4840"),
        longitude=Decimal("115.4420"),
        contact_name_en="Li Wei",
        contact_email="li.wei@example.cn",
        contact_phone="+86 635 111 2222",
        planned_area_ha=Decimal("200"),
    )
    south = make_park(
        name_en="South Park",
        name_zh_hans="南产业园",
        slug="south-park",
        latitude=Decimal("36.4300"),
        longitude=Decimal("115.4700"),
        planned_area_ha=Decimal("120"),
    )
    rings = make_project(
        name_en="Ring Forging Line",
        name_zh_hans="锻环生产线",
        slug="ring-forging",
        sector=forging,
        park=north,
        investment_yuan=Decimal("680000000"),
        investor_en="Qingshui Forge Co.",
        stage="construction",
        jobs=300,
        land_area_ha=Decimal("10"),
        contact_name_en="Zhang San",
        contact_email="zhang.san@example.cn",
        contact_phone="+86 635 333 4444",
    )
    balls = make_project(
        name_en="Precision Ball Plant",
        name_zh_hans="精密钢球厂",
        slug="ball-plant",
        sector=bearings,
        park=south,
        investment_yuan=Decimal("1200000000"),
        investor_en="Liaocheng Bearing Ltd.",
        stage="signed",
        jobs=300,
        land_area_ha=Decimal("20"),
    )
    cages = make_project(
        name_en="Cage Stamping Works",
        name_zh_hans="保持架冲压厂",
        slug="cage-works",
        sector=bearings,
        park=north,
        investment_yuan=Decimal("50000000"),
        kind="opportunity",
        signing_date=None,
        stage="signed",
    )
    draft = make_project(
        name_en="Secret Draft",
        name_zh_hans="草稿项目",
        slug="secret-draft",
        sector=forging,
        park=north,
        is_published=False,
    )
    scheduled = make_project(
        name_en="Scheduled Later",
        slug="scheduled-later",
        sector=forging,
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    return {
        "forging": forging,
        "bearings": bearings,
        "north": north,
        "south": south,
        "rings": rings,
        "balls": balls,
        "cages": cages,
        "draft": draft,
        "scheduled": scheduled,
    }
