"""Demo content of the investor's pages: the cluster's real facts with their source, logistics
(illustrative distances, marked as such on the page) and the steps of setting up a plant with
the laws they rest on.

`seed(stdout)` is called by `manage.py seed_demo`; running it twice changes nothing.
"""

import datetime

from .models import Advantage, Connection, SetupStep

CONFERENCE_DATE = datetime.date(2023, 11, 14)
NEWS_OFFICE_EN = "News Office of People's Government of Guanxian County"
NEWS_OFFICE_ZH = "冠县人民政府新闻办公室"
DEMO_NOTE_EN = "Guanxian investment office; illustrative text for the demo"
DEMO_NOTE_ZH = "冠县招商部门；演示用示例文字"

# topic, title, text (English, Chinese), source (English, Chinese)
ADVANTAGES = [
    (
        Advantage.Topic.CLUSTER,
        ("Over a quarter of China's bearing-forging market", "占全国轴承锻件市场四分之一以上"),
        (
            "Guanxian's 528 bearing processing enterprises run 11,000 machine tools, forge over "
            "a million tons a year and turn out 8 billion yuan of output.",
            "冠县有轴承加工企业528家、机床1.1万台，年锻造能力100万吨以上，年产值80亿元。",
        ),
        (NEWS_OFFICE_EN, NEWS_OFFICE_ZH),
    ),
    (
        Advantage.Topic.CLUSTER,
        ("China's top bearing-forging town", "中国轴承锻造第一镇"),
        (
            "Qingshui Town is the heart of the cluster, under the brand “Guanxian Bearing Forged "
            "in Qingshui”.",
            "清水镇是产业集群的核心，打造“冠县轴承·清水锻造”品牌。",
        ),
        (NEWS_OFFICE_EN, NEWS_OFFICE_ZH),
    ),
    (
        Advantage.Topic.CLUSTER,
        ("The industry's institutions as partners", "行业机构是合作伙伴"),
        (
            "In November 2023 the city and the county signed strategic cooperation agreements "
            "with the China Bearing Industry Association, the Confederation of Chinese "
            "Metalforming Industry and Luoyang Bearing Research Institute Co., Ltd.",
            "2023年11月，市、县两级与中国轴承工业协会、中国锻压协会、洛阳轴承研究所有限公司签署战略合作协议。",
        ),
        (NEWS_OFFICE_EN, NEWS_OFFICE_ZH),
    ),
    (
        Advantage.Topic.CLUSTER,
        ("Two parks for a ten-billion-yuan cluster", "两个园区，打造百亿级产业集群"),
        (
            "The county is building two bearing (forging) industrial parks and aims at a "
            "ten-billion-yuan cluster within three to five years; 15 key projects worth 10.22 "
            "billion yuan were signed at the 2023 conference.",
            "冠县正在建设两个轴承（锻造）产业园，力争3至5年打造百亿级产业集群；2023年大会签约重点项目15个，总投资102.2亿元。",
        ),
        (NEWS_OFFICE_EN, NEWS_OFFICE_ZH),
    ),
    (
        Advantage.Topic.COSTS,
        ("Land and utilities at county prices", "县域价格的土地和能源"),
        (
            "Industrial land, power, water and gas cost what a county in western Shandong "
            "charges, well below the coastal cities; each park's page lists its prices.",
            "工业用地和水、电、气价格为鲁西县域水平，明显低于沿海城市；各园区页面列有具体价格。",
        ),
        (DEMO_NOTE_EN, DEMO_NOTE_ZH),
    ),
    (
        Advantage.Topic.SUPPLIERS,
        ("Suppliers within a short drive", "供应商就在身边"),
        (
            "Ring forging, heat treatment, turning and grinding, rolling elements and forging "
            "equipment are all made in the cluster, so a new plant finds most of its suppliers "
            "in the county.",
            "套圈锻造、热处理、车磨加工、滚动体和锻造装备均在集群内配套，新建工厂的大部分供应商都在县内。",
        ),
        (DEMO_NOTE_EN, DEMO_NOTE_ZH),
    ),
    (
        Advantage.Topic.LABOUR,
        ("A workforce that knows forging", "懂锻造的产业工人"),
        (
            "Over 20,000 people work in the cluster, many of them in families that have forged "
            "bearing rings for a generation.",
            "集群从业人员2万余人，其中许多家庭从事轴承套圈锻造已有一代人之久。",
        ),
        (NEWS_OFFICE_EN, NEWS_OFFICE_ZH),
    ),
]

