"""Demo text: sectors, the two parks (their names, land and costs invented for the demo, which
the site-wide demo notice says), and the county's published figures and partners with their
source."""

SOURCE_EN = "News Office of People's Government of Guanxian County"
SOURCE_ZH = "冠县人民政府新闻办公室"

SECTORS = [
    (
        "ring-forging",
        "Bearing ring forging",
        "轴承套圈锻造",
        "Hot and cold forging of bearing rings, the cluster's core trade.",
        "轴承套圈热锻与冷辗，是产业集群的核心。",
    ),
    (
        "precision-bearings",
        "Precision bearings",
        "精密轴承",
        "Finished bearings for vehicles, wind power, rail and machine tools.",
        "面向汽车、风电、轨道交通和机床的成品轴承。",
    ),
    (
        "heat-treatment",
        "Heat treatment",
        "热处理",
        "Controlled-atmosphere and induction hardening for rings and rollers.",
        "套圈和滚动体的可控气氛热处理与感应淬火。",
    ),
    (
        "machining",
        "Turning and grinding",
        "车削与磨削",
        "CNC turning and grinding of forged rings to finished dimensions.",
        "锻件的数控车削和磨削加工。",
    ),
    (
        "rolling-elements",
        "Rolling elements",
        "滚动体",
        "Steel balls, rollers and needles.",
        "钢球、滚子和滚针。",
    ),
    (
        "equipment",
        "Forging and machining equipment",
        "锻造与加工装备",
        "Presses, ring-rolling mills and automation for the cluster's plants.",
        "压力机、辗环机及自动化装备。",
    ),
    (
        "logistics",
        "Logistics and services",
        "物流与配套服务",
        "Steel supply, testing, warehousing and transport.",
        "钢材供应、检测、仓储和运输。",
    ),
]

