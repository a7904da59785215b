"""The standard tables. Every amount is a registered figure; identities are registered as rows are built."""
from __future__ import annotations

from fractions import Fraction

from facts import ECO_PERS, ECO_PUB, Facts
from model import Doc

CN = "一二三四五六七八九十"

NAMES = {
    "budget": {"T1": "部门收支预算总表", "T2": "财政拨款收支预算总表", "T3": "一般公共预算支出预算表",
               "T4": "一般公共预算基本支出预算表", "T5": "项目支出预算表", "T6": "一般公共预算“三公”经费支出预算表",
               "T7": "政府性基金预算支出预算表", "T8": "部门整体支出绩效目标表"},
    "final": {"T1": "收入支出决算总表", "T2": "财政拨款收入支出决算总表", "T3": "一般公共预算财政拨款支出决算表",
              "T4": "一般公共预算财政拨款基本支出决算表", "T5": "项目支出决算明细表", "T6": "财政拨款“三公”经费支出决算表",
              "T7": "政府性基金预算财政拨款收入支出决算表", "T8": "部门整体支出绩效自评表"},
}


class TB:
    """Helper holding doc, facts and options while tables are built."""

    def __init__(self, doc: Doc, f: Facts, o: dict) -> None:
        self.doc, self.f, self.o = doc, f, o
        self.bud = f.doc_type == "budget"

    def a(self, key: str | None, fen: int, wan: bool = False) -> int:
        if wan or self.o["table_unit"] == "万元":
            return self.doc.amt(key, fen, "万元", 2, False)
        return self.doc.amt(key, fen, "元", 2, self.o["sep"])

    def sum(self, total: int, parts: list[int], label: str) -> None:
        self.doc.ident("sum", total=total, parts=parts, label=label)

    def title(self, tid: str, n: int) -> int:
        name = NAMES[self.f.doc_type][tid]
        style = self.o["title_style"]
        pre = {"num": f"表{n}", "cn": f"{CN[n - 1]}、", "plain": ""}[style]
        t = self.doc.fig(None, "title", f"{pre}{self.f.dept}{self.f.year}年{name}" if style != "plain"
                         else f"{self.f.year}年{name}")
        if "预算" in name or "决算" in name:
            self.doc.ident("doctype", fig=t, doc_type=self.f.doc_type, label=tid)
        return t

    def unit_line(self, wan: bool = False) -> str:
        u = "万元" if wan or self.o["table_unit"] == "万元" else "元"
        return f"编制单位：{self.f.dept}　　　　单位：{u}"


def t1_overview(tb: TB, n: int) -> dict:
    f = tb.f
    carry_lbl = "上年结转结余" if tb.bud else "年初结转和结余"
    end_lbl = "结转下年" if tb.bud else "年末结转和结余"
    col = "预算数" if tb.bud else "决算数"
    left = [("一、一般公共预算拨款收入", "gp.total", f.gp_total), ("二、政府性基金预算拨款收入", "fund", 0),
            ("三、国有资本经营预算拨款收入", "soe", 0), ("四、事业收入", "inc.other", f.other_basic),
            ("五、其他收入", "inc.misc", 0)]
    right = [(f"{CN[i]}、{r.name}", f"cls.{r.code}.all", f.class_all(r.code)) for i, r in enumerate(f.classes())]
    rows, lids, rids = [], [], []
    for i in range(max(len(left), len(right))):
        row: list = []
        for side, ids in ((left, lids), (right, rids)):
            if i < len(side):
                lab, key, v = side[i]
                fid = tb.a(key, v)
                ids.append(fid)
                row += [lab, fid]
            else:
                row += ["", ""]
        rows.append(row)
    inc_y, exp_y = tb.a("inc.year", f.income_year), tb.a("exp.year", f.total)
    tb.sum(inc_y, lids, "T1 本年收入合计")
    tb.sum(exp_y, rids, "T1 本年支出合计")
    rows.append(["本年收入合计", inc_y, "本年支出合计", exp_y])
    c1, c2 = tb.a("carry", f.carry), tb.a("carry.end", 0)
    rows.append([carry_lbl, c1, end_lbl, c2])
    t_in, t_out = tb.a("tot", f.total), tb.a("tot", f.total)
    tb.sum(t_in, [inc_y, c1], "T1 收入总计")
    tb.sum(t_out, [exp_y, c2], "T1 支出总计")
    rows.append(["收入总计", t_in, "支出总计", t_out])
    return {"id": "T1", "title": tb.title("T1", n), "unit": tb.unit_line(),
            "header": [["收入项目", col, "支出项目", col]], "rows": rows, "split": None}