CONNECTIONS_SOURCE = ("Road distances measured on a map", "按地图量算的公路里程")
# destination, mode, km, hours, route: all estimates, shown as illustrative
CONNECTIONS = [
    (("Jinan Yaoqiang International Airport", "济南遥墙国际机场"), Connection.Mode.AIRPORT,
     "185", "2.25", ("by the G22 and G2 expressways", "经G22青兰高速、G2京沪高速")),
    (("Shijiazhuang Zhengding International Airport", "石家庄正定国际机场"), Connection.Mode.AIRPORT,
     "260", "3", ("by the G22 and G4 expressways", "经G22青兰高速、G4京港澳高速")),
    (("Qingdao Port", "青岛港"), Connection.Mode.PORT, "480", "5.5",
     ("by the G22 Qingdao–Lanzhou expressway", "经G22青兰高速")),
    (("Tianjin Port", "天津港"), Connection.Mode.PORT, "390", "4.75",
     ("by the G3 and G2 expressways", "经G3京台高速、G2京沪高速")),
    (("Liaocheng West Station", "聊城西站"), Connection.Mode.RAIL, "55", "0.75",
     ("Jinan–Zhengzhou high-speed railway", "济郑高铁")),
    (("Handan East Station", "邯郸东站"), Connection.Mode.RAIL, "75", "1",
     ("Beijing–Guangzhou high-speed railway", "京广高铁")),
    (("G22 Qingdao–Lanzhou Expressway, Guanxian interchange", "G22青兰高速冠县互通"),
     Connection.Mode.ROAD, "8", "0.25", ("", "")),
]  # fmt: skip

