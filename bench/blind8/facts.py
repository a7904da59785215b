"""Facts of one synthetic department in integer fen: function tree, projects, economic items, 三公."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

REGIONS = ["上海市闵行区", "上海市嘉定区", "广州市番禺区", "深圳市龙华区", "武汉市江夏区", "宜昌市夷陵区",
           "福州市鼓楼区", "厦门市集美区", "南京市江宁区", "苏州市吴中区", "杭州市钱塘区", "宁波市鄞州区",
           "湖北省广水市", "江苏省沭阳县", "浙江省安吉县", "福建省闽侯县", "广东省博罗县", "重庆市江北区"]

COMMON = [  # class, kuan, items (basic-only leaves tied to economic items)
    ("208", "社会保障和就业支出", [("20805", "行政事业单位养老支出", [
        ("2080501", "行政单位离退休", "30302"), ("2080505", "机关事业单位基本养老保险缴费支出", "30108"),
        ("2080506", "机关事业单位职业年金缴费支出", "30109")])]),
    ("210", "卫生健康支出", [("21011", "行政事业单位医疗", [
        ("2101101", "行政单位医疗", "30110"), ("2101103", "公务员医疗补助", "30112")])]),
    ("221", "住房保障支出", [("22102", "住房改革支出", [("2210201", "住房公积金", "30113")])]),
]

DEPTS = {
    "教育局": ("205", "教育支出", [
        ("20501", "教育管理事务", ["行政运行", "一般行政管理事务", "其他教育管理事务支出"]),
        ("20502", "普通教育", ["学前教育", "小学教育", "初中教育", "高中教育", "其他普通教育支出"]),
        ("20503", "职业教育", ["中等职业教育"]),
        ("20507", "特殊教育", ["特殊学校教育"]),
        ("20508", "进修及培训", ["教师进修", "干部教育"]),
    ], ["校园安全技防设施建设", "学前教育生均公用经费补助", "义务教育学校信息化建设", "教师继续教育培训",
        "学生资助资金", "中小学校舍维修改造", "课后服务经费", "特殊教育随班就读补助", "职业教育实训基地建设",
        "教育质量监测", "校车运营补助", "青少年科技创新大赛", "乡村教师生活补助", "教研活动经费"]),
    "卫生健康委员会": ("210", "卫生健康支出", [
        ("21001", "卫生健康管理事务", ["行政运行", "一般行政管理事务", "其他卫生健康管理事务支出"]),
        ("21002", "公立医院", ["综合医院", "中医（民族）医院"]),
        ("21003", "基层医疗卫生机构", ["城市社区卫生机构", "乡镇卫生院"]),
        ("21004", "公共卫生", ["疾病预防控制机构", "妇幼保健机构", "基本公共卫生服务", "重大公共卫生服务",
                              "突发公共卫生事件应急处理"]),
        ("21007", "计划生育事务", ["计划生育服务"]),
    ], ["基本公共卫生服务补助", "家庭医生签约服务", "急救站点建设", "爱国卫生运动", "传染病防控物资储备",
        "妇女两癌筛查", "重点人群健康体检", "村医补助", "卫生监督执法", "计划生育家庭特别扶助",
        "社区卫生服务中心设备购置", "医疗卫生人才培养", "健康教育宣传"]),
    "农业农村局": ("213", "农林水支出", [
        ("21301", "农业农村", ["行政运行", "事业运行", "科技转化与推广服务", "病虫害控制", "农产品质量安全",
                               "农业生产发展", "农村社会事业", "农田建设"]),
        ("21305", "巩固脱贫攻坚成果衔接乡村振兴", ["农村基础设施建设", "生产发展"]),
        ("21307", "农村综合改革", ["对村民委员会和村党支部的补助"]),
    ], ["高标准农田建设", "农作物病虫害统防统治", "农产品质量安全检测", "农村人居环境整治",
        "村级组织运转经费", "农业技术推广", "耕地地力保护补贴发放", "动物疫病防控", "美丽乡村建设",
        "农民合作社培育", "农村集体产权制度改革", "乡村振兴示范村建设"]),
    "民政局": ("208", "社会保障和就业支出", [
        ("20802", "民政管理事务", ["行政运行", "一般行政管理事务", "基层政权建设和社区治理"]),
        ("20810", "社会福利", ["儿童福利", "老年福利", "养老服务"]),
        ("20819", "最低生活保障", ["城市最低生活保障金支出", "农村最低生活保障金支出"]),
        ("20820", "临时救助", ["临时救助支出"]),
        ("20821", "特困人员救助供养", ["农村特困人员救助供养支出"]),
    ], ["城乡低保资金", "特困人员供养", "临时救助资金", "社区养老服务中心运营补贴", "高龄津贴",
        "孤儿基本生活费", "社区治理创新", "殡葬改革惠民", "婚姻登记服务", "困难残疾人生活补贴",
        "居家养老服务补贴", "社会组织培育"]),
    "政务服务管理局": ("201", "一般公共服务支出", [
        ("20103", "政府办公厅（室）及相关机构事务", ["行政运行", "一般行政管理事务", "信访事务",
                                                  "事业运行", "其他政府办公厅（室）及相关机构事务支出"]),
        ("20132", "组织事务", ["公务员事务"]),
        ("20199", "其他一般公共服务支出", ["其他一般公共服务支出"]),
    ], ["政务服务大厅运行维护", "一网通办平台建设", "12345热线运营", "电子政务外网运维",
        "营商环境评价", "社会信用体系建设", "数据资源共享平台", "窗口人员综合考评",
        "政务服务便民服务", "帮办代办服务", "政务公开系统维护", "工作人员培训"]),
}

ECO_PERS = [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30107", "绩效工资"),
            ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
            ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30302", "退休费"), ("30305", "生活补助")]
ECO_PUB = [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"),
           ("30211", "差旅费"), ("30213", "维修（护）费"), ("30215", "会议费"), ("30216", "培训费"),
           ("30217", "公务接待费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
           ("30239", "其他交通费用"), ("30299", "其他商品和服务支出")]


@dataclass
class Row:
    code: str
    name: str
    level: int  # 1 类, 2 款, 3 项
    basic: int = 0
    proj: int = 0
    prev: int = 0  # prior-year budget (budget) or 年初预算 (final)

    @property
    def total(self) -> int:
        return self.basic + self.proj


@dataclass
class Project:
    name: str
    code: str  # function leaf
    gp: int
    carry: int
    prev: int
    purpose: str

    @property
    def total(self) -> int:
        return self.gp + self.carry


@dataclass
class Facts:
    doc_type: str
    year: int
    region: str
    kind: str
    dept: str
    rows: list[Row]
    projects: list[Project]
    eco: dict[str, int]
    other_basic: int  # 事业收入 used for basic expenditure
    sangong: dict[str, int]
    sangong_prev: dict[str, int]
    prev_totals: dict[str, int]
    staff: dict[str, int]
    procurement: dict[str, int]
    jiguan: int
    extra: dict = field(default_factory=dict)

    @property
    def leaves(self) -> list[Row]:
        return [r for r in self.rows if r.level == 3]

    @property
    def gp_basic(self) -> int:
        return sum(r.basic for r in self.leaves)

    @property
    def gp_proj(self) -> int:
        return sum(r.proj for r in self.leaves)

    @property
    def gp_total(self) -> int:
        return self.gp_basic + self.gp_proj

    @property
    def carry(self) -> int:
        return sum(p.carry for p in self.projects)

    @property
    def basic_all(self) -> int:
        return self.gp_basic + self.other_basic

    @property
    def proj_all(self) -> int:
        return sum(p.total for p in self.projects)

    @property
    def income_year(self) -> int:
        return self.gp_total + self.other_basic

    @property
    def total(self) -> int:
        return self.income_year + self.carry

    def classes(self) -> list[Row]:
        return [r for r in self.rows if r.level == 1]

    def class_all(self, cls: str) -> int:
        """All-funds expenditure of one class (gp + carry-over + 事业收入 for basic)."""
        v = sum(r.total for r in self.leaves if r.code.startswith(cls))
        v += sum(p.carry for p in self.projects if p.code.startswith(cls))
        if cls == self.rows[0].code:
            v += self.other_basic
        return v


def _split(rng: random.Random, total: int, n: int, lo: float = 0.3) -> list[int]:
    w = [rng.uniform(lo, 1.0) for _ in range(n)]
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    parts[0] += total - sum(parts)
    return parts


def _fen(rng: random.Random, lo: float, hi: float) -> int:
    """Random amount in fen between lo and hi 万元, to the 元 with cents."""
    return int(rng.uniform(lo, hi) * 1_000_000) // 1 * 1 + rng.randint(0, 99)


def make_facts(rng: random.Random, doc_type: str, year: int) -> Facts:
    kind = rng.choice(sorted(DEPTS))
    region = rng.choice(REGIONS)
    dept = region + kind
    cls_code, cls_name, kuans, proj_names = DEPTS[kind]
    scale = rng.choice([1, 3, 10])
    # economic items of basic expenditure (一般公共预算)
    eco: dict[str, int] = {}
    for code, _ in ECO_PERS:
        if code in ("30305",) and rng.random() < 0.4:
            continue
        eco[code] = _fen(rng, 5, 120) * scale // 3
    for code, _ in ECO_PUB:
        eco[code] = _fen(rng, 0.3, 12) * scale // 3
    rows: list[Row] = []
    main = Row(cls_code, cls_name, 1)
    rows.append(main)
    leaves_main: list[Row] = []
    for kcode, kname, items in kuans:
        rows.append(Row(kcode, kname, 2))
        for j, iname in enumerate(items):
            code = kcode + ("01" if iname == "行政运行" else "50" if iname == "事业运行" else
                            "99" if iname.startswith("其他") else f"{j + 2:02d}")
            r = Row(code, iname, 3)
            rows.append(r)
            leaves_main.append(r)
    tied: dict[str, str] = {}
    for ccode, cname, ks in COMMON:
        if ccode == cls_code:  # 民政局: 208 already main class; add the 款 under it
            target = main
        else:
            target = Row(ccode, cname, 1)
            rows.append(target)
        for kcode, kname, items in ks:
            rows.append(Row(kcode, kname, 2))
            for icode, iname, eco_code in items:
                r = Row(icode, iname, 3)
                if eco_code in eco:
                    r.basic = eco[eco_code]
                    tied[icode] = eco_code
                rows.append(r)
    rows = _reorder(rows)  # keep codes ordered when a common 款 falls under the main class
    # remaining basic to 行政运行 / 事业运行
    basic_total = sum(eco.values())
    rest = basic_total - sum(r.basic for r in rows if r.level == 3)
    runs = [r for r in leaves_main if r.name in ("行政运行", "事业运行")] or [leaves_main[0]]
    parts = _split(rng, rest, len(runs), 0.5)
    for r, p in zip(runs, parts):
        r.basic += p
    # projects
    proj_leaves = [r for r in leaves_main if r.name not in ("行政运行",)]
    rng.shuffle(proj_names)
    n_proj = rng.randint(14, min(24, len(proj_names) + 8))
    projects: list[Project] = []
    names = list(proj_names)
    k = 0
    while len(names) < n_proj:
        k += 1
        names.append(f"{names[k % len(proj_names)]}（{['二期', '续建', '配套'][k % 3]}）")
    for i in range(n_proj):
        leaf = proj_leaves[i % len(proj_leaves)]
        gp = _fen(rng, 2, 90) * scale // 3 // 10000 * 10000  # projects in whole 百元
        carry = _fen(rng, 1, 20) * scale // 3 // 100 * 100 if rng.random() < 0.2 else 0
        prev = 0 if (rng.random() < 0.12 or i == 2) else int(gp * rng.uniform(0.6, 1.4)) // 10000 * 10000
        purpose = rng.choice(["设备购置和系统运维", "日常运行保障及专项工作开展", "补助发放及相关工作经费",
                              "工程建设及后续维护", "宣传培训及考核评估", "购买第三方服务"])
        projects.append(Project(names[i], leaf.code, gp, carry, prev, purpose))
    # two projects with the same amount (a correct shape that is easy to misread)
    if len(projects) > 4:
        projects[3].gp = projects[1].gp
    for p in projects:
        leaf = next(r for r in rows if r.code == p.code)
        leaf.proj += p.gp
    # prior-year / 年初预算 per leaf; aggregate upwards
    for r in rows:
        if r.level == 3:
            f = rng.uniform(0.75, 1.25) if r.total else 0
            r.prev = int(r.total * f) // 100 * 100
            if r.total and rng.random() < 0.1:
                r.prev = r.total  # unchanged
    _aggregate(rows)
    other_basic = _fen(rng, 5, 60) * scale // 3 if rng.random() < 0.4 else 0
    sg = {"abroad": 0 if rng.random() < 0.7 else _fen(rng, 1, 8), "buy": 0 if rng.random() < 0.6 else _fen(rng, 10, 30),
          "run": eco["30231"], "recep": eco["30217"]}
    sgp = {k: (int(v * rng.uniform(0.7, 1.3)) // 100 * 100 if v else (0 if rng.random() < 0.6 else _fen(rng, 1, 20)))
           for k, v in sg.items()}
    if sg["buy"]:
        # vehicle purchase is a project line in 一般公共预算 (kept outside the tree's sum by adding it to a project)
        projects[0].gp += sg["buy"]
        next(r for r in rows if r.code == projects[0].code).proj += sg["buy"]
        for r in rows:
            if r.level < 3 and projects[0].code.startswith(r.code):
                r.proj += sg["buy"]
    total_now = sum(r.total for r in rows if r.level == 1) + other_basic + sum(p.carry for p in projects)
    prev_totals = {"total": int(total_now * rng.uniform(0.7, 1.3)) // 100 * 100,
                   "gp": int(total_now * rng.uniform(0.6, 1.2)) // 100 * 100}
    staff = {"bianzhi": rng.randint(20, 120)}
    goods, works, serv = (_fen(rng, 5, 80) * scale // 3, 0 if rng.random() < 0.5 else _fen(rng, 20, 200),
                          _fen(rng, 10, 150) * scale // 3)
    pub = sum(eco[c] for c, _ in ECO_PUB)
    jiguan = int(pub * rng.uniform(0.55, 0.95))
    return Facts(doc_type, year, region, kind, dept, rows, projects, eco, other_basic, sg, sgp, prev_totals, staff,
                 {"goods": goods, "works": works, "serv": serv}, jiguan, {"tied": tied})


def _reorder(rows: list[Row]) -> list[Row]:
    # group rows by class code order, keeping kuan blocks together in code order
    classes: dict[str, list[Row]] = {}
    cur = None
    for r in rows:
        if r.level == 1:
            cur = r.code
            classes.setdefault(cur, [r])
        else:
            classes[r.code[:3]].append(r) if r.code[:3] in classes else classes.setdefault(r.code[:3], []).append(r)
    out = []
    for c in sorted(classes):
        blk = classes[c]
        head = [r for r in blk if r.level == 1]
        rest = [r for r in blk if r.level > 1]
        kuans: dict[str, list[Row]] = {}
        for r in rest:
            kuans.setdefault(r.code[:5], []).append(r)
        out += head
        for kc in sorted(kuans):
            out += sorted(kuans[kc], key=lambda r: (len(r.code), r.code))
    return out


def _aggregate(rows: list[Row]) -> None:
    for r in rows:
        if r.level < 3:
            kids = [x for x in rows if x.level == 3 and x.code.startswith(r.code)]
            r.basic = sum(x.basic for x in kids)
            r.proj = sum(x.proj for x in kids)
            r.prev = sum(x.prev for x in kids)
