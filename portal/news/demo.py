"""Demo news for `manage.py seed_demo`: the 2023 conference as it happened, and recent news of
the (invented) projects around it, which the site-wide demo notice covers. Covers are drawn by
projects.demo_images, without text. Running it again changes nothing."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from projects.demo_images import drawn_picture
from projects.models import Project

from .models import Article, Category

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CONFERENCE_DAY = datetime.date(2023, 11, 14)
SOURCE_EN = "News Office of People's Government of Guanxian County"
SOURCE_ZH = "冠县人民政府新闻办公室"

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
    "source_en": SOURCE_EN,
    "source_zh_hans": SOURCE_ZH,
}

# Recent news around the signed projects, dated back from the day the demo is seeded; one is
# scheduled for a month ahead and one is a draft, to show both in the admin.
RECENT = [
    {
        "slug": "shared-heat-treatment-centre-in-qingshui-reaches-full-production",
        "category": "cluster-news",
        "days": -16,
        "picture": "furnace",
        "title_en": "Shared heat-treatment centre in Qingshui reaches full production",
        "title_zh_hans": "清水镇共享热处理中心全面投产",
        "summary_en": "Forgers in Qingshui Town can now send rings for controlled-atmosphere hardening next door instead of to other provinces.",
        "summary_zh_hans": "清水镇的锻造企业今后可就近把套圈送去做可控气氛淬火，不必再运往外省。",
        "body_en": "<p>The shared heat-treatment centre in the Qingshui Bearing Forging Industrial Park has reached full production. Its controlled-atmosphere furnaces harden rings for the town's forgers at cost.</p><p>Forgers that sent rings to other provinces for hardening save two to four days a batch.</p>",
        "body_zh_hans": "<p>清水镇轴承锻造产业园共享热处理中心已全面投产，可控气氛热处理炉按成本价为镇上的锻造企业加工套圈。</p><p>过去需要把套圈送往外省淬火的企业，每批可节省两到四天。</p>",
    },
    {
        "slug": "intelligent-forging-centre-starts-trial-production",
        "category": "cluster-news",
        "days": -48,
        "picture": "press",
        "title_en": "Intelligent forging centre starts trial production",
        "title_zh_hans": "智能锻造中心开始试生产",
        "summary_en": "The first automated hot-forging cell, with robotic handling from billet to ring, has forged its first batches.",
        "summary_zh_hans": "首个从坯料到套圈全程机器人上下料的自动化热锻单元已完成首批锻件。",
        "body_en": "<p>The intelligent forging centre, signed at the 2023 conference, has started trial production. Robots load billets into the press and take finished rings to the cooling line.</p>",
        "body_zh_hans": "<p>2023年大会签约的智能锻造中心已开始试生产。机器人把坯料送入压力机，并把锻好的套圈送往冷却线。</p>",
    },
    {
        "slug": "how-land-and-energy-costs-are-set-in-the-bearing-parks",
        "category": "policy",
        "days": -33,
        "picture": "park",
        "title_en": "How land and energy costs are set in the bearing parks",
        "title_zh_hans": "轴承产业园的土地和能源成本如何确定",
        "summary_en": "Where investors find the land, power and water prices of each park, and who confirms them.",
        "summary_zh_hans": "投资者在哪里查看各产业园的土地、电力和用水价格，以及由谁确认。",
        "body_en": "<h2>Where to look</h2><ol><li>Each park's page lists its current costs.</li><li>The park's investment officer confirms the price for a given plot and load.</li></ol>",
        "body_zh_hans": "<h2>查看方式</h2><ol><li>各产业园页面列出现行成本。</li><li>具体地块和用电负荷的价格由园区招商专员确认。</li></ol>",
    },
    {
        "slug": "european-bearing-makers-visit-the-qingshui-forges",
        "category": "conferences-and-signings",
        "days": -79,
        "picture": "hall",
        "title_en": "European bearing makers visit the Qingshui forges",
        "title_zh_hans": "欧洲轴承企业考察清水镇锻造企业",
        "summary_en": "A delegation of buyers and engineers toured forging halls and the two industrial parks, and met the investment office.",
        "summary_zh_hans": "由采购和工程人员组成的代表团参观了锻造车间和两个产业园，并与招商部门座谈。",
        "body_en": "<p>The visitors saw ring rolling, heat treatment and machining in three plants, then the plots still available in both parks.</p>",
        "body_zh_hans": "<p>代表团在三家工厂参观了辗环、热处理和机加工，随后考察了两个产业园尚可供应的地块。</p>",
    },
    {
        "slug": "investor-open-day-at-the-bearing-forging-industrial-park",
        "category": "conferences-and-signings",
        "days": 30,
        "picture": "rings",
        "title_en": "Investor open day at the bearing (forging) industrial park",
        "title_zh_hans": "轴承（锻造）产业园投资者开放日",
        "summary_en": "A park tour, a briefing on costs and meetings with the officers of both parks.",
        "summary_zh_hans": "参观产业园、介绍成本，并与两个产业园的招商专员座谈。",
        "body_en": "<p>Programme: park tour, cost briefing and meetings with officers.</p>",
        "body_zh_hans": "<p>日程：参观产业园、成本介绍、与招商专员座谈。</p>",
    },
    {
        "slug": "draft-notes-on-bearing-export-figures",
        "category": "cluster-news",
        "days": -1,
        "picture": "bearing",
        "status": Article.Status.DRAFT,
        "title_en": "Draft: notes on bearing export figures",
        "title_zh_hans": "草稿：轴承出口数据札记",
        "summary_en": "A draft: only staff who may edit news can see it.",
        "summary_zh_hans": "草稿：只有可编辑新闻的工作人员可以看到。",
        "body_en": "<p>Draft text.</p>",
        "body_zh_hans": "<p>草稿正文。</p>",
    },
]

COVER_SIZE = (1200, 630)


def _create(fields, categories, subject):
    fields = dict(fields)
    slug = fields.pop("slug")
    if Article.objects.filter(slug=slug).exists():
        return Article.objects.get(slug=slug), False
    category = categories[fields.pop("category")]
    picture = drawn_picture(slug, subject, size=COVER_SIZE)
    article = Article(
        slug=slug,
        category=category,
        cover_alt_en=picture.alt_en,
        cover_alt_zh_hans=picture.alt_zh,
        **fields,
    )
    article.cover = ContentFile(picture.file.read(), name="cover.jpg")
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
        {**CONFERENCE, "status": Article.Status.PUBLISHED}, categories, "bearing"
    )
    # The signed projects may be seeded after a first run: linking is safe to repeat.
    conference.projects.add(*Project.objects.filter(signing_date=CONFERENCE_DAY))
    made = int(created)

    # Whole seconds, as the admin's time input shows them: saving unchanged changes nothing.
    now = timezone.now().replace(microsecond=0)
    for item in RECENT:
        fields = {key: value for key, value in item.items() if key not in ("days", "picture")}
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields["published_at"] = now + datetime.timedelta(days=item["days"])
        _article, created = _create(fields, categories, item["picture"])
        made += created
    stdout.write(f"News: {made} articles added, {len(CATEGORIES)} categories in place.")
