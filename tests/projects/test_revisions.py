"""History, compare, restore and recovery of the registry's records, as a content editor
uses them; and a seeded park saved unchanged records no change."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from projects.models import Park, ParkCost, Project
from tests.core.test_revisions import change_form_data, staff
from tests.factories import make_park, make_project


@pytest.fixture
def editor(client, db):
    user = staff("editor.li", group="Content editors")
    client.force_login(user)
    return user


def _change(client, obj, edit, language="en"):
    """Open `obj`'s change form, apply `edit` to the data a browser would send back, save."""
    url = reverse(f"admin:projects_{obj._meta.model_name}_change", args=[obj.pk])
    data = change_form_data(client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    edit(data)
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def _history(client, obj, language="en"):
    url = reverse(f"admin:projects_{obj._meta.model_name}_history", args=[obj.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def _compare(client, obj, new, old=None, language="en"):
    url = reverse(f"admin:projects_{obj._meta.model_name}_compare", args=[obj.pk])
    query = {"new": new.pk, **({"old": old.pk} if old else {})}
    return client.get(url, query, HTTP_ACCEPT_LANGUAGE=language)


def _restore(client, obj, version):
    url = reverse(f"admin:projects_{obj._meta.model_name}_revision", args=[obj.pk, version.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    data = change_form_data(confirmation)
    response = client.post(url, data)
    assert response.status_code == 302
    return confirmation


def test_an_editor_sees_and_undoes_a_change_of_investment(client, editor):
    project = make_project(investment_yuan=Decimal(300_000_000))
    _change(client, project, lambda data: None)
    _change(client, project, lambda data: data.update(investment_yuan="450000000"))
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(450_000_000)

    versions = list(Version.objects.get_for_object(project).order_by("pk"))
    assert len(versions) == 2
    assert all(version.revision.user == editor for version in versions)
    history = _history(client, project).content.decode()
    assert "editor.li" in history
    assert "Changed Investment (yuan)." in history

    english = _compare(client, project, versions[1]).context
    assert english["fields"] == [("Investment (yuan)", "300,000,000.00", "450,000,000.00")]
    chinese = _compare(client, project, versions[1], language="zh-hans")
    # Chinese numbers keep Django's format for the language: no thousands separator.
    assert chinese.context["fields"] == [("投资额（元）", "300000000.00", "450000000.00")]
    page = chinese.content.decode()
    assert "投资额（元）" in page and "300000000.00" in page and "450000000.00" in page

    confirmation = _restore(client, project, versions[0])
    assert confirmation.context["adminform"].form.initial["investment_yuan"] == Decimal(300_000_000)
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(300_000_000)

    restored = Version.objects.get_for_object(project).order_by("-pk").first()
    assert restored.pk > versions[1].pk
    assert restored.revision.user == editor
    assert restored.field_dict["investment_yuan"] == Decimal(300_000_000)
    undo = _compare(client, project, restored).context["fields"]
    assert undo == [("Investment (yuan)", "450,000,000.00", "300,000,000.00")]


def test_a_parks_cost_row_is_compared_and_restored(client, editor):
    park = make_park()
    cost = ParkCost.objects.create(
        park=park,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=150_000,
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
    )
    _change(client, park, lambda data: None)
    _change(client, park, lambda data: data.update({"costs-0-amount": "0.62"}))
    cost.refresh_from_db()
    assert cost.amount == Decimal("0.62")

    before, after = Version.objects.get_for_object(park).order_by("pk")
    rows = _compare(client, park, after).context["inline_rows"]
    assert rows == [("Cost “Industrial land”", [("Amount", "150,000.0000", "0.6200")])]
    chinese = _compare(client, park, after, language="zh-hans")
    assert chinese.context["inline_rows"] == [
        ("成本“工业用地”", [("金额", "150000.0000", "0.6200")])
    ]

    _restore(client, park, before)
    cost.refresh_from_db()
    assert cost.amount == Decimal("150000")
    latest = Version.objects.get_for_object(park).order_by("-pk").first()
    assert latest.pk > after.pk
    restored = _compare(client, park, latest).context["inline_rows"]
    assert restored == [("Cost “Industrial land”", [("Amount", "0.6200", "150,000.0000")])]


def test_any_two_versions_can_be_compared(client, editor):
    project = make_project(jobs=100)
    for jobs in ("100", "200", "300"):
        _change(client, project, lambda data, jobs=jobs: data.update(jobs=jobs))
    first, _second, third = Version.objects.get_for_object(project).order_by("pk")
    fields = _compare(client, project, first, old=third).context["fields"]
    assert fields == [("Expected jobs", "100", "300")]
    assert _compare(client, project, first).context["old"] is None
    url = reverse("admin:projects_project_compare", args=[project.pk])
    assert client.get(url, {"new": "nine"}).status_code == 404
    assert client.get(url, {"new": 10**9}).status_code == 404


def test_a_bulk_publish_is_in_each_records_history_and_the_log(client, db):
    administrator = staff("admin.zhang", group="Administrators")
    client.force_login(administrator)
    drafts = [make_project(is_published=False) for _ in range(3)]
    response = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )
    assert response.status_code == 302
    for project in drafts:
        (version,) = Version.objects.get_for_object(project)
        assert version.field_dict["is_published"] is True
        assert version.revision.user == administrator
        assert version.revision.get_comment() == "Changed Published and Publication time."
        assert (
            "Changed Published and Publication time." in _history(client, project).content.decode()
        )
        entry = LogEntry.objects.get(object_id=str(project.pk))
        assert json.loads(entry.change_message)[0]["changed"]["fields"] == [
            "Published",
            "Publication time",
        ]
    # One revision each: restoring one record never brings back the others.
    assert len({v.revision_id for v in Version.objects.all()}) == 3

    log = client.get(reverse("admin:reversion_version_changelist"))
    assert {v.object_repr for v in log.context["cl"].result_list} == {str(p) for p in drafts}
    chinese = client.get(
        reverse("admin:reversion_version_changelist"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "已发布" in chinese.content.decode()


def test_a_deleted_project_is_recovered_with_its_milestones(client, editor):
    project = make_project(investment_yuan=Decimal(680_000_000))
    project.milestones.create(date="2024-03-01", title_en="Groundbreaking", title_zh_hans="开工")
    pk = project.pk
    delete_url = reverse("admin:projects_project_delete", args=[pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Project.objects.filter(pk=pk).exists()

    recover_list = client.get(reverse("admin:projects_project_recoverlist"))
    (deleted,) = recover_list.context["deleted"]
    assert deleted.object_repr == str(project)
    recover_url = reverse("admin:projects_project_recover", args=[deleted.pk])
    data = change_form_data(client.get(recover_url))
    assert client.post(recover_url, data).status_code == 302

    recovered = Project.objects.get(pk=pk)
    assert recovered.investment_yuan == Decimal(680_000_000)
    assert [m.title_en for m in recovered.milestones.all()] == ["Groundbreaking"]
    assert Version.objects.get_for_object(recovered).count() == 2


def test_an_officer_cannot_open_any_content_history(client, db):
    client.force_login(staff("officer.wang", group="Enquiry officers"))
    project, park = make_project(), make_park()
    _change_as = [
        reverse("admin:projects_project_history", args=[project.pk]),
        reverse("admin:projects_park_history", args=[park.pk]),
        reverse("admin:projects_project_compare", args=[project.pk]) + "?new=1",
        reverse("admin:projects_project_recoverlist"),
        reverse("admin:reversion_version_changelist"),
    ]
    for url in _change_as:
        assert client.get(url).status_code == 403, url


def test_an_editor_sees_history_but_not_the_site_log(client, editor):
    project = make_project()
    assert _history(client, project).status_code == 200
    assert client.get(reverse("admin:reversion_version_changelist")).status_code == 403


def test_saving_a_seeded_park_unchanged_records_no_change(client, editor):
    call_command("seed_demo", stdout=StringIO())
    park = Park.objects.order_by("pk").first()
    before = {f.attname: getattr(park, f.attname) for f in Park._meta.concrete_fields}
    _change(client, park, lambda data: None)
    _change(client, park, lambda data: None)

    first, second = Version.objects.get_for_object(park).order_by("pk")
    entries = LogEntry.objects.filter(object_id=str(park.pk))
    assert [entry.get_change_message() for entry in entries] == ["No fields changed."] * 2
    assert second.revision.get_comment() == first.revision.get_comment() == "No fields changed."
    unchanged = {k: v for k, v in second.field_dict.items() if k != "updated_at"}
    assert unchanged == {k: v for k, v in first.field_dict.items() if k != "updated_at"}
    park.refresh_from_db()
    after = {f.attname: getattr(park, f.attname) for f in Park._meta.concrete_fields}
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
