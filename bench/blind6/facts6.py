"""Facts for gen6: integer fen, exact identities. No rendering here."""

REGIONS = [
    ("江苏", "宝应县"), ("江苏", "沭阳县"), ("江苏", "如东县"), ("黑龙江", "绥化市北林区"),
    ("黑龙江", "桦南县"), ("吉林", "延吉市"), ("吉林", "长春市九台区"), ("内蒙古", "鄂托克旗"),
    ("内蒙古", "扎赉特旗"), ("新疆", "阿克苏市"), ("新疆", "昌吉市"), ("西藏", "林芝市巴宜区"),
    ("青海", "海东市乐都区"), ("福建", "德化县"), ("福建", "永春县"), ("天津", "天津市河西区"),
    ("天津", "天津市北辰区"),
]

CLASSES = {"201": "一般公共服务支出", "204": "公共安全支出", "207": "文化旅游体育与传媒支出",
           "208": "社会保障和就业支出", "210": "卫生健康支出", "213": "农林水支出",
           "220": "自然资源海洋气象等支出", "221": "住房保障支出"}
KUANS = {"20103": "政府办公厅（室）及相关机构事务", "20138": "市场监督管理事务", "20406": "司法",
         "20701": "文化和旅游", "20802": "民政管理事务", "20805": "行政事业单位养老支出",
         "21001": "卫生健康管理事务", "21004": "公共卫生", "21011": "行政事业单位医疗",
         "21301": "农业农村", "22001": "自然资源事务", "22102": "住房改革支出"}

DEPTS = [
    ("政务服务管理局", [("2010301", "行政运行"), ("2010302", "一般行政管理事务"), ("2010350", "事业运行"),
                    ("2010399", "其他政府办公厅（室）及相关机构事务支出")]),
    ("市场监督管理局", [("2013801", "行政运行"), ("2013802", "一般行政管理事务"), ("2013804", "市场主体管理"),
                    ("2013816", "食品安全监管")]),
    ("司法局", [("2040601", "行政运行"), ("2040602", "一般行政管理事务"), ("2040604", "基层司法业务"),
             ("2040610", "社区矫正")]),
    ("农业农村局", [("2130101", "行政运行"), ("2130104", "事业运行"), ("2130108", "病虫害控制"),
               ("2130122", "农业生产发展")]),
    ("卫生健康委员会", [("2100101", "行政运行"), ("2100102", "一般行政管理事务"), ("2100408", "基本公共卫生服务"),
                    ("2100409", "重大公共卫生服务")]),
    ("民政局", [("2080201", "行政运行"), ("2080202", "一般行政管理事务"), ("2080208", "基层政权建设和社区治理")]),
    ("自然资源局", [("2200101", "行政运行"), ("2200104", "自然资源规划及管理"), ("2200106", "自然资源利用与保护")]),
    ("文化广电和旅游局", [("2070101", "行政运行"), ("2070104", "图书馆"), ("2070108", "文化活动"),
                      ("2070112", "文化和旅游市场管理")]),
]
KUANS["20138"] = "市场监督管理事务"
KUANS["20406"] = "司法"

COMMON = [("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"),
          ("2080506", "机关事业单位职业年金缴费支出"), ("2101101", "行政单位医疗"), ("2210201", "住房公积金")]

