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
    # a picture for each of the twenty and for each park
    assert len([f for f in registry_files if "/renditions/" not in f]) == 22
    # each original's renditions: three widths, as WebP and JPEG
    assert len([f for f in registry_files if "/renditions/" in f]) == 22 * 6


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


def test_records_carry_no_sample_label_the_site_wide_notice_does_that(demo):
    texts = []
    for project in Project.objects.signed():
        assert project.name_zh_hans and project.description_zh_hans
        texts += [project.summary_en, project.summary_zh_hans, project.description_en]
        texts += [project.description_zh_hans, project.investor_en, project.investor_zh_hans]
    for park in Park.objects.all():
        texts += [park.summary_en, park.summary_zh_hans, park.body_en, park.body_zh_hans]
        texts += [park.contact_name_en, park.contact_name_zh_hans]
        texts += [cost.note_en for cost in park.costs.all()]
        texts += [cost.note_zh_hans for cost in park.costs.all()]
        assert park.costs.count() >= 4
        assert 36 < park.latitude < 37 and 115 < park.longitude < 116
    for text in texts:
        assert "sample" not in text.lower() and "illustrative" not in text.lower(), text
        assert "示例" not in text, text
        # Stored as the admin stores it: saving a seeded record unchanged changes nothing.
        assert "\r" not in text and text == text.strip(), text


def test_investors_are_fictional_firms_from_many_countries(demo):
    projects = list(Project.objects.signed())
    investors = {p.investor_en for p in projects}
    assert len(investors) == 15
    assert not any(name.startswith("Sample") for name in investors)
    countries = {p.investor_country_en for p in projects}
    assert len(countries) >= 10
    assert "China" in countries and "Germany" in countries
    assert len({p.investor_country_zh_hans for p in projects}) == len(countries)
    assert sum(p.investor_country_en != "China" for p in projects) >= 10


def test_outputs_and_timelines_vary_by_project(demo):
    projects = list(Project.objects.signed().prefetch_related("milestones"))
    ratios = {p.annual_output_yuan / p.investment_yuan for p in projects}
    assert Decimal("1.5") not in ratios
    assert len(ratios) >= 12
    demo_today = datetime.date(2026, 12, 1)
    trial_dates = set()
    for project in projects:
        milestones = list(project.milestones.all())
        dates = [m.date for m in milestones]
        assert dates == sorted(dates), project.slug
        assert all(m.date < demo_today for m in milestones if m.is_done), project.slug
        assert all(m.date > demo_today for m in milestones if not m.is_done), project.slug
        by_title = {m.title_en: m.date for m in milestones}
        assert project.construction_start == by_title["Construction starts"]
        assert project.construction_end == by_title["Trial production"]
        trial_dates.add(by_title["Trial production"])
    assert len(trial_dates) == 15


def test_parks_hold_the_land_their_projects_take(demo):
    for park in Park.objects.all():
        taken = sum(p.land_area_ha for p in park.projects.signed())
        assert taken <= park.developed_area_ha <= park.planned_area_ha, park.slug
        assert park.available_area_ha <= park.planned_area_ha - taken, park.slug


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
        assert image.alt_text_en.startswith("Drawing: ")
        assert image.alt_text_zh_hans.startswith("绘图：")
        # small files: drawn shapes, no noise
        assert image.image.size < 80_000, image.image.name
    images = [*ProjectImage.objects.all(), *ParkImage.objects.all()]
    # 15 signed projects, 5 open opportunities, 2 parks
    assert len(images) == 22
    for image in images:
        # 1200 pixels wide: 480 and 960 and its own width, each as WebP and JPEG
        names = rendition_names(image.image.name, image.width)
        assert len(names) == 6
        assert all(image.image.storage.exists(name) for name in names), names
    assert Sector.objects.count() == 7


def test_demo_pictures_vary_by_record_and_show_the_trade(demo):
    images = list(ProjectImage.objects.select_related("project"))
    contents = {image.image.read() for image in images}
    assert len(contents) == 20, "every project and opportunity has its own picture"
    opportunities = Project.objects.filter(kind=Project.Kind.OPPORTUNITY)
    assert opportunities.count() == 5
    assert all(o.cover is not None for o in opportunities.prefetch_related("images"))
    subjects = {image.alt_text_en.split(",")[0] for image in images}
    assert len({image.alt_text_en for image in images}) >= 8
    assert len(subjects) >= 6
    by_slug = {image.project.slug: image for image in images}
    assert "forging press" in by_slug["intelligent-forging-centre"].alt_text_en
    assert "锻压机" in by_slug["intelligent-forging-centre"].alt_text_zh_hans
    assert "furnace" in by_slug["shared-heat-treatment"].alt_text_en
    assert "rollers" in by_slug["tapered-rollers"].alt_text_en
    assert "from above" in by_slug["serviced-plot-qingshui-east"].alt_text_en
    assert "forging press" in by_slug["forging-die-joint-venture"].alt_text_en
    for image in ParkImage.objects.all():
        # The park's picture is the aerial view its alt text describes.
        assert image.alt_text_en.startswith("Drawing: an industrial park seen from above")
        assert image.alt_text_zh_hans.startswith("绘图：俯瞰产业园")
        assert image.caption_en == "A drawing, not a photograph."


def test_pictures_are_drawn_without_text_and_the_same_seed_draws_the_same(monkeypatch):
    from PIL import ImageDraw

    from projects.demo_images import SUBJECTS
    from projects.demo_images import drawn_picture as drawn

    # The real drawing, not the suite's memo of it (tests/conftest.py).
    drawn_picture = drawn.__wrapped__

    def no_text(*args, **kwargs):
        raise AssertionError("text drawn into a picture")

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", no_text)
    monkeypatch.setattr(ImageDraw.ImageDraw, "multiline_text", no_text)
    for subject in SUBJECTS:
        first, again = drawn_picture("seed", subject), drawn_picture("seed", subject)
        other = drawn_picture("another seed", subject)
        assert first.file.read() == again.file.read()
        assert first.alt_en == again.alt_en and first.alt_zh == again.alt_zh
        assert other.file.read() != drawn_picture("seed", subject).file.read()
        assert first.alt_en.startswith("Drawing: ") and first.alt_zh.startswith("绘图：")


def test_demo_timelines_follow_the_stage(demo):
    for project in Project.objects.signed().prefetch_related("milestones"):
        milestones = list(project.milestones.all())
        done = [m.is_done for m in milestones]
        assert done == sorted(done, reverse=True), project.slug
        expected_done = 1 + list(Project.Stage.values).index(project.stage)
        assert sum(done) == expected_done, project.slug


def test_a_seeded_site_has_nothing_overdue_for_review(db):
    from io import StringIO

    from django.core.management import call_command

    from portal.core.models import review_overdue_q
    from projects.models import ClusterFigure, Incentive, Park

    call_command("seed_demo", stdout=StringIO())
    for model in (Park, ClusterFigure, Incentive):
        assert model.objects.exists()
        assert not model.objects.filter(review_overdue_q()).exists(), model
