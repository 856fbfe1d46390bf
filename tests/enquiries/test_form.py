"""The enquiry form: preselection, errors next to fields, storage, mail and confirmation."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from portal.enquiries.models import Enquiry, Notification, PrivacyNotice
from tests.factories import make_park, make_project

from .conftest import enquiry_data, form_token, reference_from, send_due_mail

URL = "/en/enquire/"


@pytest.fixture
def officer_project(db):
    park = make_park(contact_name="Li Wei", contact_email="park@guanxian.example.cn")
    return make_project(
        slug="ring-forging",
        name_en="Ring forging line",
        park=park,
        contact_name="Wang Fang",
        contact_email="wang@guanxian.example.cn",
    )


def test_form_page_is_private_labelled_and_preselects_projects(client, officer_project):
    other = make_project(slug="heat-treatment")
    response = client.get(URL, {"project": ["ring-forging", "heat-treatment", "missing"]})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "<title>Send an enquiry · " in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'value="{officer_project.slug}"' in html and f'value="{other.slug}"' in html
    assert html.count("checked") == 2
    for field in ("name", "organisation", "email", "phone", "country", "message", "consent"):
        assert f'for="id_{field}"' in html
    assert reverse("enquiries:privacy") in html


def test_form_preselects_a_park(client, db):
    park = make_park(slug="qingshui-park")
    response = client.get(URL, {"park": "qingshui-park"})
    assertContains(
        response, f'<option value="qingshui-park" selected>{park.name}</option>', html=True
    )


@pytest.mark.parametrize("bad", ["qingshui\x00park", "../park", "x" * 101, "<b>"])
def test_malformed_preselection_is_ignored(client, db, bad):
    park = make_park(slug="qingshui-park")
    response = client.get(URL, {"park": bad, "project": bad})
    assertContains(response, f'<option value="qingshui-park">{park.name}</option>', html=True)
    assertNotContains(
        response, f'<option value="qingshui-park" selected>{park.name}</option>', html=True
    )


def test_errors_sit_next_to_their_fields_and_input_is_kept(client, db):
    data = enquiry_data(email="not-an-email", name="", organisation="Kept Ltd")
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html
    assert 'value="Kept Ltd"' in html
    assert Enquiry.objects.count() == 0


def test_errors_come_in_chinese_on_the_chinese_form(client, db):
    response = client.post("/zh-hans/enquire/", enquiry_data(email="nope", consent=""))
    html = response.content.decode()
    assert "请更正以下内容" in html
    assert Enquiry.objects.count() == 0


def test_more_than_three_projects_is_refused(client, db):
    slugs = [make_project().slug for _ in range(4)]
    response = client.post(URL, enquiry_data(projects=slugs))
    assert response.status_code == 200
    assert "Choose at most three projects." in response.content.decode()


def test_newline_in_the_name_is_refused(client, db):
    response = client.post(URL, enquiry_data(name="Anna\nBcc: victim@example.com"))
    assert response.status_code == 200
    assert "Please keep this to one line of text." in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_valid_enquiry_is_stored_mailed_and_confirmed(client, officer_project):
    second = make_project(slug="bearing-steel")
    data = enquiry_data(projects=["ring-forging", "bearing-steel"])
    token = form_token(utm_source="expo", utm_campaign="hannover-2026")
    data["token"] = token
    response = client.post(URL, data, HTTP_REFERER="http://testserver/en/projects/")
    send_due_mail()
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.reference == reference_from(response)
    assert enquiry.reference.startswith("GX-") and enquiry.reference.endswith("-00001")
    assert set(enquiry.projects.all()) == {officer_project, second}
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.privacy_version == PrivacyNotice.objects.current().version
    assert enquiry.consent_at is not None and enquiry.response_due is not None
    assert enquiry.utm == {"utm_source": "expo", "utm_campaign": "hannover-2026"}

    assert len(mail.outbox) == 2
    officer, investor = mail.outbox
    assert officer.to == ["wang@guanxian.example.cn"]
    assert officer.subject == f"新咨询 {enquiry.reference}"
    assert officer.reply_to == ["anna@example.de"]
    assert investor.to == ["anna@example.de"]
    assert investor.subject == (
        f"Your enquiry {enquiry.reference} to the Guanxian investment office"
    )
    assert "Ring forging line" in investor.body and enquiry.reference in investor.body
    assert "land price" not in investor.body
    assert "land price" in officer.body and "Schmidt Wälzlager GmbH" in officer.body
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    assert enquiry.reference in page.content.decode()
    assert "Anna" not in page.content.decode()


def test_acknowledgement_in_the_preferred_language(client, db, settings):
    settings.ENQUIRY_DEFAULT_INBOX = "inbox@guanxian.example.cn"
    client.post(URL, enquiry_data(language="zh-hans"))
    send_due_mail()
    enquiry = Enquiry.objects.get()
    officer, investor = mail.outbox
    assert officer.to == ["inbox@guanxian.example.cn"]
    assert investor.subject == f"您向冠县投资促进办公室提交的咨询{enquiry.reference}"


def test_park_officer_answers_when_the_project_has_none(client, db):
    park = make_park(contact_name="Li Wei", contact_email="park@guanxian.example.cn")
    project = make_project(park=park)
    client.post(URL, enquiry_data(projects=[project.slug]))
    send_due_mail()
    assert mail.outbox[0].to == ["park@guanxian.example.cn"]


def test_chosen_park_officer_answers_a_park_enquiry(client, db):
    park = make_park(contact_name="Li Wei", contact_email="park2@guanxian.example.cn")
    client.post(URL, enquiry_data(park=park.slug))
    send_due_mail()
    assert mail.outbox[0].to == ["park2@guanxian.example.cn"]
    assert Enquiry.objects.get().park == park


def test_confirmation_link_cannot_be_guessed(client, db):
    assert client.get("/en/enquire/thanks/GX-2026-00001/").status_code == 404


def test_privacy_notice_shows_the_latest_published_version(client, db):
    PrivacyNotice.objects.create(
        version="2099-01",
        title_en="Future",
        body_en="x",
        is_published=True,
        published_at="2099-01-01T00:00:00Z",
    )
    PrivacyNotice.objects.create(
        version="2026-02",
        title_en="Privacy, revised",
        title_zh_hans="隐私声明（修订）",
        body_en="We keep less.",
        body_zh_hans="我们保存更少。",
        is_published=True,
    )
    response = client.get(reverse("enquiries:privacy"))
    assertContains(response, "<h1>Privacy, revised</h1>", html=True)
    assertContains(response, "We keep less.")
    with translation.override("zh-hans"):
        response = client.get(reverse("enquiries:privacy"))
    assertContains(response, "<h1>隐私声明（修订）</h1>", html=True)


def test_form_page_query_count_does_not_grow_with_the_registry(
    client, db, django_assert_num_queries
):
    for _ in range(3):
        make_project()
    # Privacy notice, projects, parks; plus the preselection lookups.
    with django_assert_num_queries(3):
        client.get(URL)
    for _ in range(37):
        make_project()
    with django_assert_num_queries(3):
        response = client.get(URL)
    assert response.content.decode().count('name="projects"') == 40
    with django_assert_num_queries(5):
        client.get(URL, {"project": ["a", "b"], "park": "c"})


def test_officer_known_by_phone_only_is_passed_over_for_the_parks(client, db):
    park = make_park(contact_name="Li Wei", contact_email="park3@guanxian.example.cn")
    project = make_project(park=park, contact_name="Zhao", contact_phone="+86 635 111 2222")
    client.post(URL, enquiry_data(projects=[project.slug]))
    send_due_mail()
    assert mail.outbox[0].to == ["park3@guanxian.example.cn"]


def _labels(html, pattern):
    return re.findall(pattern, html)


def test_the_choice_lists_are_in_the_readers_alphabetical_order(client, db):
    # In code-point order 冷 < 大 < 轨; in pinyin da < gui < leng.
    for en, zh in (("Cold rolling", "冷辗"), ("Large rings", "大型"), ("Rail bearings", "轨道")):
        slug = en.lower().replace(" ", "-")
        make_project(name_en=f"{en} line", name_zh_hans=f"{zh}生产线", slug=slug)
        make_park(name_en=f"{en} park", name_zh_hans=f"{zh}产业园", slug=f"{slug}-park")
    zh = client.get("/zh-hans/enquire/").content.decode()
    projects = _labels(zh, r'name="projects" value="[^"]+"[^>]*>\s*([^<]+?)\s*</label>')
    assert projects == ["大型生产线", "轨道生产线", "冷辗生产线"]
    parks = _labels(zh, r'<option value="[a-z-]+-park">([^<]+)</option>')
    assert parks == ["大型产业园", "轨道产业园", "冷辗产业园"]
    types = _labels(
        zh,
        r'<option value="(?:company|fund|association|government|intermediary|'
        r'individual|other)">([^<]+)</option>',
    )
    assert types == [
        "个人投资者",
        "行业协会或商会",
        "生产或贸易企业",
        "投资基金或金融机构",
        "政府或公共机构",
        "咨询或中介机构",
        "其他",
    ]
    en = client.get("/en/enquire/").content.decode()
    projects = _labels(en, r'name="projects" value="[^"]+"[^>]*>\s*([^<]+?)\s*</label>')
    assert projects == ["Cold rolling line", "Large rings line", "Rail bearings line"]
    types = _labels(
        en,
        r'<option value="(?:company|fund|association|government|intermediary|'
        r'individual|other)">([^<]+)</option>',
    )
    assert types[0] == "Consultant or intermediary" and types[-1] == "Other"
