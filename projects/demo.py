"""Demo content of the registry: the cluster's real figures and partners, two parks and fifteen
projects. Parks and projects are invented; the site-wide demo notice (portal/demo.py) says so,
once, instead of every record's own text.

`seed(stdout)` is called by `manage.py seed_demo`. It creates what is missing and leaves every
existing row (and file) alone, so running it twice changes nothing.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from . import demo_incentives, demo_opportunities
from .demo_images import add_drawn_picture
from .demo_parks import FIGURES, PARKS, PARTNERS, SECTORS, SOURCE_EN, SOURCE_ZH
from .demo_projects import PROJECTS
from .models import (
    ClusterFigure,
    Milestone,
    Park,
    ParkCost,
    Partner,
    Project,
    Sector,
)

CONFERENCE_DATE = datetime.date(2023, 11, 14)
# The cost estimator reads these rows of the demo parks' cost tables (ParkCost.kind); the
# amounts are indicative, as the rows' notes say.
COST_KINDS = {
    "Industrial land": ParkCost.Kind.LAND,
    "Industrial electricity": ParkCost.Kind.ELECTRICITY,
    "Industrial water": ParkCost.Kind.WATER,
    "Natural gas": ParkCost.Kind.GAS,
}
COST_SOURCE_EN = "Park investment service (indicative)"
COST_SOURCE_ZH = "园区招商服务（参考价格）"
COST_DATE = datetime.date(2026, 10, 15)
# When the office means to check the demo's parks, figures and incentives again: a seeded site
# starts with nothing overdue for review.
REVIEW_BY = datetime.date(2027, 6, 30)
CONFERENCE_EN = "2023 China Bearing (Forging) Industry High-quality Development Conference"
CONFERENCE_ZH = "2023中国轴承（锻造）产业高质量发展大会"
TOTAL_SIGNED_YUAN = Decimal(10_220_000_000)


def _now_to_the_second():
    """Whole seconds, as the admin's time input shows them: saving unchanged changes nothing."""
    return timezone.now().replace(microsecond=0)


def seed(stdout):
    sectors = _sectors()
    parks = _parks(sectors)
    _figures()
    _partners()
    created = _projects(sectors, parks)
    # Open opportunities are not signed projects: the signed ones alone add up to 10.22 billion.
    opportunities = demo_opportunities.seed(sectors, parks)
    incentives = demo_incentives.seed(sectors, parks)
    stdout.write(
        f"Registry: {opportunities} new open opportunities, {incentives} new incentives and "
        "workforce figures."
    )
    stdout.write(f"Registry: {len(sectors)} sectors, {len(parks)} parks, {created} new projects.")


def _sectors():
    sectors = {}
    for order, (slug, name_en, name_zh, description_en, description_zh) in enumerate(SECTORS):
        sectors[slug], _created = Sector.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_zh_hans": name_zh,
                "description_en": description_en,
                "description_zh_hans": description_zh,
                "order": order,
            },
        )
    return sectors


def _parks(sectors):
    parks = {}
    for order, data in enumerate(PARKS):
        data = dict(data)
        costs = data.pop("costs")
        sector_slugs = data.pop("sectors")
        park, created = Park.objects.get_or_create(
            slug=data.pop("slug"),
            defaults={
                **data,
                "order": order,
                "review_by": REVIEW_BY,
                "is_published": True,
                "published_at": _now_to_the_second(),
            },
        )
        parks[park.slug] = park
        if not created:
            continue
        park.sectors.set([sectors[slug] for slug in sector_slugs])
        for row, (label_en, label_zh, amount, unit_en, unit_zh, note_en, note_zh) in enumerate(
            costs
        ):
            ParkCost.objects.create(
                park=park,
                label_en=label_en,
                label_zh_hans=label_zh,
                amount=Decimal(amount),
                unit_en=unit_en,
                unit_zh_hans=unit_zh,
                note_en=note_en,
                note_zh_hans=note_zh,
                kind=COST_KINDS.get(label_en, ""),
                source_en=COST_SOURCE_EN,
                source_zh_hans=COST_SOURCE_ZH,
                as_of=COST_DATE,
                order=row,
            )
        add_drawn_picture(park, "park")
    return parks


def _figures():
    for order, (label_en, label_zh, prefix_en, prefix_zh, value, unit_en, unit_zh) in enumerate(
        FIGURES
    ):
        ClusterFigure.objects.get_or_create(
            label_en=label_en,
            defaults={
                "label_zh_hans": label_zh,
                "prefix_en": prefix_en,
                "prefix_zh_hans": prefix_zh,
                "value": Decimal(value),
                "unit_en": unit_en,
                "unit_zh_hans": unit_zh,
                "source_en": SOURCE_EN,
                "source_zh_hans": SOURCE_ZH,
                "as_of": CONFERENCE_DATE,
                "order": order,
                "review_by": REVIEW_BY,
            },
        )


def _partners():
    for order, (organisation_en, organisation_zh, agreement_en, agreement_zh) in enumerate(
        PARTNERS
    ):
        Partner.objects.get_or_create(
            organisation_en=organisation_en,
            defaults={
                "organisation_zh_hans": organisation_zh,
                "agreement_en": agreement_en,
                "agreement_zh_hans": agreement_zh,
                "signed_on": CONFERENCE_DATE,
                "order": order,
            },
        )


def _projects(sectors, parks):
    total = sum(Decimal(row["yi"]) * 100_000_000 for row in PROJECTS)
    assert total == TOTAL_SIGNED_YUAN, f"the demo projects add up to {total}, not 10.22 billion"
    created_count = 0
    for row in PROJECTS:
        row = dict(row)
        milestones = row.pop("milestones")
        amount = Decimal(row.pop("yi")) * 100_000_000
        name_en, name_zh = row.pop("name_en"), row.pop("name_zh")
        project, created = Project.objects.get_or_create(
            slug=row.pop("slug"),
            defaults={
                "name_en": name_en,
                "name_zh_hans": name_zh,
                "summary_en": row.pop("summary_en"),
                "summary_zh_hans": row.pop("summary_zh"),
                "description_en": row.pop("description_en"),
                "description_zh_hans": row.pop("description_zh"),
                "kind": Project.Kind.SIGNED,
                "sector": sectors[row.pop("sector")],
                "park": parks[row.pop("park")],
                "stage": row.pop("stage"),
                "investment_yuan": amount,
                "investor_en": row.pop("investor_en"),
                "investor_zh_hans": row.pop("investor_zh"),
                "investor_country_en": row.pop("investor_country_en"),
                "investor_country_zh_hans": row.pop("investor_country_zh"),
                "signing_date": CONFERENCE_DATE,
                "signing_event_en": CONFERENCE_EN,
                "signing_event_zh_hans": CONFERENCE_ZH,
                "annual_output_yuan": Decimal(row.pop("output_yi")) * 100_000_000,
                "construction_start": datetime.date.fromisoformat(row.pop("construction_start")),
                "construction_end": datetime.date.fromisoformat(row.pop("construction_end")),
                "jobs": row.pop("jobs"),
                "land_area_ha": Decimal(row.pop("land_ha")),
                "is_featured": row.pop("featured", False),
                "is_published": True,
                "published_at": _now_to_the_second(),
            },
        )
        if not created:
            continue
        created_count += 1
        for date, title_en, title_zh, done in milestones:
            Milestone.objects.create(
                project=project,
                date=datetime.date.fromisoformat(date),
                title_en=title_en,
                title_zh_hans=title_zh,
                is_done=done,
            )
        add_drawn_picture(project, row.pop("picture"))
    return created_count
