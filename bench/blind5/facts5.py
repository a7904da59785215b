"""Facts in integer fen: units, function leaves, economic items, 三公, procurement, counts."""
from data5 import (
    BUREAUS,
    COMMON_LEAVES,
    FAMILY_ITEMS,
    PERSON_ITEMS,
    PUBLIC_ITEMS,
    REGIONS,
    VEHICLE_KINDS,
)

WAN = 1_000_000  # fen per 万元


def rfen(rng, lo, hi):
    return rng.randint(int(lo * WAN), int(hi * WAN))


def split(rng, total, n, zero_p=0.0):
    """Split integer total into n non-negative integers (some may be zero)."""
    if n == 1:
        return [total]
    w = [0.0 if rng.random() < zero_p else rng.uniform(0.2, 1.0) for _ in range(n)]
    if sum(w) == 0:
        w[0] = 1.0
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    idx = max(range(n), key=lambda i: w[i])
    parts[idx] += total - sum(parts)
    return parts


def prev_of(rng, cur, flat_p=0.0):
    """Last year's value: a clear change (|g| >= 4%) or exactly equal."""
    if cur == 0:
        return 0
    if rng.random() < flat_p:
        return cur
    g = rng.choice([-1, 1]) * rng.uniform(0.05, 0.35)
    return max(1, int(cur / (1 + g)))


