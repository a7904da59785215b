"""Assemble one document (blocks + figures + identities) from facts and options."""
from __future__ import annotations

import random

import tables as T
import text as X
from facts import Facts, make_facts
from model import Doc

SPLIT_STYLES = ["repeat", "xubiao", "title_xu", "bare"]


def draw_options(rng: random.Random, fmt: str) -> dict:
    unit = rng.choice(["元", "元", "万元"])
    return {
        "table_unit": unit,
        "sep": unit == "元" and rng.random() < 0.8,
        "pct_dec": rng.choice([2, 2, 1]),
        "tables_first": rng.random() < 0.4,
        "split_style": rng.choice(SPLIT_STYLES),
        "split_style2": rng.choice(SPLIT_STYLES),
        "split_frac": round(rng.uniform(0.4, 0.65), 2),
        "cmp_cols": rng.random() < 0.6,
        "total_pos": rng.choice(["top", "bottom"]),
        "sangong_layout": rng.choice(["vertical", "horizontal"]),
        "zero_base_style": rng.choice(["新增", "新增", "增长100%"]),
        "title_style": rng.choice(["num", "cn", "plain"]),
        "sec_num": rng.choice(["cn", "arabic"]),
        "running_head": rng.random() < 0.8,
        "page_no": rng.choice(["- {n} -", "第{n}页", "{n}"]),
    }


def build(rng: random.Random, doc_type: str, year: int, opts: dict) -> tuple[Doc, Facts, dict]:
    f = make_facts(rng, doc_type, year)
    d = Doc()
    bud = doc_type == "budget"
    kind = "部门预算" if bud else "部门决算"
    d.meta = {"department": f.dept, "year": year, "doc_type": doc_type, "options": opts,
              "running_head": f"{f.dept}{year}年{'' if bud else '度'}{kind}"}
    d.heading(f"{f.dept}{year}年{'' if bud else '度'}{kind}", 0,
              d.fig(None, "title", f"{f.dept}{year}年{'' if bud else '度'}{kind}"))
    d.ident("doctype", fig=d.blocks[-1]["segs"][0], doc_type=doc_type, label="cover")
    tb = T.TB(d, f, opts)
    # tables are built first (figures registered) and placed later
    # build into a scratch block list so the order of placement can vary
    saved = d.blocks
    d.blocks = []
    tabs = {}
    builders = [("T1", T.t1_overview), ("T2", T.t2_fiscal), ("T3", None), ("T4", T.t4_basic), ("T5", T.t5_projects),
                ("T6", T.t6_sangong), ("T7", T.t7_fund), ("T8", T.t8_perf)]
    for n, (tid, fn) in enumerate(builders, 1):
        t = T.t3_gp(tb, n, opts["cmp_cols"]) if tid == "T3" else fn(tb, n)
        t["name"] = T.NAMES[doc_type][tid]
        t["cmp"] = opts["cmp_cols"] if tid == "T3" else False
        tabs[tid] = t
    d.blocks = saved
    # table of contents
    d.heading("目　录", 1)
    part_tables = f"第{'二' if opts['tables_first'] else '三'}部分　{f.dept}{year}年{kind}表"
    part_text_name = f"{f.dept}{year}年{kind}情况说明"
    part_text = f"第{'三' if opts['tables_first'] else '二'}部分　{part_text_name}"
    toc = ["第一部分　部门概况"] + ([part_tables, part_text] if opts["tables_first"] else [part_text, part_tables])
    d.blocks.append({"t": "toc", "items": toc[:2], "tables": [], "after": toc[2:]})
    toc_block = d.blocks[-1]
    toc_block["tables"] = [f"{T.CN[i]}、{tabs[k]['name']}" for i, k in enumerate(tabs)]
    d.blocks.append({"t": "pagebreak"})
    d.heading("第一部分　部门概况", 1)
    d.para([f"一、主要职能：{f.dept}贯彻落实党中央和上级关于{f.kind[:-1] if f.kind.endswith('局') else f.kind}"
            "工作的方针政策和决策部署，承担本行业、本领域的管理和服务职责，组织实施年度重点工作任务。"])
    nunits = rng.randint(1, 4)
    d.para([f"二、部门{'预算' if bud else '决算'}单位构成：纳入本部门{year}年{kind}编制范围的单位共",
            d.fig(None, "count_free", str(nunits)), "个，其中行政单位1个，" +
            (f"事业单位{nunits - 1}个。" if nunits > 1 else "无下属事业单位。")])
    x = X.TX(d, f, opts, rng)

    def place_tables() -> None:
        d.blocks.append({"t": "pagebreak"})
        d.heading(part_tables, 1)
        for k, t in tabs.items():
            d.blocks.append({"t": "table", **t})

    def place_text() -> None:
        d.blocks.append({"t": "pagebreak"})
        d.heading(part_text, 1, d.fig(None, "title", part_text))
        d.ident("doctype", fig=d.blocks[-1]["segs"][0], doc_type=doc_type, label="part heading")
        X.sections(x, tabs)

    if opts["tables_first"]:
        place_tables()
        place_text()
    else:
        place_text()
        place_tables()
    d.blocks.append({"t": "pagebreak"})
    d.heading("第四部分　名词解释", 1)
    d.para(["一、财政拨款收入：指本级财政当年拨付的资金。二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的"
            "人员经费和公用经费。三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"
            "四、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"])
    d.para(["联系电话：0" + str(rng.randint(100, 999)) + "-" + str(rng.randint(10000000, 99999999))])
    return d, f, {"tables": tabs, "slots": x.slots, "tx": x}
