"""Projects and park costs to Excel and back: a preview row by row, errors per row in the
editor's language, nothing saved when a row fails, a version for each record imported."""

import datetime
import io
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from portal.core.review.models import PendingChange
from projects.models import ParkCost, Project
from projects.resources import COST_COLUMNS, PROJECT_COLUMNS
from tests.core.test_revisions import staff
from tests.factories import make_park, make_project, make_sector

pytestmark = pytest.mark.django_db

XLSX = "0"  # the first of the admin's formats


@pytest.fixture
def editor(client):
    user = staff("editor.li", group="Content editors")
    client.force_login(user)
    return user


def workbook(headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def read_workbook(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]], rows[0]


def project_row(**values):
    row = {
        "slug": "ring-line",
        "name_en": "Ring forging line",
        "name_zh_hans": "锻环生产线",
        "summary_en": "Forged rings for wind power.",
        "summary_zh_hans": "风电锻环。",
        "kind": "signed",
        "sector": "forging",
        "stage": "signed",
        "investment_yuan": 300000000,
        "signing_date": datetime.date(2023, 11, 14),
    }
    row.update(values)
    return row


def diff_sides(cell):
    """(old, new) of a preview cell, which marks removed text <del> and added text <ins>."""
    old = re.sub(r"<ins[^>]*>.*?</ins>|<[^>]+>", "", cell)
    new = re.sub(r"<del[^>]*>.*?</del>|<[^>]+>", "", cell)
    return old, new


