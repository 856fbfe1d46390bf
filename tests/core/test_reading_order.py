"""Chinese lists are sorted by the pinyin keys records keep, so that no page computes pinyin
and a worker that only serves pages never loads pypinyin's phrase dictionary (about 45 MB)."""

import subprocess
import sys
import textwrap

from django.conf import settings
from django.utils import translation

import portal.core.reading_order as reading_order
from portal.enquiries.management.commands import write_reading_keys
from portal.enquiries.reading_keys import KEYS
from projects.models import Park, Project, Sector
from tests.portal.test_typesetting import demo_content, public_pages


def test_every_public_page_in_either_language_sorts_without_computing_pinyin(db, monkeypatch):
    values = demo_content()
    computed = []
    real = reading_order.pinyin_sort_column

    def counted(name):
        computed.append(name)
        return real(name)

    monkeypatch.setattr(reading_order, "pinyin_sort_column", counted)
    for language in ("zh-hans", "en"):
        pages = public_pages(language, values)
        assert len(pages) > 30
    assert computed == []


def test_a_saved_record_keeps_the_key_of_its_chinese_name_or_of_its_fallback(db):
    sector = Sector.objects.create(name_en="Forging", name_zh_hans="重型锻造", slug="forging")
    assert sector.name_pinyin == "zhong04xing002duan004zao0004"
    sector.name_zh_hans = ""
    sector.save(update_fields=["name_zh_hans"])
    sector.refresh_from_db()
    # Shown in English to a Chinese reader, so sorted by the English name among the pinyin.
    assert sector.name_pinyin == "forging0"
    park = Park.objects.create(name_en="North Park", name_zh_hans="长城园区", slug="north")
    project = Project.objects.create(
        name_en="Rings",
        name_zh_hans="重庆套圈",
        slug="rings",
        sector=sector,
        park=park,
        investment_yuan=1,
    )
    assert Park.objects.get(pk=park.pk).name_pinyin == "chang02cheng02yuan002qu00001"
    assert Project.objects.get(pk=project.pk).name_pinyin == "chong02qing004tao0004quan001"


def test_the_kept_keys_of_the_enquiry_forms_fixed_names_are_up_to_date(db):
    """Countries (pycountry) and investor types (the translations): when this fails, run
    `python manage.py write_reading_keys`."""
    names = write_reading_keys.fixed_names()
    assert {name: reading_order.pinyin_sort_column(name) for name in names} == KEYS
    assert (write_reading_keys.TARGET.read_text(encoding="utf-8")) == write_reading_keys.source()
    with translation.override("zh-hans"):
        assert "中国" in KEYS and "个人投资者" in KEYS


def test_a_worker_loads_the_site_without_pypinyin():
    """The gunicorn master loads the application before forking; pypinyin is not part of it."""
    script = textwrap.dedent(
        """
        import sys
        import django
        django.setup()
        from django.urls import get_resolver
        import portal.wsgi
        get_resolver().url_patterns
        loaded = sorted(name for name in sys.modules if name.startswith("pypinyin"))
        print(loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings", "DJANGO_DEBUG": "true", "PATH": ""},
    )
    assert result.stdout.strip() == "[]", result.stderr
