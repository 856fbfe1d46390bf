"""Demo content: open investment opportunities, the projects the county still seeks investors
for. They are not signed projects, so the fifteen signed ones still add up to 10.22 billion
yuan; the site-wide demo notice says the records are illustrative.

`seed(sectors, parks)` creates the missing ones and leaves existing rows alone.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from .demo_images import add_drawn_picture
from .models import Project

YI = Decimal(100_000_000)
PROMOTER_EN = "Guanxian County Investment Promotion Service Centre"
PROMOTER_ZH = "冠县投资促进服务中心"

OPPORTUNITIES = [
    {
        "slug": "bearing-cage-plant",
        "picture": "bearing",
        "name_en": "Bearing cage plant",
        "name_zh": "轴承保持架项目",
        "sector": "precision-bearings",
        "park": "qingshui-bearing-forging-park",
        "yi": "3.5",
        "sought": Project.Sought.CHAIN_GAP,
        "preparation": Project.Preparation.FEASIBILITY,
        "land_ha": "6.67",
        "jobs": 260,
        "summary_en": (
            "The cluster forges over a million tons of rings a year but buys its cages from "
            "other provinces: the county seeks a maker of stamped steel and polyamide cages."
        ),
        "summary_zh": "集群年锻造套圈超过100万吨，保持架却从外省采购：县里寻求冲压钢保持架和尼龙保持架生产企业。",
        "scale_en": "200 million cages a year",
        "scale_zh": "年产保持架2亿件",
        "detail_en": (
            "A producer with its own stamping and injection-moulding lines, able to supply the "
            "bearing assemblers in the park within a day. The park offers a plot beside the "
            "buyers already at work."
        ),
        "detail_zh": "具备冲压和注塑生产线的保持架企业，能当日供货园区内的轴承装配企业。园区提供紧邻下游客户的地块。",
        "utilities_en": "10 kV power and water at the plot boundary; natural gas in the park road.",
        "utilities_zh": "地块红线处已通10千伏电力和供水；园区道路已敷设天然气管道。",
    },
    {
        "slug": "serviced-plot-qingshui-east",
        "picture": "park",
        "name_en": "Serviced plot, Qingshui park east",
        "name_zh": "清水园区东片净地",
        "sector": "ring-forging",
        "park": "qingshui-bearing-forging-park",
        "yi": "5",
        "sought": Project.Sought.PLOT,
        "preparation": Project.Preparation.READY,
        "land_ha": "13.33",
        "jobs": 400,
        "summary_en": (
            "A levelled industrial plot of 200 mu with land-use planning approved, for a forging "
            "or bearing plant of 500 million yuan or more."
        ),
        "summary_zh": "已完成平整、用地规划已批复的200亩工业用地，面向投资5亿元以上的锻造或轴承项目。",
        "scale_en": "200 mu; building coverage up to 60 per cent",
        "scale_zh": "200亩；建筑密度不超过60%",
        "detail_en": (
            "An investor who builds within a year of the land transfer. The plot can be split "
            "into two of 100 mu each for two investors."
        ),
        "detail_zh": "土地出让后一年内开工建设的投资者。地块可分为两块各100亩，供两家企业使用。",
        "utilities_en": (
            "Power: 35 kV substation 800 m away, 10 kV lines at the boundary.\n"
            "Water: municipal supply, 2,000 tons a day available.\n"
            "Natural gas: DN200 main along the north side.\n"
            "Steam: from the park's heating plant, 20 tons an hour.\n"
            "Roads: on the park's main road, 6 km to the G22 expressway."
        ),
        "utilities_zh": (
            "电力：距35千伏变电站800米，地块红线处有10千伏线路。\n"
            "供水：市政供水，每日可供2000吨。\n"
            "天然气：北侧有DN200主管道。\n"
            "蒸汽：园区热源厂供汽，每小时20吨。\n"
            "道路：临园区主干道，距G22高速公路6公里。"
        ),
    },
    {
        "slug": "forging-die-joint-venture",
        "picture": "press",
        "name_en": "Joint venture in forging dies and tooling",
        "name_zh": "锻造模具合资项目",
        "sector": "equipment",
        "park": "guanxian-bearing-industrial-park",
        "yi": "1.2",
        "sought": Project.Sought.JOINT_VENTURE,
        "preparation": Project.Preparation.APPROVED,
        "land_ha": "3.33",
        "jobs": 150,
        "summary_en": (
            "A Guanxian forging group offers a joint venture to a maker of hot-forging dies and "
            "ring-rolling tools, which the cluster's presses wear out by the thousand each year."
        ),
        "summary_zh": "冠县一家锻造企业集团寻求与热锻模具和辗环工装制造商合资，集群压力机每年消耗模具数以千计。",
        "scale_en": "3,000 die sets a year",
        "scale_zh": "年产模具3000套",
        "detail_en": (
            "A partner with die-steel know-how and surface treatment for dies, taking 40 to 51 "
            "per cent of the venture. The local partner brings the building, the first "
            "customers and service staff."
        ),
        "detail_zh": "掌握模具钢和模具表面处理技术的合作方，持股40%至51%。本地合作方提供厂房、首批客户和售后服务人员。",
        "utilities_en": (
            "A finished standard factory building of 12,000 square metres with a 20-ton crane."
        ),
        "utilities_zh": "已建成的标准厂房1.2万平方米，配20吨行车。",
    },
    {
        "slug": "bearing-seal-plant",
        "picture": "balls",
        "name_en": "Bearing seal and shield plant",
        "name_zh": "轴承密封件项目",
        "sector": "precision-bearings",
        "park": "guanxian-bearing-industrial-park",
        "yi": "0.8",
        "sought": Project.Sought.CHAIN_GAP,
        "preparation": Project.Preparation.CONCEPT,
        "land_ha": "2",
        "jobs": 90,
        "summary_en": (
            "Sealed bearings for vehicles need rubber seals and steel shields that no plant in "
            "the county makes: the county seeks a producer to open one beside the assemblers."
        ),
        "summary_zh": "汽车用密封轴承所需的橡胶密封圈和钢制防尘盖，县内尚无企业生产：县里寻求相关企业在装配企业旁设厂。",
        "scale_en": "150 million seals and shields a year",
        "scale_zh": "年产密封圈和防尘盖1.5亿件",
        "detail_en": (
            "A maker of bonded rubber seals with the approvals of vehicle makers, or a partner "
            "willing to gain them within two years."
        ),
        "detail_zh": "已获整车企业认可的橡胶骨架密封件生产企业，或愿在两年内取得认可的合作方。",
        "utilities_en": "",
        "utilities_zh": "",
    },
    {
        "slug": "export-consolidation-warehouse",
        "picture": "hall",
        "name_en": "Export consolidation warehouse",
        "name_zh": "出口集拼仓储中心",
        "sector": "logistics",
        "park": "guanxian-bearing-industrial-park",
        "yi": "0.6",
        "sought": Project.Sought.EQUITY,
        "preparation": Project.Preparation.FEASIBILITY,
        "land_ha": "4",
        "jobs": 70,
        "summary_en": (
            "A warehouse where the cluster's small exporters pool their rings and bearings into "
            "full containers for Qingdao port: the county seeks an equity investor and operator."
        ),
        "summary_zh": "为集群中小出口企业把套圈和轴承拼成整箱、发往青岛港的仓储中心：县里寻求股权投资者兼运营方。",
        "scale_en": "20,000 containers a year",
        "scale_zh": "年集拼集装箱2万标箱",
        "detail_en": (
            "A logistics company with customs experience, taking up to 49 per cent beside the "
            "county's investment company."
        ),
        "detail_zh": "具有报关经验的物流企业，与县属投资公司合作，持股不超过49%。",
        "utilities_en": "",
        "utilities_zh": "",
    },
]


def seed(sectors, parks):
    """The open opportunities; returns how many were created."""
    created_count = 0
    published_at = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    for row in OPPORTUNITIES:
        land = row["land_ha"]
        project, created = Project.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name_en": row["name_en"],
                "name_zh_hans": row["name_zh"],
                "summary_en": row["summary_en"],
                "summary_zh_hans": row["summary_zh"],
                "kind": Project.Kind.OPPORTUNITY,
                "stage": "",
                "sector": sectors[row["sector"]],
                "park": parks[row["park"]],
                "investment_yuan": Decimal(row["yi"]) * YI,
                "investor_en": PROMOTER_EN,
                "investor_zh_hans": PROMOTER_ZH,
                "sought": row["sought"],
                "preparation": row["preparation"],
                "scale_en": row["scale_en"],
                "scale_zh_hans": row["scale_zh"],
                "sought_detail_en": row["detail_en"],
                "sought_detail_zh_hans": row["detail_zh"],
                "utilities_en": row["utilities_en"],
                "utilities_zh_hans": row["utilities_zh"],
                "land_area_ha": Decimal(land) if land else None,
                "jobs": row["jobs"],
                "is_published": True,
                "published_at": published_at,
            },
        )
        created_count += created
        if created:
            add_drawn_picture(project, row["picture"])
    return created_count
