"""情况说明 sections: formulaic sentences whose numbers are registered figures."""
from __future__ import annotations

import random
from fractions import Fraction

from facts import Facts
from model import Doc

REASONS_UP = ["人员调资及社保缴费基数调整", "新增重点工作任务经费", "项目支出增加", "上年结转资金增加"]
REASONS_DOWN = ["严格落实过紧日子要求，压减一般性支出", "部分项目已完成，本年不再安排", "人员减少",
                "上年一次性项目本年未安排"]


class TX:
    def __init__(self, doc: Doc, f: Facts, o: dict, rng: random.Random) -> None:
        self.doc, self.f, self.o, self.rng = doc, f, o, rng
        self.bud = f.doc_type == "budget"
        self.dec = o["pct_dec"]
        self.slots: dict[str, object] = {}  # named places defects may use

    def w(self, key: str | None, fen: int) -> int:
        return self.doc.amt(key, fen, "万元", 2, False)

    def pct(self, v: Fraction) -> int:
        return self.doc.pct(v, self.dec)

    def share(self, part_id: int, base_id: int, part: int, base: int) -> int:
        p = self.pct(Fraction(part * 100, base) if base else Fraction(0))
        if base:
            self.doc.ident("share", part=part_id, base=base_id, pct=p, label="text share")
        return p

    def change(self, cur_id: int, cur: int, prev: int, prev_id: int | None = None, with_pct: bool = True) -> list:
        """Segments '增加X万元，增长Y%' (or 持平) for cur vs prev; registers a growth identity."""
        d = cur - prev
        if d == 0:
            s = self.doc.word("持平")
            self.doc.ident("growth", cur=cur_id, prev=prev_id, sign=s, label="flat") if prev_id is not None else None
            return ["基本", s]
        up = d > 0
        s = self.doc.word("增加" if up else "减少")
        c = self.w(None, abs(d))
        segs: list = [s, c, "万元"]
        idt = {"cur": cur_id, "prev": prev_id, "chg": c, "sign": s, "label": "text change"}
        if with_pct and prev > 0:
            ps = self.doc.word("增长" if up else "下降")
            p = self.pct(Fraction(abs(d) * 100, prev))
            segs += ["，", ps, p, "%"]
            idt.update(pct=p, psign=ps)
        self.doc.ident("growth", **idt)
        return segs


