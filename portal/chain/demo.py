"""Demo content: the bearing chain's stages and gaps, certifications, and 32 illustrative
enterprises along the chain.

The stages and gaps describe the cluster as the county presents it. The enterprises are made
up: each is named by its trade and a number (never like a real firm), is marked illustrative,
and its contact is on a reserved example domain. The site-wide demo notice covers them.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from projects.models import Park, Project, Sector

from .models import CapacityUnit, Certification, ChainGap, ChainStage, Enterprise

# (slug, English, Chinese, description en, description zh, registry sectors)
STAGES = [
    (
        "bearing-steel",
        "Bearing steel",
        "轴承钢",
        "High-carbon chromium steel bar and tube, bought in and stocked for the forges.",
        "高碳铬轴承钢棒材与管材的采购与仓储，供应锻造企业。",
        [],
    ),
    (
        "forging",
        "Forging",
        "锻造",
        "Hot forging of ring blanks on presses and hammers.",
        "在压力机和锻锤上热锻套圈毛坯。",
        ["ring-forging"],
    ),
    (
        "ring-rolling",
        "Ring rolling",
        "碾环",
        "Cold and hot ring rolling to near-net shape.",
        "冷碾与热碾，使套圈接近成品尺寸。",
        ["ring-forging"],
    ),
    (
        "turning",
        "Turning",
        "车加工",
        "Soft turning of rings on CNC lathes.",
        "在数控车床上对套圈进行软车加工。",
        ["machining"],
    ),
    (
        "heat-treatment",
        "Heat treatment",
        "热处理",
        "Through-hardening, carburising and tempering in controlled furnaces.",
        "在可控气氛炉中淬火、渗碳与回火。",
        ["heat-treatment"],
    ),
    (
        "grinding",
        "Grinding and superfinishing",
        "磨削与超精",
        "Grinding of raceways and faces, then superfinishing.",
        "滚道与端面磨削，再进行超精加工。",
        ["machining"],
    ),
    (
        "rolling-elements-cages",
        "Rolling elements and cages",
        "滚动体与保持架",
        "Balls, rollers and the cages that hold them.",
        "钢球、滚子及其保持架。",
        ["rolling-elements"],
    ),
    (
        "assembly",
        "Assembly",
        "装配",
        "Assembly, greasing, sealing and packing of finished bearings.",
        "成品轴承的装配、注脂、密封与包装。",
        ["precision-bearings"],
    ),
    (
        "testing",
        "Testing",
        "检测",
        "Dimensional, noise and life testing, and the instruments for it.",
        "尺寸、噪声与寿命检测，以及检测仪器。",
        ["equipment"],
    ),
    (
        "logistics",
        "Logistics",
        "物流",
        "Warehousing, customs and freight to ports and customers.",
        "仓储、报关以及到港口和客户的运输。",
        ["logistics"],
    ),
]

CERTIFICATIONS = [
    ("iso-9001", "ISO 9001", "Quality management", "质量管理体系"),
    (
        "iatf-16949",
        "IATF 16949",
        "Quality management for automotive suppliers",
        "汽车行业质量管理体系",
    ),
    ("iso-14001", "ISO 14001", "Environmental management", "环境管理体系"),
    ("iso-45001", "ISO 45001", "Occupational health and safety", "职业健康安全管理体系"),
    ("iso-50001", "ISO 50001", "Energy management", "能源管理体系"),
]

# (stage slug, title en, title zh, description en, description zh, opportunity slugs)
GAPS = [
    (
        "forging",
        "Forging dies and tooling",
        "锻造模具与工装",
        "Dies are made outside the county and take weeks to replace.",
        "模具多在县外制造，更换需数周。",
        ["forging-die-joint-venture"],
    ),
    (
        "heat-treatment",
        "Vacuum and low-pressure carburising",
        "真空与低压渗碳",
        "Wind-power and rail bearings need capacity the county's furnaces lack.",
        "风电和轨道交通轴承需要县内热处理炉尚不具备的能力。",
        ["serviced-plot-qingshui-east"],
    ),
    (
        "rolling-elements-cages",
        "Stamped steel and polyamide cages",
        "冲压钢保持架与尼龙保持架",
        "Assemblers buy most cages from other provinces.",
        "装配企业的保持架大多从外省采购。",
        ["bearing-cage-plant"],
    ),
    (
        "assembly",
        "Seals and shields",
        "密封件与防尘盖",
        "No seal maker works beside the assemblers.",
        "装配企业附近没有密封件生产企业。",
        ["bearing-seal-plant"],
    ),
    (
        "logistics",
        "Export consolidation",
        "出口集拼",
        "Small exporters ship part loads through other cities.",
        "小型出口企业的零担货物需经其他城市中转。",
        ["export-consolidation-warehouse"],
    ),
]

# (trade en, trade zh, stages, products en, products zh, capacity, unit, equipment en,
#  equipment zh, certifications, markets en, markets zh)
TRADES = {
    "steel": (
        "Bearing steel stockist",
        "轴承钢经销企业",
        ["bearing-steel"],
        "GCr15 bar and tube, cut to length",
        "GCr15棒材与管材，定尺切割",
        60000,
        CapacityUnit.TONNES,
        "Band saws, ultrasonic testing line",
        "带锯床、超声波探伤线",
        ["iso-9001"],
        "",
        "",
    ),
    "forging": (
        "Ring forging works",
        "套圈锻造企业",
        ["forging"],
        "Forged ring blanks, 50 to 600 mm",
        "锻造套圈毛坯，直径50至600毫米",
        30000,
        CapacityUnit.TONNES,
        "1,600 t and 2,500 t presses, induction heaters",
        "1600吨与2500吨压力机、中频加热炉",
        ["iso-9001", "iso-14001"],
        "Germany, India",
        "德国、印度",
    ),
    "forging-rolling": (
        "Forging and ring rolling works",
        "锻造碾环企业",
        ["forging", "ring-rolling"],
        "Forged and rolled rings up to 1.2 m",
        "锻造碾制套圈，最大1.2米",
        45000,
        CapacityUnit.TONNES,
        "Radial-axial ring rolling mill, 4,000 t press",
        "径轴向碾环机、4000吨压力机",
        ["iso-9001", "iatf-16949", "iso-14001"],
        "Germany, Italy, South Korea",
        "德国、意大利、韩国",
    ),
    "rolling": (
        "Cold ring rolling works",
        "冷碾套圈企业",
        ["ring-rolling"],
        "Cold-rolled rings for deep-groove ball bearings",
        "深沟球轴承冷碾套圈",
        18000000,
        CapacityUnit.PIECES,
        "Cold rolling machines, automatic loaders",
        "冷碾机、自动上料装置",
        ["iso-9001"],
        "",
        "",
    ),
    "turning": (
        "Ring turning works",
        "套圈车加工企业",
        ["turning"],
        "Soft-turned inner and outer rings",
        "车削内外圈",
        24000000,
        CapacityUnit.PIECES,
        "CNC lathes with gantry loaders",
        "带桁架上下料的数控车床",
        ["iso-9001"],
        "",
        "",
    ),
    "heat": (
        "Heat treatment works",
        "热处理企业",
        ["heat-treatment"],
        "Through-hardening and carburising of rings and rollers",
        "套圈与滚子的淬火和渗碳",
        20000,
        CapacityUnit.TONNES,
        "Mesh-belt furnaces, controlled-atmosphere lines",
        "网带炉、可控气氛热处理线",
        ["iso-9001", "iso-50001"],
        "",
        "",
    ),
    "grinding": (
        "Grinding works",
        "磨加工企业",
        ["grinding"],
        "Ground and superfinished rings",
        "磨削与超精加工套圈",
        15000000,
        CapacityUnit.PIECES,
        "Automatic grinding lines, superfinishers",
        "自动磨削线、超精机",
        ["iso-9001", "iatf-16949"],
        "Japan, Thailand",
        "日本、泰国",
    ),
    "turning-grinding": (
        "Ring machining works",
        "套圈机加工企业",
        ["turning", "grinding"],
        "Finished rings for tapered roller bearings",
        "圆锥滚子轴承成品套圈",
        9000000,
        CapacityUnit.PIECES,
        "CNC lathes, raceway grinders",
        "数控车床、滚道磨床",
        ["iso-9001", "iso-45001"],
        "Vietnam",
        "越南",
    ),
    "elements": (
        "Rolling element works",
        "滚动体企业",
        ["rolling-elements-cages"],
        "Steel balls and cylindrical rollers",
        "钢球与圆柱滚子",
        8000,
        CapacityUnit.TONNES,
        "Cold headers, lapping machines",
        "冷镦机、研磨机",
        ["iso-9001"],
        "India",
        "印度",
    ),
    "assembly": (
        "Bearing assembly works",
        "轴承装配企业",
        ["assembly"],
        "Deep-groove ball and tapered roller bearings",
        "深沟球轴承与圆锥滚子轴承",
        30000000,
        CapacityUnit.PIECES,
        "Automatic assembly and greasing lines",
        "自动装配与注脂线",
        ["iso-9001", "iatf-16949", "iso-14001"],
        "Brazil, Russia, United Arab Emirates",
        "巴西、俄罗斯、阿联酋",
    ),
    "testing": (
        "Bearing testing laboratory",
        "轴承检测企业",
        ["testing"],
        "Noise, vibration and life testing for bearing makers",
        "为轴承企业提供噪声、振动与寿命检测",
        None,
        CapacityUnit.PIECES,
        "Life test rigs, roundness and noise instruments",
        "寿命试验机、圆度仪、噪声测试仪",
        ["iso-9001"],
        "",
        "",
    ),
    "logistics": (
        "Bearing logistics company",
        "轴承物流企业",
        ["logistics"],
        "Warehousing and road freight to Qingdao and Tianjin ports",
        "仓储及至青岛港、天津港的公路运输",
        120000,
        CapacityUnit.TONNES,
        "Bonded warehouse, 40 trucks",
        "保税仓库、40辆货车",
        ["iso-9001"],
        "",
        "",
    ),
}

# (trade, how many of it, park slug or None)
SPREAD = [
    ("steel", 2, "qingshui-bearing-forging-park"),
    ("forging", 4, "qingshui-bearing-forging-park"),
    ("forging-rolling", 2, "qingshui-bearing-forging-park"),
    ("rolling", 3, None),
    ("turning", 4, None),
    ("heat", 3, "guanxian-bearing-industrial-park"),
    ("grinding", 3, "guanxian-bearing-industrial-park"),
    ("turning-grinding", 2, None),
    ("elements", 2, "guanxian-bearing-industrial-park"),
    ("assembly", 4, "guanxian-bearing-industrial-park"),
    ("testing", 2, "guanxian-bearing-industrial-park"),
    ("logistics", 1, None),
]
TOWNS = [
    ("Liulin", "柳林镇"),
    ("Dongguchen", "东古城镇"),
    ("Yanzhuang", "烟庄街道"),
    ("Qingquan", "清泉街道"),
]


def _enterprises():
    """(slug, fields, stage slugs, certification slugs) of each illustrative enterprise."""
    number = 0
    today = timezone.localdate()
    for trade, count, park in SPREAD:
        (
            name_en,
            name_zh,
            stages,
            products_en,
            products_zh,
            capacity,
            unit,
            equipment_en,
            equipment_zh,
            certifications,
            markets_en,
            markets_zh,
        ) = TRADES[trade]
        for index in range(count):
            number += 1
            town = TOWNS[number % len(TOWNS)]
            scale = Decimal(100 + (number * 37) % 90) / 100
            fields = {
                "name_en": f"{name_en} {number}",
                "name_zh_hans": f"{name_zh}{number}号",
                "town_en": "" if park else town[0],
                "town_zh_hans": "" if park else town[1],
                "main_products_en": products_en,
                "main_products_zh_hans": products_zh,
                "capacity": (Decimal(capacity) * scale).quantize(Decimal(1)) if capacity else None,
                "capacity_unit": unit,
                "key_equipment_en": equipment_en,
                "key_equipment_zh_hans": equipment_zh,
                "export_markets_en": markets_en if index % 2 == 0 else "",
                "export_markets_zh_hans": markets_zh if index % 2 == 0 else "",
                "year_founded": 1988 + (number * 7) % 34,
                "business_email": f"sales@enterprise-{number}.example",
                "business_phone": f"0635-555-{number:04d}",
                "last_checked": today - datetime.timedelta(days=20 + (number * 11) % 300),
                "is_illustrative": True,
            }
            certs = certifications if index % 3 else certifications[:1]
            yield f"enterprise-{number}", fields, park, stages, certs


def seed(stdout):
    sectors = {s.slug: s for s in Sector.objects.all()}
    stages = {}
    for order, (slug, name_en, name_zh, text_en, text_zh, sector_slugs) in enumerate(STAGES):
        stage, _created = ChainStage.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_zh_hans": name_zh,
                "description_en": text_en,
                "description_zh_hans": text_zh,
                "order": order,
                "is_published": True,
            },
        )
        if _created:
            stage.sectors.set([sectors[s] for s in sector_slugs if s in sectors])
        stages[slug] = stage
    certifications = {}
    for order, (slug, code, name_en, name_zh) in enumerate(CERTIFICATIONS):
        certifications[slug], _created = Certification.objects.get_or_create(
            slug=slug,
            defaults={"code": code, "name_en": name_en, "name_zh_hans": name_zh, "order": order},
        )
    opportunities = {p.slug: p for p in Project.objects.filter(kind=Project.Kind.OPPORTUNITY)}
    gaps = 0
    for order, (stage, title_en, title_zh, text_en, text_zh, wanted) in enumerate(GAPS):
        gap, created = ChainGap.objects.get_or_create(
            stage=stages[stage],
            title_en=title_en,
            defaults={
                "title_zh_hans": title_zh,
                "description_en": text_en,
                "description_zh_hans": text_zh,
                "order": order,
                "is_published": True,
            },
        )
        if created:
            gap.opportunities.set([opportunities[s] for s in wanted if s in opportunities])
            gaps += 1
    parks = {p.slug: p for p in Park.objects.all()}
    published_at = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    added = 0
    for slug, fields, park, stage_slugs, cert_slugs in _enterprises():
        enterprise, created = Enterprise.objects.get_or_create(
            slug=slug,
            defaults={
                **fields,
                "park": parks.get(park) if park else None,
                "is_published": True,
                "published_at": published_at,
            },
        )
        if created:
            enterprise.stages.set([stages[s] for s in stage_slugs])
            enterprise.certifications.set([certifications[c] for c in cert_slugs])
            added += 1
    stdout.write(
        f"Industry chain: {len(stages)} stages, {gaps} new gaps, {added} new illustrative "
        "enterprises."
    )
