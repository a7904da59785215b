"""Narrative parts (情况说明) with their claims registered as identities."""

from __future__ import annotations

from facts9 import ECON_301, ECON_302, Doc, cn_year
from tables9 import CN_NUM, class_tree, leaf_vals, sg_values

REASONS_UP = ["人员调资及新增项目经费", "新增专项工作任务", "人员增加及社保缴费基数调整"]
REASONS_DOWN = ["压减一般性支出", "部分项目已于上年完成", "落实过紧日子要求、严控经费支出"]


def P(doc: Doc, *parts) -> None:
    doc.blocks.append(("p", list(parts)))


def H(doc: Doc, level: int, text: str) -> None:
    doc.blocks.append(("h", level, doc.title(text)))


def growth(doc: Doc, key: str, cur_fid: str, cur: int, prev: int, with_prev: bool = False, label: str = "") -> list:
    """', 比2023年(预算)增加12.34万元，增长5.67%' with the identity registered."""
    f = doc.f
    cmp_kind = "预算" if f.doc_type == "budget" else "度"
    if prev == 0:
        return [f"，上年无此项{'预算' if f.doc_type == 'budget' else '支出'}"]
    yr = doc.year("cmp_year", f.year - 1, f.year - 1)
    if abs(cur - prev) < 100:  # less than 1 元: 持平
        w = doc.word(key + ".dir", "持平")
        doc.ident("growth", cur=cur_fid, prev=None, chg=None, pct=None, dirs=[w])
        return ["，与", yr, f"年{cmp_kind}", w]
    up = cur > prev
    parts: list = []
    pf = None
    if with_prev:
        pf = doc.amount(key + ".prev", prev)
        parts += [f"（上年{label}", pf, doc.unit_sp() + doc.st.text_unit, "）"]
    w1 = doc.word(key + ".dir", "增加" if up else "减少")
    chg = doc.amount(key + ".chg", abs(cur - prev))
    w2 = doc.word(key + ".dir2", "增长" if up else "下降")
    pc = doc.pct(key + ".growth", abs(cur - prev) / prev * 100)
    doc.ident("growth", cur=cur_fid, prev=pf, chg=chg, pct=pc, dirs=[w1, w2])
    word = doc.rng.choice(["比", "较"])
    parts += [
        f"，{word}",
        yr,
        f"年{cmp_kind}" if cmp_kind == "预算" else "年",
        w1,
        chg,
        doc.unit_sp() + doc.st.text_unit + "，",
        w2,
        pc,
        "%",
    ]
    return parts


def share(doc: Doc, key: str, part_fid: str, part: int, whole_fid: str, whole: int, prefix: str = "占") -> list:
    pc = doc.pct(key + ".share", part / whole * 100 if whole else 0)
    doc.ident("share", part=part_fid, whole=whole_fid, pct=pc)
    return [prefix, pc, "%"]


