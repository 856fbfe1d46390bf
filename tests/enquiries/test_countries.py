"""The country of an enquiry: chosen from the list in either language, or typed freely."""

import pytest

from portal.enquiries.models import Enquiry

from .conftest import enquiry_data, reference_from

URL = "/en/enquire/"


@pytest.mark.parametrize(
    ("typed", "code", "stored"),
    [
        ("Germany", "DE", "Germany"),
        ("德国", "DE", "Germany"),
        ("  china ", "CN", "China"),
        ("PRC", "CN", "China"),
        ("中国香港", "HK", "Hong Kong, China"),
        ("Bavaria", "", "Bavaria"),
    ],
)
def test_a_country_on_the_list_is_stored_by_code_and_english_name(client, db, typed, code, stored):
    response = client.post(URL, enquiry_data(country=typed))
    enquiry = Enquiry.objects.get(reference=reference_from(response))
    assert (enquiry.country_code, enquiry.country) == (code, stored)


def test_the_form_suggests_countries_in_the_readers_language(client, db):
    html = client.get(URL).content.decode()
    assert 'list="country-suggestions"' in html and '<option value="Germany">' in html
    chinese = client.get("/zh-hans/enquire/").content.decode()
    assert '<option value="德国">' in chinese and '<option value="中国台湾">' in chinese
    # In pinyin order: 阿尔巴尼亚 (a) before 德国 (de) before 中国 (zhong).
    assert chinese.index("阿尔巴尼亚") < chinese.index('"德国"') < chinese.index('"中国"')