def t2_fiscal(tb: TB, n: int) -> dict:
    f = tb.f
    col = "预算数" if tb.bud else "决算数"
    carry_lbl = "上年结转" if tb.bud else "年初财政拨款结转和结余"
    gp, fund, soe = tb.a("gp.total", f.gp_total), tb.a("fund", 0), tb.a("soe", 0)
    basic, proj = tb.a("gp.basic", f.gp_basic), tb.a("fin.proj", f.gp_proj + f.carry)
    fund_e, soe_e = tb.a("fund", 0), tb.a("soe", 0)
    inc, exp = tb.a("fin.year", f.gp_total), tb.a("fin.exp", f.total - f.other_basic)
    carry, end = tb.a("carry", f.carry), tb.a("carry.end", 0)
    tin, tout = tb.a("fin.total", f.gp_total + f.carry), tb.a("fin.total", f.gp_total + f.carry)
    tb.sum(inc, [gp, fund, soe], "T2 本年收入")
    tb.sum(exp, [basic, proj, fund_e, soe_e], "T2 本年支出")
    tb.sum(tin, [inc, carry], "T2 收入总计")
    tb.sum(tout, [exp, end], "T2 支出总计")
    rows = [["一、本年收入", inc, "一、本年支出", exp],
            ["（一）一般公共预算拨款", gp, "（一）基本支出", basic],
            ["（二）政府性基金预算拨款", fund, "（二）项目支出", proj],
            ["（三）国有资本经营预算拨款", soe, "（三）政府性基金预算支出", fund_e],
            ["二、" + carry_lbl, carry, "（四）国有资本经营预算支出", soe_e],
            ["", "", "二、" + ("结转下年" if tb.bud else "年末财政拨款结转和结余"), end],
            ["收入总计", tin, "支出总计", tout]]
    return {"id": "T2", "title": tb.title("T2", n), "unit": tb.unit_line(),
            "header": [["收入项目", col, "支出项目", col]], "rows": rows, "split": None}


def t3_gp(tb: TB, n: int, cmp_cols: bool) -> dict:
    """一般公共预算支出表 by function class; long enough to continue on the next page."""
    f = tb.f
    head = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    if cmp_cols:
        head += ["上年预算数", "比上年增加（减少）"] if tb.bud else ["年初预算数", "比年初预算增加（减少）"]
    ids: dict[str, dict[str, int]] = {}
    body = []
    for r in f.rows:
        c = {"tot": tb.a(f"fc.{r.code}.tot", r.total), "basic": tb.a(f"fc.{r.code}.basic", r.basic),
             "proj": tb.a(f"fc.{r.code}.proj", r.proj)}
        tb.sum(c["tot"], [c["basic"], c["proj"]], f"T3 row {r.code}")
        row = [r.code, ("　" * (r.level - 1)) + r.name, c["tot"], c["basic"], c["proj"]]
        if cmp_cols:
            c["prev"] = tb.a(f"fc.{r.code}.prev", r.prev)
            c["chg"] = tb.a(None, r.total - r.prev)
            tb.doc.ident("growth", cur=c["tot"], prev=c["prev"], chg=c["chg"], label=f"T3 change {r.code}")
            row += [c["prev"], c["chg"]]
        ids[r.code] = c
        body.append(row)
    tot = {"tot": tb.a("gp.total", f.gp_total), "basic": tb.a("gp.basic", f.gp_basic),
           "proj": tb.a("gp.proj", f.gp_proj)}
    trow = ["", "合计", tot["tot"], tot["basic"], tot["proj"]]
    if cmp_cols:
        pv = sum(r.prev for r in f.rows if r.level == 1)
        tot["prev"] = tb.a("gp.prev", pv)
        tot["chg"] = tb.a(None, f.gp_total - pv)
        tb.doc.ident("growth", cur=tot["tot"], prev=tot["prev"], chg=tot["chg"], label="T3 change total")
        trow += [tot["prev"], tot["chg"]]
    tb.sum(tot["tot"], [tot["basic"], tot["proj"]], "T3 total row")
    for colk in tot:
        tb.sum(tot[colk], [ids[r.code][colk] for r in f.rows if r.level == 1], f"T3 合计 {colk}")
        for r in f.rows:
            if r.level < 3:
                kids = [x for x in f.rows if x.level == r.level + 1 and x.code.startswith(r.code)]
                tb.sum(ids[r.code][colk], [ids[k.code][colk] for k in kids], f"T3 {r.code} {colk}")
    top = tb.o["total_pos"] == "top"
    rows = [trow] + body if top else body + [trow]
    split = int(len(rows) * tb.o["split_frac"])
    return {"id": "T3", "title": tb.title("T3", n), "unit": tb.unit_line(), "header": [head], "rows": rows,
            "split": split, "cont": tb.o["split_style"], "total_row": 0 if top else len(rows) - 1,
            "cells": ids, "total": tot}


