"""Demo text: fifteen projects signed at the 14 November 2023 conference, adding up to exactly
10.22 billion yuan (102.2亿元).

The projects, their investors and their figures are invented; the site says so once, in its
demo notice (portal/demo.py), rather than in every record. The investors are fictional firms
from the countries the cluster courts, named so that none can be mistaken for a real company.
Each project's timeline is its own: the gaps between its steps are drawn from its slug, steps
already reached lie before December 2026 and the planned ones after it.
"""

import datetime
import random

QS = "qingshui-bearing-forging-park"
GX = "guanxian-bearing-industrial-park"
SIGNED_ON = datetime.date(2023, 11, 14)
# Steps reached are dated before this day, planned ones after it.
DEMO_TODAY = datetime.date(2026, 12, 1)
STAGES = ["signed", "land", "construction", "trial", "production"]
STEPS = [
    ("Land secured", "取得土地", (45, 160)),
    ("Construction starts", "开工建设", (40, 150)),
    ("Trial production", "试生产", (280, 520)),
    ("Full production", "全面投产", (90, 260)),
]
PARK_NAMES = {
    QS: ("Qingshui Bearing Forging Industrial Park", "清水镇轴承锻造产业园"),
    GX: ("Guanxian Bearing Industrial Park", "冠县轴承产业园"),
}


def _milestones(slug, stage):
    """(date, title, Chinese title, done) from the signing to full production."""
    rng = random.Random(slug)  # noqa: S311 (a demo timeline, not a secret)
    reached = STAGES.index(stage)
    milestones = [(SIGNED_ON.isoformat(), "Agreement signed at the conference", "大会签约", True)]
    day = SIGNED_ON
    for index, (title_en, title_zh, (shortest, longest)) in enumerate(STEPS, start=1):
        day += datetime.timedelta(days=rng.randint(shortest, longest))
        done = index <= reached
        if done:
            day = min(day, DEMO_TODAY - datetime.timedelta(days=rng.randint(20, 90)))
        else:
            day = max(day, DEMO_TODAY + datetime.timedelta(days=rng.randint(40, 200)))
        milestones.append((day.isoformat(), title_en, title_zh, done))
    return milestones


def _project(
    slug,
    name_en,
    name_zh,
    sector,
    park,
    stage,
    yi,
    jobs,
    land_ha,
    what_en,
    what_zh,
    *,
    output_yi,
    investor,
    picture,
    featured=False,
):
    investor_en, investor_zh, country_en, country_zh = investor
    park_en, park_zh = PARK_NAMES[park]
    milestones = _milestones(slug, stage)
    return {
        "slug": slug,
        "name_en": name_en,
        "name_zh": name_zh,
        "sector": sector,
        "park": park,
        "stage": stage,
        "yi": yi,
        "output_yi": output_yi,
        "jobs": jobs,
        "land_ha": land_ha,
        "summary_en": what_en,
        "summary_zh": what_zh,
        "description_en": (
            f"{what_en}\n\nThe project takes {land_ha} hectares in the {park_en} and is "
            f"expected to employ {jobs} people when it runs at full capacity."
        ),
        "description_zh": (
            f"{what_zh}\n\n项目位于{park_zh}，占地{land_ha}公顷，全面达产后预计提供{jobs}个就业岗位。"
        ),
        "investor_en": investor_en,
        "investor_zh": investor_zh,
        "investor_country_en": country_en,
        "investor_country_zh": country_zh,
        # Construction runs from its start to trial production, done or planned.
        "construction_start": milestones[2][0],
        "construction_end": milestones[3][0],
        "featured": featured,
        "milestones": milestones,
        "picture": picture,
    }


