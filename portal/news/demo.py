"""Demo news for `manage.py seed_demo`: the 2023 conference as it happened, and clearly
labelled sample articles around it. Running it again changes nothing."""

import datetime
import io
import math
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from projects.models import Project

from .models import Article, Category

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CONFERENCE_DAY = datetime.date(2023, 11, 14)
SOURCE_EN = "News Office of People's Government of Guanxian County"
SOURCE_ZH = "冠县人民政府新闻办公室"
SAMPLE_EN = "<p><em>Sample article: it shows how news appears on the portal and is not a real report.</em></p>"
SAMPLE_ZH = "<p><em>示例文章：用于展示新闻在本网站上的样式，并非真实报道。</em></p>"

CATEGORIES = [
    ("conferences-and-signings", "Conferences and signings", "会议与签约", 1),
    ("cluster-news", "Cluster news", "集群动态", 2),
    ("policy", "Policy", "政策", 3),
]

CONFERENCE = {
    "slug": "2023-bearing-forging-conference-signs-15-key-projects",
    "category": "conferences-and-signings",
    "published_at": datetime.datetime(2023, 11, 14, 18, 0, tzinfo=SHANGHAI),
    "title_en": "15 key projects worth 10.22 billion yuan signed at the China Bearing (Forging) Industry High-quality Development Conference",
    "title_zh_hans": "中国轴承（锻造）产业高质量发展大会签约15个重点项目，总投资102.2亿元",
    "summary_en": "On 14 November 2023 Guanxian County hosted the China Bearing (Forging) Industry High-quality Development Conference: 15 key projects worth 10.22 billion yuan were signed, with three strategic cooperation agreements.",
    "summary_zh_hans": "2023年11月14日，冠县举办中国轴承（锻造）产业高质量发展大会，签约15个重点项目，总投资102.2亿元，并签署三项战略合作协议。",
    "body_en": (
        "<p>On 14 November 2023 Guanxian County, Liaocheng, Shandong Province, hosted the China "
        "Bearing (Forging) Industry High-quality Development Conference.</p>"
        "<h2>15 key projects, 10.22 billion yuan</h2>"
        "<p>At the conference 15 key projects with a total investment of "
        "<strong>10.22 billion yuan</strong> were signed.</p>"
        "<h2>Three strategic cooperation agreements</h2>"
        "<p>The city and the county signed strategic cooperation agreements with:</p>"
        "<ul><li>the China Bearing Industry Association;</li>"
        "<li>the Confederation of Chinese Metalforming Industry;</li>"
        "<li>Luoyang Bearing Research Institute Co., Ltd.</li></ul>"
        "<h2>The cluster</h2>"
        "<p>Guanxian County holds over a quarter of China's bearing-forging market: 528 bearing "
        "processing enterprises, 11,000 machine tools, more than 20,000 workers, over 1 million "
        "tons of yearly capacity and 8 billion yuan of output. Qingshui Town is China's top "
        "bearing-forging town.</p>"
        "<blockquote>The county is building two bearing (forging) industrial parks and aims at "
        "a ten-billion-yuan cluster within 3 to 5 years.</blockquote>"
    ),
    "body_zh_hans": (
        "<p>2023年11月14日，山东省聊城市冠县举办中国轴承（锻造）产业高质量发展大会。</p>"
        "<h2>15个重点项目，总投资102.2亿元</h2>"
        "<p>大会现场签约15个重点项目，总投资<strong>102.2亿元</strong>。</p>"
        "<h2>三项战略合作协议</h2>"
        "<p>市、县分别与以下单位签署战略合作协议：</p>"
        "<ul><li>中国轴承工业协会；</li><li>中国锻压协会；</li><li>洛阳轴承研究所有限公司。</li></ul>"
        "<h2>产业集群</h2>"
        "<p>冠县轴承锻造产能占全国四分之一以上：拥有轴承加工企业528家、机床1.1万台、从业人员2万余人，"
        "年产能100万吨以上，年产值80亿元。清水镇是全国轴承锻造第一镇。</p>"
        "<blockquote>冠县正在建设两个轴承（锻造）产业园，力争3至5年内打造百亿级产业集群。</blockquote>"
    ),
    "cover_alt_en": "Illustration: a bearing ring drawn over the county's colours, for the conference report",
    "cover_alt_zh_hans": "插图：以冠县主色绘制的轴承套圈，用于大会报道",
    "source_en": SOURCE_EN,
    "source_zh_hans": SOURCE_ZH,
}

