"""Demo content of the site shell: the home page's hero and the accessibility statement.

Existing rows are left alone, so running seed_demo again never overwrites what staff edited.
"""

import datetime

from portal.models import AccessibilityStatement, HomePage

HOME_PAGE = {
    # Our own translation of the county's brand until it supplies its wording.
    "brand_line_en": "Guanxian Bearing, Forged in Qingshui",
    "brand_line_zh_hans": "冠县轴承 清水锻造",
    "conference_title_en": (
        "2023 China Bearing (Forging) Industry High-quality Development Conference"
    ),
    "conference_title_zh_hans": "2023中国轴承（锻造）产业高质量发展大会",
    "conference_date": datetime.date(2023, 11, 14),
    "lead_en": (
        "Guanxian County, Shandong, holds over a quarter of China's bearing-forging market: "
        "528 bearing processing enterprises and 8 billion yuan of yearly output. Explore the "
        "signed projects and the two industrial parks, and talk to the officers who will "
        "answer you."
    ),
    "lead_zh_hans": (
        "山东省冠县占全国轴承锻造市场四分之一以上：528家轴承加工企业，年产值80亿元。"
        "了解已签约项目和两个产业园，与招商专员直接联系。"
    ),
    "enquiry_heading_en": "Talk to the investment office",
    "enquiry_heading_zh_hans": "与招商专员洽谈",
    "enquiry_text_en": (
        "Tell us what you plan to build or buy; an officer who knows the parks answers you "
        "in your language."
    ),
    "enquiry_text_zh_hans": "告诉我们您的投资计划，熟悉产业园的专员会用您的语言答复您。",
}

ACCESSIBILITY = {
    "intro_en": (
        "This portal is built to be used by everyone, on phones and desktops, with a keyboard, "
        "a screen reader or a slow connection. We aim to meet the Web Content Accessibility "
        "Guidelines (WCAG) 2.2 at level AA in English and in Simplified Chinese."
    ),
    "intro_zh_hans": (
        "本网站力求人人可用：手机和电脑、键盘、读屏软件或慢速网络均可访问。"
        "我们的目标是中英文页面均符合《Web内容无障碍指南》（WCAG）2.2 AA级。"
    ),
    "compliance_en": (
        "Every page is tested with an automated checker (axe-core) and by keyboard. Charts "
        "come with a data table."
    ),
    "compliance_zh_hans": "每个页面都经过自动检测工具（axe-core）和键盘操作测试。图表均附有数据表。",
    "report_barrier_en": (
        "If something on this site is hard to use, write to the investment office and tell "
        "us the page and what happened. We answer within five working days."
    ),
    "report_barrier_zh_hans": "如果本网站有难以使用之处，请写信给招商部门，说明页面和遇到的问题。我们将在五个工作日内答复。",
    "reviewed_on": datetime.date(2026, 11, 25),
}


def seed(stdout):
    _home, created = HomePage.objects.get_or_create(pk=HomePage.singleton_pk, defaults=HOME_PAGE)
    stdout.write(f"Home page: {'created' if created else 'kept as edited'}.")
    _statement, created = AccessibilityStatement.objects.get_or_create(
        pk=AccessibilityStatement.singleton_pk, defaults=ACCESSIBILITY
    )
    stdout.write(f"Accessibility statement: {'created' if created else 'kept as edited'}.")
