"""Facts in integer fen for one department-year."""

REGIONS = ["达州市通川区", "耿马傣族佤族自治县", "百色市右江区", "合肥市包河区", "洛阳市涧西区", "晋中市榆次区",
           "长春市南关区", "重庆市万州区", "天津市河西区", "北京市通州区", "兰州市城关区", "海口市美兰区",
           "宝鸡市渭滨区", "西宁市城西区", "银川市兴庆区", "拉萨市城关区", "宜宾市翠屏区", "临沧市云县"]
KINDS = {
    "政务服务管理局": ("201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务",
                 [("2010301", "行政运行"), ("2010302", "一般行政管理事务"), ("2010350", "事业运行"), ("2010399", "其他政府办公厅（室）及相关机构事务支出")]),
    "统计局": ("201", "一般公共服务支出", "20105", "统计信息事务",
            [("2010501", "行政运行"), ("2010505", "专项统计业务"), ("2010507", "专项普查活动"), ("2010550", "事业运行")]),
    "审计局": ("201", "一般公共服务支出", "20108", "审计事务",
            [("2010801", "行政运行"), ("2010804", "审计业务"), ("2010850", "事业运行"), ("2010899", "其他审计事务支出")]),
    "司法局": ("204", "公共安全支出", "20406", "司法",
            [("2040601", "行政运行"), ("2040604", "基层司法业务"), ("2040605", "普法宣传"), ("2040610", "社区矫正")]),
    "农业农村局": ("213", "农林水支出", "21301", "农业农村",
              [("2130101", "行政运行"), ("2130104", "事业运行"), ("2130108", "病虫害控制"), ("2130122", "农业生产发展")]),
    "文化和旅游局": ("207", "文化旅游体育与传媒支出", "20701", "文化和旅游",
               [("2070101", "行政运行"), ("2070109", "群众文化"), ("2070108", "文化活动"), ("2070199", "其他文化和旅游支出")]),
    "市场监督管理局": ("201", "一般公共服务支出", "20138", "市场监督管理事务",
                [("2013801", "行政运行"), ("2013804", "市场主体管理"), ("2013805", "市场秩序执法"), ("2013850", "事业运行")]),
}
COMMON = [("208", "社会保障和就业支出", "20805", "行政事业单位养老支出", [("2080505", "机关事业单位基本养老保险缴费支出"), ("2080506", "机关事业单位职业年金缴费支出")]),
          ("210", "卫生健康支出", "21011", "行政事业单位医疗", [("2101101", "行政单位医疗")]),
          ("221", "住房保障支出", "22102", "住房改革支出", [("2210201", "住房公积金")])]
PERS = [("30101", "基本工资", 24), ("30102", "津贴补贴", 20), ("30103", "奖金", 6), ("30107", "绩效工资", 8),
        ("30108", "机关事业单位基本养老保险缴费", 12), ("30109", "职业年金缴费", 5), ("30110", "职工基本医疗保险缴费", 6),
        ("30113", "住房公积金", 9), ("30199", "其他工资福利支出", 3), ("30302", "退休费", 4), ("30305", "生活补助", 1)]
PUB = [("30201", "办公费", 14), ("30202", "印刷费", 4), ("30205", "水费", 2), ("30206", "电费", 6), ("30207", "邮电费", 4),
       ("30211", "差旅费", 10), ("30213", "维修（护）费", 6), ("30215", "会议费", 2), ("30216", "培训费", 3),
       ("30217", "公务接待费", 3), ("30228", "工会经费", 6), ("30229", "福利费", 5), ("30231", "公务用车运行维护费", 8),
       ("30239", "其他交通费用", 12), ("30299", "其他商品和服务支出", 8)]
SUBUNITS = {"政务服务管理局": "公共资源交易中心", "统计局": "普查中心", "审计局": "审计信息中心", "司法局": "公证处",
            "农业农村局": "农业技术推广中心", "文化和旅游局": "文化馆", "市场监督管理局": "食品药品检验所"}


def split(rng, total, weights):
    w = [x * rng.uniform(0.6, 1.4) for x in weights]
    s = sum(w)
    out = [int(total * x / s) for x in w]
    out[-1] += total - sum(out)
    return out


