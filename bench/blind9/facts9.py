"""Facts (integer fen) and the figure registry of one document."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

# ---------------------------------------------------------------- regions, departments
REGIONS = [
    ("四川省", "南江县"),
    ("四川省", "仁寿县"),
    ("贵州省", "湄潭县"),
    ("贵州省", "思南县"),
    ("云南省", "宾川县"),
    ("云南省", "隆阳区"),
    ("山西省", "平遥县"),
    ("吉林省", "梨树县"),
    ("黑龙江省", "宁安市"),
    ("海南省", "琼中黎族苗族自治县"),
    ("青海省", "湟源县"),
    ("宁夏回族自治区", "隆德县"),
]

# kind of project leaf: admin = 行政运行 (basic of admin units), inst = 事业运行, proj = project leaf
DEPTS = [
    dict(
        name="农业农村局",
        cls=("213", "农林水支出"),
        kuan=("01", "农业农村"),
        items=[
            ("01", "行政运行", "admin"),
            ("04", "事业运行", "inst"),
            ("06", "科技转化与推广服务", "proj"),
            ("08", "病虫害控制", "proj"),
            ("99", "其他农业农村支出", "proj"),
        ],
        units=["农业技术推广中心", "动物疫病预防控制中心"],
        projects=[
            "高标准农田建设工作经费",
            "农作物病虫害统防统治项目",
            "农业技术推广补助项目",
            "农村人居环境整治工作经费",
        ],
    ),
    dict(
        name="交通运输局",
        cls=("214", "交通运输支出"),
        kuan=("01", "公路水路运输"),
        items=[
            ("01", "行政运行", "admin"),
            ("12", "公路运输管理", "inst"),
            ("06", "公路养护", "proj"),
            ("99", "其他公路水路运输支出", "proj"),
        ],
        units=["公路管理所", "交通运输综合行政执法大队"],
        projects=["农村公路养护专项经费", "道路运输安全监管经费", "公路安全生命防护工程", "客运站运营补助"],
    ),
    dict(
        name="文化广电旅游局",
        cls=("207", "文化旅游体育与传媒支出"),
        kuan=("01", "文化和旅游"),
        items=[
            ("01", "行政运行", "admin"),
            ("04", "图书馆", "inst"),
            ("09", "群众文化", "proj"),
            ("12", "文化和旅游市场管理", "proj"),
        ],
        units=["图书馆", "文化馆"],
        projects=["公共文化服务体系建设经费", "送戏下乡惠民演出项目", "旅游宣传推介经费", "文化市场综合执法经费"],
    ),
    dict(
        name="应急管理局",
        cls=("224", "灾害防治及应急管理支出"),
        kuan=("01", "应急管理事务"),
        items=[
            ("01", "行政运行", "admin"),
            ("50", "事业运行", "inst"),
            ("04", "灾害风险防治", "proj"),
            ("06", "安全监管", "proj"),
        ],
        units=["应急救援保障中心", "安全生产监察大队"],
        projects=["安全生产专项检查经费", "应急物资储备项目", "自然灾害综合风险普查经费", "森林防灭火工作经费"],
    ),
    dict(
        name="自然资源局",
        cls=("220", "自然资源海洋气象等支出"),
        kuan=("01", "自然资源事务"),
        items=[
            ("01", "行政运行", "admin"),
            ("50", "事业运行", "inst"),
            ("04", "自然资源规划及管理", "proj"),
            ("99", "其他自然资源事务支出", "proj"),
        ],
        units=["不动产登记中心", "自然资源执法监察大队"],
        projects=["国土空间规划编制经费", "耕地保护动态监测项目", "不动产登记数据整合项目", "地质灾害防治经费"],
    ),
]

COMMON_CLASSES = {
    "208": (
        "社会保障和就业支出",
        {
            "05": (
                "行政事业单位养老支出",
                {
                    "01": "行政单位离退休",
                    "02": "事业单位离退休",
                    "05": "机关事业单位基本养老保险缴费支出",
                    "06": "机关事业单位职业年金缴费支出",
                },
            )
        },
    ),
    "210": ("卫生健康支出", {"11": ("行政事业单位医疗", {"01": "行政单位医疗", "02": "事业单位医疗"})}),
    "221": ("住房保障支出", {"02": ("住房改革支出", {"01": "住房公积金"})}),
}

ECON_301 = [
    ("30101", "基本工资"),
    ("30102", "津贴补贴"),
    ("30103", "奖金"),
    ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"),
    ("30109", "职业年金缴费"),
    ("30110", "职工基本医疗保险缴费"),
    ("30113", "住房公积金"),
]
ECON_302 = [
    ("30201", "办公费"),
    ("30207", "邮电费"),
    ("30211", "差旅费"),
    ("30213", "维修（护）费"),
    ("30216", "培训费"),
    ("30217", "公务接待费"),
    ("30228", "工会经费"),
    ("30229", "福利费"),
    ("30231", "公务用车运行维护费"),
    ("30239", "其他交通费用"),
    ("30299", "其他商品和服务支出"),
]
ECON_303 = [("30302", "退休费"), ("30305", "生活补助")]


@dataclass
class Unit:
    name: str
    kind: str  # 行政单位 / 参照公务员法管理的事业单位 / 公益一类事业单位
    admin: bool
    econ: dict[str, int] = field(default_factory=dict)  # fen
    fiscal_in: int = 0
    nonfiscal_in: int = 0
    carry_in: int = 0
    carry_out: int = 0


@dataclass
class Project:
    name: str
    unit: int
    leaf: str  # 7-digit code
    fiscal: int
    nonfiscal: int
    plan: int = 0  # 全年预算数 (final)
    score_ind: int = 0  # 指标得分 in 0.01 points


@dataclass
class Facts:
    year: int
    doc_type: str  # budget / final
    province: str
    county: str
    dept: dict
    dept_name: str
    units: list[Unit]
    names: dict[str, str]  # code -> name (3/5/7 digits)
    leaves: dict[str, list[int]]  # 7-digit -> [basic fen, project fen fiscal, project nonfiscal]
    projects: list[Project]
    prev: dict[str, int]  # key -> last year's value (fen)
    plan_leaf: dict[str, int]  # final: 年初预算 per leaf (fen)
    sangong: dict[str, int]  # this year; final: 决算
    sangong_plan: dict[str, int]  # final: 预算数 ; budget: 上年预算
    run_cost: int
    proc: dict[str, int]
    cars: dict[str, int]
    equip: dict[str, int]
    staff: dict[str, int]

    # ---- derived totals
    def basic(self, u: int | None = None) -> int:
        us = self.units if u is None else [self.units[u]]
        return sum(sum(x.econ.values()) for x in us)

    def personnel(self) -> int:
        return sum(v for x in self.units for k, v in x.econ.items() if k[:3] in ("301", "303"))

    def public(self) -> int:
        return sum(v for x in self.units for k, v in x.econ.items() if k[:3] == "302")

    def project(self, u: int | None = None, fiscal_only: bool = False) -> int:
        return sum(p.fiscal + (0 if fiscal_only else p.nonfiscal) for p in self.projects if u is None or p.unit == u)

    def exp(self, u: int | None = None) -> int:
        return self.basic(u) + self.project(u)


def yuan(fen: int) -> float:
    return fen / 100.0


def rnd(rng: random.Random, lo: float, hi: float) -> int:
    """Random amount in fen between lo and hi 元."""
    return int(rng.uniform(lo, hi) * 100)


def make_facts(rng: random.Random, doc_type: str, year: int) -> Facts:
    province, county = rng.choice(REGIONS)
    dept = rng.choice(DEPTS)
    dept_name = county + dept["name"]
    n_sub = rng.choice([1, 1, 2])
    units = [Unit(dept_name + "（本级）", rng.choice(["行政单位", "行政单位", "参照公务员法管理的事业单位"]), True)]
    for nm in rng.sample(dept["units"], n_sub):
        units.append(Unit(county + nm, "公益一类事业单位", False))

    cls_code, cls_name = dept["cls"]
    kcode, kname = dept["kuan"]
    names: dict[str, str] = {cls_code: cls_name, cls_code + kcode: kname}
    for c, n, _ in dept["items"]:
        names[cls_code + kcode + c] = n
    for c3, (n3, kuans) in COMMON_CLASSES.items():
        names[c3] = n3
        for c5, (n5, xs) in kuans.items():
            names[c3 + c5] = n5
            for c7, n7 in xs.items():
                names[c3 + c5 + c7] = n7
    admin_leaf = next(cls_code + kcode + c for c, _, k in dept["items"] if k == "admin")
    inst_leaf = next(cls_code + kcode + c for c, _, k in dept["items"] if k == "inst")
    proj_leaves = [cls_code + kcode + c for c, _, k in dept["items"] if k == "proj"]

    leaves: dict[str, list[int]] = {}

    def add(code: str, basic: int = 0, pf: int = 0, pn: int = 0) -> None:
        v = leaves.setdefault(code, [0, 0, 0])
        v[0] += basic
        v[1] += pf
        v[2] += pn

    for i, u in enumerate(units):
        staff = rng.randint(8, 30) if u.admin else rng.randint(6, 20)
        scale = staff * rng.uniform(0.9, 1.3)
        e = u.econ
        e["30101"] = rnd(rng, 2.0e4, 2.6e4) * int(scale) // 1
        e["30102"] = rnd(rng, 2.5e4, 3.5e4) * int(scale)
        e["30103"] = rnd(rng, 0.3e4, 0.6e4) * int(scale)
        if not u.admin:
            e["30107"] = rnd(rng, 1.5e4, 2.5e4) * int(scale)
        wage = sum(e.values())
        e["30108"] = wage * 16 // 100
        e["30109"] = wage * 8 // 100
        e["30110"] = wage * 75 // 1000
        e["30113"] = wage * 12 // 100
        for c, _ in ECON_302:
            if c == "30217" or c == "30231":
                continue
            if rng.random() < 0.75 or c in ("30201", "30299"):
                e[c] = rnd(rng, 0.1e4, 3.0e4) * (2 if u.admin else 1)
        if rng.random() < 0.5:
            e["30302"] = rnd(rng, 1e4, 8e4)
        if rng.random() < 0.4:
            e["30305"] = rnd(rng, 0.2e4, 2e4)
        # map to function leaves
        add("2080505", e["30108"])
        add("2080506", e["30109"])
        add("2101101" if u.admin else "2101102", e["30110"])
        add("2210201", e["30113"])
        retire = e.get("30302", 0) + e.get("30305", 0)
        if retire:
            add("2080501" if u.admin else "2080502", retire)
    # 三公 (belongs to 本级; tied to economic items 30217 and 30231)
    sg = {
        "abroad": 0 if rng.random() < 0.8 else rnd(rng, 2e4, 6e4),
        "car_buy": 0 if rng.random() < 0.7 else rnd(rng, 12e4, 25e4),
        "car_run": rnd(rng, 1e4, 9e4),
        "recv": rnd(rng, 0.3e4, 4e4),
    }
    if rng.random() < 0.5:
        sg["recv_out"] = 0
    units[0].econ["30231"] = sg["car_run"]
    units[0].econ["30217"] = sg["recv"]
    for i, u in enumerate(units):
        rest = sum(v for k, v in u.econ.items() if k not in ("30108", "30109", "30110", "30113", "30302", "30305"))
        add(admin_leaf if u.admin else inst_leaf, rest)
    # projects
    projects: list[Project] = []
    pnames = rng.sample(dept["projects"], rng.choice([2, 3, 3]))
    for j, pn in enumerate(pnames):
        uidx = j % len(units) if rng.random() < 0.7 else 0
        leaf = proj_leaves[j % len(proj_leaves)]
        fiscal = rnd(rng, 8e4, 120e4)
        nonfiscal = rnd(rng, 2e4, 30e4) if (not units[uidx].admin and rng.random() < 0.6) else 0
        p = Project(pn, uidx, leaf, fiscal, nonfiscal)
        p.plan = fiscal if rng.random() < 0.5 else int(fiscal / rng.uniform(0.86, 1.0))
        p.score_ind = rng.randint(8000, 9000)
        projects.append(p)
        add(leaf, 0, fiscal, nonfiscal)
    if sg["car_buy"]:
        # vehicle purchase is a project of 本级 on the admin leaf
        p = Project("公务用车更新购置", 0, admin_leaf, sg["car_buy"], 0, sg["car_buy"], rng.randint(8500, 9000))
        projects.append(p)
        add(admin_leaf, 0, sg["car_buy"], 0)
    if sg["abroad"]:
        p = Project("因公出国（境）考察经费", 0, admin_leaf, sg["abroad"], 0, sg["abroad"], rng.randint(8500, 9000))
        projects.append(p)
        add(admin_leaf, 0, sg["abroad"], 0)

    # income per unit
    for i, u in enumerate(units):
        basic = sum(u.econ.values())
        pf = sum(p.fiscal for p in projects if p.unit == i)
        pn = sum(p.nonfiscal for p in projects if p.unit == i)
        if doc_type == "final":
            u.carry_in = rnd(rng, 0, 6e4) if rng.random() < 0.6 else 0
            u.carry_out = rnd(rng, 0, 6e4) if rng.random() < 0.6 else 0
        u.fiscal_in = basic + pf + u.carry_out - u.carry_in
        u.nonfiscal_in = pn

    # last year's values and budgets
    def prev_of(v: int, zero_ok: bool = False) -> int:
        if zero_ok and rng.random() < 0.15:
            return 0
        return int(v / rng.uniform(0.7, 1.35))

    prev: dict[str, int] = {}
    f = Facts(
        year,
        doc_type,
        province,
        county,
        dept,
        dept_name,
        units,
        names,
        leaves,
        projects,
        prev,
        {},
        sg,
        {},
        0,
        {},
        {},
        {},
        {},
    )
    tot_in = sum(u.fiscal_in + u.nonfiscal_in for u in units)
    prev["total"] = prev_of(tot_in + sum(u.carry_in for u in units))
    prev["fiscal"] = prev_of(sum(u.fiscal_in for u in units))
    prev["gp_exp"] = prev_of(f.basic() + f.project(fiscal_only=True))
    prev["basic"] = prev_of(f.basic())
    prev["project"] = prev_of(f.project())
    for k, v in sg.items():
        prev["sg." + k] = prev_of(v) if v else (0 if rng.random() < 0.6 else rnd(rng, 0.5e4, 3e4))
    # plans
    if doc_type == "final":
        for code, v in leaves.items():
            tot = v[0] + v[1]
            f.plan_leaf[code] = int(tot / rng.uniform(0.9, 1.15))
        if rng.random() < 0.5:  # a leaf added in the year: 年初预算 0
            f.plan_leaf[proj_leaves[0]] = 0
        f.sangong_plan = {k: (int(v / rng.uniform(0.75, 1.0)) if v else 0) for k, v in sg.items()}
    else:
        f.sangong_plan = {k: prev["sg." + k] for k in sg}
    # 机关运行经费 = 公用经费 of administrative units (here: 本级)
    f.run_cost = sum(v for k, v in units[0].econ.items() if k[:3] == "302")
    prev["run_cost"] = prev_of(f.run_cost)
    # 政府采购
    goods, works, serv = rnd(rng, 3e4, 60e4), (rnd(rng, 10e4, 90e4) if rng.random() < 0.4 else 0), rnd(rng, 2e4, 50e4)
    tot = goods + works + serv
    sme = int(tot * rng.uniform(0.6, 0.97))
    f.proc = {
        "total": tot,
        "goods": goods,
        "works": works,
        "serv": serv,
        "sme": sme,
        "small": int(sme * rng.uniform(0.4, 0.85)),
    }
    kinds = ["一般公务用车", "执法执勤用车", "特种专业技术用车", "其他用车"]
    f.cars = {
        k: (rng.randint(1, 4) if k in ("一般公务用车", "执法执勤用车") or rng.random() < 0.3 else 0) for k in kinds
    }
    f.equip = {"通用": rng.randint(0, 3), "专用": rng.randint(0, 2)}
    adm = rng.randint(6, 20)
    inst = sum(rng.randint(5, 25) for _ in units[1:])
    f.staff = {
        "admin": adm,
        "inst": inst,
        "actual": int((adm + inst) * rng.uniform(0.8, 1.0)),
        "retired": rng.randint(0, 15),
    }
    return f


# ---------------------------------------------------------------- numbers and printing
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
SCALE = {"元": 1.0, "千元": 1000.0, "万元": 10000.0}
CN_DIG = "〇一二三四五六七八九"


def cn_year(y: int) -> str:
    return "".join(CN_DIG[int(c)] for c in str(y))


def qround(x: float, dec: int) -> Decimal:
    q = Decimal(1).scaleb(-dec)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


def fmt_num(x: float, dec: int, group: str = "", full: bool = False) -> str:
    d = qround(x, dec)
    if d == 0:
        d = abs(d)
    s = f"{d:,.{dec}f}" if group else f"{d:.{dec}f}"
    if group and group != ",":
        s = s.replace(",", group)
    if full:
        s = s.translate(FULL)
    return s


@dataclass
class Style:
    """Printing options of one document."""

    table_unit: str = "万元"
    table_dec: int = 2
    text_unit: str = "万元"
    text_dec: int = 2
    pct_dec: int = 2
    table_group: str = ""
    zero: str = "0.00"  # how a zero amount looks in tables: 0.00 / - / — / blank
    full_p: float = 0.0  # probability that a text number uses full-width digits
    space_p: float = 0.0  # probability of a space inside a number (group) in text
    unit_space_p: float = 0.0  # probability of a space between number and unit in text


class Doc:
    """Blocks of a document and the registry of its printed figures and identities."""

    def __init__(self, facts: Facts, style: Style, rng: random.Random, options: dict):
        self.f = facts
        self.st = style
        self.rng = rng
        self.options = options
        self.figs: dict[str, dict] = {}
        self.idents: list[dict] = []
        self.blocks: list[tuple] = []
        self.toc_titles: list[str] = []
        self.tables: list[dict] = []
        self._n = 0

    # -- figures
    def _new(self, rec: dict) -> str:
        self._n += 1
        fid = f"§{self._n}"
        rec["id"] = fid
        self.figs[fid] = rec
        return fid

    def amount(self, key: str, fen: int, where: str = "text", unit: str | None = None) -> str:
        """Register an amount; returns the figure id."""
        st = self.st
        if where == "table":
            unit = unit or st.table_unit
            dec = st.table_dec if unit != "元" else 2
            if fen == 0 and st.zero != "0.00":
                printed = "" if st.zero == "blank" else st.zero
            else:
                printed = fmt_num(fen / 100 / SCALE[unit], dec, st.table_group)
        else:
            unit = unit or st.text_unit
            dec = st.text_dec if unit == "万元" else 2
            group = " " if (self.rng.random() < st.space_p and fen / 100 / SCALE[unit] >= 1000) else ""
            printed = fmt_num(fen / 100 / SCALE[unit], dec, group, self.rng.random() < st.full_p)
            if fen == 0 and self.rng.random() < 0.5:
                printed = "0"
        return self._new(dict(kind="amount", key=key, value=fen / 100, unit=unit, printed=printed, where=where))

    def pct(self, key: str, value: float, where: str = "text", dec: int | None = None) -> str:
        dec = self.st.pct_dec if dec is None else dec
        printed = fmt_num(value, dec, "", where == "text" and self.rng.random() < self.st.full_p)
        return self._new(dict(kind="pct", key=key, value=value, unit="%", printed=printed, where=where))

    def count(self, key: str, n: int, unit: str, where: str = "text") -> str:
        return self._new(dict(kind="count", key=key, value=n, unit=unit, printed=str(n), where=where))

    def score(self, key: str, v: float, dec: int = 2, where: str = "table") -> str:
        return self._new(dict(kind="score", key=key, value=v, unit="分", printed=fmt_num(v, dec), where=where))

    def word(self, key: str, w: str) -> str:
        return self._new(dict(kind="word", key=key, value=None, unit="", printed=w, where="text"))

    def year(self, key: str, y: int, expected: int) -> str:
        fid = self._new(dict(kind="year", key=key, value=y, unit="年", printed=str(y), where="text"))
        self.idents.append(dict(type="year", fig=fid, expected=expected))
        return fid

    def title(self, text: str, kind: str = "heading") -> str:
        return self._new(dict(kind=kind, key="title", value=None, unit="", printed=text, where="text"))

    def ident(self, type_: str, **kw) -> None:
        self.idents.append(dict(type=type_, **kw))

    # -- text helpers
    def unit_sp(self) -> str:
        return " " if self.rng.random() < self.st.unit_space_p else ""

    def money(self, key: str, fen: int) -> list:
        """Parts for '123.45万元' in text."""
        return [self.amount(key, fen), self.unit_sp() + self.st.text_unit]

    def printed(self, part) -> str:
        return self.figs[part]["printed"] if part in self.figs else part

    def para_text(self, parts: list) -> str:
        return "".join(self.figs[p]["printed"] if isinstance(p, str) and p in self.figs else str(p) for p in parts)
