"""The investor's acknowledgement: our words and our data only, never the sender's text."""

import pytest
from django.core import mail
from django.utils import timezone

from portal.enquiries.models import Enquiry
from tests.factories import make_park, make_project

from .conftest import enquiry_data, send_due_mail

HOSTILE = {
    "name": '<a href="http://evil.example">Win</a>',
    "organisation": "Official notice: log in at https://evil.example/login to claim 50,000 CNY",
    "country": "Claim now at evil.example",
    "message": "Visit http://evil.example/grant today: your subsidy is waiting.",
    "phone": "+86 138 0000 1234",
}


@pytest.fixture
def chosen(db):
    park = make_park(name_en="North forging park", name_zh_hans="北部锻造产业园", slug="north")
    project = make_project(
        name_en="Ring forging line", name_zh_hans="锻造环生产线", slug="ring-forging", park=park
    )
    return project, park


@pytest.mark.parametrize(
    ("language", "url", "project_name", "park_name", "expected"),
    [
        (
            "en",
            "/en/enquire/",
            "Ring forging line",
            "North forging park",
            ["Dear investor,", "What happens next", "An officer will answer you by"],
        ),
        (
            "zh-hans",
            "/zh-hans/enquire/",
            "锻造环生产线",
            "北部锻造产业园",
            ["尊敬的投资者：", "后续流程", "工作人员将在"],
        ),
    ],
)
def test_no_submitted_text_reaches_the_acknowledgement(
    client, chosen, language, url, project_name, park_name, expected
):
    project, park = chosen
    data = enquiry_data(language=language, projects=[project.slug], park=park.slug, **HOSTILE)
    assert client.post(url, data).status_code == 302
    send_due_mail()
    enquiry = Enquiry.objects.get()
    acknowledgement = next(m for m in mail.outbox if m.to == ["anna@example.de"])
    officer = next(m for m in mail.outbox if m.to != ["anna@example.de"])

    text = acknowledgement.subject + "\n" + acknowledgement.body
    for value in HOSTILE.values():
        assert value not in text
    for fragment in ("evil.example", "Win", "http", "Official notice", "138 0000"):
        assert fragment not in text
    assert enquiry.reference in acknowledgement.subject and enquiry.reference in text
    assert project_name in text and park_name in text
    received = timezone.localdate(enquiry.received_at)
    date = (
        f"{received.year}年{received.month}月{received.day}日"
        if language == "zh-hans"
        else f"{received.day} {received:%B} {received.year}"
    )
    assert date in text
    for line in expected:
        assert line in text
    # The officers still get everything the investor wrote.
    for value in HOSTILE.values():
        assert value in officer.body