PERSON = [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30107", "绩效工资"),
          ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
          ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30199", "其他工资福利支出")]
FAMILY = [("30302", "退休费"), ("30305", "生活补助"), ("30309", "奖励金")]
PUBLIC = [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"),
          ("30209", "物业管理费"), ("30211", "差旅费"), ("30213", "维修（护）费"), ("30216", "培训费"),
          ("30217", "公务接待费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
          ("30239", "其他交通费用"), ("30299", "其他商品和服务支出")]
CAPITAL = [("31002", "办公设备购置")]
ECON_GROUP = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "310": "资本性支出"}

PROJECTS = ["政务服务大厅运行维护经费", "信息化平台建设项目", "专项业务工作经费", "基层服务能力提升项目",
            "执法装备购置项目", "业务培训及宣传经费", "档案数字化项目", "重点工作专项经费", "网络安全等级保护项目"]


def y(rng, lo, hi):
    """Random whole-yuan amount in fen, between lo and hi yuan."""
    return rng.randint(lo, hi) * 100


def prev_of(rng, cur, allow_flat=False):
    """Last year's amount: clearly different from cur (|r| >= 4%)."""
    if cur == 0:
        return 0
    while True:
        r = rng.uniform(-0.35, 0.45)
        if abs(r) >= 0.04:
            break
    return max(100, round(cur / (1 + r) / 100) * 100)


def make_facts(rng, doc_type):
    prov, place = rng.choice(REGIONS)
    dname, own = rng.choice(DEPTS)
    dept = place + dname
    year = rng.choice([2022, 2023, 2024]) if doc_type == "final" else rng.choice([2024, 2025, 2026])
    scale = rng.choice([1, 2, 4, 8])
    f = {"prov": prov, "place": place, "dept": dept, "dname": dname, "year": year, "doc_type": doc_type}
    # economic items of basic expenditure
    person = {c: y(rng, 20000, 900000) * scale for c, _ in PERSON}
    person["30199"] = y(rng, 0, 60000) * scale
    fam = {c: (y(rng, 5000, 200000) * scale if c == "30302" else rng.choice([0, y(rng, 1000, 30000)])) for c, _ in FAMILY}
    sg_run = y(rng, 8000, 90000)
    sg_rec = y(rng, 2000, 40000)
    pub = {c: y(rng, 1000, 120000) * scale for c, _ in PUBLIC}
    pub["30231"] = sg_run
    pub["30217"] = sg_rec
    pub["30202"] = rng.choice([0, y(rng, 500, 20000)])
    cap = {"31002": rng.choice([0, y(rng, 3000, 60000)])}
    econ = {**person, **fam, **pub, **cap}
    f["econ"] = econ
    P = sum(person.values()) + sum(fam.values())
    Q = sum(pub.values()) + sum(cap.values())
    f["P"], f["Q"], f["K"] = P, Q, P + Q
    # function leaves
    leaves = []
    main = own[0]
    basic_common = {"2080501": fam["30302"], "2080505": person["30108"], "2080506": person["30109"],
                    "2101101": person["30110"], "2210201": person["30113"]}
    main_basic = f["K"] - sum(basic_common.values())
    leaves.append({"code": main[0], "name": main[1], "b": main_basic, "p": 0, "o": 0})
    projs = own[1:]
    rng.shuffle(projs)
    for code, name in projs[: rng.randint(2, len(projs))]:
        leaves.append({"code": code, "name": name, "b": 0, "p": y(rng, 50000, 2500000) * scale, "o": 0})
    for code, name in COMMON:
        if basic_common[code]:
            leaves.append({"code": code, "name": name, "b": basic_common[code], "p": 0, "o": 0})
    leaves.sort(key=lambda d: d["code"])
    has_oth = rng.random() < 0.5
    f["oth_src"] = rng.choice(["事业收入", "其他收入"])
    if has_oth:
        pl = next(lf for lf in leaves if lf["p"])
        pl["o"] = y(rng, 20000, 400000)
    for lf in leaves:
        lf["gp"] = lf["b"] + lf["p"]
        lf["tot"] = lf["gp"] + lf["o"]
        lf["bud"] = max(0, round(lf["gp"] * rng.uniform(0.75, 1.15) / 100) * 100) if lf["p"] else \
            round(lf["gp"] * rng.uniform(0.9, 1.05) / 100) * 100
        lf["prev"] = prev_of(rng, lf["gp"])
    f["leaves"] = leaves
    G = sum(lf["gp"] for lf in leaves)
    f["G"] = G
    f["Gb"] = sum(lf["p"] for lf in leaves)      # gp project
    f["J"] = sum(lf["p"] + lf["o"] for lf in leaves)
    f["OTH"] = sum(lf["o"] for lf in leaves)
    f["C"] = G + f["OTH"]                          # 本年支出合计
    pleaf = next(lf for lf in leaves if lf["p"])
    if doc_type == "final":
        B0 = rng.choice([0, y(rng, 5000, 300000)])
        d = rng.randint(-min(B0, pleaf["p"] // 2) // 100, 200000) * 100 if rng.random() < 0.7 else 0
        for lf in leaves:
            lf["inc"] = lf["gp"] + (d if lf is pleaf else 0)
        f["B0"], f["B1"] = B0, B0 + d
        f["GI"] = G + d                                # 财政拨款收入 (all 一般公共预算)
        f["A"] = f["GI"] + f["OTH"]                    # 本年收入合计
        f["T"] = f["A"] + B0
        assert f["T"] == f["C"] + f["B1"]
        f["Gbud"] = sum(lf["bud"] for lf in leaves)
    else:
        C0 = rng.choice([0, 0, y(rng, 5000, min(300000, pleaf["p"] // 100))])
        for lf in leaves:
            lf["inc"] = lf["gp"] - (C0 if lf is pleaf else 0)
        f["B0"], f["B1"] = C0, 0
        f["GI"] = G - C0
        f["A"] = f["GI"] + f["OTH"]
        f["T"] = f["A"] + C0
        assert f["T"] == f["C"]
    # prior-year values
    for k in ("T", "A", "C", "G", "K", "P", "Q", "GI", "J"):
        f["prev_" + k] = prev_of(rng, f[k])
    f["prev_FT"] = prev_of(rng, f["GI"] + f["B0"])
    # 三公
    buy = rng.choice([0, 0, y(rng, 100000, 280000)])
    out = rng.choice([0, 0, 0, y(rng, 10000, 60000)])
    sg = {"out": out, "buy": buy, "run": sg_run, "rec": sg_rec}
    sg["car"] = buy + sg_run
    sg["tot"] = out + sg["car"] + sg_rec
    sgb = {k: (0 if v == 0 else round(v * rng.uniform(0.8, 1.2) / 100) * 100) for k, v in sg.items()
           if k in ("out", "buy", "run", "rec")}
    sgb["car"] = sgb["buy"] + sgb["run"]
    sgb["tot"] = sgb["out"] + sgb["car"] + sgb["rec"]
    sgp = {k: (prev_of(rng, v) if v else rng.choice([0, y(rng, 5000, 20000)])) for k, v in sg.items()
           if k in ("out", "buy", "run", "rec")}
    sgp["car"] = sgp["buy"] + sgp["run"]
    sgp["tot"] = sgp["out"] + sgp["car"] + sgp["rec"]
    f["sg"], f["sgb"], f["sgp"] = sg, sgb, sgp
    f["sg_cnt"] = {"buy_n": (1 if buy else 0), "rec_batch": rng.randint(4, 60), "out_team": (1 if out else 0),
                   "out_person": (rng.randint(2, 5) if out else 0)}
    f["sg_cnt"]["rec_person"] = f["sg_cnt"]["rec_batch"] * rng.randint(3, 9)
    # 机关运行经费
    f["M"] = round(Q * rng.uniform(0.55, 1.0) / 100) * 100
    f["prev_M"] = prev_of(rng, f["M"])
    # 政府采购
    goods, works, serv = y(rng, 20000, 600000), rng.choice([0, y(rng, 50000, 900000)]), y(rng, 10000, 500000)
    ptot = goods + works + serv
    sme = round(ptot * rng.uniform(0.55, 0.98) / 100) * 100
    micro = round(sme * rng.uniform(0.3, 0.9) / 100) * 100
    f["pur"] = {"goods": goods, "works": works, "serv": serv, "tot": ptot, "sme": sme, "micro": micro}
    # vehicles
    a, b, c, d2 = rng.randint(0, 4), rng.randint(0, 6), rng.randint(0, 2), rng.randint(0, 2)
    if a + b + c + d2 == 0:
        a = 1
    f["veh"] = {"gen": a, "law": b, "spec": c, "oth": d2, "tot": a + b + c + d2, "keep": a + b,
                "equip": rng.randint(0, 3)}
    # projects (gp project expenditure split into named projects)
    names = rng.sample(PROJECTS, rng.randint(3, 5))
    rest = f["Gb"]
    plist = []
    for i, nm in enumerate(names):
        if i == len(names) - 1:
            amt = rest
        else:
            amt = round(rest * rng.uniform(0.15, 0.45) / 100) * 100
        rest -= amt
        bud = round(amt * rng.uniform(0.8, 1.2) / 100) * 100
        plist.append({"name": nm, "amt": amt, "bud": bud})
    f["projects"] = plist
    k = rng.randint(2, len(plist))
    f["perf"] = {"n": k, "amt": sum(p["amt"] for p in plist[:k])}
    f["staff"] = {"bz": rng.randint(10, 60)}
    f["staff"]["real"] = f["staff"]["bz"] - rng.randint(0, 6)
    f["units"] = rng.randint(1, 3)
    return f


def reason(rng, up):
    if up:
        return rng.choice(["本年度追加了专项业务经费", "人员工资标准调整，新增人员经费", "新增信息化建设项目支出",
                           "年中追加重点工作经费", "上年结转资金在本年度安排使用"])
    return rng.choice(["严格落实过紧日子要求，压减一般性支出", "部分项目上年已完成，本年未再安排",
                       "人员退休减少，人员经费相应减少", "厉行节约，压缩公用经费开支", "项目资金按进度拨付，部分结转下年"])