def make_facts(rng, doc_type, year):
    b = rng.choice(BUREAUS)
    prov, region = rng.choice(REGIONS)
    dept = region + b["name"]
    nsub = rng.randint(1, len(b["subs"]))
    subs = rng.sample(b["subs"], nsub)
    units = [dict(name=dept + "机关（本级）", short="本级", kind="行政单位")]
    for s in subs:
        units.append(dict(name=region + s, short=s, kind=rng.choice(["公益一类事业单位", "参照公务员法管理事业单位",
                                                                    "公益二类事业单位"])))
    projects = []
    pnames = list(b["projects"])
    rng.shuffle(pnames)
    for i, u in enumerate(units):
        big = i == 0
        u["person"] = rfen(rng, 300, 1500) if big else rfen(rng, 60, 500)
        u["public"] = int(u["person"] * rng.uniform(0.12, 0.3))
        u["gpb_basic"] = u["person"] + u["public"]
        u["nf_basic"] = 0 if big or rng.random() < 0.4 else rfen(rng, 10, 200)
        u["projects"] = []
        k = rng.randint(1, 3) if big else rng.randint(1, 2)
        for _j in range(k):
            nm = pnames.pop() if pnames else f"{u['short']}专项业务经费（{'甲乙丙丁'[len(u['projects'])]}）"
            leaf = rng.choice(b["proj"])[0]
            u["projects"].append(dict(name=nm, fund="gpb", leaf=leaf, fen=rfen(rng, 10, 600)))
        if not big and rng.random() < 0.5:
            u["projects"].append(dict(name="其他机构运行经费", fund="gpb", leaf=b["sy"][0], fen=rfen(rng, 5, 80)))
        if big and b["gf"] and rng.random() < 0.8:
            u["projects"].append(dict(name=b["gf"][1] + "项目", fund="gf", leaf=b["gf"][0], fen=rfen(rng, 50, 800)))
        if not big and u["nf_basic"] and rng.random() < 0.6:
            u["projects"].append(dict(name=u["short"] + "自有资金业务项目", fund="nf", leaf=b["proj"][0][0],
                                      fen=rfen(rng, 5, 120)))
        u["gpb_proj"] = sum(p["fen"] for p in u["projects"] if p["fund"] == "gpb")
        u["gf"] = sum(p["fen"] for p in u["projects"] if p["fund"] == "gf")
        u["nf_proj"] = sum(p["fen"] for p in u["projects"] if p["fund"] == "nf")
        u["basic"] = u["gpb_basic"] + u["nf_basic"]
        u["proj"] = u["gpb_proj"] + u["gf"] + u["nf_proj"]
        u["exp"] = u["basic"] + u["proj"]
        u["nf"] = u["nf_basic"] + u["nf_proj"]
        projects.extend(dict(p, unit=u["name"]) for p in u["projects"])
    u0 = units[0]
    F = dict(bureau=b, prov=prov, region=region, dept=dept, units=units, year=year, doc_type=doc_type,
             projects=projects)
    # carry-over (fiscal, 本级)
    if doc_type == "budget":
        u0["carry"] = int(u0["gpb_proj"] * rng.uniform(0.05, 0.3)) if rng.random() < 0.75 else 0
        for u in units[1:]:
            u["carry"] = 0
    else:
        F["c0"] = rfen(rng, 1, 80)
        F["c1"] = rfen(rng, 1, 80) if rng.random() < 0.8 else 0
        F["use_nf_bal"] = 0
    # non-fiscal sources per unit
    src_names = (["专户", "事业", "上级", "附属", "其他"] if doc_type == "budget"
                 else ["上级", "事业", "经营", "附属", "其他"])
    for u in units:
        parts = split(rng, u["nf"], len(src_names), zero_p=0.5) if u["nf"] else [0] * len(src_names)
        u["src"] = dict(zip(src_names, parts))
    F["src_names"] = src_names
    tot = lambda k: sum(u[k] for u in units)
    for k in ("person", "public", "gpb_basic", "nf_basic", "gpb_proj", "gf", "nf_proj", "basic", "proj", "exp", "nf"):
        F[k] = tot(k)
    F["gpb"] = F["gpb_basic"] + F["gpb_proj"]
    F["fiscal"] = F["gpb"] + F["gf"]
    F["src"] = {s: sum(u["src"][s] for u in units) for s in src_names}
    if doc_type == "budget":
        F["carry"] = u0["carry"]
        F["gpb_in"] = F["gpb"] - F["carry"]
        F["inc"] = F["gpb_in"] + F["gf"] + F["nf"]          # 本年收入合计
        F["in_total"] = F["inc"] + F["carry"]                 # 收入总计
        for u in units:
            u["gpb_in"] = u["gpb_basic"] + u["gpb_proj"] - u["carry"]
            u["inc"] = u["gpb_in"] + u["gf"] + u["nf"]
    else:
        F["gpb_in"] = F["gpb"] - F["c0"] + F["c1"]
        F["fiscal_in"] = F["gpb_in"] + F["gf"]
        F["inc"] = F["fiscal_in"] + F["nf"]
        F["in_total"] = F["inc"] + F["c0"]
        for u in units:
            u["fiscal_in"] = u["gpb_basic"] + u["gpb_proj"] + u["gf"] + (F["c1"] - F["c0"] if u is u0 else 0)
            u["inc"] = u["fiscal_in"] + u["nf"]
        if u0["fiscal_in"] <= 0:
            F["c0"] = F["c1"]
            return make_facts(rng, doc_type, year)
    # economic items (GPB basic)
    fam = int(F["person"] * rng.uniform(0.04, 0.15))
    F["econ"] = {}
    for (c, _n), v in zip(PERSON_ITEMS, split(rng, F["person"] - fam, len(PERSON_ITEMS))):
        F["econ"][c] = v
    for (c, _n), v in zip(FAMILY_ITEMS, split(rng, fam, len(FAMILY_ITEMS), zero_p=0.3)):
        F["econ"][c] = v
    for (c, _n), v in zip(PUBLIC_ITEMS, split(rng, F["public"], len(PUBLIC_ITEMS), zero_p=0.2)):
        F["econ"][c] = v
    # function leaves
    leaves = {}

    def add(code, name, **kw):
        d = leaves.setdefault(code, dict(code=code, name=name, gpb_b=0, gpb_p=0, gf_p=0, nf_b=0, nf_p=0))
        for k, v in kw.items():
            d[k] += v

    e = F["econ"]
    add("2080505", COMMON_LEAVES["2080505"], gpb_b=e["30108"])
    add("2080506", COMMON_LEAVES["2080506"], gpb_b=e["30109"])
    med_admin = int(e["30110"] * u0["gpb_basic"] / F["gpb_basic"])
    add("2101101", COMMON_LEAVES["2101101"], gpb_b=med_admin)
    if e["30110"] - med_admin:
        add("2101102", COMMON_LEAVES["2101102"], gpb_b=e["30110"] - med_admin)
    add("2210201", COMMON_LEAVES["2210201"], gpb_b=e["30113"])
    if fam:
        add("2080501", COMMON_LEAVES["2080501"], gpb_b=fam)
    rest = F["gpb_basic"] - sum(v["gpb_b"] for v in leaves.values())
    run = int(rest * rng.uniform(0.6, 0.85))
    add(b["run"][0], b["run"][1], gpb_b=run)
    add(b["sy"][0], b["sy"][1], gpb_b=rest - run, nf_b=F["nf_basic"])
    pn = dict(b["proj"])
    pn[b["sy"][0]] = b["sy"][1]
    for p in projects:
        if p["fund"] == "gf":
            add(p["leaf"], b["gf"][1], gf_p=p["fen"])
        elif p["fund"] == "nf":
            add(p["leaf"], pn[p["leaf"]], nf_p=p["fen"])
        else:
            add(p["leaf"], pn[p["leaf"]], gpb_p=p["fen"])
    for v in leaves.values():
        v["gpb_t"] = v["gpb_b"] + v["gpb_p"]
        v["all_b"] = v["gpb_b"] + v["nf_b"]
        v["all_p"] = v["gpb_p"] + v["gf_p"] + v["nf_p"]
        v["all_t"] = v["all_b"] + v["all_p"]
    F["leaves"] = dict(sorted(leaves.items()))
    # prior year and budgets
    F["prev"] = {k: prev_of(rng, F[k]) for k in ("in_total", "inc", "exp", "basic", "proj", "gpb", "fiscal",
                                                  "public", "person")}
    if doc_type == "final":
        F["gpb_init"] = int(F["gpb"] / rng.uniform(0.8, 1.25))
        F["gpb_adj"] = int(F["gpb"] / rng.uniform(0.9, 1.0))
        F["nf_init"] = int(F["nf"] / rng.uniform(0.85, 1.15)) if F["nf"] else 0
        F["nf_adj"] = int(F["nf"] / rng.uniform(0.9, 1.0)) if F["nf"] else 0
        F["gf_init"] = int(F["gf"] / rng.uniform(0.8, 1.1)) if F["gf"] else 0
        F["gf_adj"] = F["gf"]
        for v in F["leaves"].values():
            v["init"] = int(v["gpb_t"] / rng.uniform(0.8, 1.2))
    # 三公
    sg = dict(abroad=rfen(rng, 2, 30) if rng.random() < 0.45 else 0,
              buy=rfen(rng, 10, 45) if rng.random() < 0.5 else 0,
              run=rfen(rng, 3, 60), recep=rfen(rng, 0.5, 15))
    sg["car"] = sg["buy"] + sg["run"]
    sg["total"] = sg["abroad"] + sg["car"] + sg["recep"]
    F["sg"] = sg
    F["sg_prev"] = {k: prev_of(rng, v, flat_p=0.25) for k, v in sg.items() if k in ("abroad", "buy", "run", "recep")}
    p = F["sg_prev"]
    p["car"] = p["buy"] + p["run"]
    p["total"] = p["abroad"] + p["car"] + p["recep"]
    if doc_type == "final":
        F["sg_bud"] = {k: (int(v / rng.uniform(0.7, 1.0)) if v else 0) for k, v in sg.items()
                       if k in ("abroad", "buy", "run", "recep")}
        sb = F["sg_bud"]
        sb["car"] = sb["buy"] + sb["run"]
        sb["total"] = sb["abroad"] + sb["car"] + sb["recep"]
        F["sg_groups"] = rng.randint(1, 4) if sg["abroad"] else 0
        F["recep_batches"] = rng.randint(5, 60)
        F["recep_people"] = F["recep_batches"] * rng.randint(3, 9)
    # 机关运行经费
    F["jgyx_scope"] = rng.choice(["basic", "basic", "econ_codes"])
    F["jgyx"] = u0["public"] if F["jgyx_scope"] == "basic" else u0["public"] + int(F["public"] * rng.uniform(0.3, 1.2))
    F["jgyx_prev"] = prev_of(rng, F["jgyx"])
    # procurement: units -> projects -> goods/works/services
    proc = []
    for u in rng.sample(units, rng.randint(1, len(units))):
        items = []
        for _ in range(rng.randint(1, 2)):
            g, w, s = split(rng, rfen(rng, 5, 300), 3, zero_p=0.4)
            items.append(dict(name=rng.choice(["办公设备购置", "信息系统运维服务", "物业管理服务", "印刷服务",
                                               "车辆维修保养", "档案数字化服务", "办公用房维修改造"]),
                              goods=g, works=w, serv=s, total=g + w + s))
        names = set()
        for it in items:
            while it["name"] in names:
                it["name"] += "（二期）"
            names.add(it["name"])
        proc.append(dict(unit=u["name"], items=items))
    F["proc"] = proc
    F["proc_total"] = sum(i["total"] for pu in proc for i in pu["items"])
    for k in ("goods", "works", "serv"):
        F["proc_" + k] = sum(i[k] for pu in proc for i in pu["items"])
    F["proc_sme"] = int(F["proc_total"] * rng.uniform(0.55, 0.95))
    F["proc_micro"] = int(F["proc_sme"] * rng.uniform(0.4, 0.9))
    # counts
    kinds = rng.sample(VEHICLE_KINDS, rng.randint(2, 4))
    F["vehicles"] = {k: rng.randint(1, 12) for k in kinds}
    F["veh_total"] = sum(F["vehicles"].values())
    F["staff_in"] = rng.randint(15, 160)
    F["staff_ret"] = rng.randint(0, 60)
    F["staff_total"] = F["staff_in"] + F["staff_ret"]
    F["bianzhi"] = F["staff_in"] + rng.randint(0, 12)
    F["equip"] = rng.randint(0, 5)
    return F