def sections(tx: TX, tables: dict) -> None:
    f, d, bud = tx.f, tx.doc, tx.bud
    y = f.year
    dname = f.dept
    rng = tx.rng
    kind = "预算" if bud else "决算"
    num = tx.o["sec_num"]

    def h(i: int, t: str) -> None:
        lab = "一二三四五六七八九十"[i] + "、" if num == "cn" else f"{i + 1}、"
        d.heading(lab + t, 2)

    # 1 总体
    h(0, f"收入支出{kind}总体情况说明")
    tot = tx.w("tot", f.total)
    yfig = d.fig(None, "year", str(y - 1))
    d.ident("year", fig=yfig, expected=y - 1, label="comparison year")
    cmpw = ["与", yfig, "年预算相比，"] if bud else ["与", yfig, "年度决算相比，"]
    segs = [f"{dname}{y}年收入总计", tot, "万元，支出总计", tx.w("tot", f.total), "万元。"] + cmpw
    segs += ["收、支总计各"] + tx.change(tot, f.total, f.prev_totals["total"])
    up = f.total >= f.prev_totals["total"]
    segs += ["。主要原因是" + rng.choice(REASONS_UP if up else REASONS_DOWN) + "。"]
    tx.slots["p_total"] = d.para(segs)

    # 2 收入
    h(1, f"收入{kind}情况说明")
    iy = tx.w("inc.year", f.income_year)
    gp = tx.w("gp.total", f.gp_total)
    segs = [f"{dname}{y}年本年收入合计", iy, "万元，其中：一般公共预算拨款收入", gp, "万元，占本年收入合计的",
            tx.share(gp, iy, f.gp_total, f.income_year), "%"]
    if f.other_basic:
        ob = tx.w("inc.other", f.other_basic)
        segs += ["；事业收入", ob, "万元，占本年收入合计的", tx.share(ob, iy, f.other_basic, f.income_year), "%"]
    segs += ["。另有" + ("上年结转" if bud else "年初结转和结余"), tx.w("carry", f.carry), "万元。"]
    d.para(segs)

    # 3 支出
    h(2, f"支出{kind}情况说明")
    t2 = tx.w("tot", f.total)
    b = tx.w("exp.basic", f.basic_all)
    p = tx.w("exp.proj", f.proj_all)
    sb = tx.share(b, t2, f.basic_all, f.total)
    sp = tx.share(p, t2, f.proj_all, f.total)
    tx.slots["p_exp"] = d.para([f"{dname}{y}年支出总计", t2, "万元，其中：基本支出", b, "万元，占支出总计的", sb,
                                "%；项目支出", p, "万元，占支出总计的", sp, "%。"])
    d.ident("sum", total=t2, parts=[b, p], label="text 支出")
    tx.slots["exp_shares"] = (b, p, t2, sb, sp)

    # 4 财政拨款
    h(3, f"财政拨款收支{kind}总体情况说明")
    ft = tx.w("fin.total", f.gp_total + f.carry)
    g2 = tx.w("gp.total", f.gp_total)
    c2 = tx.w("carry", f.carry)
    d.ident("sum", total=ft, parts=[g2, c2], label="text 财政拨款")
    d.para([f"{y}年财政拨款收支总计", ft, "万元，其中：一般公共预算拨款", g2, "万元，" +
            ("上年结转" if bud else "年初财政拨款结转和结余"), c2, "万元。"])

    # 5 一般公共预算支出
    h(4, "一般公共预算" + ("支出预算" if bud else "财政拨款支出决算") + "情况说明")
    g3 = tx.w("gp.total", f.gp_total)
    ft3 = tx.w("fin.total", f.gp_total + f.carry)
    segs = [f"{y}年一般公共预算" + ("支出" if bud else "财政拨款支出决算"), g3, "万元，占财政拨款支出总额的",
            tx.share(g3, ft3, f.gp_total, f.gp_total + f.carry), "%（财政拨款支出总额", ft3, "万元）。主要用于："]
    cls_items = []
    for i, r in enumerate(f.classes()):
        a = tx.w(f"fc.{r.code}.tot", r.total)
        cls_items.append((a, r))
        segs += [("；" if i else "") + f"{r.name}（类）", a, "万元，占一般公共预算支出的",
                 tx.share(a, g3, r.total, f.gp_total), "%"]
    segs.append("。")
    tx.slots["p_cls"] = d.para(segs)
    tx.slots["cls_items"] = cls_items
    d.ident("sum", total=g3, parts=[a for a, _ in cls_items], label="text 类 list")
    # selected 项 paragraphs
    leaves = [r for r in f.leaves if r.total and r.prev and abs(r.total - r.prev) > 500000]
    rng.shuffle(leaves)
    leaf_paras = []
    t3 = tables["T3"]
    for r in sorted(leaves[:5], key=lambda r: r.code):
        cur = tx.w(f"fc.{r.code}.tot", r.total)
        with_prev = rng.random() < 0.6 or not t3.get("cmp")
        pre = f"{r.name}（项）：" if rng.random() < 0.5 else f"{r.code}{r.name}："
        if bud:
            if with_prev:
                pv = tx.w(f"fc.{r.code}.prev", r.prev)
                segs = [pre + "上年预算数为", pv, f"万元，{y}年预算数为", cur, "万元，比上年"] + \
                    tx.change(cur, r.total, r.prev, pv)
            else:
                pv = t3["cells"][r.code]["prev"] if t3.get("cmp") else None
                segs = [pre + f"{y}年预算数为", cur, "万元，比上年"] + tx.change(cur, r.total, r.prev, pv)
            segs += ["，主要原因是" + rng.choice(REASONS_UP if r.total > r.prev else REASONS_DOWN) + "。"]
        else:
            pv = tx.w(f"fc.{r.code}.prev", r.prev)
            rate = tx.share(cur, pv, r.total, r.prev)
            segs = [pre + "年初预算为", pv, "万元，支出决算为", cur, "万元，完成年初预算的", rate, "%。"]
            if with_prev or t3.get("cmp"):
                segs += ["决算数比年初预算"] + tx.change(cur, r.total, r.prev, pv, with_pct=False) + ["。"]
            segs += ["决算数与年初预算数存在差异的主要原因是" + rng.choice(REASONS_UP if r.total > r.prev
                                                                       else REASONS_DOWN) + "。"]
        leaf_paras.append((d.para(segs), r, with_prev))
    tx.slots["leaf_paras"] = leaf_paras

    # 6 基本支出
    h(5, "一般公共预算基本支出" + ("预算" if bud else "决算") + "情况说明")
    from facts import ECO_PERS, ECO_PUB
    pers = sum(v for c, v in f.eco.items() if c in dict(ECO_PERS))
    pub = sum(v for c, v in f.eco.items() if c in dict(ECO_PUB))
    bb, pp, gg = tx.w("gp.basic", f.gp_basic), tx.w("gp.pers", pers), tx.w("gp.pub", pub)
    d.ident("sum", total=bb, parts=[pp, gg], label="text 基本支出")
    tx.slots["p_basic"] = d.para([f"{y}年一般公共预算基本支出", bb, "万元，其中：人员经费", pp,
                                  "万元，主要包括基本工资、津贴补贴、奖金、绩效工资、社会保障缴费、住房公积金、退休费等；公用经费",
                                  gg, "万元，主要包括办公费、印刷费、水电费、邮电费、差旅费、维修（护）费、会议费、培训费、"
                                      "公务接待费、公务用车运行维护费等。"])
    tx.slots["basic_ids"] = (bb, pp, gg)

    # 7 项目支出 and 重点项目
    h(6, "项目支出" + ("预算" if bud else "决算") + "情况说明")
    pa = tx.w("exp.proj", f.proj_all)
    cnt = d.fig(None, "count", str(len(f.projects)))
    d.ident("count", fig=cnt, expected=len(f.projects), label="project count")
    segs = [f"{y}年项目支出", pa, "万元，共安排项目", cnt, "个（详见" + tables["T5"]["name"] + "）。"]
    # key projects: biggest four plus the new one (index 2, prev 0)
    order = sorted(range(len(f.projects)), key=lambda i: -f.projects[i].total)
    keys = sorted(set(order[:4] + [2]))
    if f.projects[1].total == f.projects[3].total:  # two projects with the same amount: list both
        keys = sorted(set(keys) | {1, 3})
    kt = sum(f.projects[i].total for i in keys)
    kc = d.fig(None, "count", str(len(keys)))
    d.ident("count", fig=kc, expected=len(keys), label="key project count")
    ks = tx.w(None, kt)
    segs += ["其中重点项目", kc, "个，共计", ks, "万元，其中："]
    items = []
    for j, i in enumerate(keys):
        a = tx.w(f"proj.{i}.tot", f.projects[i].total)
        items.append((a, i))
        segs += [("、" if j else "") + f.projects[i].name, a, "万元"]
    segs.append("。")
    d.ident("sum", total=ks, parts=[a for a, _ in items], label="text 重点项目 list")
    tx.slots["p_keylist"] = d.para(segs)
    tx.slots["key_items"] = items
    tx.slots["key_total"] = ks
    tx.slots["proj_count"] = cnt
    kp = []
    for j, i in enumerate(keys):
        pr = f.projects[i]
        a = tx.w(f"proj.{i}.tot", pr.total)
        verb = "预算安排" if bud else "支出决算"
        segs = [f"（{'一二三四五六七八'[j]}）{pr.name}项目，{verb}", a, f"万元，主要用于{pr.purpose}。"]
        if pr.carry:
            segs += ["其中" + ("上年结转" if bud else "年初结转和结余"), tx.w(f"proj.{i}.carry", pr.carry), "万元。"]
        if pr.prev == 0:
            zb = tx.o["zero_base_style"]
            pz = tx.w(None, 0)
            if zb == "新增":
                segs += ["上年预算为", pz, "万元，该项目为本年新增项目。"]
            else:
                s100 = d.pct(Fraction(100), 0)
                segs += ["上年预算为", pz, "万元，比上年增长", s100, "%（新增项目）。"]
                d.ident("zerobase", prev=pz, pct=s100, label="zero base")
            kp.append((d.para(segs), i, a, pz))
        else:
            pv = tx.w(None, pr.prev)
            segs += ["上年预算为", pv, "万元，比上年"] + tx.change(a, pr.total, pr.prev, pv) + ["。"]
            kp.append((d.para(segs), i, a, None))
    tx.slots["key_paras"] = kp

    # 8 三公
    h(7, "“三公”经费" + ("预算" if bud else "支出决算") + "情况说明")
    sg, sp_ = f.sangong, f.sangong_prev
    T = sum(sg.values())
    TP = sum(sp_.values())
    st = tx.w("sg.total", T)
    ab, car, buy, run, rec = (tx.w("sg.abroad", sg["abroad"]), tx.w("sg.car", sg["buy"] + sg["run"]),
                              tx.w("sg.buy", sg["buy"]), tx.w("eco.30231", sg["run"]), tx.w("eco.30217", sg["recep"]))
    d.ident("sum", total=st, parts=[ab, car, rec], label="text 三公")
    d.ident("sum", total=car, parts=[buy, run], label="text 公务用车")
    if bud:
        segs = [f"{y}年一般公共预算“三公”经费预算", st, "万元，比上年预算"] + tx.change(st, T, TP)
    else:
        stp = tx.w("sg.total.prev", TP)
        segs = [f"{y}年度财政拨款“三公”经费全年预算", stp, "万元，支出决算", st, "万元"]
        if TP:
            segs += ["，完成预算的", tx.share(st, stp, T, TP), "%"]
    segs += ["。其中：因公出国（境）费", ab, "万元；公务用车购置及运行费", car, "万元（其中：公务用车购置费", buy,
             "万元，公务用车运行费", run, "万元）；公务接待费", rec, "万元。"]
    tx.slots["p_sg"] = d.para(segs)
    tx.slots["sg_ids"] = {"total": st, "abroad": ab, "car": car, "buy": buy, "run": run, "recep": rec}

    # 9 政府性基金 / 国有资本
    h(8, "政府性基金及国有资本经营预算" + ("支出预算" if bud else "财政拨款支出决算") + "情况说明")
    d.para([f"{dname}{y}年没有使用政府性基金预算拨款安排的支出，也没有使用国有资本经营预算拨款安排的支出。"])

    # 10 其他重要事项
    h(9, "其他重要事项的情况说明")
    jg = tx.w(None, f.jiguan)
    gg2 = tx.w("gp.pub", pub)
    d.ident("le", a=jg, b=gg2, label="机关运行经费 <= 公用经费")
    d.para(["（一）机关运行经费：" + f"{y}年机关运行经费", jg, "万元（公用经费", gg2, "万元）。"])
    pc = f.procurement
    pt = tx.w(None, sum(pc.values()))
    g1, w1, s1 = tx.w(None, pc["goods"]), tx.w(None, pc["works"]), tx.w(None, pc["serv"])
    d.ident("sum", total=pt, parts=[g1, w1, s1], label="政府采购")
    d.para([f"（二）政府采购情况：{y}年政府采购" + ("预算" if bud else "支出") + "总额", pt, "万元，其中：货物类", g1,
            "万元，工程类", w1, "万元，服务类", s1, "万元。"])
    pt2 = tx.w("tot", f.total)
    pb2, pp2 = tx.w("exp.basic", f.basic_all), tx.w("exp.proj", f.proj_all)
    d.ident("sum", total=pt2, parts=[pb2, pp2], label="text 绩效")
    d.para(["（三）预算绩效管理情况：本部门" + ("编制了部门整体支出绩效目标，资金总额" if bud else
                                                "开展了部门整体支出绩效自评，全年执行数"), pt2,
            "万元，其中基本支出", pb2, "万元、项目支出", pp2, "万元，" +
            ("全部项目均编制了绩效目标（详见" if bud else "全部项目均开展了绩效自评（详见") + tables["T8"]["name"] + "）。"])
