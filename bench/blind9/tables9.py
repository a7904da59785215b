"""The standard tables, built as grids of literal strings and figure ids, with their identities."""

from __future__ import annotations

from facts9 import ECON_301, ECON_302, ECON_303, Doc

CN_NUM = "一二三四五六七八九十"


def table(
    doc: Doc,
    name: str,
    title: str,
    header: list[list[str]],
    rows: list[list[str]],
    merges: list[tuple] | None = None,
    note: str = "",
) -> dict:
    t = dict(
        name=name,
        title=doc.title(title, "table_title"),
        header=header,
        rows=rows,
        merges=merges or [],
        note=note,
        unit_line=doc.options["unit_line"],
    )
    doc.tables.append(t)
    return t


def titles(doc_type: str) -> list[tuple[str, str]]:
    if doc_type == "budget":
        return [
            ("summary", "部门收支总表"),
            ("income", "部门收入总表"),
            ("expense", "部门支出总表"),
            ("gp", "一般公共预算支出表"),
            ("econ", "一般公共预算基本支出表"),
            ("sangong", "一般公共预算“三公”经费支出表"),
            ("fund", "政府性基金预算支出表"),
            ("capital", "国有资本经营预算支出表"),
            ("other", "机关运行经费及政府采购预算情况表"),
            ("perf", "项目支出绩效目标表"),
        ]
    return [
        ("summary", "收入支出决算总表"),
        ("income", "收入决算表"),
        ("expense", "支出决算表"),
        ("gp", "一般公共预算财政拨款支出决算表"),
        ("econ", "一般公共预算财政拨款基本支出决算表"),
        ("sangong", "财政拨款“三公”经费支出决算表"),
        ("fund", "政府性基金预算财政拨款收入支出决算表"),
        ("capital", "国有资本经营预算财政拨款支出决算表"),
        ("other", "机关运行经费、政府采购及国有资产占用决算情况表"),
        ("perf", "项目支出绩效自评表"),
    ]


def class_tree(doc: Doc, fiscal_only: bool) -> dict[str, dict[str, list[str]]]:
    tree: dict[str, dict[str, list[str]]] = {}
    for code, v in sorted(doc.f.leaves.items()):
        if v[0] + v[1] + (0 if fiscal_only else v[2]) == 0:
            continue
        tree.setdefault(code[:3], {}).setdefault(code[:5], []).append(code)
    return tree


def leaf_vals(doc: Doc, code: str, fiscal_only: bool = True) -> tuple[int, int]:
    v = doc.f.leaves[code]
    return v[0], v[1] + (0 if fiscal_only else v[2])


