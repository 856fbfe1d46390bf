"""Write portal/enquiries/reading_keys.py: the pinyin sort keys of the fixed Chinese names the
enquiry form sorts (countries and regions, investor types), so that a page never computes one.
Run it after upgrading pycountry or changing an investor type's Chinese label; a test fails
until the file matches."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import translation

from portal.core.reading_order import PINYIN_LANGUAGE, pinyin_sort_column
from portal.enquiries import countries
from portal.enquiries.models import Enquiry

TARGET = Path(__file__).resolve().parents[2] / "reading_keys.py"
HEADER = '''"""The pinyin sort keys of the fixed Chinese names the enquiry form sorts (countries and
regions from pycountry, investor types from the translations): written by
`manage.py write_reading_keys`, checked against pypinyin by the suite."""

KEYS = {
'''


def fixed_names():
    """Every Chinese name the enquiry form sorts that no record keeps."""
    with translation.override(PINYIN_LANGUAGE):
        types = [str(label) for label in Enquiry.InvestorType.labels]
    return sorted({*(chinese for _, chinese in countries.countries().values()), *types})


def source():
    rows = "".join(
        f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(pinyin_sort_column(name))},\n"
        for name in fixed_names()
    )
    return HEADER + rows + "}\n"


class Command(BaseCommand):
    help = "Write the pinyin sort keys of the enquiry form's fixed Chinese names."

    def handle(self, *args, **options):
        TARGET.write_text(source(), encoding="utf-8")
        self.stdout.write(f"{len(fixed_names())} keys written to {TARGET.name}.")
