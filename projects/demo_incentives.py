"""Demo content: incentives with document numbers in the Chinese style, and workforce figures
by role. Both are illustrative (the site-wide demo notice says so; the workforce figures'
source says it too). Two incentives have expired and one starts later: the site leaves out
both kinds by itself, which is what they are here to show.

`seed(sectors, parks)` creates the missing rows and leaves existing ones alone.
"""

import datetime

from .models import Incentive, WorkforceFigure

# When the office means to check them again (as the parks and figures, projects/demo.py).
REVIEW_BY = datetime.date(2027, 6, 30)

QINGSHUI = "qingshui-bearing-forging-park"
GUANXIAN = "guanxian-bearing-industrial-park"
BOTH = (QINGSHUI, GUANXIAN)

COUNTY_EN, COUNTY_ZH = "People's Government of Guanxian County", "冠县人民政府"
INDUSTRY_EN, INDUSTRY_ZH = (
    "Guanxian Bureau of Industry and Information Technology",
    "冠县工业和信息化局",
)
LABOUR_EN = "Guanxian Human Resources and Social Security Bureau"
LABOUR_ZH = "冠县人力资源和社会保障局"

INCENTIVES = [
    {
        "document_number": "冠政发〔2024〕8号",
        "title_en": "Land price refund for bearing and forging projects",
        "title_zh": "轴承锻造项目土地出让金返还",
        "issuer": (COUNTY_EN, COUNTY_ZH),
        "valid": ("2024-03-01", "2027-02-28"),
        "eligibility_en": (
            "New bearing and forging projects with a fixed-asset investment of 100 million "
            "yuan or more, building within six months of the land transfer."
        ),
        "eligibility_zh": "固定资产投资1亿元以上、土地出让后6个月内开工的新建轴承和锻造项目。",
        "benefit_en": "Up to half of the county's share of the land price, refunded over three years",
        "benefit_zh": "返还县级留成土地出让金的一半，分三年兑现",
        "parks": BOTH,
        "sectors": (),
    },
    {
        "document_number": "冠工信发〔2025〕3号",
        "title_en": "Subsidy for new forging and heat-treatment equipment",
        "title_zh": "锻造和热处理设备购置补贴",
        "issuer": (INDUSTRY_EN, INDUSTRY_ZH),
        "valid": ("2025-01-01", "2027-06-30"),
        "eligibility_en": (
            "Enterprises buying new presses, ring-rolling mills or controlled-atmosphere "
            "furnaces worth 5 million yuan or more."
        ),
        "eligibility_zh": "购置新压力机、辗环机或可控气氛热处理炉，设备投资500万元以上的企业。",
        "benefit_en": "10 per cent of the equipment price, up to 5 million yuan per enterprise",
        "benefit_zh": "按设备价款的10%补贴，每家企业最高500万元",
        "parks": BOTH,
        "sectors": ("ring-forging", "heat-treatment", "equipment"),
    },
    {
        "document_number": "冠人社发〔2025〕11号",
        "title_en": "Training subsidy for skilled workers",
        "title_zh": "技能人才培训补贴",
        "issuer": (LABOUR_EN, LABOUR_ZH),
        "valid": ("2025-07-01", "2028-06-30"),
        "eligibility_en": (
            "Employers in the county whose workers gain a vocational skill certificate in "
            "forging, heat treatment or CNC machining."
        ),
        "eligibility_zh": "职工取得锻造、热处理或数控加工职业技能等级证书的县内用人单位。",
        "benefit_en": "1,500 yuan per certified worker",
        "benefit_zh": "每取得一张证书补贴1500元",
        "parks": BOTH,
        "sectors": (),
    },
    {
        "document_number": "清政发〔2024〕5号",
        "title_en": "Shared heat treatment and testing at cost",
        "title_zh": "共享热处理和检测按成本收费",
        "issuer": ("People's Government of Qingshui Town", "清水镇人民政府"),
        "valid": ("2024-06-01", None),
        "eligibility_en": "Enterprises of the Qingshui park using the shared centre.",
        "eligibility_zh": "使用共享中心的清水园区企业。",
        "benefit_en": "Heat treatment and testing charged at cost, with no profit margin",
        "benefit_zh": "热处理和检测服务按成本收费，不计利润",
        "parks": (QINGSHUI,),
        "sectors": ("ring-forging", "heat-treatment"),
    },
    {
        "document_number": "冠开管发〔2025〕2号",
        "title_en": "Rent-free standard factory buildings",
        "title_zh": "标准厂房租金减免",
        "issuer": (
            "Management Committee of Guanxian Economic Development Zone",
            "冠县经济开发区管理委员会",
        ),
        "valid": ("2025-09-01", "2027-08-31"),
        "eligibility_en": (
            "Bearing and equipment makers renting a standard factory building of 3,000 "
            "square metres or more for at least five years."
        ),
        "eligibility_zh": "租用3000平方米以上标准厂房、租期5年以上的轴承和装备制造企业。",
        "benefit_en": "No rent for the first two years, half rent in the third",
        "benefit_zh": "前两年免收租金，第三年减半",
        "parks": (GUANXIAN,),
        "sectors": ("precision-bearings", "equipment"),
    },
    # Expired: kept as records, never shown.
    {
        "document_number": "冠政发〔2021〕15号",
        "title_en": "Subsidy for moving workshops into the parks",
        "title_zh": "企业入园搬迁补助",
        "issuer": (COUNTY_EN, COUNTY_ZH),
        "valid": ("2021-01-01", "2023-12-31"),
        "eligibility_en": "Village workshops moving into an industrial park.",
        "eligibility_zh": "由村内作坊搬迁入园的企业。",
        "benefit_en": "200 yuan per square metre of workshop moved",
        "benefit_zh": "按搬迁厂房面积每平方米补助200元",
        "parks": BOTH,
        "sectors": (),
    },
    {
        "document_number": "冠工信发〔2023〕7号",
        "title_en": "Interest subsidy on technology upgrade loans",
        "title_zh": "技术改造贷款贴息",
        "issuer": (INDUSTRY_EN, INDUSTRY_ZH),
        "valid": ("2023-01-01", "2025-12-31"),
        "eligibility_en": "Technology upgrade loans of 10 million yuan or more.",
        "eligibility_zh": "1000万元以上的技术改造贷款。",
        "benefit_en": "Half of the interest for two years",
        "benefit_zh": "两年内贴息50%",
        "parks": BOTH,
        "sectors": (),
    },
    # Not yet valid: it appears on its first day.
    {
        "document_number": "冠政发〔2026〕21号",
        "title_en": "Reward for bearing research and development centres",
        "title_zh": "轴承研发中心奖励",
        "issuer": (COUNTY_EN, COUNTY_ZH),
        "valid": ("2027-07-01", "2030-06-30"),
        "eligibility_en": "Enterprises whose research centre is recognised at provincial level.",
        "eligibility_zh": "研发中心获评省级企业技术中心的企业。",
        "benefit_en": "A one-off reward of 1 million yuan",
        "benefit_zh": "一次性奖励100万元",
        "parks": BOTH,
        "sectors": (),
    },
]

