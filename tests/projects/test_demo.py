import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from portal.core.renditions import rendition_names
from projects.models import (
    ClusterFigure,
    Milestone,
    Park,
    ParkImage,
    Partner,
    Project,
    ProjectImage,
    Sector,
)

pytestmark = pytest.mark.django_db


def snapshot():
    counts = {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("projects").get_models()
    }
    media = Path(settings.MEDIA_ROOT)
    files = sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())
    return counts, files


def test_seed_twice_changes_nothing():
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()
    updated = dict(Project.objects.values_list("slug", "updated_at"))
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first
    assert dict(Project.objects.values_list("slug", "updated_at")) == updated
    counts, files = first
    # the fifteen signed projects and five open opportunities
    assert counts["Project"] == 20
    assert counts["Park"] == 2
    registry_files = [f for f in files if f.startswith(("projects/", "parks/"))]
    assert len([f for f in registry_files if "/renditions/" not in f]) == 17
    # each original's renditions: three widths, as WebP and JPEG
    assert len([f for f in registry_files if "/renditions/" in f]) == 17 * 6


def test_fifteen_signed_projects_at_the_conference_worth_10_22_billion(demo):
    projects = Project.objects.published().signed()
    assert projects.count() == 15
    assert {p.signing_date for p in projects} == {datetime.date(2023, 11, 14)}
    assert sum(p.investment_yuan for p in projects) == Decimal(10_220_000_000)
    assert projects.filter(kind=Project.Kind.SIGNED).count() == 15
    assert len({p.sector_id for p in projects}) >= 5
    assert len({p.stage for p in projects}) == 5
    assert projects.filter(is_featured=True).exists()
    assert Milestone.objects.filter(project__in=projects).values("project").distinct().count() == 15


def test_sample_records_say_they_are_illustrative_in_both_languages(demo):
    for project in Project.objects.signed():
        assert "Illustrative sample" in project.summary_en
        assert "示例" in project.summary_zh_hans
        assert project.name_zh_hans and project.description_zh_hans
    for park in Park.objects.all():
        assert "illustrative" in park.summary_en
        assert "示例" in park.summary_zh_hans
        assert park.costs.count() >= 4
        assert 36 < park.latitude < 37 and 115 < park.longitude < 116


def test_real_figures_and_partners_with_their_source(demo):
    figures = {f.label_en: f for f in ClusterFigure.objects.all()}
    assert figures["Bearing processing enterprises"].value == 528
    assert figures["Machine tools"].value == 11000
    assert figures["Yearly output value"].value == 8_000_000_000
    assert {f.source_zh_hans for f in figures.values()} == {"冠县人民政府新闻办公室"}
    assert {f.as_of for f in figures.values()} == {datetime.date(2023, 11, 14)}
    partners = Partner.objects.order_by("order")
    assert [p.organisation_zh_hans for p in partners] == [
        "中国轴承工业协会",
        "中国锻压协会",
        "洛阳轴承研究所有限公司",
    ]
    assert {p.signed_on for p in partners} == {datetime.date(2023, 11, 14)}


def test_demo_images_are_real_images_with_sizes(demo):
    for image in ProjectImage.objects.all():
        assert (image.width, image.height) == (1200, 800)
        assert image.image.storage.exists(image.image.name)
        assert image.alt_text_en and image.alt_text_zh_hans
    images = [*ProjectImage.objects.all(), *ParkImage.objects.all()]
    assert len(images) == 17
    for image in images:
        # 1200 pixels wide: 480 and 960 and its own width, each as WebP and JPEG
        names = rendition_names(image.image.name, image.width)
        assert len(names) == 6
        assert all(image.image.storage.exists(name) for name in names), names
    assert Sector.objects.count() == 7


def test_demo_timelines_follow_the_stage(demo):
    for project in Project.objects.signed().prefetch_related("milestones"):
        milestones = list(project.milestones.all())
        done = [m.is_done for m in milestones]
        assert done == sorted(done, reverse=True), project.slug
        expected_done = 1 + list(Project.Stage.values).index(project.stage)
        assert sum(done) == expected_done, project.slug