def build_summary(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    fin = f.doc_type == "final"
    u_fi = sum(u.fiscal_in for u in f.units)
    u_nf = sum(u.nonfiscal_in for u in f.units)
    cin = sum(u.carry_in for u in f.units)
    cout = sum(u.carry_out for u in f.units)
    inc = [
        ("一、一般公共预算财政拨款收入" if fin else "一、一般公共预算拨款收入", A("inc.gp", u_fi, "table")),
        ("二、政府性基金预算财政拨款收入" if fin else "二、政府性基金预算拨款收入", A("inc.fund", 0, "table")),
        ("三、国有资本经营预算财政拨款收入" if fin else "三、国有资本经营预算拨款收入", A("inc.cap", 0, "table")),
        ("四、事业收入", A("inc.biz", u_nf, "table")),
        ("五、其他收入", A("inc.other", 0, "table")),
    ]
    y_in = A("inc.year", u_fi + u_nf, "table")
    c_in = A("carry_in", cin, "table")
    t_in = A("total", u_fi + u_nf + cin, "table")
    tree = class_tree(doc, False)
    exp = []
    for i, (c3, kuans) in enumerate(tree.items()):
        amt = sum(sum(leaf_vals(doc, c7, False)) for ks in kuans.values() for c7 in ks)
        exp.append((f"{CN_NUM[i]}、{f.names[c3]}", A(f"all.{c3}", amt, "table")))
    y_out = A("exp.year", f.exp(), "table")
    c_out = A("carry_out", cout, "table")
    t_out = A("total", f.exp() + cout, "table")
    doc.ident("sum", total=y_in, parts=[x[1] for x in inc])
    doc.ident("sum", total=t_in, parts=[y_in, c_in])
    doc.ident("sum", total=y_out, parts=[x[1] for x in exp])
    doc.ident("sum", total=t_out, parts=[y_out, c_out])
    inc += [("本年收入合计", y_in), ("年初结转和结余" if fin else "上年结转", c_in)]
    exp += [("本年支出合计", y_out), ("年末结转和结余" if fin else "年末结转", c_out)]
    n = max(len(inc), len(exp))
    inc += [("", "")] * (n - len(inc))
    exp += [("", "")] * (n - len(exp))
    rows = [[a, b, c, d] for (a, b), (c, d) in zip(inc, exp)]
    rows.append(["收入总计", t_in, "支出总计", t_out])
    header = [["收入", "", "支出", ""], ["项目", "金额", "项目", "金额"]]
    table(doc, "summary", title, header, rows, [(0, 0, 0, 1), (0, 2, 0, 3)])


def build_income(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    codes = doc.options["unit_codes"]
    head = (["单位编码"] if codes else []) + [
        "单位名称",
        "合计",
        "财政拨款收入" if f.doc_type == "final" else "一般公共预算拨款收入",
        "事业收入",
        "其他收入",
    ]
    rows, cols = [], []
    labels = ["部门合计"] + [u.name for u in f.units]
    vals = [(sum(u.fiscal_in for u in f.units), sum(u.nonfiscal_in for u in f.units))] + [
        (u.fiscal_in, u.nonfiscal_in) for u in f.units
    ]
    for i, (lab, (fi, nf)) in enumerate(zip(labels, vals)):
        key = "inc" if i == 0 else f"u{i - 1}.inc"
        r = [
            A("inc.year" if i == 0 else f"{key}", fi + nf, "table"),
            A(key + ".gp" if i else "inc.gp", fi, "table"),
            A(key + ".biz" if i else "inc.biz", nf, "table"),
            A(key + ".other", 0, "table"),
        ]
        doc.ident("sum", total=r[0], parts=r[1:])
        cols.append(r)
        code = ["" if i == 0 else f"{codes}{i:03d}"] if codes else []
        rows.append(code + [lab] + r)
    for c in range(4):
        doc.ident("sum", total=cols[0][c], parts=[cols[k][c] for k in range(1, len(cols))], units=True)
    table(doc, "income", title, [head], rows)


def build_expense(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    codes = doc.options["unit_codes"]
    head = (["单位编码"] if codes else []) + ["单位名称", "合计", "基本支出", "项目支出"]
    rows, cols = [], []
    for i in range(len(f.units) + 1):
        u = None if i == 0 else i - 1
        key = "" if i == 0 else f"u{i - 1}."
        r = [
            A(key + "exp" if i else "exp.year", f.exp(u), "table"),
            A(key + "basic", f.basic(u), "table"),
            A(key + "project", f.project(u), "table"),
        ]
        doc.ident("sum", total=r[0], parts=r[1:])
        cols.append(r)
        code = ["" if i == 0 else f"{codes}{i:03d}"] if codes else []
        rows.append(code + ["部门合计" if i == 0 else f.units[i - 1].name] + r)
    for c in range(3):
        doc.ident("sum", total=cols[0][c], parts=[cols[k][c] for k in range(1, len(cols))], units=True)
    table(doc, "expense", title, [head], rows)


def build_gp(doc: Doc, title: str) -> None:
    """一般公共预算 by 功能分类; layout split (类|款|项), joint (code+name in one cell) or sep."""
    f, A = doc.f, doc.amount
    lay = doc.options["code_layout"]
    tree = class_tree(doc, True)
    rows: list[list[str]] = []
    merges: list[tuple] = []
    nc = {"split": 4, "joint": 1, "sep": 2}[lay]
    if lay == "split":
        header = [["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"], ["类", "款", "项", "", "", "", ""]]
        merges = [(0, 0, 0, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5), (0, 6, 1, 6)]
    elif lay == "joint":
        header = [["科目编码及名称", "合计", "基本支出", "项目支出"]]
    else:
        header = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
    hr = len(header)

    def trip(key: str, b: int, p: int) -> list[str]:
        r = [A(f"gp.{key}", b + p, "table"), A(f"gp.{key}.b", b, "table"), A(f"gp.{key}.p", p, "table")]
        doc.ident("sum", total=r[0], parts=r[1:])
        return r

    def label(code: str) -> list[str]:
        nm = f.names[code]
        if lay == "joint":
            return [f"{code} {nm}"]
        if lay == "sep":
            return [code, nm]
        if len(code) == 3:
            return [code, "", "", nm]
        if len(code) == 5:
            return ["", code[3:], "", nm]
        return ["", "", code[5:], nm]

    tot_b = f.basic()
    tot_p = f.project(fiscal_only=True)
    total = [A("gp_exp", tot_b + tot_p, "table"), A("basic", tot_b, "table"), A("gp.proj", tot_p, "table")]
    doc.ident("sum", total=total[0], parts=total[1:])
    rows.append((["合计", "", "", ""] if lay == "split" else ["合计"] + [""] * (nc - 1)) + total)
    if lay == "split":
        merges.append((hr, 0, hr, 3))
        rows[0] = ["合计", "", "", ""] + total
    cls_rows = []
    for c3, kuans in tree.items():
        r3 = len(rows)
        b3 = sum(leaf_vals(doc, c7)[0] for ks in kuans.values() for c7 in ks)
        p3 = sum(leaf_vals(doc, c7)[1] for ks in kuans.values() for c7 in ks)
        cr = trip(c3, b3, p3)
        rows.append(label(c3) + cr)
        cls_rows.append(cr)
        k_rows = []
        for c5, items in kuans.items():
            r5 = len(rows)
            b5 = sum(leaf_vals(doc, c7)[0] for c7 in items)
            p5 = sum(leaf_vals(doc, c7)[1] for c7 in items)
            kr = trip(c5, b5, p5)
            rows.append(label(c5) + kr)
            k_rows.append(kr)
            i_rows = []
            for c7 in items:
                b7, p7 = leaf_vals(doc, c7)
                ir = trip(c7, b7, p7)
                rows.append(label(c7) + ir)
                i_rows.append(ir)
            for c in range(3):
                doc.ident("sum", total=kr[c], parts=[x[c] for x in i_rows], split=True)
            if lay == "split":
                merges.append((hr + r5, 1, hr + len(rows) - 1, 1))
        for c in range(3):
            doc.ident("sum", total=cr[c], parts=[x[c] for x in k_rows], split=True)
        if lay == "split":
            merges.append((hr + r3, 0, hr + len(rows) - 1, 0))
    for c in range(3):
        doc.ident("sum", total=total[c], parts=[x[c] for x in cls_rows])
    table(doc, "gp", title, header, rows, merges)


def build_econ(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    tot: dict[str, int] = {}
    for u in f.units:
        for k, v in u.econ.items():
            tot[k] = tot.get(k, 0) + v
    header = [["科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
    zero = "" if doc.st.zero == "blank" else doc.st.zero
    rows = []
    pers = f.personnel()
    pub = f.public()
    t = [A("basic", pers + pub, "table"), A("personnel", pers, "table"), A("public", pub, "table")]
    doc.ident("sum", total=t[0], parts=t[1:])
    rows.append(["", "合计"] + t)
    groups = []
    for gcode, gname, items in (
        ("301", "工资福利支出", ECON_301),
        ("302", "商品和服务支出", ECON_302),
        ("303", "对个人和家庭的补助", ECON_303),
    ):
        present = [(c, n) for c, n in items if tot.get(c, 0)]
        if not present:
            continue
        gsum = sum(tot[c] for c, _ in present)
        g = A(f"econ.{gcode}", gsum, "table")
        rows.append(
            [gcode, gname, g]
            + (
                [A("econ.g." + gcode, gsum, "table"), zero]
                if gcode != "302"
                else [zero, A("econ.g." + gcode, gsum, "table")]
            )
        )
        doc.ident("sum", total=g, parts=[rows[-1][3] if gcode != "302" else rows[-1][4]])
        parts = []
        for c, n in present:
            x = A(f"econ.{c}", tot[c], "table")
            rows.append(
                [c, n, x]
                + (
                    [A(f"econ.{c}.x", tot[c], "table"), zero]
                    if gcode != "302"
                    else [zero, A(f"econ.{c}.x", tot[c], "table")]
                )
            )
            parts.append(x)
        doc.ident("sum", total=g, parts=parts)
        groups.append((gcode, g))
    doc.ident("sum", total=t[0], parts=[g for _, g in groups])
    doc.ident("sum", total=t[1], parts=[g for c, g in groups if c != "302"])
    doc.ident("sum", total=t[2], parts=[g for c, g in groups if c == "302"])
    table(doc, "econ", title, header, rows)


SG_ROWS = [
    ("sg.total", "合计"),
    ("sg.abroad", "1.因公出国（境）费"),
    ("sg.car", "2.公务用车购置及运行维护费"),
    ("sg.car_buy", "（1）公务用车购置费"),
    ("sg.car_run", "（2）公务用车运行维护费"),
    ("sg.recv", "3.公务接待费"),
]


def sg_values(doc: Doc, d: dict[str, int]) -> dict[str, int]:
    v = {"sg." + k: x for k, x in d.items() if k != "recv_out"}
    v["sg.car"] = v["sg.car_buy"] + v["sg.car_run"]
    v["sg.total"] = v["sg.abroad"] + v["sg.car"] + v["sg.recv"]
    return v


def sg_idents(doc: Doc, col: dict[str, str]) -> None:
    doc.ident("sum", total=col["sg.car"], parts=[col["sg.car_buy"], col["sg.car_run"]], sangong=True)
    doc.ident("sum", total=col["sg.total"], parts=[col["sg.abroad"], col["sg.car"], col["sg.recv"]], sangong=True)


def build_sangong(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    cur = sg_values(doc, f.sangong)
    plan = sg_values(doc, f.sangong_plan)
    rows = []
    cc: dict[str, str] = {}
    pc: dict[str, str] = {}
    if f.doc_type == "final":
        header = [["项目", "预算数", "决算数", "完成率（%）"]]
        for key, lab in SG_ROWS:
            p = A("sgp." + key[3:], plan[key], "table")
            c = A(key, cur[key], "table")
            pc[key], cc[key] = p, c
            if plan[key]:
                r = doc.pct("sgr." + key[3:], cur[key] / plan[key] * 100, "table", 2)
                doc.ident("rate", num=c, den=p, pct=r)
            else:
                r = "—"
            rows.append([lab, p, c, r])
    else:
        header = [["项目", "本年预算数", "上年预算数", "增减额"]]
        for key, lab in SG_ROWS:
            c = A(key, cur[key], "table")
            p = A("sgprev." + key[3:], plan[key], "table")
            d = cur[key] - plan[key]
            dd = doc.amount("sgd." + key[3:], abs(d), "table")
            if d < 0:
                doc.figs[dd]["printed"] = "-" + doc.figs[dd]["printed"]
            doc.ident("diff", a=c, b=p, d=dd)
            pc[key], cc[key] = p, c
            rows.append([lab, c, p, dd])
    sg_idents(doc, cc)
    sg_idents(doc, pc)
    table(doc, "sangong", title, header, rows)


def build_empty(doc: Doc, name: str, title: str) -> None:
    zero = "" if doc.st.zero == "blank" else doc.st.zero
    header = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
    rows = [["", "合计", zero, zero, zero]]
    what = "政府性基金预算" if name == "fund" else "国有资本经营预算"
    table(doc, name, title, header, rows, note=f"注：本部门没有使用{what}拨款安排的支出，故本表为空表。")


def build_other(doc: Doc, title: str) -> None:
    f, A, C = doc.f, doc.amount, doc.count
    fin = f.doc_type == "final"
    tu = doc.st.table_unit
    header = [["项目", "单位", "金额（数量）"]]
    rows = [
        ["一、机关运行经费", tu, A("run_cost", f.run_cost, "table")],
        ["    上年机关运行经费", tu, A("run_cost.prev", f.prev["run_cost"], "table")],
    ]
    p = f.proc
    pt = A("proc.total", p["total"], "table")
    parts = [
        A("proc.goods", p["goods"], "table"),
        A("proc.works", p["works"], "table"),
        A("proc.serv", p["serv"], "table"),
    ]
    rows += [
        ["二、政府采购" + ("支出合计" if fin else "预算合计"), tu, pt],
        ["    1.货物", tu, parts[0]],
        ["    2.工程", tu, parts[1]],
        ["    3.服务", tu, parts[2]],
    ]
    doc.ident("sum", total=pt, parts=parts, proc=True)
    if fin:
        sme = A("proc.sme", p["sme"], "table")
        small = A("proc.small", p["small"], "table")
        rows += [["    授予中小企业合同金额", tu, sme], ["    其中：授予小微企业合同金额", tu, small]]
        doc.ident("le", a=[sme], b=pt)
        doc.ident("le", a=[small], b=sme)
    ct = C("cars.total", sum(f.cars.values()), "辆", "table")
    rows.append(["三、车辆总数", "辆", ct])
    kinds = []
    for k, n in f.cars.items():
        x = C(f"cars.{k}", n, "辆", "table")
        kinds.append(x)
        rows.append([f"    其中：{k}" if not kinds[1:] else f"    {k}", "辆", x])
    doc.ident("sum", total=ct, parts=kinds, count=True)
    rows.append(["四、单价50万元以上通用设备", "台（套）", C("equip.通用", f.equip["通用"], "台", "table")])
    rows.append(["五、单价100万元以上专用设备", "台（套）", C("equip.专用", f.equip["专用"], "台", "table")])
    table(doc, "other", title, header, rows)


def build_perf(doc: Doc, title: str) -> None:
    f, A = doc.f, doc.amount
    rows = []
    if f.doc_type == "final":
        header = [["项目名称", "全年预算数（A）", "全年执行数（B）", "执行率（B/A，%）", "分值", "得分", "自评总分"]]
        pa, pb = [], []
        for j, p in enumerate(f.projects):
            a = A(f"prj{j}.plan", p.plan, "table")
            b = A(f"prj{j}.exec", p.fiscal, "table")
            rate = p.fiscal / p.plan * 100
            r = doc.pct(f"prj{j}.rate", rate, "table", 2)
            w = doc.score(f"prj{j}.w", 10, 0)
            s_val = round(10 * min(1.0, rate / 100), 2)
            s = doc.score(f"prj{j}.s", s_val)
            tot = doc.score(f"prj{j}.total", s_val + p.score_ind / 100)
            doc.ident("rate", num=b, den=a, pct=r)
            doc.ident("le", a=[s], b=w, score=True)
            doc.ident("le", a=[tot], b=100.0, score=True)
            rows.append([p.name, a, b, r, w, s, tot])
            pa.append(a)
            pb.append(b)
        ta = A("prj.plan", sum(p.plan for p in f.projects), "table")
        tb = A("gp.proj", sum(p.fiscal for p in f.projects), "table")
        doc.ident("sum", total=ta, parts=pa, perf=True)
        doc.ident("sum", total=tb, parts=pb, perf=True)
        rows.append(["合计", ta, tb, "", "", "", ""])
    else:
        header = [["项目名称", "实施单位", "资金总额", "其中：财政拨款", "年度绩效目标"]]
        pa, pb = [], []
        goals = ["按期完成年度工作任务，资金使用合规", "服务对象满意度不低于90%", "项目按计划实施并通过验收"]
        for j, p in enumerate(f.projects):
            a = A(f"prj{j}.all", p.fiscal + p.nonfiscal, "table")
            b = A(f"prj{j}.fiscal", p.fiscal, "table")
            rows.append([p.name, f.units[p.unit].name.replace(f.county, ""), a, b, goals[j % 3]])
            pa.append(a)
            pb.append(b)
        ta = A("project", f.project(), "table")
        tb = A("gp.proj", f.project(fiscal_only=True), "table")
        doc.ident("sum", total=ta, parts=pa, perf=True)
        doc.ident("sum", total=tb, parts=pb, perf=True)
        rows.append(["合计", "", ta, tb, ""])
    table(doc, "perf", title, header, rows)


def build_tables(doc: Doc) -> None:
    for name, title in titles(doc.f.doc_type):
        full = (
            doc.options["table_prefix"].format(n=len(doc.tables) + 1, cn=CN_NUM[len(doc.tables)], y=doc.f.year) + title
        )
        if name == "summary":
            build_summary(doc, full)
        elif name == "income":
            build_income(doc, full)
        elif name == "expense":
            build_expense(doc, full)
        elif name == "gp":
            build_gp(doc, full)
        elif name == "econ":
            build_econ(doc, full)
        elif name == "sangong":
            build_sangong(doc, full)
        elif name in ("fund", "capital"):
            build_empty(doc, name, full)
        elif name == "other":
            build_other(doc, full)
        elif name == "perf":
            build_perf(doc, full)
