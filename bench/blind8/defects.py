"""Planting one defect per document. Each planter mutates printed figures or blocks and returns the record."""
from __future__ import annotations

import random
from fractions import Fraction

from model import Doc, fmt_amt, fmt_pct, parse_num, trunc_pct

NEW = ["span-total", "project-text", "copied-amount", "change-column", "rate-rounding"]
STANDARD = ["table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction",
            "breakdown", "sangong-sum", "perf-table", "count", "comparison-year", "template-residue",
            "missing-part", "zero-base", "doc-type"]
ALL = STANDARD + NEW


def context(d: Doc, fid: int, before: int = 8, after: int = 2) -> str:
    """A distinctive piece of the sentence around a figure, as rendered (figure text included)."""
    for b in d.blocks:
        if b["t"] in ("p", "h") and fid in [s for s in b["segs"] if isinstance(s, int)]:
            i = b["segs"].index(fid)
            pre = "".join(d.seg_text(s) for s in b["segs"][:i])
            post = "".join(d.seg_text(s) for s in b["segs"][i + 1:])
            cut = pre[-before:]
            for stop in "，。；：（":
                if stop in cut:
                    cut = cut[cut.rindex(stop) + 1:]
            return cut + d.figs[fid].text + post[:after]
    return d.figs[fid].text


def amt_text(d: Doc, fid: int, fen: int) -> str:
    f = d.figs[fid]
    return fmt_amt(fen, f.unit, f.dec, "," in f.text)


def fen_of(d: Doc, fid: int) -> int:
    f = d.figs[fid]
    from model import SCALE
    return int(parse_num(f.text) * SCALE[f.unit])