PARKS = [
    {
        "slug": "qingshui-bearing-forging-park",
        "name_en": "Qingshui Bearing Forging Industrial Park",
        "name_zh_hans": "清水镇轴承锻造产业园",
        "tagline_en": "Next to China's top bearing-forging town",
        "tagline_zh_hans": "紧邻中国轴承锻造第一镇",
        "summary_en": (
            "A park for forging, heat treatment and machining in Qingshui Town, in the east of "
            "Guanxian County, a short drive from the town's forges and their suppliers."
        ),
        "summary_zh_hans": "位于冠县东部清水镇，承接锻造、热处理和机加工项目，距镇上的锻造企业及其配套供应商车程很短。",
        "body_en": (
            "Qingshui Town forges a large share of China's bearing rings. The park gathers "
            "forging plants, shared heat-treatment lines and testing services in one place, so "
            "that a ring can go from billet to tested part without leaving the park."
        ),
        "body_zh_hans": "清水镇锻造了全国相当比例的轴承套圈。产业园把锻造企业、共享热处理线和检测服务集中在一起，套圈从坯料到检测合格无需出园。",
        "status": "construction",
        "planned_area_ha": "200",
        "developed_area_ha": "86.5",
        "available_area_ha": "60",
        "sectors": ["ring-forging", "heat-treatment", "machining"],
        "power_en": "Two 110 kV substations; dual-circuit supply for forging lines.",
        "power_zh_hans": "两座110千伏变电站，锻造线双回路供电。",
        "water_en": "Industrial water 20,000 tons a day.",
        "water_zh_hans": "工业用水日供2万吨。",
        "gas_en": "Natural gas pipeline to every plot.",
        "gas_zh_hans": "天然气管道通达每个地块。",
        "steam_en": "Shared steam network planned.",
        "steam_zh_hans": "规划建设集中供汽管网。",
        "transport_en": "Provincial roads to the Qingdao-Yinchuan expressway; rail freight in Liaocheng.",
        "transport_zh_hans": "省道连接青银高速，聊城设铁路货运站。",
        "incentives_en": (
            "Land at the provincial benchmark price for projects over 100 million yuan\n"
            "Shared heat-treatment and testing centre at cost\n"
            "One officer who follows each project from signing to production"
        ),
        "incentives_zh_hans": "投资1亿元以上项目按省定基准地价供地\n共享热处理和检测中心按成本收费\n专人从签约到投产全程跟踪服务",
        "address_en": "Qingshui Town, Guanxian County, Liaocheng, Shandong Province",
        "address_zh_hans": "山东省聊城市冠县清水镇",
        "latitude": "36.470000",
        "longitude": "115.560000",
        "contact_name_en": "Park investment officer",
        "contact_name_zh_hans": "园区招商专员",
        "contact_title_en": "Qingshui Town investment service",
        "contact_title_zh_hans": "清水镇招商服务",
        "contact_email": "qingshui-park@guanxian.example.cn",
        "contact_phone": "+86 635 000 0001",
        "costs": [
            (
                "Industrial land",
                "工业用地",
                "150000",
                "yuan per mu",
                "元/亩",
                "Indicative; the park officer confirms it",
                "参考价格，以园区招商专员确认为准",
            ),
            (
                "Industrial electricity",
                "工业用电",
                "0.65",
                "yuan per kWh",
                "元/千瓦时",
                "Indicative; the park officer confirms it",
                "参考价格，以园区招商专员确认为准",
            ),
            ("Industrial water", "工业用水", "4.2", "yuan per ton", "元/吨", "", ""),
            ("Natural gas", "天然气", "3.6", "yuan per m³", "元/立方米", "", ""),
            (
                "Average monthly wage",
                "月平均工资",
                "4500",
                "yuan",
                "元",
                "Skilled forging worker",
                "熟练锻造工人",
            ),
        ],
    },
    {
        "slug": "guanxian-bearing-industrial-park",
        "name_en": "Guanxian Bearing Industrial Park",
        "name_zh_hans": "冠县轴承产业园",
        "tagline_en": "Precision bearings and equipment by the county seat",
        "tagline_zh_hans": "县城旁的精密轴承与装备园区",
        "summary_en": (
            "A park for finished bearings, rolling elements and equipment near the county seat, "
            "with standard factory buildings ready for fit-out."
        ),
        "summary_zh_hans": "位于县城附近，承接成品轴承、滚动体和装备项目，建有可直接装修入驻的标准厂房。",
        "body_en": (
            "The park takes the cluster from forged rings to finished precision bearings, with "
            "standard factory buildings ready for fit-out and a wastewater plant on site."
        ),
        "body_zh_hans": "产业园推动集群从锻件走向成品精密轴承，建有可直接装修入驻的标准厂房，园区内设污水处理厂。",
        "status": "planned",
        "planned_area_ha": "140",
        "developed_area_ha": "90",
        "available_area_ha": "48",
        "sectors": ["precision-bearings", "rolling-elements", "equipment", "logistics"],
        "power_en": "220 kV substation within 3 km.",
        "power_zh_hans": "3公里内有220千伏变电站。",
        "water_en": "Municipal water and a wastewater plant on site.",
        "water_zh_hans": "市政供水，园区内建污水处理厂。",
        "gas_en": "Natural gas from the county network.",
        "gas_zh_hans": "接入县级天然气管网。",
        "steam_en": "",
        "steam_zh_hans": "",
        "transport_en": "Ten minutes to the expressway; forty minutes to Liaocheng railway station.",
        "transport_zh_hans": "距高速公路10分钟，距聊城火车站40分钟。",
        "incentives_en": (
            "Standard factory buildings to rent or buy\n"
            "Support for research and testing equipment\n"
            "Help with recruiting and training skilled workers"
        ),
        "incentives_zh_hans": "标准厂房可租可售\n研发和检测设备补助\n协助招聘和培训技术工人",
        "address_en": "Guanxian County seat, Liaocheng, Shandong Province",
        "address_zh_hans": "山东省聊城市冠县县城",
        "latitude": "36.490000",
        "longitude": "115.460000",
        "contact_name_en": "Park investment officer",
        "contact_name_zh_hans": "园区招商专员",
        "contact_title_en": "Guanxian Investment Promotion Bureau",
        "contact_title_zh_hans": "冠县投资促进局",
        "contact_email": "bearing-park@guanxian.example.cn",
        "contact_phone": "+86 635 000 0002",
        "costs": [
            (
                "Industrial land",
                "工业用地",
                "160000",
                "yuan per mu",
                "元/亩",
                "Indicative; the park officer confirms it",
                "参考价格，以园区招商专员确认为准",
            ),
            (
                "Standard factory rent",
                "标准厂房租金",
                "8",
                "yuan per m² per month",
                "元/平方米/月",
                "Indicative; the park officer confirms it",
                "参考价格，以园区招商专员确认为准",
            ),
            ("Industrial electricity", "工业用电", "0.66", "yuan per kWh", "元/千瓦时", "", ""),
            ("Industrial water", "工业用水", "4.2", "yuan per ton", "元/吨", "", ""),
            ("Average monthly wage", "月平均工资", "4800", "yuan", "元", "", ""),
        ],
    },
]

# label, Chinese label, prefix, Chinese prefix, value, unit, Chinese unit
FIGURES = [
    ("Bearing processing enterprises", "轴承加工企业", "", "", "528", "companies", "家"),
    ("Machine tools", "机床", "", "", "11000", "machines", "台"),
    ("Workers in the cluster", "从业人员", "over", "超过", "20000", "people", "人"),
    ("Yearly forging capacity", "年产能", "over", "超过", "1000000", "tons", "吨"),
    ("Yearly output value", "年产值", "", "", "8000000000", "yuan", "元"),
    (
        "Share of China's bearing-forging market",
        "全国轴承锻件市场份额",
        "over",
        "超过",
        "25",
        "%",
        "%",
    ),
]

AGREEMENT_EN = "Strategic cooperation agreement with Liaocheng City and Guanxian County"
AGREEMENT_ZH = "与聊城市、冠县签署战略合作协议"
PARTNERS = [
    ("China Bearing Industry Association", "中国轴承工业协会", AGREEMENT_EN, AGREEMENT_ZH),
    ("Confederation of Chinese Metalforming Industry", "中国锻压协会", AGREEMENT_EN, AGREEMENT_ZH),
    (
        "Luoyang Bearing Research Institute Co., Ltd.",
        "洛阳轴承研究所有限公司",
        AGREEMENT_EN,
        AGREEMENT_ZH,
    ),
]