def prevof(rng, cur, lo=-0.35, hi=0.45):
    r = rng.uniform(lo, hi)
    if abs(r) < 0.03:
        r = 0.05
    return max(0, int(round(cur / (1 + r), -2)))


def make_facts(rng, doc_type):
    f = {}
    kind = rng.choice(sorted(KINDS))
    region = rng.choice(REGIONS)
    f["dept"] = region + kind
    f["kind"] = kind
    f["year"] = rng.randint(2021, 2025) if doc_type == "budget" else rng.randint(2020, 2024)
    f["sub"] = rng.random() < 0.35
    f["subname"] = region + SUBUNITS[kind]
    staff = rng.randint(14, 70)
    f["staff_admin"] = rng.randint(staff // 2, staff)
    f["staff_inst"] = staff - f["staff_admin"]
    f["retired"] = rng.randint(0, 12)
    f["bianzhi"] = staff + rng.randint(0, 8)
    pers_total = staff * rng.randint(120000, 190000) * 100
    pub_total = staff * rng.randint(12000, 30000) * 100
    f["pers"] = dict(zip([c for c, _, _ in PERS], split(rng, pers_total, [w for _, _, w in PERS])))
    f["pub"] = dict(zip([c for c, _, _ in PUB], split(rng, pub_total, [w for _, _, w in PUB])))
    if f["retired"] == 0:
        f["pers"]["30101"] += f["pers"]["30302"]
        f["pers"]["30302"] = 0
    f["pers_total"] = sum(f["pers"].values())
    f["pub_total"] = sum(f["pub"].values())
    f["basic"] = f["pers_total"] + f["pub_total"]
    # function classes
    lc, ln, kc, kn, leaves = KINDS[kind]
    leafs = {}
    main = leaves
    sociallink = {"2080505": "30108", "2080506": "30109", "2101101": "30110", "2210201": "30113"}
    linked = sum(f["pers"][v] for v in sociallink.values())
    leafs[main[0][0]] = {"basic": f["basic"] - linked, "proj": 0, "pers": f["pers_total"] - linked, "pub": f["pub_total"]}
    nproj = rng.randint(2, 3)
    projtot = int(f["basic"] * rng.uniform(0.25, 0.9))
    pp = split(rng, projtot, [1] * nproj)
    for (c, _), v in zip(main[1:1 + nproj], pp):
        leafs[c] = {"basic": 0, "proj": v - v % 100, "pers": 0, "pub": 0}
    for c, e in sociallink.items():
        leafs[c] = {"basic": f["pers"][e], "proj": 0, "pers": f["pers"][e], "pub": 0}
    f["tree"] = [(lc, ln, kc, kn, [c for c, _ in main if c in leafs])] + [(a, b, c, d, [x for x, _ in e]) for a, b, c, d, e in COMMON]
    f["names"] = {c: n for _, _, _, _, ls in [KINDS[kind]] + COMMON for c, n in ls}
    for a, b, c, d, _ in f["tree"]:
        f["names"][a] = b
        f["names"][c] = d
    # non-fiscal income funds part of the last project leaf
    lastp = main[nproj][0]
    nonfis = int(leafs[lastp]["proj"] * rng.uniform(0, 0.5)) if rng.random() < 0.6 else 0
    nonfis -= nonfis % 100
    for c, v in leafs.items():
        v["gp"] = v["basic"] + v["proj"] - (nonfis if c == lastp else 0)
        v["nf"] = nonfis if c == lastp else 0
        v["total"] = v["basic"] + v["proj"]
    f["leafs"] = leafs
    f["newleaf"] = main[nproj][0] if rng.random() < 0.5 else None  # a project leaf with no prior-year amount
    f["proj"] = sum(v["proj"] for v in leafs.values())
    f["exp"] = f["basic"] + f["proj"]
    f["gp_exp"] = sum(v["gp"] for v in leafs.values())
    f["nf"] = nonfis
    f["sy"] = int(nonfis * rng.uniform(0.3, 1.0)) if nonfis else 0
    f["qt"] = nonfis - f["sy"]
    c0 = int(f["exp"] * rng.uniform(0, 0.08)) if rng.random() < 0.6 else 0
    c0 -= c0 % 100
    c1 = 0 if doc_type == "budget" else (int(f["exp"] * rng.uniform(0, 0.06)) // 100 * 100 if rng.random() < 0.6 else 0)
    f["c0"], f["c1"] = c0, c1
    f["gp_inc"] = f["gp_exp"] + c1 - c0
    f["inc"] = f["gp_inc"] + f["sy"] + f["qt"]
    f["grand"] = f["inc"] + c0
    assert f["grand"] == f["exp"] + c1
    # sangong
    f["sg_abroad"] = 0 if rng.random() < 0.8 else rng.randint(2, 6) * 1000000
    f["sg_buy"] = 0 if rng.random() < 0.75 else rng.randint(15, 28) * 1000000
    f["sg_run"] = f["pub"]["30231"]
    f["sg_rec"] = f["pub"]["30217"]
    f["sg_car"] = f["sg_buy"] + f["sg_run"]
    f["sg"] = f["sg_abroad"] + f["sg_car"] + f["sg_rec"]
    f["jgyx"] = int(f["pub_total"] * (1 if not f["sub"] else rng.uniform(0.7, 0.95)))
    # procurement
    pg = int(f["pub_total"] * rng.uniform(0.2, 0.5)) // 100 * 100
    pe = 0 if rng.random() < 0.6 else int(f["proj"] * rng.uniform(0.1, 0.3)) // 100 * 100
    ps = int(f["proj"] * rng.uniform(0.1, 0.4)) // 100 * 100
    f["pc"] = {"goods": pg, "works": pe, "serv": ps, "total": pg + pe + ps}
    f["pc"]["sme"] = int(f["pc"]["total"] * rng.uniform(0.6, 0.98)) // 100 * 100
    f["pc"]["micro"] = int(f["pc"]["sme"] * rng.uniform(0.3, 0.9)) // 100 * 100
    # assets
    cars = {"一般公务用车": rng.randint(0, 3), "执法执勤用车": rng.randint(0, 4), "特种专业技术用车": rng.randint(0, 2), "其他用车": rng.randint(0, 2)}
    f["cars"] = cars
    f["equip50"] = rng.choice([0, 0, 1, 2, 3])
    # previous year
    P = {}
    for k in ("grand", "inc", "exp", "basic", "proj", "gp_exp", "pers_total", "pub_total", "jgyx"):
        P[k] = prevof(rng, f[k])
    P["sg_abroad"] = f["sg_abroad"] if rng.random() < 0.7 else 0
    P["sg_buy"] = 0 if rng.random() < 0.6 else rng.randint(15, 28) * 1000000
    P["sg_run"] = prevof(rng, f["sg_run"]) if rng.random() < 0.8 else f["sg_run"]
    P["sg_rec"] = prevof(rng, f["sg_rec"])
    P["sg_car"] = P["sg_buy"] + P["sg_run"]
    P["sg"] = P["sg_abroad"] + P["sg_car"] + P["sg_rec"]
    P["leaf"] = {c: (0 if c == f["newleaf"] else prevof(rng, v["gp"])) for c, v in leafs.items()}
    f["prev"] = P
    # final: 年初预算 per gp leaf and sangong
    if doc_type == "final":
        B = {c: (0 if (c == f["newleaf"] and rng.random() < 0.5) else int(v["gp"] * rng.uniform(0.85, 1.1)) // 100 * 100) for c, v in leafs.items()}
        f["bud"] = B
        f["bud_gp"] = sum(B.values())
        f["bud_sg"] = {k: (int(f[k] * rng.uniform(1.0, 1.25)) // 100 * 100 if f[k] else 0) for k in ("sg_abroad", "sg_buy", "sg_run", "sg_rec")}
        f["bud_sg"]["sg_car"] = f["bud_sg"]["sg_buy"] + f["bud_sg"]["sg_run"]
        f["bud_sg"]["sg"] = f["bud_sg"]["sg_abroad"] + f["bud_sg"]["sg_car"] + f["bud_sg"]["sg_rec"]
    f["nproj_perf"] = nproj
    return f