def build_text(doc: Doc) -> None:
    f = doc.f
    fin = f.doc_type == "final"
    kind = "决算" if fin else "预算"
    Y = f.year
    A = doc.amount
    ys = doc.options["year_str"]
    trad = doc.options["trad"]
    sm = "說明" if trad else "说明"
    qk = "情況" if trad else "情况"
    u_fi = sum(u.fiscal_in for u in f.units)
    u_nf = sum(u.nonfiscal_in for u in f.units)
    cin = sum(u.carry_in for u in f.units)
    cout = sum(u.carry_out for u in f.units)
    total = u_fi + u_nf + cin
    dn = "本部门" if doc.rng.random() < 0.5 else f.dept_name

    # ---------------- part 1
    H(doc, 1, "第一部分 部门概况")
    H(doc, 2, "一、主要职能")
    P(
        doc,
        f"{f.dept_name}是{f.county}人民政府工作部门，负责全{f.county[-1]}{f.dept['name'][:-1]}工作的统筹规划、"
        "政策落实、行业监管和公共服务，承办县委、县政府交办的其他事项。",
    )
    H(doc, 2, "二、机构设置及预算单位构成")
    names = "、".join(u.name.replace(f.county, "") for u in f.units)
    P(
        doc,
        f"纳入{f.dept_name}{ys}部门{kind}编制范围的单位共",
        doc.count("units.n", len(f.units), "个"),
        f"个，包括：{names}。其中行政单位1个，事业单位",
        doc.count("units.inst", len(f.units) - 1, "个"),
        "个。",
    )
    st = f.staff
    s_tot = doc.count("staff.total", st["admin"] + st["inst"], "名")
    s_a = doc.count("staff.admin", st["admin"], "名")
    s_i = doc.count("staff.inst", st["inst"], "名")
    doc.ident("sum", total=s_tot, parts=[s_a, s_i], count=True)
    P(
        doc,
        "本部门核定编制",
        s_tot,
        "名，其中：行政编制",
        s_a,
        "名、事业编制",
        s_i,
        "名；实有在职人员",
        doc.count("staff.actual", st["actual"], "人"),
        "人，离退休人员",
        doc.count("staff.retired", st["retired"], "人"),
        "人。",
    )

    # ---------------- part 2
    H(doc, 1, f"第二部分 {ys}{'度' if fin else ''}部门{kind}{qk}{sm}")
    sec = 0

    def sec_h(t: str) -> None:
        nonlocal sec
        H(doc, 2, f"{CN_NUM[sec]}、{t}")
        sec += 1

    sec_h(f"收入支出{kind}总体{qk}{sm}")
    t1 = A("total", total)
    t2 = A("total", f.exp() + cout)
    if fin:
        yi, ci, yo, co = A("inc.year", u_fi + u_nf), A("carry_in", cin), A("exp.year", f.exp()), A("carry_out", cout)
        doc.ident("sum", total=t1, parts=[yi, ci])
        doc.ident("sum", total=t2, parts=[yo, co])
        P(
            doc,
            f"{dn}{Y}年度收入总计",
            t1,
            doc.st.text_unit,
            "，其中：本年收入合计",
            yi,
            doc.st.text_unit,
            "，年初结转和结余",
            ci,
            doc.st.text_unit,
            "；支出总计",
            t2,
            doc.st.text_unit,
            "，其中：本年支出合计",
            yo,
            doc.st.text_unit,
            "，年末结转和结余",
            co,
            doc.st.text_unit,
            "。",
            "收入总计",
            *growth(doc, "total", t1, total, f.prev["total"]),
            "。",
        )
    else:
        P(
            doc,
            f"{dn}{Y}年收入总计",
            t1,
            doc.unit_sp() + doc.st.text_unit,
            "，支出总计",
            t2,
            doc.unit_sp() + doc.st.text_unit,
            "。收支总计",
            *growth(doc, "total", t1, total, f.prev["total"]),
            "，主要原因是",
            doc.rng.choice(REASONS_UP if total > f.prev["total"] else REASONS_DOWN),
            "。",
        )

    sec_h(f"收入{kind}{qk}{sm}")
    yi = A("inc.year", u_fi + u_nf)
    gi = A("inc.gp", u_fi)
    bi = A("inc.biz", u_nf)
    doc.ident("sum", total=yi, parts=[gi, bi])
    P(
        doc,
        f"{dn}{Y}年{'度' if fin else ''}本年收入合计",
        yi,
        doc.st.text_unit,
        "，其中：",
        "财政拨款收入" if fin else "一般公共预算拨款收入",
        gi,
        doc.st.text_unit,
        "，",
        *share(doc, "inc.gp", gi, u_fi, yi, u_fi + u_nf),
        "；事业收入",
        bi,
        doc.st.text_unit,
        "，",
        *share(doc, "inc.biz", bi, u_nf, yi, u_fi + u_nf),
        "。",
    )
    ufs = [A(f"u{i}.inc", u.fiscal_in + u.nonfiscal_in) for i, u in enumerate(f.units)]
    yi2 = A("inc.year", u_fi + u_nf)
    doc.ident("sum", total=yi2, parts=ufs, units=True)
    parts: list = ["按单位分，部门合计", yi2, doc.st.text_unit, "，其中："]
    for i, u in enumerate(f.units):
        parts += [("" if i == 0 else "、") + u.name.replace(f.county, ""), ufs[i], doc.st.text_unit]
    P(doc, *parts, "。")

    sec_h(f"支出{kind}{qk}{sm}")
    yo = A("exp.year", f.exp())
    bo = A("basic", f.basic())
    po = A("project", f.project())
    doc.ident("sum", total=yo, parts=[bo, po])
    P(
        doc,
        f"{dn}{Y}年{'度' if fin else ''}本年支出合计",
        yo,
        doc.st.text_unit,
        "，其中：基本支出",
        bo,
        doc.st.text_unit,
        "，",
        *share(doc, "basic", bo, f.basic(), yo, f.exp()),
        "，",
        "主要用于保障机构正常运转和人员工资福利；项目支出",
        po,
        doc.st.text_unit,
        "，",
        *share(doc, "project", po, f.project(), yo, f.exp()),
        "。基本支出",
        *growth(doc, "basic", bo, f.basic(), f.prev["basic"], with_prev=True, label=""),
        "。",
    )
    if len(f.units) > 1:
        i = 1
        ue = A(f"u{i}.exp", f.exp(i))
        ub = A(f"u{i}.basic", f.basic(i))
        up = A(f"u{i}.project", f.project(i))
        doc.ident("sum", total=ue, parts=[ub, up])
        P(
            doc,
            "所属单位中，",
            f.units[i].name.replace(f.county, ""),
            f"{kind}支出",
            ue,
            doc.st.text_unit,
            "，其中基本支出",
            ub,
            doc.st.text_unit,
            "、项目支出",
            up,
            doc.st.text_unit,
            "。",
        )

    sec_h(f"财政拨款收入支出{kind}总体{qk}{sm}")
    fi = A("inc.gp", u_fi)
    P(
        doc,
        f"{dn}{Y}年{'度' if fin else ''}财政拨款收入",
        fi,
        doc.st.text_unit,
        *growth(doc, "fiscal", fi, u_fi, f.prev["fiscal"]),
        "。其中政府性基金预算拨款收入",
        A("inc.fund", 0),
        doc.st.text_unit,
        "，国有资本经营预算拨款收入",
        A("inc.cap", 0),
        doc.st.text_unit,
        "。",
    )

    sec_h(f"一般公共预算{'财政拨款' if fin else ''}支出{kind}{qk}{sm}")
    gp = f.basic() + f.project(fiscal_only=True)
    ge = A("gp_exp", gp)
    P(
        doc,
        f"{dn}{Y}年{'度' if fin else ''}一般公共预算{'财政拨款支出' if fin else '支出'}",
        ge,
        doc.st.text_unit,
        "，",
        *share(doc, "gp_exp", ge, gp, yo, f.exp(), "占本年支出合计的"),
        *growth(doc, "gp_exp", ge, gp, f.prev["gp_exp"]),
        "。",
    )
    tree = class_tree(doc, True)
    parts = ["按支出功能分类科目，"]
    for i, (c3, kuans) in enumerate(tree.items()):
        amt = sum(sum(leaf_vals(doc, c7)) for ks in kuans.values() for c7 in ks)
        x = A(f"gp.{c3}", amt)
        parts += [
            ("" if i == 0 else "；") + f"{f.names[c3]}（类）",
            x,
            doc.st.text_unit,
            "，",
            *share(doc, f"gp.{c3}", x, amt, ge, gp),
        ]
    P(doc, *parts, "。")
    # main 项 items
    leaves = sorted(((sum(leaf_vals(doc, c)), c) for c in f.leaves if sum(leaf_vals(doc, c))), reverse=True)[:3]
    zero_leaf = [c for c, v in f.plan_leaf.items() if v == 0 and sum(leaf_vals(doc, c))]
    pick = [c for _, c in leaves] + [c for c in zero_leaf if c not in [x for _, x in leaves]]
    for n, c in enumerate(pick, 1):
        amt = sum(leaf_vals(doc, c))
        lab = f"{n}.{f.names[c]}（{c}项）" if doc.rng.random() < 0.5 else f"{n}.{f.names[c]}（项）"
        x = A(f"gp.{c}", amt)
        if fin:
            plan = f.plan_leaf.get(c, 0)
            pl = A(f"plan.{c}", plan)
            if plan == 0:
                P(
                    doc,
                    lab,
                    "：年初预算为",
                    pl,
                    doc.st.text_unit,
                    "，支出决算为",
                    x,
                    doc.st.text_unit,
                    "，主要原因是年中追加预算。",
                )
            else:
                r = doc.pct(f"plan.{c}.rate", amt / plan * 100)
                doc.ident("rate", num=x, den=pl, pct=r)
                P(
                    doc,
                    lab,
                    "：年初预算为",
                    pl,
                    doc.st.text_unit,
                    "，支出决算为",
                    x,
                    doc.st.text_unit,
                    "，完成年初预算的",
                    r,
                    "%。",
                    "决算数大于年初预算数的主要原因是追加了专项经费。"
                    if amt > plan
                    else "决算数小于年初预算数的主要原因是厉行节约、压减支出。",
                )
        else:
            P(doc, lab, x, doc.st.text_unit, "，主要用于", f.names[c], "方面的支出。")

    sec_h(f"一般公共预算{'财政拨款' if fin else ''}基本支出{kind}{qk}{sm}")
    tot: dict[str, int] = {}
    for u in f.units:
        for k, v in u.econ.items():
            tot[k] = tot.get(k, 0) + v
    b = A("basic", f.basic())
    pe = A("personnel", f.personnel())
    pu = A("public", f.public())
    doc.ident("sum", total=b, parts=[pe, pu])
    lst1 = [(c, n) for c, n in ECON_301 if tot.get(c)][:4]
    lst2 = [(c, n) for c, n in ECON_302 if tot.get(c)][:4]
    parts = [
        f"{dn}{Y}年{'度' if fin else ''}一般公共预算基本支出",
        b,
        doc.st.text_unit,
        "，其中：人员经费",
        pe,
        doc.st.text_unit,
        "，主要包括：",
    ]
    items1 = []
    for j, (c, n) in enumerate(lst1):
        x = A(f"econ.{c}", tot[c])
        items1.append(x)
        parts += [("" if j == 0 else "、") + n, x, doc.st.text_unit]
    parts += ["等；公用经费", pu, doc.st.text_unit, "，主要包括："]
    items2 = []
    for j, (c, n) in enumerate(lst2):
        x = A(f"econ.{c}", tot[c])
        items2.append(x)
        parts += [("" if j == 0 else "、") + n, x, doc.st.text_unit]
    doc.ident("le", a=items1, b=pe, breakdown=True)
    doc.ident("le", a=items2, b=pu, breakdown=True)
    P(doc, *parts, "等。")

    sec_h(f"“三公”经费{kind}{qk}{sm}")
    cur = sg_values(doc, f.sangong)
    plan = sg_values(doc, f.sangong_plan)
    st_ = A("sg.total", cur["sg.total"])
    if fin:
        sp = A("sgp.total", plan["sg.total"])
        parts = [f"{dn}{Y}年度“三公”经费支出预算为", sp, doc.st.text_unit, "，支出决算为", st_, doc.st.text_unit]
        if plan["sg.total"]:
            r = doc.pct("sgr.total", cur["sg.total"] / plan["sg.total"] * 100)
            doc.ident("rate", num=st_, den=sp, pct=r)
            parts += ["，完成预算的", r, "%"]
        prev_sg = sum(f.prev["sg." + k] for k in ("abroad", "car_buy", "car_run", "recv"))
        P(
            doc,
            *parts,
            "。与上年相比，“三公”经费支出",
            *growth(doc, "sg.total", st_, cur["sg.total"], prev_sg, with_prev=True, label=""),
            "。",
        )
    else:
        sp = A("sgprev.total", plan["sg.total"])
        parts = [f"{dn}{Y}年“三公”经费预算", st_, doc.st.text_unit, "，上年预算", sp, doc.st.text_unit]
        if plan["sg.total"] == cur["sg.total"]:
            parts += ["，与上年持平"]
        elif plan["sg.total"] == 0:
            parts += ["，上年无此项预算"]
        else:
            up = cur["sg.total"] > plan["sg.total"]
            w1 = doc.word("sg.dir", "增加" if up else "减少")
            ch = A("sg.chg", abs(cur["sg.total"] - plan["sg.total"]))
            w2 = doc.word("sg.dir2", "增长" if up else "下降")
            pc = doc.pct("sg.growth", abs(cur["sg.total"] - plan["sg.total"]) / plan["sg.total"] * 100)
            doc.ident("growth", cur=st_, prev=sp, chg=ch, pct=pc, dirs=[w1, w2])
            parts += ["，比上年预算", w1, ch, doc.st.text_unit, "，", w2, pc, "%"]
        P(doc, *parts, "。")
    xa, xc, xb, xr, xe = (
        A("sg.abroad", cur["sg.abroad"]),
        A("sg.car", cur["sg.car"]),
        A("sg.car_buy", cur["sg.car_buy"]),
        A("sg.car_run", cur["sg.car_run"]),
        A("sg.recv", cur["sg.recv"]),
    )
    st2 = A("sg.total", cur["sg.total"])
    doc.ident("sum", total=st2, parts=[xa, xc, xe], sangong=True)
    doc.ident("sum", total=xc, parts=[xb, xr], sangong=True)
    P(
        doc,
        "其中：因公出国（境）费",
        xa,
        doc.st.text_unit,
        "；公务用车购置及运行维护费",
        xc,
        doc.st.text_unit,
        "（其中：公务用车购置费",
        xb,
        doc.st.text_unit,
        "，公务用车运行维护费",
        xr,
        doc.st.text_unit,
        "）；公务接待费",
        xe,
        doc.st.text_unit,
        "。“三公”经费合计",
        st2,
        doc.st.text_unit,
        "。",
    )
    if not fin and cur["sg.car_buy"] and plan["sg.car_buy"] == 0:
        xb2 = A("sg.car_buy", cur["sg.car_buy"])
        P(
            doc,
            "公务用车购置费",
            xb2,
            doc.st.text_unit,
            "，上年预算无此项支出，主要用于按规定更新超过使用年限的公务用车。",
        )

    sec_h(f"政府性基金预算及国有资本经营预算{kind}{qk}{sm}")
    P(
        doc,
        f"{dn}{Y}年{'度' if fin else ''}没有使用政府性基金预算拨款和国有资本经营预算拨款安排的支出，相关表格为空表。",
    )

    # ---------------- other matters
    H(doc, 1, f"第三部分 其他重要事项{qk}{sm}")
    H(doc, 2, "一、机关运行经费")
    rc = A("run_cost", f.run_cost)
    doc.ident("le", a=[rc], b=next(k for k, g in doc.figs.items() if g["key"] == "public"))
    P(
        doc,
        f"{Y}年{'度' if fin else ''}本部门机关运行经费{'支出' if fin else '预算'}",
        rc,
        doc.st.text_unit,
        *growth(doc, "run_cost", rc, f.run_cost, f.prev["run_cost"], with_prev=True, label="为"),
        "。主要用于办公费、邮电费、差旅费、维修（护）费等日常公用支出。",
    )
    H(doc, 2, "二、政府采购" + ("支出情况" if fin else "预算情况"))
    p = f.proc
    pt = A("proc.total", p["total"])
    pg, pw, ps = A("proc.goods", p["goods"]), A("proc.works", p["works"]), A("proc.serv", p["serv"])
    doc.ident("sum", total=pt, parts=[pg, pw, ps], proc=True)
    sme = A("proc.sme", p["sme"])
    parts = [
        f"{Y}年{'度' if fin else ''}本部门政府采购{'支出总额' if fin else '预算总额'}",
        pt,
        doc.st.text_unit,
        "，其中：政府采购货物",
        pg,
        doc.st.text_unit,
        "、政府采购工程",
        pw,
        doc.st.text_unit,
        "、政府采购服务",
        ps,
        doc.st.text_unit,
        "。",
    ]
    if fin:
        small = A("proc.small", p["small"])
        parts += [
            "授予中小企业合同金额",
            sme,
            doc.st.text_unit,
            "，",
            *share(doc, "proc.sme", sme, p["sme"], pt, p["total"], "占政府采购支出总额的"),
            "，其中：授予小微企业合同金额",
            small,
            doc.st.text_unit,
            "，",
            *share(doc, "proc.small", small, p["small"], pt, p["total"], "占政府采购支出总额的"),
            "。",
        ]
        doc.ident("le", a=[small], b=sme)
    else:
        parts += [
            "面向中小企业预留采购份额",
            sme,
            doc.st.text_unit,
            "，",
            *share(doc, "proc.sme", sme, p["sme"], pt, p["total"], "占政府采购预算总额的"),
            "。",
        ]
    P(doc, *parts)
    H(doc, 2, "三、国有资产占用情况")
    ct = doc.count("cars.total", sum(f.cars.values()), "辆")
    parts = [f"截至{Y if fin else Y - 1}年12月31日，本部门共有车辆", ct, "辆，其中："]
    ks = []
    for j, (k, n) in enumerate(f.cars.items()):
        x = doc.count(f"cars.{k}", n, "辆")
        ks.append(x)
        parts += [("" if j == 0 else "、") + k, x, "辆"]
    doc.ident("sum", total=ct, parts=ks, count=True)
    parts += [
        "；单价50万元以上通用设备",
        doc.count("equip.通用", f.equip["通用"], "台"),
        "台（套），单价100万元以上专用设备",
        doc.count("equip.专用", f.equip["专用"], "台"),
        "台（套）。",
    ]
    P(doc, *parts)
    H(doc, 2, "四、预算绩效" + ("情况" if fin else "目标设置情况"))
    if fin:
        gpp = f.project(fiscal_only=True)
        x = A("gp.proj", gpp)
        P(
            doc,
            f"根据预算绩效管理要求，本部门组织对{Y}年度一般公共预算项目支出开展绩效自评，共涉及项目",
            doc.count("prj.n", len(f.projects), "个"),
            "个、资金",
            x,
            doc.st.text_unit,
            "，",
            *share(doc, "gp.proj", x, gpp, x, gpp, "占一般公共预算项目支出总额的"),
            "。",
        )
        for j, pj in enumerate(f.projects):
            rate = pj.fiscal / pj.plan * 100
            sc = doc.score(f"prj{j}.total", round(10 * min(1.0, rate / 100), 2) + pj.score_ind / 100, 2, "text")
            doc.ident("le", a=[sc], b=100.0, score=True)
            a = A(f"prj{j}.plan", pj.plan)
            bb = A(f"prj{j}.exec", pj.fiscal)
            r = doc.pct(f"prj{j}.rate", rate)
            doc.ident("rate", num=bb, den=a, pct=r)
            P(
                doc,
                f"{j + 1}.{pj.name}：根据年初设定的绩效目标，项目自评得分",
                sc,
                "分。全年预算数为",
                a,
                doc.st.text_unit,
                "，执行数为",
                bb,
                doc.st.text_unit,
                "，完成预算的",
                r,
                "%。",
            )
    else:
        P(
            doc,
            f"本部门{Y}年实行绩效目标管理的项目",
            doc.count("prj.n", len(f.projects), "个"),
            "个，涉及资金",
            A("project", f.project()),
            doc.st.text_unit,
            "，绩效目标详见附表。",
        )

    H(doc, 1, "第四部分 名词解释")
    P(
        doc,
        "一、财政拨款收入：指本级财政当年拨付的资金。二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的"
        "人员经费和公用经费。三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"
        "四、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"
        "五、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
    )


def build_front(doc: Doc, table_titles: list[str]) -> None:
    f = doc.f
    fin = f.doc_type == "final"
    kind = "决算" if fin else "预算"
    doc.blocks.append(("h", 0, doc.title(f"{f.dept_name}{doc.options['year_str']}{'度' if fin else ''}部门{kind}")))
    doc.blocks.append(("p", [f"{doc.options['pub_date']}"]))
    doc.blocks.append(("h", 1, doc.title("目录")))
    lines = [
        "第一部分 部门概况",
        f"第二部分 部门{kind}情况说明",
        "第三部分 其他重要事项情况说明",
        "第四部分 名词解释",
        f"附件：{f.year}年{'度' if fin else ''}部门{kind}表",
    ] + table_titles
    for ln in lines:
        doc.blocks.append(("p", [ln]))
    doc.toc_titles = table_titles


def year_str(y: int, style: str) -> str:
    return f"{cn_year(y)}年" if style == "cn" else f"{y}年"
