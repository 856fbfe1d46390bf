"""What the "Administrators" group may not do, and what "view on site" gives away.

A member of Administrators who is not a superuser runs the site, but cannot take over a
superuser's account or anyone's second factor; "view on site" names a draft's address only to
staff who may preview that draft.
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_project

pytestmark = pytest.mark.django_db

PASSWORD = "bearing-forged-in-qingshui"


def staff_in(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.cn", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def chief():
    return User.objects.create_superuser("chief-7c1e", "chief@example.cn", PASSWORD)


@pytest.fixture
def boss(client):
    user = staff_in("Administrators", "boss")
    client.force_login(user)
    return user


@pytest.fixture
def clerk():
    return staff_in("Content editors", "clerk")


def user_form(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "groups": [group.pk for group in user.groups.all()],
    }
    return {**data, **changes}


# --- accounts ------------------------------------------------------------------------------------


def test_administrators_still_manage_other_staff(client, boss, clerk):
    change = reverse("admin:auth_user_change", args=[clerk.pk])
    assert client.get(change).status_code == 200
    password = reverse("admin:auth_user_password_change", args=[clerk.pk])
    response = client.post(
        password, {"password1": "a-new-long-password-1", "password2": "a-new-long-password-1"}
    )
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.check_password("a-new-long-password-1")


def test_a_superusers_password_is_out_of_reach(client, boss, chief):
    url = reverse("admin:auth_user_password_change", args=[chief.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"password1": "taken-over-123", "password2": "taken-over-123"})
    assert response.status_code == 403
    chief.refresh_from_db()
    assert chief.check_password(PASSWORD)


def test_a_superuser_is_shown_but_cannot_be_changed(client, boss, chief):
    url = reverse("admin:auth_user_change", args=[chief.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = client.post(url, user_form(chief, is_staff="", email="boss@example.cn"))
    assert response.status_code == 403
    chief.refresh_from_db()
    assert chief.is_staff and chief.is_superuser and chief.email == "chief@example.cn"
    assert not chief.groups.exists()


def test_a_superuser_cannot_be_deleted(client, boss, chief, clerk):
    assert client.post(reverse("admin:auth_user_delete", args=[chief.pk])).status_code == 403
    changelist = reverse("admin:auth_user_changelist")
    client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [chief.pk, clerk.pk], "post": "yes"},
    )
    assert User.objects.filter(pk__in=[chief.pk, clerk.pk]).count() == 2


def test_nobody_is_made_a_superuser_by_an_administrator(client, boss, clerk):
    for user in (clerk, boss):
        url = reverse("admin:auth_user_change", args=[user.pk])
        assert 'name="is_superuser"' not in client.get(url).content.decode()
        response = client.post(url, user_form(user, is_superuser="on"))
        assert response.status_code == 302
        user.refresh_from_db()
        assert not user.is_superuser


def test_a_superuser_manages_every_account(client, chief):
    other = User.objects.create_superuser("deputy-2b9d", "deputy@example.cn", PASSWORD)
    client.force_login(chief)
    url = reverse("admin:auth_user_password_change", args=[other.pk])
    response = client.post(
        url, {"password1": "a-new-long-password-1", "password2": "a-new-long-password-1"}
    )
    assert response.status_code == 302
    page = client.get(reverse("admin:auth_user_change", args=[other.pk])).content.decode()
    assert 'name="is_superuser"' in page


# --- second-factor devices -------------------------------------------------------------------


def device_form(user, name="phone"):
    return {
        "user": user.pk,
        "name": name,
        "confirmed": "on",
        "key": "3132333435363738393031323334353637383930",
        "step": 30,
        "t0": 0,
        "digits": 6,
        "tolerance": 1,
        "drift": 0,
        "throttling_failure_count": 0,
    }


@pytest.fixture
def chiefs_device(chief):
    return TOTPDevice.objects.create(user=chief, name="chief's phone", confirmed=True)


def test_others_devices_are_neither_listed_nor_shown(client, boss, chiefs_device):
    own = TOTPDevice.objects.create(user=boss, name="boss's phone", confirmed=True)
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "boss&#x27;s phone" in listing
    assert "chief&#x27;s phone" not in listing
    change = client.get(reverse("admin:otp_totp_totpdevice_change", args=[chiefs_device.pk]))
    assert change.status_code == 302  # "does not exist": the admin's answer for a hidden row
    for name in ("otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"):
        assert client.get(reverse(f"admin:{name}", args=[chiefs_device.pk])).status_code == 403
    assert client.get(reverse("admin:otp_totp_totpdevice_config", args=[own.pk])).status_code == 200


def test_no_device_is_added_to_someone_elses_account(client, boss, chief, clerk):
    url = reverse("admin:otp_totp_totpdevice_add")
    for user in (chief, clerk):
        response = client.post(url, device_form(user, name="planted"))
        assert response.status_code == 200
        assert "user" in response.context["adminform"].form.errors
    assert not TOTPDevice.objects.filter(name="planted").exists()
    assert client.post(url, device_form(boss)).status_code == 302
    assert TOTPDevice.objects.get(name="phone").user == boss


def test_others_devices_cannot_be_changed_or_deleted(client, boss, chiefs_device):
    url = reverse("admin:otp_totp_totpdevice_change", args=[chiefs_device.pk])
    client.post(url, device_form(boss, name="moved"))
    client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[chiefs_device.pk]), {"post": "yes"}
    )
    client.post(
        reverse("admin:otp_totp_totpdevice_changelist"),
        {"action": "delete_selected", "_selected_action": [chiefs_device.pk], "post": "yes"},
    )
    chiefs_device.refresh_from_db()
    assert chiefs_device.name == "chief's phone" and chiefs_device.user.username == "chief-7c1e"


def test_a_superuser_manages_everyones_devices(client, chief, boss):
    device = TOTPDevice.objects.create(user=boss, name="boss's phone", confirmed=True)
    client.force_login(chief)
    assert (
        client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 200
    )
    assert (
        client.post(
            reverse("admin:otp_totp_totpdevice_add"), device_form(boss, "spare")
        ).status_code
        == 302
    )


# --- "view on site" ------------------------------------------------------------------------------


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.fixture
def draft():
    return make_project(slug="secret-ring-works", is_published=False)


def test_a_drafts_address_goes_to_staff_who_may_preview_it(client, draft, clerk):
    client.force_login(clerk)
    response = client.get(view_on_site(draft))
    assert response.status_code == 302
    assert "secret-ring-works" in response["Location"]


@pytest.mark.parametrize("permission", [None, "view_project"])
def test_a_drafts_address_is_hidden_from_other_staff(client, draft, permission):
    officer = staff_in("Enquiry officers", "officer")
    if permission:
        officer.user_permissions.add(Permission.objects.get(codename=permission))
    client.force_login(officer)
    response = client.get(view_on_site(draft))
    assert response.status_code == 404
    assert "secret-ring-works" not in response.content.decode()
    assert "Location" not in response


def test_a_published_address_goes_to_any_staff(client):
    project = make_project(slug="ring-works")
    client.force_login(staff_in("Enquiry officers", "officer"))
    response = client.get(view_on_site(project))
    assert response.status_code == 302
    assert "ring-works" in response["Location"]


def test_a_record_without_a_status_needs_the_view_permission(client, clerk):
    from tests.factories import make_category

    category = make_category(slug="forging-news")
    client.force_login(staff_in("Enquiry officers", "officer"))
    assert client.get(view_on_site(category)).status_code == 404
    client.force_login(clerk)
    assert client.get(view_on_site(category)).status_code == 302


@pytest.mark.parametrize("args", [(999999, 1), ("x", 1), (None, "nope")])
def test_unknown_objects_are_404(client, clerk, draft, args):
    content_type_id, object_id = args
    if content_type_id is None:
        content_type_id = ContentType.objects.get_for_model(draft).pk
    client.force_login(clerk)
    url = reverse("admin:view_on_site", args=[content_type_id, object_id])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, draft):
    response = client.get(view_on_site(draft))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
