import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from projects.models import ClusterFigure, InvestmentBand, Park, Partner, Project, band_q
from tests.factories import make_park, make_project, make_sector

from .helpers import add_image

pytestmark = pytest.mark.django_db


def test_published_hides_drafts_and_scheduled_projects():
    visible = make_project()
    make_project(is_published=False)
    make_project(published_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Project.objects.published()) == [visible]


def test_negative_investment_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(investment_yuan=Decimal(-1))


def test_construction_cannot_end_before_it_starts_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(
            construction_start=datetime.date(2024, 5, 1),
            construction_end=datetime.date(2024, 4, 1),
        )


def test_clean_explains_the_construction_dates_and_signing_date():
    project = Project(
        name_en="X",
        slug="x",
        summary_en="S",
        sector=make_sector(),
        investment_yuan=1,
        construction_start=datetime.date(2024, 5, 1),
        construction_end=datetime.date(2024, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert "construction_end" in error.value.message_dict
    project.construction_end = None
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert "signing_date" in error.value.message_dict


@pytest.mark.parametrize("slug", ["compare", "shortlist", "map", "parks"])
def test_a_slug_that_another_page_answers_is_refused(slug):
    project = Project(name_en="X", slug=slug, summary_en="S", sector=make_sector())
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert error.value.message_dict["slug"] == [
        f"“{slug}” is already the address of another page of the site: /en/projects/{slug}/"
    ]


@pytest.mark.parametrize("slug", ["mapping", "open-data", "compare-rings", "x"])
def test_slugs_near_the_tools_addresses_are_accepted(slug):
    project = Project(
        name_en="X",
        slug=slug,
        summary_en="S",
        sector=make_sector(),
        investment_yuan=1,
        signing_date=datetime.date(2023, 11, 14),
    )
    project.clean()


def test_slugs_are_unique():
    make_project(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(slug="same")


def test_negative_park_area_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_park(available_area_ha=Decimal(-5))


@pytest.mark.parametrize(
    ("amount", "band"),
    [
        (99_999_999, InvestmentBand.UNDER_100M),
        (100_000_000, InvestmentBand.FROM_100M_TO_500M),
        (499_999_999, InvestmentBand.FROM_100M_TO_500M),
        (500_000_000, InvestmentBand.FROM_500M_TO_1B),
        (1_000_000_000, InvestmentBand.OVER_1B),
    ],
)
def test_each_amount_falls_in_exactly_one_band(amount, band):
    project = make_project(investment_yuan=Decimal(amount))
    bands = [b for b in InvestmentBand if Project.objects.filter(band_q(b), pk=project.pk).exists()]
    assert bands == [band]
    # The column the database keeps for the registry overview says the same.
    assert Project.objects.get(pk=project.pk).investment_band == band


def test_the_kept_band_follows_every_change_of_the_amount_saves_and_updates_alike():
    project = make_project(investment_yuan=Decimal("99999999.99"))
    assert Project.objects.get(pk=project.pk).investment_band == InvestmentBand.UNDER_100M
    Project.objects.filter(pk=project.pk).update(investment_yuan=Decimal(2_000_000_000))
    assert Project.objects.get(pk=project.pk).investment_band == InvestmentBand.OVER_1B
    project = Project.objects.get(pk=project.pk)
    project.investment_yuan = Decimal(300_000_000)
    project.save()
    assert Project.objects.get(pk=project.pk).investment_band == InvestmentBand.FROM_100M_TO_500M


def test_contact_falls_back_to_the_park_officer():
    park = make_park(contact_name_en="Li Ming", contact_email="li@example.cn")
    project = make_project(park=park)
    assert project.contact == park
    project.contact_name_en = "Wang Fang"
    project.contact_phone = "+86 635 1"
    assert project.contact == project
    assert make_project().contact is None


def test_headline_counts_only_published_signed_projects():
    make_project(investment_yuan=Decimal(600_000_000))
    make_project(investment_yuan=Decimal(400_000_000))
    make_project(investment_yuan=Decimal(900_000_000), is_published=False)
    make_project(investment_yuan=Decimal(700_000_000), kind=Project.Kind.OPPORTUNITY)
    headline = Project.objects.headline()
    assert headline["count"] == 2
    assert headline["total"] == Decimal(1_000_000_000)


def test_park_cards_count_published_projects_only():
    park = make_park()
    make_project(park=park)
    make_project(park=park, is_published=False)
    assert Park.objects.for_cards().get(pk=park.pk).project_count == 1


def test_park_cards_count_a_scheduled_project_only_once_its_time_has_come():
    park = make_park()
    make_project(park=park, published_at=timezone.now() + datetime.timedelta(hours=1))
    assert Park.objects.for_cards().get(pk=park.pk).project_count == 0


def _figure(**fields):
    return ClusterFigure.objects.create(
        label_en="enterprises", value=6000, source_en="News Office", as_of="2023-11-14", **fields
    )


def _partner(**fields):
    return Partner.objects.create(
        organisation_en="Bearing Association",
        agreement_en="Cooperation",
        signed_on="2023-11-14",
        **fields,
    )


@pytest.mark.parametrize("make", [_figure, _partner])
def test_figures_and_partners_are_published_by_their_flag_alone(make):
    shown = make()
    hidden = make(is_published=False)
    model = type(shown)
    assert list(model.objects.published()) == [shown]
    assert shown.is_visible is True
    assert hidden.is_visible is False
    # Facts kept current have no publication time to wait for.
    assert "published_at" not in {field.name for field in model._meta.fields}


def test_projects_without_a_signing_date_come_last_newest_signing_first():
    undated = make_project(slug="opportunity", kind=Project.Kind.OPPORTUNITY, signing_date=None)
    old = make_project(slug="old", signing_date=datetime.date(2021, 3, 1))
    new_small = make_project(
        slug="new-small", signing_date=datetime.date(2023, 11, 14), investment_yuan=Decimal(1)
    )
    new_large = make_project(
        slug="new-large", signing_date=datetime.date(2023, 11, 14), investment_yuan=Decimal(9)
    )
    assert list(Project.objects.all()) == [new_large, new_small, old, undated]
    # Said to the database, whose own default differs: PostgreSQL puts NULL first when descending.
    assert "NULLS LAST" in str(Project.objects.all().query)


def test_the_cover_is_the_first_image_in_gallery_order():
    project = make_project()
    second = add_image(project, alt="Second")
    first = add_image(project, alt="First")
    first.order, second.order = 0, 1
    first.save()
    second.save()
    assert Project.objects.get(pk=project.pk).cover == first
    assert Project.objects.for_cards().get(pk=project.pk).cover == first
    assert make_park().cover is None


def test_a_record_saved_by_code_without_a_slug_gets_one_from_its_name():
    park = Park.objects.create(name_zh_hans="清水镇产业园", summary_zh_hans="简介。")
    assert park.slug == "qing-shui-zhen-chan-ye-yuan"
    project = make_project(name_en="", name_zh_hans="套圈项目", slug="")
    assert project.slug == "tao-quan-xiang-mu"


def test_a_chinese_only_park_draft_is_valid_and_publishing_it_needs_english():
    park = Park(name_zh_hans="清水镇产业园", summary_zh_hans="简介。", is_published=False)
    park.full_clean()
    park.is_published = True
    with pytest.raises(ValidationError) as refused:
        park.full_clean()
    assert set(refused.value.message_dict) == {"name_en", "summary_en", "__all__"}