def preview(client, model, content, language="en"):
    url = reverse(f"admin:projects_{model}_import")
    upload = SimpleUploadedFile(
        "list.xlsx",
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return client.post(
        url, {"format": XLSX, "resource": "0", "import_file": upload}, HTTP_ACCEPT_LANGUAGE=language
    )


def confirm(client, model, response):
    form = response.context["confirm_form"]
    return client.post(reverse(f"admin:projects_{model}_process_import"), form.initial)


def test_an_editor_exports_projects_and_imports_the_file_back_unchanged(client, editor):
    sector = make_sector(slug="forging")
    park = make_park(slug="qingshui")
    make_project(slug="ring-line", name_en='=HYPERLINK("x")', sector=sector, park=park)
    response = client.post(
        reverse("admin:projects_project_export"),
        {
            "format": XLSX,
            "resource": "0",
            **{f"projectresource_{c}": "on" for c in PROJECT_COLUMNS},
        },
    )
    assert response.status_code == 200
    rows, headers = read_workbook(response.content)
    assert list(headers) == list(PROJECT_COLUMNS)
    assert rows[0]["slug"] == "ring-line"
    assert rows[0]["sector"] == "forging" and rows[0]["park"] == "qingshui"
    # A text cell is never a formula in the workbook.
    assert rows[0]["name_en"] == '\'=HYPERLINK("x")'

    result = preview(client, "project", response.content).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["skip"]


def test_a_good_import_shows_each_row_then_keeps_a_version_per_record(client, editor):
    make_sector(slug="forging")
    existing = make_project(slug="ring-line", investment_yuan=Decimal(300_000_000))
    content = workbook(
        PROJECT_COLUMNS,
        [
            project_row(
                name_en=existing.name_en,
                name_zh_hans=existing.name_zh_hans,
                summary_en=existing.summary_en,
                summary_zh_hans=existing.summary_zh_hans,
                sector=existing.sector.slug,
                investment_yuan=450000000,
            ),
            project_row(slug="bearing-cages", name_en="Bearing cages", name_zh_hans="轴承保持架"),
        ],
    )
    response = preview(client, "project", content)
    result = response.context["result"]
    assert [row.import_type for row in result.rows] == ["update", "new"]
    page = response.content.decode()
    assert "Bearing cages" in page
    investment = PROJECT_COLUMNS.index("investment_yuan")
    assert diff_sides(result.rows[0].diff[investment]) == ("300000000.00", "450000000.00")
    assert diff_sides(result.rows[1].diff[1]) == ("", "Bearing cages")
    # The preview saved nothing.
    existing.refresh_from_db()
    assert existing.investment_yuan == Decimal(300_000_000)
    assert not Project.objects.filter(slug="bearing-cages").exists()

    assert confirm(client, "project", response).status_code == 302
    existing.refresh_from_db()
    assert existing.investment_yuan == Decimal(450_000_000)
    added = Project.objects.get(slug="bearing-cages")
    assert not added.is_published  # an imported project is a draft
    for project, message in (
        (existing, [{"changed": {"fields": ["Investment (yuan)"]}}]),
        (added, [{"added": {}}]),
    ):
        versions = Version.objects.get_for_object(project)
        assert versions.count() == 1
        assert versions[0].revision.user == editor
        assert json.loads(versions[0].revision.comment) == message
        assert versions[0].field_dict["investment_yuan"] == project.investment_yuan
    history = client.get(reverse("admin:projects_project_history", args=[existing.pk]))
    assert "Changed Investment (yuan)." in history.content.decode()


@pytest.mark.parametrize(
    ("language", "reason", "shown"),
    [
        (
            "en",
            "A signed project needs its signing date.",
            "<strong>Row 3 of the spreadsheet</strong>\n    <ul>\n    \n      "
            "<li>column <code>signing_date</code>: A signed project needs its signing date.</li>",
        ),
        (
            "zh-hans",
            "签约项目必须填写签约日期。",
            "<strong>表格第 3 行</strong>\n    <ul>\n    \n      "
            "<li><code>signing_date</code> 列：签约项目必须填写签约日期。</li>",
        ),
    ],
)
def test_an_import_with_one_bad_row_saves_nothing_and_names_the_row_and_the_reason(
    client, editor, language, reason, shown
):
    make_sector(slug="forging")
    content = workbook(
        PROJECT_COLUMNS,
        [
            project_row(slug="first-line"),
            project_row(slug="second-line", signing_date=None),
            project_row(slug="third-line"),
        ],
    )
    response = preview(client, "project", content, language)
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [2]
    [invalid] = result.invalid_rows
    assert [str(m) for m in invalid.error_dict["signing_date"]] == [reason]
    # Row 2 of the data is row 3 of the sheet, under the column names.
    assert shown in response.content.decode()
    assert not Project.objects.exists()
    assert not Version.objects.exists()


def test_a_confirmed_import_that_fails_after_all_saves_nothing(client, editor):
    """Should the data change between the preview and the confirmation, a row that fails
    then still leaves everything as it was."""
    make_sector(slug="forging")
    good = workbook(PROJECT_COLUMNS, [project_row(slug="first-line"), project_row(slug="other")])
    response = preview(client, "project", good)
    make_project(slug="taken", name_en="Taken")
    bad = workbook(
        PROJECT_COLUMNS, [project_row(slug="first-line"), project_row(slug="other", kind="bad")]
    )
    storage_name = response.context["confirm_form"].initial["import_file_name"]
    # The file the preview kept, as the confirmation will read it.
    (Path(tempfile.gettempdir()) / storage_name).write_bytes(bad)
    answer = client.post(
        reverse("admin:projects_project_process_import"),
        response.context["confirm_form"].initial,
        follow=True,
    )
    assert [str(m) for m in answer.context["messages"]] == [
        "Nothing was imported: a row had an error. Import the file again to see it."
    ]
    assert list(Project.objects.values_list("slug", flat=True)) == ["taken"]


def test_park_costs_are_exported_and_imported_with_a_version_of_the_park(client, editor):
    park = make_park(slug="qingshui")
    cost = ParkCost.objects.create(
        park=park, label_en="Industrial land", amount=Decimal(150_000), unit_en="yuan per mu"
    )
    response = client.post(
        reverse("admin:projects_parkcost_export"),
        {"format": XLSX, "resource": "0", **{f"parkcostresource_{c}": "on" for c in COST_COLUMNS}},
    )
    rows, headers = read_workbook(response.content)
    assert rows == [
        {
            "id": cost.pk,
            "park": "qingshui",
            "label_en": "Industrial land",
            "label_zh_hans": None,
            "amount": 150000,
            "unit_en": "yuan per mu",
            "unit_zh_hans": None,
            "note_en": None,
            "note_zh_hans": None,
            "kind": None,
            "source_en": None,
            "source_zh_hans": None,
            "as_of": None,
            "order": 0,
        }
    ]
    rows[0]["amount"] = "160000"
    rows.append(
        {"park": "qingshui", "label_en": "Electricity", "amount": "0.62", "unit_en": "yuan per kWh"}
    )
    preview_page = preview(client, "parkcost", workbook(headers, rows))
    assert [r.import_type for r in preview_page.context["result"].rows] == ["update", "new"]
    confirm(client, "parkcost", preview_page)
    cost.refresh_from_db()
    assert cost.amount == Decimal(160_000)
    assert park.costs.get(label_en="Electricity").amount == Decimal("0.62")
    [version] = Version.objects.get_for_object(park)
    assert json.loads(version.revision.comment) == [
        {"changed": {"name": "cost", "object": "Industrial land", "fields": ["Amount"]}},
        {"added": {"name": "cost", "object": "Electricity"}},
    ]
    assert len(Version.objects.filter(revision=version.revision)) == 3  # the park, its 2 costs


def test_park_cost_rows_with_an_unknown_park_are_refused_in_chinese(client, editor):
    content = workbook(
        COST_COLUMNS, [{"park": "nowhere", "label_en": "Land", "amount": 1, "unit_en": "mu"}]
    )
    response = preview(client, "parkcost", content, "zh-hans")
    result = response.context["result"]
    assert result.has_validation_errors() or result.has_errors()
    assert not ParkCost.objects.exists()


def test_the_template_is_an_empty_workbook_with_the_columns(client, editor):
    response = client.get(reverse("admin:projects_project_import_template"))
    rows, headers = read_workbook(response.content)
    assert (rows, list(headers)) == ([], list(PROJECT_COLUMNS))
    page = client.get(reverse("admin:projects_project_import")).content.decode()
    assert reverse("admin:projects_project_import_template") in page


def test_officers_may_neither_import_nor_export(client, db):
    client.force_login(staff("officer.wang", group="Enquiry officers"))
    for name in ("project_import", "project_export", "parkcost_import", "project_import_template"):
        assert client.get(reverse(f"admin:projects_{name}")).status_code == 403, name


def test_under_review_only_reviewers_import(client, editor, settings):
    settings.CONTENT_REVIEW_REQUIRED = True
    assert client.get(reverse("admin:projects_project_import")).status_code == 403
    client.force_login(staff("reviewer.zhao", group="Reviewers"))
    assert client.get(reverse("admin:projects_project_import")).status_code == 200
    assert not PendingChange.objects.exists()


@pytest.mark.parametrize(
    ("language", "links"),
    [("en", ("Import", "Export", "Recover deleted projects")), ("zh-hans", ("导入", "导出"))],
)
def test_the_project_list_offers_import_export_and_recovery(client, editor, language, links):
    page = client.get(reverse("admin:projects_project_changelist"), HTTP_ACCEPT_LANGUAGE=language)
    tools = page.content.decode()
    tools = tools[tools.index('<ul class="object-tools">') :]
    tools = tools[: tools.index("</ul>")]
    for link in links:
        assert f">{link}</a>" in tools, link
    assert reverse("admin:projects_project_import") in tools
    assert reverse("admin:projects_project_recoverlist") in tools