def t4_basic(tb: TB, n: int) -> dict:
    f = tb.f
    rows = []
    pers = [(c, nm) for c, nm in ECO_PERS if c in f.eco]
    pub = [(c, nm) for c, nm in ECO_PUB if c in f.eco]
    p_ids = [tb.a(f"eco.{c}", f.eco[c]) for c, _ in pers]
    g_ids = [tb.a(f"eco.{c}", f.eco[c]) for c, _ in pub]
    p_tot = tb.a("gp.pers", sum(f.eco[c] for c, _ in pers))
    g_tot = tb.a("gp.pub", sum(f.eco[c] for c, _ in pub))
    tot = tb.a("gp.basic", f.gp_basic)
    tb.sum(p_tot, p_ids, "T4 人员经费")
    tb.sum(g_tot, g_ids, "T4 公用经费")
    tb.sum(tot, [p_tot, g_tot], "T4 合计")
    rows.append(["", "人员经费", p_tot])
    rows += [[c, nm, i] for (c, nm), i in zip(pers, p_ids)]
    rows.append(["", "公用经费", g_tot])
    rows += [[c, nm, i] for (c, nm), i in zip(pub, g_ids)]
    rows.append(["", "合计", tot])
    return {"id": "T4", "title": tb.title("T4", n), "unit": tb.unit_line(),
            "header": [["经济分类科目编码", "科目名称", "预算数" if tb.bud else "决算数"]], "rows": rows,
            "split": None, "p_tot": p_tot, "g_tot": g_tot, "tot": tot}


def t5_projects(tb: TB, n: int) -> dict:
    f = tb.f
    carry_lbl = "上年结转" if tb.bud else "年初结转和结余"
    head = ["项目名称", "功能科目编码", "合计", "一般公共预算拨款" if tb.bud else "本年财政拨款", carry_lbl]
    body, ids = [], []
    for i, p in enumerate(f.projects):
        c = {"tot": tb.a(f"proj.{i}.tot", p.total), "gp": tb.a(f"proj.{i}.gp", p.gp),
             "carry": tb.a(f"proj.{i}.carry", p.carry)}
        tb.sum(c["tot"], [c["gp"], c["carry"]], f"T5 row {i}")
        ids.append(c)
        body.append([p.name, p.code, c["tot"], c["gp"], c["carry"]])
    tot = {"tot": tb.a("exp.proj", f.proj_all), "gp": tb.a("gp.proj", f.gp_proj), "carry": tb.a("carry", f.carry)}
    for k in tot:
        tb.sum(tot[k], [c[k] for c in ids], f"T5 合计 {k}")
    tb.sum(tot["tot"], [tot["gp"], tot["carry"]], "T5 total row")
    trow = ["合计", "", tot["tot"], tot["gp"], tot["carry"]]
    top = tb.o["total_pos"] == "top"
    rows = [trow] + body if top else body + [trow]
    split = int(len(rows) * tb.o["split_frac"])
    return {"id": "T5", "title": tb.title("T5", n), "unit": tb.unit_line(), "header": [head], "rows": rows,
            "split": split, "cont": tb.o["split_style2"], "total_row": 0 if top else len(rows) - 1,
            "cells": ids, "total": tot}