WORKFORCE_SOURCE_EN = f"{LABOUR_EN}; illustrative figures for the demo"
WORKFORCE_SOURCE_ZH = f"{LABOUR_ZH}；演示用示例数据"
WORKFORCE_AS_OF = datetime.date(2026, 6, 30)

# role, wage from and to (yuan a month), people in the county, availability
WORKFORCE = [
    ("Forging press operator", "锻压操作工", 5200, 6800, 6000,
     "Readily available; hired within two weeks", "供给充足，两周内可招到"),
    ("Ring-rolling mill operator", "辗环操作工", 5800, 7500, 2500,
     "Available; hired within a month", "较充足，一个月内可招到"),
    ("CNC turning and grinding operator", "数控车磨工", 5500, 7200, 4000,
     "Readily available; hired within two weeks", "供给充足，两周内可招到"),
    ("Heat-treatment technician", "热处理技术员", 6500, 8500, 800,
     "Scarce; hired within one to two months", "较紧缺，一至两个月可招到"),
    ("Quality inspector", "质检员", 4800, 6000, 1500,
     "Available; hired within a month", "较充足，一个月内可招到"),
    ("Mechanical engineer, bachelor's degree", "机械工程师（本科）", 7500, 11000, 600,
     "Scarce; recruited from the universities of Jinan and Liaocheng",
     "紧缺，主要从济南、聊城高校招聘"),
    ("General production worker", "普工", 4200, 5000, None,
     "Plentiful; hired within a week", "供给充足，一周内可招到"),
]  # fmt: skip


def _day(value):
    return datetime.date.fromisoformat(value) if value else None


def seed(sectors, parks):
    """The incentives and the workforce figures; returns how many rows were created."""
    created_count = 0
    for order, row in enumerate(INCENTIVES):
        issuer_en, issuer_zh = row["issuer"]
        valid_from, valid_until = row["valid"]
        incentive, created = Incentive.objects.get_or_create(
            document_number=row["document_number"],
            defaults={
                "title_en": row["title_en"],
                "title_zh_hans": row["title_zh"],
                "issuer_en": issuer_en,
                "issuer_zh_hans": issuer_zh,
                "valid_from": _day(valid_from),
                "valid_until": _day(valid_until),
                "eligibility_en": row["eligibility_en"],
                "eligibility_zh_hans": row["eligibility_zh"],
                "benefit_en": row["benefit_en"],
                "benefit_zh_hans": row["benefit_zh"],
                "order": order,
                "review_by": REVIEW_BY,
            },
        )
        if not created:
            continue
        created_count += 1
        incentive.parks.set([parks[slug] for slug in row["parks"]])
        incentive.sectors.set([sectors[slug] for slug in row["sectors"]])
    for order, (role_en, role_zh, low, high, workers, avail_en, avail_zh) in enumerate(WORKFORCE):
        _figure, created = WorkforceFigure.objects.get_or_create(
            role_en=role_en,
            defaults={
                "role_zh_hans": role_zh,
                "wage_from_yuan": low,
                "wage_to_yuan": high,
                "workers": workers,
                "availability_en": avail_en,
                "availability_zh_hans": avail_zh,
                "source_en": WORKFORCE_SOURCE_EN,
                "source_zh_hans": WORKFORCE_SOURCE_ZH,
                "as_of": WORKFORCE_AS_OF,
                "order": order,
            },
        )
        created_count += created
    return created_count