STEPS = [
    {
        "title": ("Agree the project with the county", "与县里商定项目"),
        "summary": (
            "Present the project; the investment office proposes a site and the incentives "
            "that apply, and both sides sign an investment agreement.",
            "介绍项目情况；招商部门推荐选址和适用的优惠政策，双方签订投资协议。",
        ),
        "office": ("Guanxian Investment Promotion Service Centre", "冠县投资促进服务中心"),
        "documents": (
            "Project proposal\nInvestor's company profile\nLetter of intent",
            "项目建议书\n投资方企业简介\n投资意向书",
        ),
        "fees": ("None", "无"),
        "duration": ("2 to 6 weeks", "2至6周"),
        "legal_basis": (
            "Foreign Investment Law of the People's Republic of China (2019), Article 25",
            "《中华人民共和国外商投资法》（2019年）第二十五条",
        ),
    },
    {
        "title": ("Register the company", "注册公司"),
        "summary": (
            "Register the project company and receive its business licence.",
            "设立项目公司，领取营业执照。",
        ),
        "office": ("Guanxian Administrative Approval Service Bureau", "冠县行政审批服务局"),
        "documents": (
            "Articles of association\nIdentity documents of the legal representative\n"
            "Proof of the registered address\nFor a foreign investor: its notarised and "
            "certified certificate of incorporation",
            "公司章程\n法定代表人身份证明\n住所使用证明\n外国投资者：经公证认证的主体资格证明",
        ),
        "fees": ("None", "无"),
        "duration": ("1 to 3 working days", "1至3个工作日"),
        "legal_basis": (
            "Company Law of the People's Republic of China (2023 revision)\n"
            "Regulations on the Administration of the Registration of Market Entities (2021)",
            "《中华人民共和国公司法》（2023年修订）\n《中华人民共和国市场主体登记管理条例》（2021年）",
        ),
    },
    {
        "title": ("File the investment project", "办理项目备案"),
        "summary": (
            "File the project online: its site, scale, content and investment.",
            "在线办理企业投资项目备案，填报建设地点、规模、内容和投资额。",
        ),
        "office": ("Guanxian Development and Reform Bureau", "冠县发展和改革局"),
        "documents": ("Project filing form\nBusiness licence", "项目备案表\n营业执照"),
        "fees": ("None", "无"),
        "duration": ("1 to 2 working days", "1至2个工作日"),
        "legal_basis": (
            "Regulations on the Approval and Filing of Enterprise Investment Projects "
            "(State Council Decree No. 673, 2016)",
            "《企业投资项目核准和备案管理条例》（国务院令第673号，2016年）",
        ),
    },
    {
        "title": ("Obtain the land use right", "取得土地使用权"),
        "summary": (
            "Industrial land is granted by public listing; after the deal the company signs "
            "the land grant contract and pays the price and the deed tax.",
            "工业用地通过公开挂牌出让；成交后签订出让合同，缴纳土地出让价款和契税。",
        ),
        "office": ("Guanxian Natural Resources and Planning Bureau", "冠县自然资源和规划局"),
        "documents": (
            "Application for the land\nBusiness licence\nProject filing notice",
            "用地申请\n营业执照\n项目备案证明",
        ),
        "fees": (
            "The land price (see each park's costs); deed tax of 3 per cent",
            "土地出让价款（见各园区成本表）；契税3%",
        ),
        "duration": ("1 to 2 months", "1至2个月"),
        "legal_basis": (
            "Land Administration Law of the People's Republic of China (2019 revision)\n"
            "Provisions on the Grant of State-owned Construction Land Use Rights by Tender, "
            "Auction and Listing (2007)\nDeed Tax Law of the People's Republic of China (2020)",
            "《中华人民共和国土地管理法》（2019年修正）\n《招标拍卖挂牌出让国有建设用地使用权规定》（2007年）\n"
            "《中华人民共和国契税法》（2020年）",
        ),
    },
    {
        "title": ("Planning permits", "办理规划许可"),
        "summary": (
            "The construction land planning permit, then the construction project planning "
            "permit for the approved site plan.",
            "先办理建设用地规划许可证，再凭审定的总平面图办理建设工程规划许可证。",
        ),
        "office": ("Guanxian Natural Resources and Planning Bureau", "冠县自然资源和规划局"),
        "documents": (
            "Land grant contract\nSite plan\nArchitectural design drawings",
            "土地出让合同\n总平面图\n建筑设计方案",
        ),
        "fees": ("None", "无"),
        "duration": ("About 2 weeks", "约2周"),
        "legal_basis": (
            "Urban and Rural Planning Law of the People's Republic of China (2019 revision), "
            "Articles 38 and 40",
            "《中华人民共和国城乡规划法》（2019年修正）第三十八条、第四十条",
        ),
    },
    {
        "title": ("Environmental impact assessment", "环境影响评价"),
        "summary": (
            "A qualified agency writes the assessment; the environment authority approves it "
            "before construction starts.",
            "委托有能力的机构编制环评文件，开工建设前报生态环境部门审批。",
        ),
        "office": (
            "Guanxian Branch of the Liaocheng Ecology and Environment Bureau",
            "聊城市生态环境局冠县分局",
        ),
        "documents": (
            "Environmental impact report or report form\nProject filing notice",
            "环境影响报告书或报告表\n项目备案证明",
        ),
        "fees": ("No government fee; the agency's fee", "无行政收费；编制机构服务费"),
        "duration": (
            "1 to 3 months to prepare; approval within 60 days for a report, 30 for a form",
            "编制1至3个月；报告书60日内、报告表30日内审批",
        ),
        "legal_basis": (
            "Environmental Impact Assessment Law of the People's Republic of China (2018 "
            "revision), Article 22",
            "《中华人民共和国环境影响评价法》（2018年修正）第二十二条",
        ),
    },
    {
        "title": ("Construction permit", "办理施工许可"),
        "summary": (
            "With the drawings reviewed and a builder contracted, the construction permit "
            "lets work start.",
            "施工图审查合格、确定施工单位后，领取施工许可证即可开工。",
        ),
        "office": ("Guanxian Housing and Urban-Rural Development Bureau", "冠县住房和城乡建设局"),
        "documents": (
            "Construction project planning permit\nCertificate of the construction drawing "
            "review\nConstruction contract",
            "建设工程规划许可证\n施工图审查合格书\n施工合同",
        ),
        "fees": ("None", "无"),
        "duration": ("Within 7 working days", "7个工作日内"),
        "legal_basis": (
            "Construction Law of the People's Republic of China (2019 revision), Articles 7 and 8",
            "《中华人民共和国建筑法》（2019年修正）第七条、第八条",
        ),
    },
    {
        "title": ("Acceptance and start of production", "竣工验收与投产"),
        "summary": (
            "The fire safety acceptance and the pollutant discharge permit, then the plant "
            "may start production.",
            "通过消防验收并取得排污许可证后，工厂即可投产。",
        ),
        "office": (
            "Guanxian Housing and Urban-Rural Development Bureau; Guanxian Branch of the "
            "Liaocheng Ecology and Environment Bureau",
            "冠县住房和城乡建设局；聊城市生态环境局冠县分局",
        ),
        "documents": (
            "Completion acceptance report\nFire protection acceptance application\n"
            "Pollutant discharge permit application",
            "竣工验收报告\n消防验收申请\n排污许可证申请",
        ),
        "fees": ("None", "无"),
        "duration": ("2 to 4 weeks", "2至4周"),
        "legal_basis": (
            "Fire Protection Law of the People's Republic of China (2021 revision), Article 13\n"
            "Regulations on the Administration of Pollutant Discharge Permits (State Council "
            "Decree No. 736, 2021)",
            "《中华人民共和国消防法》（2021年修正）第十三条\n《排污许可管理条例》（国务院令第736号，2021年）",
        ),
    },
]


