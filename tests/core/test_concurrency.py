"""Two editors save one park: the second save is refused, naming the first editor and what they
changed, and the second editor's input comes back in the form."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from projects.models import Park, ParkCost
from tests.core.test_revisions import change_form_data as form_fields
from tests.factories import make_park

pytestmark = pytest.mark.django_db


def signed_in(username, first_name="", last_name=""):
    user = User.objects.create_user(
        username, password="x", is_staff=True, first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def park():
    park = make_park(tagline_en="Forged in Qingshui")
    ParkCost.objects.create(
        park=park,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=150000,
        unit_en="yuan/mu",
        unit_zh_hans="元/亩",
        order=0,
    )
    return park


def change_form_data(response, browser_line_endings=True):
    """What the browser posts back: the fields, and the edit-start token the page carries."""
    data = form_fields(response, browser_line_endings)
    return data | {"_edit_start": response.context["edit_start"]}


def url_of(park):
    return reverse("admin:projects_park_change", args=[park.pk])


def both_open(park):
    """Li and Wang, signed in, each with the park's form open after a first version exists:
    (li, wang, li's form data, wang's form data)."""
    li = signed_in("editor.li")
    wang = signed_in("editor.wang")
    li.post(url_of(park), change_form_data(li.get(url_of(park))))
    return (
        li,
        wang,
        change_form_data(li.get(url_of(park))),
        change_form_data(wang.get(url_of(park))),
    )


def test_the_form_carries_the_latest_version_as_its_edit_start(park):
    li = signed_in("editor.li")
    assert change_form_data(li.get(url_of(park)))["_edit_start"] == "0"
    li.post(url_of(park), change_form_data(li.get(url_of(park))) | {"tagline_en": "New tagline"})
    latest = Version.objects.get_for_object(park).latest("pk")
    response = li.get(url_of(park))
    assert f'name="_edit_start" value="{latest.pk}"' in response.content.decode()


def test_the_second_save_is_refused_naming_the_first_editor_and_what_they_changed(park):
    li = signed_in("editor.li", "Ming", "Li")
    wang = signed_in("editor.wang")
    li.post(url_of(park), change_form_data(li.get(url_of(park))))  # a first version exists
    li_form = change_form_data(li.get(url_of(park)))
    wang_form = change_form_data(wang.get(url_of(park)))

    saved = li.post(url_of(park), li_form | {"tagline_en": "Bearing capital of China"})
    refused = wang.post(url_of(park), wang_form | {"available_area_ha": "42"})

    assert saved.status_code == 302
    assert refused.status_code == 200
    park.refresh_from_db()
    assert park.tagline_en == "Bearing capital of China"
    assert park.available_area_ha != 42
    conflict = refused.context["edit_conflict"]
    assert conflict.people == ["Ming Li (editor.li)"]
    assert (
        "Tagline (English)",
        "Forged in Qingshui",
        "Bearing capital of China",
    ) in conflict.fields
    content = refused.content.decode()
    assert "Ming Li (editor.li) saved this record at" in content
    assert "Your changes are not saved yet: they are still in the form below." in content
    assert 'name="available_area_ha" value="42"' in content
    assert f'name="_edit_start" value="{conflict.token}"' in content

    # What the first editor changed and the second left alone comes back in the form.
    assert 'name="tagline_en" value="Bearing capital of China"' in content
    assert (
        "Their changes to fields you had left alone are in the form now: Tagline [en]." in content
    )
    shown = refused.context["adminform"].form.data
    resent = {key: shown.getlist(key) for key in shown} | {"_edit_start": conflict.token}
    again = wang.post(url_of(park), resent)
    assert again.status_code == 302, again.context["error_summary"]
    park.refresh_from_db()
    assert (park.tagline_en, park.available_area_ha) == ("Bearing capital of China", 42)
    assert Version.objects.get_for_object(park).count() == 3


def test_a_field_both_changed_keeps_the_second_editors_value_in_the_form(park):
    li, wang, li_form, wang_form = both_open(park)

    li.post(url_of(park), li_form | {"tagline_en": "Li's tagline"})
    refused = wang.post(url_of(park), wang_form | {"tagline_en": "Wang's tagline"})

    assert refused.context["carried_fields"] == ""
    assert 'name="tagline_en" value="Wang&#x27;s tagline"' in refused.content.decode()
    assert ("Tagline (English)", "Forged in Qingshui", "Li's tagline") in refused.context[
        "edit_conflict"
    ].fields


def test_a_change_to_an_inline_row_meanwhile_is_named_with_its_row(park):
    li, wang, li_form, wang_form = both_open(park)

    li.post(url_of(park), li_form | {"costs-0-amount": "0.62"})
    refused = wang.post(url_of(park), wang_form)

    (row, changes) = refused.context["edit_conflict"].inline_rows[0]
    assert row == "Cost “Industrial land”"
    assert ("Amount", "150,000.0000", "0.6200") in changes
    assert ParkCost.objects.get(park=park).amount == Decimal("0.62")


def test_a_row_they_changed_and_this_editor_left_alone_comes_back_with_their_value(park):
    li, wang, li_form, wang_form = both_open(park)

    li.post(url_of(park), li_form | {"costs-0-amount": "0.62"})
    refused = wang.post(url_of(park), wang_form | {"tagline_en": "Wang's tagline"})

    assert refused.status_code == 200
    assert refused.context["carried_fields"] == "Cost 1 “Industrial land”: Amount"
    (cost_formset,) = [
        inline.formset
        for inline in refused.context["inline_admin_formsets"]
        if inline.formset.prefix == "costs"
    ]
    assert cost_formset.forms[0]["amount"].value() == "0.62"
    content = refused.content.decode()
    assert 'name="tagline_en" value="Wang&#x27;s tagline"' in content

    # Saving again keeps both: Li's land price and Wang's tagline.
    resent = {}
    for form in [refused.context["adminform"].form, *cost_formset.forms]:
        resent |= {key: form.data.getlist(key) for key in form.data}
    resent["_edit_start"] = refused.context["edit_conflict"].token
    again = wang.post(url_of(park), resent)
    assert again.status_code == 302, again.context["error_summary"]
    park.refresh_from_db()
    assert park.tagline_en == "Wang's tagline"
    assert ParkCost.objects.get(park=park).amount == Decimal("0.62")


def test_in_chinese_the_carried_row_is_named_in_chinese(park):
    li, wang, li_form, wang_form = both_open(park)
    li.post(url_of(park), li_form | {"costs-0-amount": "0.62"})
    with translation.override("zh-hans"):
        refused = wang.post(url_of(park), wang_form, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert refused.context["carried_fields"] == "成本 1“工业用地”：金额"


def test_a_record_saved_meanwhile_that_had_no_version_names_the_change_from_its_history(park):
    li = signed_in("editor.li")
    wang = signed_in("editor.wang")
    wang_form = change_form_data(wang.get(url_of(park)))
    li.post(url_of(park), change_form_data(li.get(url_of(park))) | {"tagline_en": "New"})

    with translation.override("zh-hans"):
        refused = wang.post(url_of(park), wang_form, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert refused.status_code == 200
    assert refused.context["edit_conflict"].people == ["editor.li"]
    assert refused.context["edit_conflict"].comments


def test_a_bulk_publish_meanwhile_refuses_the_save_too(park):
    li = signed_in("editor.li")
    wang = signed_in("editor.wang")
    Park.objects.filter(pk=park.pk).update(is_published=False)
    wang_form = change_form_data(wang.get(url_of(park)))
    li.post(
        reverse("admin:projects_park_changelist"),
        {"action": "publish", "_selected_action": [park.pk]},
    )

    refused = wang.post(url_of(park), wang_form)

    assert refused.status_code == 200
    assert refused.context["edit_conflict"].people == ["editor.li"]


def test_the_same_editor_saving_twice_in_a_row_is_not_refused(park):
    li = signed_in("editor.li")
    first = li.post(url_of(park), change_form_data(li.get(url_of(park))) | {"tagline_en": "One"})
    second = li.post(url_of(park), change_form_data(li.get(url_of(park))) | {"tagline_en": "Two"})
    assert (first.status_code, second.status_code) == (302, 302)


def test_a_post_without_the_token_is_not_checked(park):
    li = signed_in("editor.li")
    wang = signed_in("editor.wang")
    wang_form = change_form_data(wang.get(url_of(park)))
    wang_form.pop("_edit_start")
    li.post(url_of(park), change_form_data(li.get(url_of(park))) | {"tagline_en": "New"})
    assert wang.post(url_of(park), wang_form).status_code == 302