PROJECTS = [
    _project(
        "wind-power-bearing-rings",
        "Large wind-power bearing rings",
        "大型风电轴承套圈",
        "ring-forging",
        QS,
        "construction",
        "15",
        600,
        "26.7",
        "Ring-rolling lines for slewing and main-shaft rings of wind turbines.",
        "建设风电回转支承和主轴轴承套圈辗环生产线。",
        featured=True,
        output_yi="31.5",
        investor=(
            "Halvorsen Windring AS",
            "哈尔沃森风电套圈股份公司",
            "Norway",
            "挪威",
        ),
        picture="rings",
    ),
    _project(
        "precision-auto-bearings",
        "Precision automotive bearings",
        "汽车精密轴承",
        "precision-bearings",
        GX,
        "land",
        "12",
        800,
        "20",
        "Hub and gearbox bearings for vehicle makers.",
        "生产汽车轮毂和变速箱轴承。",
        featured=True,
        output_yi="19.8",
        investor=(
            "Kestrelwerk Fahrzeuglager GmbH",
            "凯斯特尔韦克汽车轴承有限公司",
            "Germany",
            "德国",
        ),
        picture="bearing",
    ),
    _project(
        "intelligent-forging-centre",
        "Intelligent forging centre",
        "智能锻造中心",
        "ring-forging",
        QS,
        "trial",
        "10.5",
        450,
        "16",
        "Automated hot-forging cells with robotic handling.",
        "建设机器人上下料的自动化热锻单元。",
        featured=True,
        output_yi="14.2",
        investor=(
            "Liaocheng Zhenyue Intelligent Forging Co., Ltd.",
            "聊城砧岳智能锻造有限公司",
            "China",
            "中国",
        ),
        picture="press",
    ),
    _project(
        "rail-bearings",
        "Railway bearing works",
        "轨道交通轴承",
        "precision-bearings",
        GX,
        "signed",
        "8.6",
        380,
        "13.3",
        "Axle-box bearings for freight and metro cars.",
        "生产货车和地铁车辆轴箱轴承。",
        output_yi="11.9",
        investor=(
            "Baltlinija Axlebox Bearings UAB",
            "波罗的线轴箱轴承有限公司",
            "Lithuania",
            "立陶宛",
        ),
        picture="rollers",
    ),
    _project(
        "shared-heat-treatment",
        "Shared heat-treatment centre",
        "共享热处理中心",
        "heat-treatment",
        QS,
        "production",
        "8",
        220,
        "8",
        "Controlled-atmosphere furnaces serving the town's forgers.",
        "为全镇锻造企业提供可控气氛热处理服务。",
        featured=True,
        output_yi="5.6",
        investor=(
            "Qingshui Anvil-Fire Heat Treatment Co., Ltd.",
            "清水砧火热处理有限公司",
            "China",
            "中国",
        ),
        picture="furnace",
    ),
    _project(
        "ring-rolling-mills",
        "Ring-rolling mill plant",
        "辗环机制造",
        "equipment",
        GX,
        "construction",
        "7.5",
        300,
        "10",
        "Ring-rolling mills and presses for bearing forgers.",
        "为轴承锻造企业制造辗环机和压力机。",
        output_yi="9.4",
        investor=(
            "Shirakawa-Mori Ring Machinery Co., Ltd.",
            "白川森环机株式会社",
            "Japan",
            "日本",
        ),
        picture="press",
    ),
    _project(
        "cnc-ring-machining",
        "CNC ring machining",
        "数控套圈车削",
        "machining",
        QS,
        "production",
        "6.8",
        350,
        "9.3",
        "Turning lines that finish forged rings near the forges.",
        "就近车削锻造套圈的生产线。",
        output_yi="8.7",
        investor=(
            "Corvetto Tornitura Anelli S.r.l.",
            "科尔韦托套圈车削有限责任公司",
            "Italy",
            "意大利",
        ),
        picture="hall",
    ),
    _project(
        "tapered-rollers",
        "Tapered roller works",
        "圆锥滚子",
        "rolling-elements",
        GX,
        "trial",
        "6.2",
        260,
        "6.7",
        "Tapered and cylindrical rollers for heavy bearings.",
        "生产重型轴承用圆锥和圆柱滚子。",
        output_yi="10.1",
        investor=(
            "Onsanbit Precision Rollers Co., Ltd.",
            "温山光精密滚子株式会社",
            "Republic of Korea",
            "韩国",
        ),
        picture="rollers",
    ),
    _project(
        "bearing-steel-distribution",
        "Bearing steel distribution centre",
        "轴承钢配送中心",
        "logistics",
        GX,
        "land",
        "5.5",
        120,
        "12",
        "Stock and cutting of bearing steel bar for the cluster.",
        "为集群储备和切割轴承钢棒材。",
        output_yi="16.5",
        investor=(
            "Harbourline Bar Steel Supply Pte. Ltd.",
            "港线棒钢供应私人有限公司",
            "Singapore",
            "新加坡",
        ),
        picture="hall",
    ),
    _project(
        "cold-rolled-rings",
        "Cold-rolled rings",
        "冷辗套圈",
        "ring-forging",
        QS,
        "construction",
        "5",
        240,
        "6",
        "Cold ring rolling for small and medium bearings.",
        "中小型轴承套圈冷辗生产。",
        output_yi="6.9",
        investor=(
            "Guanxian Qingzhen Cold Rolling Co., Ltd.",
            "冠县青砧冷辗有限公司",
            "China",
            "中国",
        ),
        picture="rings",
    ),
    _project(
        "grinding-superfinishing",
        "Grinding and superfinishing",
        "磨削与超精加工",
        "machining",
        GX,
        "signed",
        "6",
        280,
        "7.3",
        "Grinding and superfinishing lines for precision rings.",
        "精密套圈磨削和超精加工生产线。",
        output_yi="7.8",
        investor=(
            "Velascor Rectificados de Precisión S.L.",
            "贝拉斯科精密磨削有限公司",
            "Spain",
            "西班牙",
        ),
        picture="bearing",
    ),
    _project(
        "steel-balls",
        "Precision steel balls",
        "精密钢球",
        "rolling-elements",
        QS,
        "production",
        "4.2",
        180,
        "4",
        "Grade G10 steel balls for ball bearings.",
        "生产G10级球轴承钢球。",
        output_yi="5.3",
        investor=(
            "Chao Phraya Ballworks Co., Ltd.",
            "湄南钢球制造有限公司",
            "Thailand",
            "泰国",
        ),
        picture="balls",
    ),
    _project(
        "testing-laboratory",
        "Bearing testing laboratory",
        "轴承检测实验室",
        "logistics",
        QS,
        "trial",
        "3.6",
        60,
        "2",
        "Life and noise testing for the cluster's bearings.",
        "为集群轴承提供寿命和噪声检测。",
        output_yi="1.2",
        investor=(
            "Wislana Bearing Test Laboratories Sp. z o.o.",
            "维斯瓦纳轴承检测实验室有限公司",
            "Poland",
            "波兰",
        ),
        picture="balls",
    ),
    _project(
        "induction-hardening",
        "Induction hardening line",
        "感应淬火生产线",
        "heat-treatment",
        GX,
        "land",
        "2.5",
        90,
        "3",
        "Induction hardening for large slewing rings.",
        "大型回转支承感应淬火。",
        output_yi="3.4",
        investor=(
            "Deccan Coilheat Systems Pvt. Ltd.",
            "德干线圈加热系统私人有限公司",
            "India",
            "印度",
        ),
        picture="furnace",
    ),
    _project(
        "forging-automation",
        "Forging automation retrofit",
        "锻造自动化改造",
        "equipment",
        QS,
        "production",
        "0.8",
        40,
        "1",
        "Robots and sensors retrofitted to existing forging lines.",
        "为现有锻造线加装机器人和传感器。",
        output_yi="1.1",
        investor=(
            "Liaocheng Zhenyue Automation Co., Ltd.",
            "聊城砧岳自动化有限公司",
            "China",
            "中国",
        ),
        picture="press",
    ),
]
