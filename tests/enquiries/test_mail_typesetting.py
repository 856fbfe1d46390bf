"""Every enquiry mail typeset in its language: full-width punctuation inside the Chinese labels,
names listed as each language lists them."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.enquiries import desk
from portal.enquiries.models import Enquiry, HolidayYear, Notification
from tests.factories import make_park, make_project

from .conftest import enquiry_data, send_due_mail
from .test_admin import make_enquiry

# A Chinese character next to ASCII punctuation: a label glued to ":" or a list joined by ", ".
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,:;()]|[,:;(][\u4e00-\u9fff]")


def assert_chinese_typesetting(text):
    assert not HALF_WIDTH_IN_CHINESE.search(text), HALF_WIDTH_IN_CHINESE.search(text)


@pytest.fixture
def three_projects(db):
    park = make_park(name_en="North forging park", name_zh_hans="北部锻造产业园", slug="north")
    names = [("Ring line", "锻造环线"), ("Cage line", "保持架线"), ("Ball line", "钢球线")]
    projects = [
        make_project(name_en=en, name_zh_hans=zh, slug=f"p{n}", park=park)
        for n, (en, zh) in enumerate(names)
    ]
    return projects, park


def submit(client, projects, park, language):
    data = enquiry_data(
        language=language,
        projects=[p.slug for p in projects],
        park=park.slug,
        phone="",
        investment_band="",
    )
    assert client.post(f"/{language}/enquire/", data).status_code == 302
    send_due_mail()
    enquiry = Enquiry.objects.get()
    officer = next(m for m in mail.outbox if m.to != [enquiry.email])
    investor = next(m for m in mail.outbox if m.to == [enquiry.email])
    return enquiry, officer, investor


def test_the_officer_mail_in_chinese_has_full_width_labels(client, three_projects, settings):
    settings.ENQUIRY_OFFICER_LANGUAGE = "zh-hans"
    settings.PORTAL_BASE_URL = "https://invest.example.cn"
    enquiry, officer, _investor = submit(client, *three_projects, "en")
    lines = officer.body.splitlines()
    for line in (
        f"收到一条新咨询：{enquiry.reference}",
        f"在管理后台打开：https://invest.example.cn/admin/enquiries/enquiry/{enquiry.pk}/change/",
        "姓名：Anna Schmidt",
        "机构：Schmidt Wälzlager GmbH",
        "电子邮箱：anna@example.de",
        "电话：-",
        "国家或地区：Germany",
        "投资方类型：生产或贸易企业",
        # The order the investor chose them in, listed as Chinese lists names.
        "项目：锻造环线、保持架线和钢球线",
        "产业园：北部锻造产业园",
        "预计投资额：-",
        "答复语言：英文",
        f"首次答复期限：{enquiry.response_due:%Y-%m-%d}",
        "留言：",
    ):
        assert line in lines, line
    assert_chinese_typesetting(officer.body)


def test_the_officer_mail_in_english_keeps_english_punctuation(client, three_projects, settings):
    settings.ENQUIRY_OFFICER_LANGUAGE = "en"
    enquiry, officer, _investor = submit(client, *three_projects, "zh-hans")
    lines = officer.body.splitlines()
    for line in (
        f"A new enquiry has arrived: {enquiry.reference}",
        "Name: Anna Schmidt",
        "Projects: Ring line, Cage line and Ball line",
        "Industrial park: North forging park",
        "Answer in: Simplified Chinese",
        "Message:",
    ):
        assert line in lines, line
    assert "：" not in officer.body


def test_the_acknowledgement_in_chinese(client, three_projects):
    enquiry, _officer, investor = submit(client, *three_projects, "zh-hans")
    lines = investor.body.splitlines()
    assert "项目：锻造环线、保持架线和钢球线" in lines
    assert "产业园：北部锻造产业园" in lines
    assert investor.subject == f"您向冠县投资促进办公室提交的咨询{enquiry.reference}"
    assert "冠县投资促进部门" not in investor.body
    assert_chinese_typesetting(investor.subject + investor.body)


def test_the_acknowledgement_in_english(client, three_projects):
    _enquiry, _officer, investor = submit(client, *three_projects, "en")
    assert "Projects: Ring line, Cage line and Ball line" in investor.body.splitlines()
    assert "：" not in investor.body and "、" not in investor.body


@pytest.mark.parametrize(
    ("language", "signature"),
    [
        (
            "zh-hans",
            "冠县投资促进办公室，关于您的咨询GX-2026-00001。如需再次联系，请直接回复本邮件。",
        ),
        (
            "en",
            "Guanxian County investment office, about your enquiry GX-2026-00001. To write to "
            "us again, reply to this mail.",
        ),
    ],
)
def test_the_reply_mail_signs_in_the_investors_language(db, admin_user, language, signature):
    enquiry = make_enquiry(1, language=language, status=Enquiry.Status.IN_PROGRESS)
    desk.send_reply(enquiry, "Reply text", admin_user)
    send_due_mail()
    [message] = mail.outbox
    assert signature in message.body.splitlines()
    if language == "zh-hans":
        assert message.subject == "回复：您向冠县投资促进办公室提交的咨询GX-2026-00001"
        assert_chinese_typesetting(message.subject + message.body)


@pytest.mark.parametrize(
    ("language", "overdue", "line"),
    [
        ("zh-hans", "已逾期：", "- GX-2026-00001，期限{date}：{link}"),
        ("en", "Overdue:", "- GX-2026-00001, due {date}: {link}"),
    ],
)
def test_the_reminder_in_both_languages(staff_in_group, settings, language, overdue, line):
    settings.ENQUIRY_OFFICER_LANGUAGE = language
    settings.PORTAL_BASE_URL = "https://invest.example.cn"
    wang = staff_in_group("Enquiry officers", "wang")
    due = timezone.localdate() - datetime.timedelta(days=2)
    enquiry = make_enquiry(1, owner=wang, response_due=due)
    call_command("enquiry_reminders", stdout=io.StringIO())
    [message] = mail.outbox
    lines = message.body.splitlines()
    link = f"https://invest.example.cn/admin/enquiries/enquiry/{enquiry.pk}/change/"
    assert lines[0] == overdue
    assert line.format(date=f"{due:%Y-%m-%d}", link=link) in lines
    if language == "zh-hans":
        assert_chinese_typesetting(message.subject + message.body)


def test_the_assignment_mail_in_chinese(db, staff_in_group, admin_user, settings):
    settings.ENQUIRY_OFFICER_LANGUAGE = "zh-hans"
    li = staff_in_group("Enquiry officers", "li")
    enquiry = make_enquiry(1)
    desk.assign(enquiry, li, admin_user)
    assert enquiry.notifications.get().kind == Notification.Kind.ASSIGNED
    send_due_mail()
    [message] = mail.outbox
    assert message.body.startswith(f"咨询{enquiry.reference}已分配给您。")
    assert "姓名：Investor 1" in message.body.splitlines()
    assert_chinese_typesetting(message.subject + message.body)


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        ("zh-hans", "2027年节假日安排尚未录入：2027年的答复期限暂按周一至周五计算"),
        ("en", "The 2027 holiday calendar has not been entered yet: due dates in 2027 count"),
    ],
)
def test_the_reminder_says_when_a_holiday_calendar_is_missing(
    staff_in_group, settings, monkeypatch, language, warning
):
    settings.ENQUIRY_OFFICER_LANGUAGE = language
    now = timezone.make_aware(datetime.datetime(2026, 12, 21, 8, 0))
    monkeypatch.setattr(timezone, "now", lambda: now)
    wang = staff_in_group("Enquiry officers", "wang")
    make_enquiry(1, owner=wang, response_due=datetime.date(2026, 12, 18))
    call_command("enquiry_reminders", stdout=io.StringIO())
    [message] = mail.outbox
    assert warning in message.body
    mail.outbox.clear()
    HolidayYear.objects.create(year=2027)
    call_command("enquiry_reminders", stdout=io.StringIO())
    [message] = mail.outbox
    assert "2027" not in message.body
