"""The State Council's 2026 schedule of public holidays and make-up working days (调休).

As published in November 2025 (国务院办公厅关于2026年部分节假日安排的通知), and as the
chinesecalendar package (1.11.0) records it. The 2027 schedule is added in the admin once it
is announced. Days off that fall on a weekend are listed too, so the table reads like the notice.
"""

import datetime

from django.db import migrations

DAYS_OFF = [
    ("元旦 New Year's Day", datetime.date(2026, 1, 1), 3),
    ("春节 Spring Festival", datetime.date(2026, 2, 15), 9),
    ("清明节 Qingming", datetime.date(2026, 4, 4), 3),
    ("劳动节 Labour Day", datetime.date(2026, 5, 1), 5),
    ("端午节 Dragon Boat Festival", datetime.date(2026, 6, 19), 3),
    ("中秋节 Mid-Autumn Festival", datetime.date(2026, 9, 25), 3),
    ("国庆节 National Day", datetime.date(2026, 10, 1), 7),
]
MAKE_UP_DAYS = [
    ("元旦调休 New Year's Day make-up", datetime.date(2026, 1, 4)),
    ("春节调休 Spring Festival make-up", datetime.date(2026, 2, 14)),
    ("春节调休 Spring Festival make-up", datetime.date(2026, 2, 28)),
    ("劳动节调休 Labour Day make-up", datetime.date(2026, 5, 9)),
    ("国庆节调休 National Day make-up", datetime.date(2026, 9, 20)),
    ("国庆节调休 National Day make-up", datetime.date(2026, 10, 10)),
]


def seed(apps, schema_editor):
    Holiday = apps.get_model("enquiries", "Holiday")
    for name, first, length in DAYS_OFF:
        for offset in range(length):
            Holiday.objects.get_or_create(
                date=first + datetime.timedelta(days=offset),
                defaults={"name": name, "is_working_day": False},
            )
    for name, day in MAKE_UP_DAYS:
        Holiday.objects.get_or_create(date=day, defaults={"name": name, "is_working_day": True})


def unseed(apps, schema_editor):
    Holiday = apps.get_model("enquiries", "Holiday")
    Holiday.objects.filter(date__year=2026).delete()


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0006_desk")]

    operations = [migrations.RunPython(seed, unseed)]
