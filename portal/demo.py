"""Demo content of the site shell: the home page's hero, the accessibility statement and the
site settings, with the demo notice switched on.

Existing rows are left alone, so running seed_demo again never overwrites what staff edited.
"""

import datetime

from portal.models import AccessibilityStatement, HomePage, SiteSettings

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
        "The People's Government of Guanxian County wants everyone to be able to use this "
        "portal: on a phone or a desktop, with a keyboard alone, a screen reader, "
        "magnification or a slow connection, in English and in Simplified Chinese.\n\n"
        "The standards we hold it to are the Web Content Accessibility Guidelines (WCAG) 2.2 "
        "at level AA and the national standard GB/T 37668-2019, Information technology — "
        "Accessibility requirements and testing methods for web content. Every page has an "
        "elderly-friendly mode (“Larger text” in the header) with larger type and stronger "
        "contrast, which works without JavaScript."
    ),
    "intro_zh_hans": (
        "冠县人民政府希望每个人都能使用本网站：无论使用手机还是电脑，只用键盘、读屏软件、"
        "放大软件，还是在慢速网络下，中文和英文页面都可访问。\n\n"
        "我们遵循的标准是《Web内容无障碍指南》（WCAG）2.2 AA级和国家标准"
        "GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》。"
        "每个页面页头均有“关怀版”，字号更大、对比度更高，无需JavaScript即可使用。"
    ),
    "compliance_en": (
        "The portal partially conforms to WCAG 2.2 AA and GB/T 37668-2019: the barriers "
        "listed below remain. Every page type is checked in both languages, on a desktop and "
        "a phone screen, in the standard and the elderly-friendly mode, with the automated "
        "checker axe-core and by keyboard alone, whenever the site changes. Charts come with "
        "a data table, and the map with a list of the places it shows."
    ),
    "compliance_zh_hans": (
        "本网站部分符合WCAG 2.2 AA级和GB/T 37668-2019，尚存以下已知问题。每次网站更新时，"
        "所有类型的页面均以中英文、电脑和手机屏幕、标准版和关怀版，使用自动检测工具axe-core"
        "并仅用键盘进行检查。图表均附有数据表，地图附有所示地点的列表。"
    ),
    "known_issues_en": (
        "The map's tiles come from an outside provider and cannot be read by a screen reader; "
        "the list beside the map gives the same places and links.\n"
        "PDF documents uploaded by the county's offices may not be tagged for screen readers; "
        "ask us for a text version and we send it.\n"
        "Some news articles were written in one language only; the other language shows "
        "them with a notice."
    ),
    "known_issues_zh_hans": (
        "地图底图来自外部服务，读屏软件无法读取；地图旁的列表提供相同的地点和链接。\n"
        "各部门上传的PDF文件可能没有为读屏软件添加标签；如需文本版本，请联系我们。\n"
        "部分新闻只有一种语言版本，另一种语言页面会显示提示。"
    ),
    "report_barrier_en": (
        "If something on this site is hard to use, tell the investment office by e-mail or "
        "phone (below): the page, what you tried and what happened. We reply within five "
        "working days, and fix a barrier or offer the information another way within 20 "
        "working days."
    ),
    "report_barrier_zh_hans": (
        "如果本网站有难以使用之处，请通过下方的电子邮件或电话告诉招商部门：哪个页面、"
        "您做了什么、出现了什么问题。我们将在五个工作日内答复，并在二十个工作日内修复问题"
        "或以其他方式提供所需信息。"
    ),
    "reviewed_on": datetime.date(2026, 12, 1),
}

SITE_SETTINGS = {
    "operating_body_en": "Investment Promotion Office, People's Government of Guanxian County",
    "operating_body_zh_hans": "冠县人民政府招商办公室",
    "street_address_en": (
        "Guanxian Government Service Centre, Guanxian County, Liaocheng, Shandong 252500, China"
    ),
    "street_address_zh_hans": "山东省聊城市冠县政务服务中心，邮编252500",
    "office_hours_en": "Monday to Friday, 8:30–12:00 and 13:30–17:30",
    "office_hours_zh_hans": "周一至周五 8:30—12:00，13:30—17:30",
    "wechat_account_en": "Guanxian Investment",
    "wechat_account_zh_hans": "冠县招商",
    # The site is full of illustrative content until the county's own is in.
    "demo_notice": True,
}


def seed(stdout):
    _home, created = HomePage.objects.get_or_create(pk=HomePage.singleton_pk, defaults=HOME_PAGE)
    stdout.write(f"Home page: {'created' if created else 'kept as edited'}.")
    _statement, created = AccessibilityStatement.objects.get_or_create(
        pk=AccessibilityStatement.singleton_pk, defaults=ACCESSIBILITY
    )
    stdout.write(f"Accessibility statement: {'created' if created else 'kept as edited'}.")
    _settings, created = SiteSettings.objects.get_or_create(
        pk=SiteSettings.singleton_pk, defaults=SITE_SETTINGS
    )
    stdout.write(f"Site settings: {'created, demo notice on' if created else 'kept as edited'}.")