SAMPLES = [
    {
        "slug": "sample-qingshui-forging-workshops-move-to-induction-heating",
        "category": "cluster-news",
        "days": -20,
        "title_en": "Sample: Qingshui Town forging workshops move to induction heating",
        "title_zh_hans": "示例：清水镇锻造车间改用感应加热",
        "summary_en": "A sample cluster story: how a forging workshop in Qingshui Town might report an upgrade of its heating line.",
        "summary_zh_hans": "集群动态示例：清水镇一家锻造车间如何介绍其加热生产线的升级。",
        "body_en": "<p>Illustrative text about cleaner heating, steadier ring quality and lower energy use per ton.</p>",
        "body_zh_hans": "<p>示例文字：更清洁的加热方式、更稳定的套圈质量和更低的吨耗能。</p>",
    },
    {
        "slug": "sample-how-land-and-energy-costs-are-set-in-the-bearing-parks",
        "category": "policy",
        "days": -10,
        "title_en": "Sample: How land and energy costs are set in the bearing parks",
        "title_zh_hans": "示例：轴承产业园的土地和能源成本如何确定",
        "summary_en": "A sample policy explainer: where investors find land, power and water prices and who to ask.",
        "summary_zh_hans": "政策解读示例：投资者在哪里查看土地、电力和用水价格，以及向谁咨询。",
        "body_en": "<h2>Where to look</h2><ol><li>The park pages list current costs.</li><li>The investment office answers enquiries.</li></ol>",
        "body_zh_hans": "<h2>查看方式</h2><ol><li>产业园页面列出现行成本。</li><li>招商办公室负责答复咨询。</li></ol>",
    },
    {
        "slug": "sample-investor-open-day-at-the-bearing-forging-industrial-park",
        "category": "conferences-and-signings",
        "days": 30,
        "title_en": "Sample: Investor open day at the bearing (forging) industrial park",
        "title_zh_hans": "示例：轴承（锻造）产业园投资者开放日",
        "summary_en": "A scheduled sample: it appears by itself on its publication date.",
        "summary_zh_hans": "定时发布示例：到发布时间后自动显示。",
        "body_en": "<p>Illustrative programme: park tour, cost briefing and meetings with officers.</p>",
        "body_zh_hans": "<p>示例日程：参观产业园、成本介绍、与招商人员座谈。</p>",
    },
    {
        "slug": "sample-draft-notes-on-bearing-export-figures",
        "category": "cluster-news",
        "days": -1,
        "status": Article.Status.DRAFT,
        "title_en": "Sample: Draft notes on bearing export figures",
        "title_zh_hans": "示例：轴承出口数据草稿",
        "summary_en": "A sample draft: only staff who may edit news can see it.",
        "summary_zh_hans": "草稿示例：只有可编辑新闻的工作人员可以看到。",
        "body_en": "<p>Illustrative draft text.</p>",
        "body_zh_hans": "<p>示例草稿。</p>",
    },
]

COLOURS = {
    "conferences-and-signings": ("#0b3d5c", "#e0a526"),
    "cluster-news": ("#1d5c3f", "#d9e4dc"),
    "policy": ("#4a2f5c", "#e6d8f0"),
}


def draw_cover(category_slug):
    """A 1200×630 cover: a bearing seen from the side, in the category's colours."""
    background, ring = COLOURS[category_slug]
    image = Image.new("RGB", (1200, 630), background)
    draw = ImageDraw.Draw(image)
    centre_x, centre_y = 840, 315
    draw.ellipse(
        (centre_x - 250, centre_y - 250, centre_x + 250, centre_y + 250), outline=ring, width=42
    )
    draw.ellipse(
        (centre_x - 120, centre_y - 120, centre_x + 120, centre_y + 120), outline=ring, width=30
    )
    for step in range(12):
        angle = step * 30
        x = centre_x + 185 * math.cos(math.radians(angle))
        y = centre_y + 185 * math.sin(math.radians(angle))
        draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=ring)
    for offset in range(0, 360, 40):
        draw.rectangle((80, 120 + offset, 80 + 360 - offset // 2, 140 + offset), fill=ring)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="cover.png")


def _create(fields, categories, cover):
    fields = dict(fields)
    slug = fields.pop("slug")
    if Article.objects.filter(slug=slug).exists():
        return Article.objects.get(slug=slug), False
    category = categories[fields.pop("category")]
    article = Article(slug=slug, category=category, **fields)
    if cover:
        article.cover = draw_cover(category.slug)
    article.full_clean()
    article.save()
    return article, True


def seed(stdout):
    categories = {}
    for slug, name_en, name_zh, order in CATEGORIES:
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_zh_hans": name_zh, "order": order}
        )

    conference, created = _create(
        {**CONFERENCE, "status": Article.Status.PUBLISHED}, categories, cover=True
    )
    # The signed projects may be seeded after a first run: linking is safe to repeat.
    conference.projects.add(*Project.objects.filter(signing_date=CONFERENCE_DAY))
    made = int(created)

    # Whole seconds, as the admin's time input shows them: saving unchanged changes nothing.
    now = timezone.now().replace(microsecond=0)
    for sample in SAMPLES:
        fields = {key: value for key, value in sample.items() if key != "days"}
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields["published_at"] = now + datetime.timedelta(days=sample["days"])
        fields["body_en"] = SAMPLE_EN + fields["body_en"]
        fields["body_zh_hans"] = SAMPLE_ZH + fields["body_zh_hans"]
        fields["cover_alt_en"] = "Illustration: a bearing drawn for a sample article"
        fields["cover_alt_zh_hans"] = "插图：为示例文章绘制的轴承"
        _article, created = _create(fields, categories, cover=True)
        made += created
    stdout.write(f"News: {made} articles added, {len(CATEGORIES)} categories in place.")