def t6_sangong(tb: TB, n: int) -> dict:
    f = tb.f
    cur, prv = f.sangong, f.sangong_prev

    def col(v: dict, suffix: str) -> dict:
        c = {k: tb.a(f"sg.{k}{suffix}" if k not in ("run", "recep") or suffix else
                     {"run": "eco.30231", "recep": "eco.30217"}[k], v[k]) for k in ("abroad", "buy", "run", "recep")}
        c["car"] = tb.a(f"sg.car{suffix}", v["buy"] + v["run"])
        c["total"] = tb.a(f"sg.total{suffix}", v["abroad"] + v["buy"] + v["run"] + v["recep"])
        tb.sum(c["car"], [c["buy"], c["run"]], f"T6 车{suffix}")
        tb.sum(c["total"], [c["abroad"], c["car"], c["recep"]], f"T6 合计{suffix}")
        return c

    # budget: this year + last year; final: 预算数 (年初) + 决算数
    c_now = col(cur, "")
    c_prev = col(prv, ".prev")
    labels = [("total", "“三公”经费合计"), ("abroad", "1.因公出国（境）费"), ("car", "2.公务用车购置及运行费"),
              ("buy", "其中：公务用车购置费"), ("run", "公务用车运行费"), ("recep", "3.公务接待费")]
    h_now, h_prev = ("本年预算数", "上年预算数") if tb.bud else ("决算数", "预算数")
    if tb.o["sangong_layout"] == "vertical":
        header = [["项目", h_prev, h_now] if not tb.bud else ["项目", h_now, h_prev]]
        rows = [[lab, c_prev[k], c_now[k]] if not tb.bud else [lab, c_now[k], c_prev[k]] for k, lab in labels]
    else:
        header = [["项目", "合计", "因公出国（境）费", "公务用车购置及运行费小计", "公务用车购置费", "公务用车运行费",
                   "公务接待费"]]
        order = ["total", "abroad", "car", "buy", "run", "recep"]
        rows = [[h_now] + [c_now[k] for k in order], [h_prev] + [c_prev[k] for k in order]]
    return {"id": "T6", "title": tb.title("T6", n), "unit": tb.unit_line(), "header": header, "rows": rows,
            "split": None, "now": c_now, "prev": c_prev}


def t7_fund(tb: TB, n: int) -> dict:
    return {"id": "T7", "title": tb.title("T7", n), "unit": tb.unit_line(),
            "header": [["科目编码", "科目名称", "本年政府性基金预算支出" if tb.bud else "政府性基金预算财政拨款支出"]],
            "rows": [["", "合计", "0.00"]], "split": None,
            "note": f"注：{tb.f.dept}{tb.f.year}年没有使用政府性基金预算拨款安排的支出，本表无数据。"}


def t8_perf(tb: TB, n: int) -> dict:
    f = tb.f
    a = lambda k, v: tb.a(k, v, wan=True)  # noqa: E731
    if tb.bud:
        tot, basic, proj = a("tot", f.total), a("exp.basic", f.basic_all), a("exp.proj", f.proj_all)
        fin, oth = a("fin.total", f.gp_total + f.carry), a("inc.other", f.other_basic)
        tb.sum(tot, [basic, proj], "T8 资金总额")
        tb.sum(tot, [fin, oth], "T8 资金来源")
        rows = [["部门（单位）名称", f.dept, "", ""],
                ["年度预算资金总额（万元）", tot, "其中：财政拨款", fin],
                ["按支出性质：基本支出", basic, "其他资金", oth],
                ["按支出性质：项目支出", proj, "", ""],
                ["年度总体目标", "保障机构正常运转，完成年度重点工作任务", "", ""],
                ["产出指标", "重点项目完成率", "指标值", "≥95%"],
                ["效益指标", "服务对象覆盖率", "指标值", "≥90%"],
                ["满意度指标", "服务对象满意度", "指标值", "≥90%"]]
        return {"id": "T8", "title": tb.title("T8", n), "unit": "单位：万元", "header": [["项目", "内容", "项目", "内容"]],
                "rows": rows, "split": None, "tot": tot, "basic": basic, "proj": proj}
    bud_b = int(f.basic_all * 1.04) // 100 * 100
    bud_p = int(f.proj_all * 1.12) // 100 * 100
    tot_b, basic_b, proj_b = a(None, bud_b + bud_p), a(None, bud_b), a(None, bud_p)
    tot, basic, proj = a("tot", f.total), a("exp.basic", f.basic_all), a("exp.proj", f.proj_all)
    dec = tb.o["pct_dec"]
    rates = []
    for x, y, vx, vy in ((tot, tot_b, f.total, bud_b + bud_p), (basic, basic_b, f.basic_all, bud_b),
                         (proj, proj_b, f.proj_all, bud_p)):
        r = tb.doc.pct(Fraction(vx * 100, vy), dec)
        tb.doc.ident("share", part=x, base=y, pct=r, label="T8 执行率")
        rates.append(r)
    tb.sum(tot, [basic, proj], "T8 执行数")
    tb.sum(tot_b, [basic_b, proj_b], "T8 预算数")
    rows = [["年度资金总额", tot_b, tot, rates[0]], ["其中：基本支出", basic_b, basic, rates[1]],
            ["项目支出", proj_b, proj, rates[2]]]
    return {"id": "T8", "title": tb.title("T8", n), "unit": "单位：万元",
            "header": [["资金情况", "全年预算数", "全年执行数", "执行率（%）"]], "rows": rows, "split": None,
            "tot": tot, "basic": basic, "proj": proj}
