"""The kernel's revision pieces: normalised text, labels and values of the compare page, the
site-wide log and who may open it."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.forms import CheckboxInput, FileInput, MultiWidget
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from portal.core import revisions
from portal.enquiries.models import PrivacyNotice
from projects.models import Milestone, Park, ParkCost, Project
from tests.factories import make_park, make_project


def change_form_data(response, browser_line_endings=True):
    """What a browser posts back from a rendered admin change form, untouched: every field
    and inline row as shown (text areas with `\\r\\n`), plus the formsets' management data."""
    context = response.context
    data = _form_fields(context["adminform"].form, browser_line_endings)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name, value in management.initial.items():
            data[management.add_prefix(name)] = value
        for form in formset.forms:
            data.update(_form_fields(form, browser_line_endings))
    return data


def _form_fields(form, browser_line_endings):
    data = {}
    for bound in form:
        widget = bound.field.widget
        while hasattr(widget, "widget"):  # the admin's related-field wrapper
            widget = widget.widget
        if isinstance(widget, FileInput) or bound.field.disabled:
            continue
        shown = [(bound.html_name, bound.value())]
        if bound.field.show_hidden_initial:  # a field with a callable default, such as now
            shown.append((bound.html_initial_name, bound.initial))
        for name, value in shown:
            data.update(_widget_data(widget, name, value, browser_line_endings))
    return data


def _widget_data(widget, name, value, browser_line_endings):
    data = {}
    rendered = widget.get_context(name, value, {})["widget"]
    parts = rendered["subwidgets"] if isinstance(widget, MultiWidget) else [rendered]
    for part in parts:
        if isinstance(widget, CheckboxInput):
            if part["attrs"].get("checked"):
                data[part["name"]] = "on"
            continue
        value = part["value"]
        if isinstance(value, list | tuple):
            data[part["name"]] = [str(item) for item in value if item not in (None, "")]
        else:
            text = "" if value is None else str(value)
            data[part["name"]] = text.replace("\n", "\r\n") if browser_line_endings else text
    return data


def staff(name, group=None, **extra):
    user = User.objects.create_user(name, password="x", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  line one\r\nline two\r\n\r\n", "line one\nline two"),
        ("old mac\rline", "old mac\nline"),
        ("", ""),
        (None, None),
    ],
)
def test_text_is_normalised_once(raw, stored):
    assert revisions.normalise_text(raw) == stored


@pytest.mark.django_db
def test_every_text_column_is_stored_with_newline_endings_in_both_languages():
    park = make_park(
        summary_en="  Summary\r\nin two lines ",
        summary_zh_hans="摘要\r\n两行\r\n",
    )
    cost = ParkCost.objects.create(
        park=park, label_en=" Land\r\n", label_zh_hans=" 土地 ", amount=1, unit_en="yuan"
    )
    park.refresh_from_db()
    cost.refresh_from_db()
    assert park.summary_en == "  Summary\nin two lines "
    assert park.summary_zh_hans == "摘要\n两行\n"
    assert (cost.label_en, cost.label_zh_hans) == (" Land\n", " 土地 ")
    project = make_project()
    milestone = Milestone.objects.create(
        project=project,
        date=datetime.date(2024, 3, 1),
        title_en="Hall\r\nroofed",
        title_zh_hans="封顶\r",
    )
    milestone.refresh_from_db()
    assert (milestone.title_en, milestone.title_zh_hans) == ("Hall\nroofed", "封顶\n")


@pytest.mark.django_db
def test_the_privacy_notice_keeps_versions_and_compares_them(client):
    notice = PrivacyNotice.objects.create(
        version="2027-01", title_en="Privacy", body_en="We keep your enquiry for two years."
    )
    client.force_login(staff("officer.wang", group="Enquiry officers"))
    url = reverse("admin:enquiries_privacynotice_change", args=[notice.pk])
    data = change_form_data(client.get(url))
    data["body_en"] = "We keep your enquiry for three years."
    assert client.post(url, data).status_code == 302
    [version] = Version.objects.get_for_object(notice)
    compare = client.get(
        reverse("admin:enquiries_privacynotice_compare", args=[notice.pk]), {"new": version.pk}
    )
    assert ("Text (English)", "–", "We keep your enquiry for three years.") in compare.context[
        "fields"
    ]


@pytest.mark.django_db
def test_labels_name_the_field_and_its_language_in_the_readers_language():
    field = Project._meta.get_field("investor_zh_hans")
    with translation.override("zh-hans"):
        label = revisions.field_label(field)
    assert label == "投资方或推介方（简体中文）"
    with translation.override("en"):
        assert revisions.field_label(field) == "Investor or promoter (Simplified Chinese)"
        assert revisions.field_label(Project._meta.get_field("jobs")) == "Expected jobs"


@pytest.mark.django_db
def test_values_are_shown_as_people_read_them():
    project = make_project()
    field = Project._meta.get_field
    with translation.override("en"):
        assert revisions.display_value(field("is_featured"), True) == "Yes"
        assert revisions.display_value(field("stage"), "signed") == "Signed"
        assert revisions.display_value(field("sector"), project.sector_id) == str(project.sector)
        assert revisions.display_value(field("summary_en"), "") == "–"
        assert revisions.display_value(field("jobs"), 1200) == "1,200"
        assert revisions.display_value(field("investment_yuan"), Decimal("5.00")) == "5.00"
        assert revisions.display_value(field("signing_date"), datetime.date(2023, 11, 14)) == (
            "14 November 2023"
        )


@pytest.mark.django_db
def test_the_site_log_is_read_only_and_for_administrators(client):
    admin_user = staff("admin.zhang", group="Administrators")
    editor = staff("editor.li", group="Content editors")
    officer = staff("officer.wang", group="Enquiry officers")
    url = reverse("admin:reversion_version_changelist")

    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:reversion_version_add")).status_code == 403

    for user in (editor, officer):
        client.force_login(user)
        assert client.get(url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [3, 30])
def test_the_site_log_makes_the_same_queries_for_3_or_30_changes(
    client, django_assert_num_queries, rows
):
    superuser = User.objects.create_superuser("root", password="x")
    client.force_login(superuser)
    park = make_park(is_published=True)
    changelist = reverse("admin:projects_park_changelist")
    for number in range(rows):
        client.post(
            changelist,
            {"action": "unpublish" if number % 2 == 0 else "publish", "_selected_action": park.pk},
        )
    assert Version.objects.count() == rows
    url = reverse("admin:reversion_version_changelist")
    # Session, user, the filters' users and models, two counts, the sidebar's two singleton
    # pages, the page of rows with their revisions, users and models, and the date hierarchy.
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("?new=") == rows


@pytest.mark.django_db
def test_the_site_log_filters_by_user_and_model(client):
    superuser = User.objects.create_superuser("root", password="x")
    client.force_login(superuser)
    park, project = make_park(is_published=False), make_project(is_published=False)
    client.post(
        reverse("admin:projects_park_changelist"),
        {"action": "publish", "_selected_action": park.pk},
    )
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish", "_selected_action": project.pk},
    )
    url = reverse("admin:reversion_version_changelist")
    park_type = Version.objects.get_for_model(Park).first().content_type_id
    rows = client.get(url, {"content_type__id__exact": park_type}).context["cl"].result_list
    assert [version.object_repr for version in rows] == [str(park)]
    rows = client.get(url, {"revision__user__id__exact": superuser.pk}).context["cl"].result_list
    assert len(rows) == 2
