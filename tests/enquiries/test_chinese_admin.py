"""The desk as a Chinese-speaking officer reads it."""

import csv
import io

from django.urls import reverse

from .test_admin import CHANGELIST, make_enquiry


def test_the_enquirers_name_is_a_persons_name_in_chinese(client, staff_in_group):
    client.force_login(staff_in_group("Enquiry officers", "wang"))
    enquiry = make_enquiry(1, name="张伟")
    change = reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
    html = client.get(change, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<label>姓名：</label>" in html
    response = client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", "_selected_action": [enquiry.pk]},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    header, row = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    assert dict(zip(header, row, strict=True))["姓名"] == "张伟"
