"""Builders for enquiry tests: a valid submission whose form token is old enough."""

import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import signing
from django.core.management import call_command
from django.test import RequestFactory

from portal.enquiries import abuse


def form_token(age_seconds=60, address="127.0.0.1", **get):
    """A token as the form page hands it out, to the test client's address unless told."""
    request = RequestFactory().get("/en/enquire/", get, REMOTE_ADDR=address)
    return abuse.make_form_token(request, issued_at=time.time() - age_seconds)


def enquiry_data(**overrides):
    data = {
        "name": "Anna Schmidt",
        "organisation": "Schmidt Wälzlager GmbH",
        "email": "anna@example.de",
        "phone": "+49 30 1234567",
        "country": "Germany",
        "investor_type": "company",
        "investment_band": "100m-500m",
        "message": "We would like to know the land price and the power supply of the park.",
        "language": "en",
        "consent": "on",
        "website": "",
        "token": form_token(),
    }
    data.update(overrides)
    return data


def reference_from(response):
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    return signing.loads(token, salt="enquiries.thanks")


def send_due_mail(**options):
    """What the mail worker does on its next round."""
    call_command("send_enquiry_notifications", **options)


@pytest.fixture
def staff_in_group(db):
    def make(group_name, username):
        user = User.objects.create_user(username, f"{username}@example.cn", "pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
