import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_pagination_keeps_the_query_and_links_with_rel(client):
    for _ in range(11):
        make_article()
    html = client.get("/en/news/?page=1&utm_source=mail").content.decode()
    assert '<a rel="next" href="?page=2&amp;utm_source=mail">Next' in html
    assert '<span aria-current="page">Page 1 of 2</span>' in html
    second = client.get("/zh-hans/news/?page=2").content.decode()
    assert '<a rel="prev" href="?page=1">上一页' in second
    assert '<span aria-current="page">第 2 页，共 2 页</span>' in second