def seed(stdout):
    created = 0
    for order, (topic, title, body, source) in enumerate(ADVANTAGES):
        _row, new = Advantage.objects.get_or_create(
            title_en=title[0],
            defaults={
                "topic": topic,
                "title_zh_hans": title[1],
                "body_en": body[0],
                "body_zh_hans": body[1],
                "source_en": source[0],
                "source_zh_hans": source[1],
                "as_of": CONFERENCE_DATE,
                "order": order,
            },
        )
        created += new
    for order, (destination, mode, km, hours, route) in enumerate(CONNECTIONS):
        _row, new = Connection.objects.get_or_create(
            destination_en=destination[0],
            defaults={
                "destination_zh_hans": destination[1],
                "mode": mode,
                "distance_km": km,
                "hours": hours,
                "route_en": route[0],
                "route_zh_hans": route[1],
                "is_illustrative": True,
                "source_en": CONNECTIONS_SOURCE[0],
                "source_zh_hans": CONNECTIONS_SOURCE[1],
                "order": order,
            },
        )
        created += new
    for order, step in enumerate(STEPS):
        values = {f"{name}_zh_hans": text[1] for name, text in step.items()}
        values.update({f"{name}_en": text[0] for name, text in step.items() if name != "title"})
        _row, new = SetupStep.objects.get_or_create(
            title_en=step["title"][0], defaults={**values, "order": order}
        )
        created += new
    stdout.write(f"Investor pages: {created} new reasons, connections and steps.")