def bump(d: Doc, fid: int, rng: random.Random, lo: float = 0.04, hi: float = 0.2, sign: int = 0) -> tuple[str, str]:
    old = d.figs[fid].text
    v = fen_of(d, fid)
    delta = max(int(abs(v) * rng.uniform(lo, hi)) // 10000 * 10000, 50000)  # whole 百元, at least 500 元
    sg = sign or rng.choice([1, -1])
    if v - delta <= 0:
        sg = 1
    d.figs[fid].text = amt_text(d, fid, v + sg * delta)
    return d.figs[fid].text, old


def rec(cls: str, where: str, stated: str, expected: str, note: str, alt: list[str] | None = None,
        table: str | None = None, row: str | None = None) -> dict:
    r = {"class": cls, "where": where, "alt": alt or [], "stated": stated, "expected": expected, "note": note}
    if table:
        r["table"] = table
    if row:
        r["row"] = row
    return r


def find_row(t: dict, fid: int) -> list | None:
    for r in t["rows"]:
        if fid in r:
            return r
    return None


def row_label(d: Doc, t: dict, fid: int) -> str:
    r = find_row(t, fid)
    if r is None:
        return ""
    i = r.index(fid)
    labs = [c for c in r[:i] if isinstance(c, str) and c.strip()]
    return labs[-1].strip("　") if labs else ""


# ----------------------------------------------------------------------------- planters
def p_table_total(d, f, ctx, rng):
    t4 = ctx["tables"]["T4"]
    fid, lab = rng.choice([(t4["p_tot"], "人员经费"), (t4["g_tot"], "公用经费")])
    new, old = bump(d, fid, rng)
    return rec("table-total", new, new, old, f"{t4['name']}的{lab}小计不等于其明细之和", table=t4["name"], row=lab)


def p_cross_table(d, f, ctx, rng):
    t2 = ctx["tables"]["T2"]
    basic = t2["rows"][1][3]
    proj = t2["rows"][2][3]
    v = fen_of(d, basic)
    delta = max(int(v * rng.uniform(0.05, 0.15)) // 10000 * 10000, 100000)
    old = d.figs[basic].text
    d.figs[basic].text = amt_text(d, basic, v + delta)
    d.figs[proj].text = amt_text(d, proj, fen_of(d, proj) - delta)
    return rec("cross-table", d.figs[basic].text, d.figs[basic].text, old,
               "财政拨款收支总表的基本支出与项目支出此增彼减，合计仍平，但与基本支出表、一般公共预算支出表不一致",
               alt=[d.figs[proj].text], table=t2["name"], row="（一）基本支出")


def p_blank_total(d, f, ctx, rng):
    t1 = ctx["tables"]["T1"]
    row = next(r for r in t1["rows"] if r[0] == "本年收入合计")
    old = d.figs[row[1]].text
    d.figs[row[1]].text = ""
    return rec("blank-total", "本年收入合计", "", old, "收支总表的本年收入合计留空", table=t1["name"], row="本年收入合计")


def p_text_vs_table(d, f, ctx, rng):
    bb, pp, gg = ctx["slots"]["basic_ids"]
    fid = rng.choice([pp, gg])
    new, old = bump(d, fid, rng, 0.05, 0.3)
    return rec("text-vs-table", context(d, fid), new, old, "说明中的人员经费/公用经费与基本支出表不一致，且与基本支出合计不符")


def p_share(d, f, ctx, rng):
    cls_items = ctx["slots"]["cls_items"]
    b = ctx["slots"]["p_cls"]
    segs = [s for s in b["segs"] if isinstance(s, int)]
    a, r = rng.choice(cls_items)
    pid = segs[segs.index(a) + 1]  # the share after the amount
    old = d.figs[pid].text
    v = Fraction(r.total * 100, f.total)  # divided by 支出总计 instead of 一般公共预算支出
    if abs(v - Fraction(old)) < Fraction(3, 10 ** d.figs[pid].dec):
        v = Fraction(old) + rng.choice([-1, 1]) * Fraction(rng.randint(30, 90), 10)
    d.figs[pid].text = fmt_pct(v, d.figs[pid].dec)
    return rec("share", context(d, pid, 12, 1), d.figs[pid].text, old,
               "占一般公共预算支出的比重算错（分母不是一般公共预算支出）")


def _growth_ident(d: Doc, pct: int) -> dict | None:
    return next((i for i in d.identities if i["type"] == "growth" and i.get("pct") == pct), None)


def p_growth(d, f, ctx, rng):
    b = ctx["slots"]["p_total"]
    idt = next(i for i in d.identities if i["type"] == "growth" and i.get("cur") in b["segs"] and i.get("pct"))
    pid = idt["pct"]
    old = d.figs[pid].text
    chg = parse_num(d.figs[idt["chg"]].text)
    cur = parse_num(d.figs[idt["cur"]].text)
    v = chg / cur * 100  # the real error: change divided by this year's figure
    if abs(v - parse_num(old)) < Fraction(5, 10 ** d.figs[pid].dec) * 10:
        v = parse_num(old) * Fraction(rng.randint(130, 180), 100)
    d.figs[pid].text = fmt_pct(v, d.figs[pid].dec)
    return rec("growth", context(d, pid, 4, 1), d.figs[pid].text, old, "增长率按本年数而不是上年数计算")


def _flip(w: str) -> str:
    return {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长"}[w]


def p_direction(d, f, ctx, rng):
    cands = [(b, r) for b, r, wp in ctx["slots"]["leaf_paras"] if wp or f.doc_type == "final"]
    if not cands:
        return None
    b, r = rng.choice(cands)
    idt = next(i for i in d.identities if i["type"] == "growth" and i.get("sign") in b["segs"])
    s = idt["sign"]
    old = d.figs[s].text
    d.figs[s].text = _flip(old)
    if idt.get("psign") is not None:
        d.figs[idt["psign"]].text = _flip(d.figs[idt["psign"]].text)
    return rec("direction", context(d, idt["chg"], 6, 2), d.figs[s].text, old,
               f"{r.name}本年数与上年（年初预算）数相比方向说反")


def p_breakdown(d, f, ctx, rng):
    ks = ctx["slots"]["key_total"]
    new, old = bump(d, ks, rng, 0.04, 0.12, sign=1)
    return rec("breakdown", context(d, ks, 6, 2), new, old, "重点项目合计数大于所列各项目之和")


def p_sangong_sum(d, f, ctx, rng):
    if rng.random() < 0.5:
        car = ctx["slots"]["sg_ids"]["car"]
        new, old = bump(d, car, rng, 0.1, 0.3, sign=1)
        return rec("sangong-sum", context(d, car, 10, 2), new, old, "说明中的公务用车购置及运行费不等于购置费与运行费之和")
    t6 = ctx["tables"]["T6"]
    fid = t6["now"]["total"]
    new, old = bump(d, fid, rng, 0.1, 0.3, sign=1)
    return rec("sangong-sum", new, new, old, "三公经费表合计不等于三项之和", table=t6["name"], row="“三公”经费合计")


def p_perf_table(d, f, ctx, rng):
    t8 = ctx["tables"]["T8"]
    b, t = t8["basic"], t8["tot"]
    delta = max(int(fen_of(d, b) * rng.uniform(0.05, 0.2)) // 10000 * 10000, 200000)
    ob = d.figs[b].text
    d.figs[b].text = amt_text(d, b, fen_of(d, b) + delta)
    d.figs[t].text = amt_text(d, t, fen_of(d, t) + delta)
    return rec("perf-table", d.figs[b].text, d.figs[b].text, ob,
               "整体绩效目标表的基本支出和资金总额与预算表不一致（表内仍自洽）", alt=[d.figs[t].text],
               table=t8["name"], row="基本支出")


def p_count(d, f, ctx, rng):
    c = ctx["slots"]["proj_count"]
    old = d.figs[c].text
    d.figs[c].text = str(int(old) + rng.choice([-3, -2, 2, 3, 5]))
    return rec("count", context(d, c, 6, 2), d.figs[c].text, old, "项目个数与项目支出表的行数不一致")


def p_comparison_year(d, f, ctx, rng):
    y = next(i for i in d.identities if i["type"] == "year")
    fid = y["fig"]
    old = d.figs[fid].text
    d.figs[fid].text = str(rng.choice([f.year, f.year - 2]))
    return rec("comparison-year", context(d, fid, 1, 4), d.figs[fid].text, old, "比较年度不是上一年")


def p_template_residue(d, f, ctx, rng):
    b = ctx["slots"]["p_total"]
    idt = next((i for i in d.identities if i["type"] == "growth" and i.get("sign") in b["segs"]), None)
    if idt is None:
        return None
    s = idt["sign"]
    old = d.figs[s].text
    d.figs[s].text = "增加（减少）"
    if idt.get("psign") is not None:
        d.figs[idt["psign"]].text = "增长（下降）"
    return rec("template-residue", "增加（减少）" + d.figs[idt["chg"]].text, "增加（减少）", old, "模板中的“增加（减少）”未替换")


def p_missing_part(d, f, ctx, rng):
    tid = rng.choice(["T6", "T7"])
    t = ctx["tables"][tid]
    d.blocks[:] = [b for b in d.blocks if not (b["t"] == "table" and b["id"] == tid)]
    toc = next(b for b in d.blocks if b["t"] == "toc")
    item = next(x for x in toc["tables"] if x.endswith(t["name"]))
    return rec("missing-part", item, "", t["name"], "目录列出的表未公开", table=t["name"])


def p_zero_base(d, f, ctx, rng):
    cands = [x for x in ctx["slots"]["key_paras"] if x[3] is not None]
    if not cands:
        return None
    b, i, a, pz = rng.choice(cands)
    k = b["segs"].index(pz)
    rate = Fraction(rng.randint(1500, 30000), 100)
    pid = d.pct(rate, 2)
    b["segs"][k + 1:] = ["万元，比上年增长", pid, "%。"]
    d.ident("zerobase", prev=pz, pct=pid, label="zero base")
    return rec("zero-base", f"比上年增长{d.figs[pid].text}%", d.figs[pid].text + "%", "新增（无可比基数）",
               "上年预算为0，仍写增长率")


def p_doc_type(d, f, ctx, rng):
    bud = f.doc_type == "budget"
    cands = [i["fig"] for i in d.identities if i["type"] == "doctype"
             and any(b["t"] == "table" and b["title"] == i["fig"] for b in d.blocks)]
    fid = rng.choice(cands)
    old = d.figs[fid].text
    a, b_ = ("预算", "决算") if bud else ("决算", "预算")
    k = old.rindex(a)
    d.figs[fid].text = old[:k] + b_ + old[k + 2:]
    return rec("doc-type", d.figs[fid].text, d.figs[fid].text, old,
               ("预算" if bud else "决算") + "文件中的表名写成了" + ("决算" if bud else "预算"))


def p_span_total(d, f, ctx, rng):
    tid = rng.choice(["T3", "T5"])
    t = ctx["tables"][tid]
    fid = t["total"]["tot"]
    old = d.figs[fid].text
    note = "跨页表的合计数与两页各行之和不符"
    if tid == "T5":
        # total equals the rows printed on the first page only
        first = t["rows"][:t["split"]]
        vals = [r[2] for r in first if r[0] != "合计"]
        new = sum(fen_of(d, x) for x in vals)
        if abs(new - fen_of(d, fid)) > 100000:
            d.figs[fid].text = amt_text(d, fid, new)
            note += "（合计只加了第一页的行）"
        else:
            bump(d, fid, rng, 0.05, 0.15)
    else:
        bump(d, fid, rng, 0.03, 0.12)
    return rec("span-total", d.figs[fid].text, d.figs[fid].text, old, note, table=t["name"], row="合计")


def p_project_text(d, f, ctx, rng):
    b, i, a, pz = rng.choice(ctx["slots"]["key_paras"])
    old = d.figs[a].text
    ip, fp = old.split(".")
    if len(ip) >= 3 and ip[-2] != ip[-3] and rng.random() < 0.5:
        nip = ip[:-3] + ip[-2] + ip[-3] + ip[-1]  # two digits transposed
        d.figs[a].text = f"{nip}.{fp}"
    else:
        bump(d, a, rng, 0.1, 0.3)
    return rec("project-text", context(d, a, 4, 2), d.figs[a].text, old,
               f"{f.projects[i].name}项目段落中的金额与项目支出表该行不一致", table=ctx["tables"]["T5"]["name"],
               row=f.projects[i].name)


def p_copied_amount(d, f, ctx, rng):
    items = ctx["slots"]["key_items"]
    cands = [j for j in range(1, len(items))
             if abs(fen_of(d, items[j][0]) - fen_of(d, items[j - 1][0])) > 200000]
    if not cands:
        return None
    j = rng.choice(cands)
    fid, prev = items[j][0], items[j - 1][0]
    old = d.figs[fid].text
    d.figs[fid].text = d.figs[prev].text
    return rec("copied-amount", f.projects[items[j][1]].name + d.figs[fid].text + "万元", d.figs[fid].text, old,
               "列举中该项目的金额照抄了前一项目的金额")


def p_change_column(d, f, ctx, rng):
    paras = ctx["slots"]["leaf_paras"]
    if not paras or not ctx["tables"]["T3"].get("cmp"):
        return None
    b, r, wp = rng.choice(paras)
    idt = next(i for i in d.identities if i["type"] == "growth" and i.get("chg") in b["segs"])
    c = idt["chg"]
    old = d.figs[c].text
    v = fen_of(d, c)
    nv = v + max(int(v * rng.uniform(0.2, 0.6)) // 10000 * 10000, 300000) * rng.choice([1, -1])
    d.figs[c].text = amt_text(d, c, abs(nv) if nv else v * 2)
    return rec("change-column", context(d, c, 6, 2), d.figs[c].text, old,
               f"{r.name}的增减额与表中上年（年初预算）数和本年数之差不符", table=ctx["tables"]["T3"]["name"], row=r.name)


def p_rate_rounding(d, f, ctx, rng):
    from model import all_violations
    ids = [x.id for x in d.figs if x.kind == "pct" and x.exact and x.dec >= 1]
    rng.shuffle(ids)
    for pid in ids:
        fx = d.figs[pid]
        v = Fraction(fx.exact)
        frac = (abs(v) * 10 ** fx.dec) % 1
        if frac < Fraction(7, 10):
            continue
        old = fx.text
        fx.text = trunc_pct(v, fx.dec)
        data = d.to_json()
        import json
        data = json.loads(json.dumps(data))
        if all_violations(data):
            where = context(d, pid, 6, 1)
            if not any(b["t"] in ("p", "h") and pid in b["segs"] for b in d.blocks):
                where = fx.text
            return rec("rate-rounding", where, fx.text, old,
                       f"百分比截尾而非四舍五入（精确值{float(v):.4f}），在末位一个单位之内，属轻微差错")
        fx.text = old
    return None


PLANTERS = {
    "table-total": p_table_total, "cross-table": p_cross_table, "blank-total": p_blank_total,
    "text-vs-table": p_text_vs_table, "share": p_share, "growth": p_growth, "direction": p_direction,
    "breakdown": p_breakdown, "sangong-sum": p_sangong_sum, "perf-table": p_perf_table, "count": p_count,
    "comparison-year": p_comparison_year, "template-residue": p_template_residue, "missing-part": p_missing_part,
    "zero-base": p_zero_base, "doc-type": p_doc_type, "span-total": p_span_total, "project-text": p_project_text,
    "copied-amount": p_copied_amount, "change-column": p_change_column, "rate-rounding": p_rate_rounding,
}
