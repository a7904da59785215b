"""Builds a final (决算) or budget (预算) document from facts, options and a mutation map."""
import random

from doc6 import Doc
from facts6 import CLASSES, reason
from tables6 import cn, econ_table, ftable, simple_table, tree, twocol

FINAL_TABLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                "一般公共预算财政拨款基本支出决算明细表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
                "财政拨款“三公”经费支出决算表", "一般公共预算财政拨款项目支出决算表"]
BUDGET_TABLES = ["部门收支预算总表", "部门收入预算表", "部门支出预算表", "财政拨款收支预算总表", "一般公共预算支出预算表",
                 "一般公共预算基本支出预算表", "政府性基金预算支出表", "国有资本经营预算支出表", "一般公共预算“三公”经费支出预算表",
                 "项目支出预算表"]
WRONG = {"收入决算表": "收入预算表", "支出决算表": "支出预算表", "财政拨款收入支出决算总表": "财政拨款收入支出预算总表",
         "一般公共预算财政拨款支出决算表": "一般公共预算财政拨款支出预算表", "部门收入预算表": "部门收入决算表",
         "部门支出预算表": "部门支出决算表", "一般公共预算支出预算表": "一般公共预算支出决算表",
         "一般公共预算基本支出预算表": "一般公共预算基本支出决算表"}


def leafword(f, code):
    lf = next(x for x in f["leaves"] if x["code"] == code)
    return f"{CLASSES[code[:3]]}（类）{KN(code[:5])}（款）{lf['name']}（项）"


def KN(c5):
    from facts6 import KUANS
    return KUANS[c5]


def title_of(D, name, i):
    pre = D.opts["tprefix"]
    y = D.opts["year"]
    if pre == "num":
        return f"{cn(i)}、{name}"
    if pre == "biao":
        return f"表{i + 1} {name}"
    return f"{y}年度{name}" if D.opts["doc_type"] == "final" else f"{y}年{name}"


def comp_words(rng, budget):
    if budget:
        return rng.choice(["比上年预算", "较上年预算", "与上年预算相比，", "同比"])
    return rng.choice(["比上年", "较上年", "与上年相比，", "同比"])


def add_tables(D, f, tabs, rng):
    names = FINAL_TABLES if D.opts["doc_type"] == "final" else BUDGET_TABLES
    drop = D.mut.get("missing")
    wrong = D.mut.get("doctype_table")
    for i, T in enumerate(tabs):
        nm = T["name"]
        if wrong == nm:
            T["title"] = T["title"].replace(nm, WRONG[nm])
        D.toc_tables.append(nm)
        if drop == nm:
            T["dropped"] = True
            for fg in D.figs:
                if fg["table"] == T["title"]:
                    fg["dropped"] = True
            continue
        D.tables.append(T)
        D.blocks.append(("table", T))
    assert all(n in names for n in D.toc_tables)


def build(f, opts, mut):
    rng = random.Random(opts["wseed"])
    D = Doc(opts, mut)
    fin = opts["doc_type"] == "final"
    Y = f["year"]
    dept = f["dept"]
    kind = "决算" if fin else "预算"
    tabs = build_tables(D, f, rng, fin)
    names = [T["name"] for T in tabs]
    D.blocks.append(("title", f"{dept}{Y}年度部门决算" if fin else f"{dept}{Y}年部门预算"))
    D.p(f"编制单位：{dept}")
    # 目录
    D.h1("目录")
    parts = ["第一部分 部门概况", f"第二部分 {Y}年度部门{kind}情况说明" if fin else f"第二部分 {Y}年部门{kind}情况说明",
             "第三部分 名词解释", f"第四部分 {Y}年度部门{kind}表" if fin else f"第四部分 {Y}年部门{kind}表"]
    if D.mut.get("doctype_part"):
        parts[1] = parts[1].replace(kind, "预算" if fin else "决算")
        D.cand.setdefault("_dt", []).append(parts[1])
    for ptxt in parts:
        D.p(ptxt)
    for i, nm in enumerate(names):
        D.p(f"{cn(i)}、{nm}")
    D.h1(parts[0])
    D.h2("一、主要职能")
    D.p(f"{dept}负责贯彻落实上级关于本领域工作的方针政策和决策部署，承担本{f['place'][-1]}范围内相关业务的组织实施、"
        f"监督管理和公共服务工作，完成{f['place']}委、{f['place']}政府交办的其他任务。")
    D.h2("二、机构设置及单位构成")
    D.p(f"纳入本部门{Y}年度部门{kind}编制范围的预算单位共{f['units']}个，其中行政单位1个，其他为事业单位。"
        f"本部门核定编制{f['staff']['bz']}名，年末实有在职人员{f['staff']['real']}人。")
    if opts["tables_first"]:
        D.h1(parts[3])
        add_tables(D, f, tabs, rng)
    D.h1(parts[1])
    if fin:
        final_text(D, f, rng)
    else:
        budget_text(D, f, rng)
    D.h1(parts[2])
    D.p("一、财政拨款收入：指本级财政当年拨付的资金。")
    D.p("二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。")
    D.p("三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。")
    D.p("四、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。")
    g = D.mut.get("residue_gloss")
    if g:
        D.p(g)
    D.p("五、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。")
    if not opts["tables_first"]:
        D.h1(parts[3])
        add_tables(D, f, tabs, rng)
    D.h1("联系方式")
    D.p(f"如对本部门{kind}公开内容有疑问，请与{dept}办公室联系，联系电话：0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}。")
    D.finish_keys()
    return D


def build_tables(D, f, rng, fin):
    o = D.opts
    L = f["leaves"]
    tabs = []
    names = FINAL_TABLES if fin else BUDGET_TABLES
    amt_head = "决算数" if fin else "预算数"
    lanci = fin and o["lanci"]
    cls = sorted({lf["code"][:3] for lf in L})

    def csum(c3, g):
        return sum(g(lf) for lf in L if lf["code"][:3] == c3)
    # 1 总表
    src = f["oth_src"]
    if fin:
        left = [("一、一般公共预算财政拨款收入", "GI", f["GI"], None), ("二、政府性基金预算财政拨款收入", None, 0, None),
                ("三、国有资本经营预算财政拨款收入", None, 0, None), ("四、上级补助收入", None, 0, None),
                ("五、事业收入", "OTH" if src == "事业收入" else None, f["OTH"] if src == "事业收入" else 0, None),
                ("六、经营收入", None, 0, None), ("七、附属单位上缴收入", None, 0, None),
                ("八、其他收入", "OTH" if src == "其他收入" else None, f["OTH"] if src == "其他收入" else 0, None)]
        bl = [("本年收入合计", "A", f["A"], "blank"), ("使用非财政拨款结余", None, 0, None),
              ("年初结转和结余", "B0", f["B0"], None), ("收入总计", "T", f["T"], "idtotal")]
        br = [("本年支出合计", "C", f["C"], "blank"), ("结余分配", None, 0, None),
              ("年末结转和结余", "B1", f["B1"], None), ("支出总计", "T_out", f["T"], "idtotal")]
    else:
        left = [("一、一般公共预算拨款收入", "GI", f["GI"], None), ("二、政府性基金预算拨款收入", None, 0, None),
                ("三、国有资本经营预算拨款收入", None, 0, None),
                ("四、事业收入", "OTH" if src == "事业收入" else None, f["OTH"] if src == "事业收入" else 0, None),
                ("五、其他收入", "OTH" if src == "其他收入" else None, f["OTH"] if src == "其他收入" else 0, None)]
        bl = [("本年收入合计", "A", f["A"], "blank"), ("上年结转", "B0", f["B0"], None), ("收入总计", "T", f["T"], "idtotal")]
        br = [("本年支出合计", "C", f["C"], "blank"), ("结转下年", None, 0, None), ("支出总计", "T_out", f["T"], "idtotal")]
    right = [(f"{cn(i)}、{CLASSES[c]}", f"x.{c}", csum(c, lambda lf: lf["tot"]), None) for i, c in enumerate(cls)]
    T, fl, fr = twocol(D, names[0], title_of(D, names[0], 0), left, right, bl, br, "t1", lanci,
                       fin and o["hanci"], amt_head)
    D.sum_id(fl["本年收入合计"], [fl[x[0]] for x in left])
    D.sum_id(fl["收入总计"], [fl[x[0]] for x in bl[:-1]])
    D.sum_id(fr["本年支出合计"], [fr[x[0]] for x in right])
    D.sum_id(fr["支出总计"], [fr[x[0]] for x in br[:-1]])
    D.idn(t="eq", a=fl["收入总计"], b=fr["支出总计"], key="identity")
    tabs.append(T)
    # 2 收入表
    if fin:
        cols = [("本年收入合计", "i", lambda lf: lf["inc"] + lf["o"], "A"), ("财政拨款收入", "ig", lambda lf: lf["inc"], "GI"),
                ("上级补助收入", None, lambda lf: 0, None),
                ("事业收入", "io" if src == "事业收入" else None, lambda lf: lf["o"] if src == "事业收入" else 0, "OTH"),
                ("经营收入", None, lambda lf: 0, None), ("附属单位上缴收入", None, lambda lf: 0, None),
                ("其他收入", "io" if src == "其他收入" else None, lambda lf: lf["o"] if src == "其他收入" else 0, "OTH")]
    else:
        cols = [("合计", "i", lambda lf: lf["tot"], "T"), ("上年结转", "ic", lambda lf: lf["gp"] - lf["inc"], "B0"),
                ("一般公共预算拨款收入", "ig", lambda lf: lf["inc"], "GI"), ("政府性基金预算拨款收入", None, lambda lf: 0, None),
                ("事业收入", "io" if src == "事业收入" else None, lambda lf: lf["o"] if src == "事业收入" else 0, "OTH"),
                ("其他收入", "io" if src == "其他收入" else None, lambda lf: lf["o"] if src == "其他收入" else 0, "OTH")]
    T = ftable(D, names[1], title_of(D, names[1], 1), cols, L, "t2", rowsums=[(0, list(range(1, len(cols))))],
               lanci=lanci)
    tabs.append(T)
    # 3 支出表
    if fin:
        cols = [("合计", "x", lambda lf: lf["tot"], "C"), ("基本支出", "b", lambda lf: lf["b"], "K"),
                ("项目支出", "xp", lambda lf: lf["p"] + lf["o"], "J"), ("上缴上级支出", None, lambda lf: 0, None),
                ("经营支出", None, lambda lf: 0, None), ("对附属单位补助支出", None, lambda lf: 0, None)]
        gh = [("本年支出", 3), ("上缴上级支出", 1), ("经营支出", 1), ("对附属单位补助支出", 1)] if o["merged"] else None
    else:
        cols = [("合计", "x", lambda lf: lf["tot"], "C"), ("基本支出", "b", lambda lf: lf["b"], "K"),
                ("项目支出", "xp", lambda lf: lf["p"] + lf["o"], "J")]
        gh = None
    T = ftable(D, names[2], title_of(D, names[2], 2), cols, L, "t3", rowsums=[(0, list(range(1, len(cols))))],
               group_head=gh, lanci=lanci)
    tabs.append(T)
    # 4 财政拨款总表
    if fin:
        left = [("一、一般公共预算财政拨款", "GI", f["GI"], None), ("二、政府性基金预算财政拨款", None, 0, None),
                ("三、国有资本经营预算财政拨款", None, 0, None)]
        bl = [("本年收入合计", "GI", f["GI"], None), ("年初财政拨款结转和结余", "B0", f["B0"], None),
              ("收入总计", "FT", f["GI"] + f["B0"], None)]
        br = [("本年支出合计", "G", f["G"], None), ("年末财政拨款结转和结余", "B1", f["B1"], None),
              ("支出总计", "FT_out", f["G"] + f["B1"], None)]
    else:
        left = [("一、一般公共预算拨款收入", "GI", f["GI"], None), ("二、政府性基金预算拨款收入", None, 0, None),
                ("三、国有资本经营预算拨款收入", None, 0, None)]
        bl = [("本年收入合计", "GI", f["GI"], None), ("上年结转", "B0", f["B0"], None), ("收入总计", "FT", f["G"], None)]
        br = [("本年支出合计", "G", f["G"], None), ("结转下年", None, 0, None), ("支出总计", "FT_out", f["G"], None)]
    right = [(f"{cn(i)}、{CLASSES[c]}", f"g.{c}", csum(c, lambda lf: lf["gp"]), None) for i, c in enumerate(cls)]
    T, fl, fr = twocol(D, names[3], title_of(D, names[3], 3), left, right, bl, br, "t4", lanci,
                       fin and o["hanci"], amt_head)
    D.sum_id(fl["本年收入合计"], [fl[x[0]] for x in left])
    D.sum_id(fl["收入总计"], [fl[x[0]] for x in bl[:-1]])
    D.sum_id(fr["本年支出合计"], [fr[x[0]] for x in right])
    D.sum_id(fr["支出总计"], [fr[x[0]] for x in br[:-1]])
    D.idn(t="eq", a=fl["收入总计"], b=fr["支出总计"], key="identity")
    tabs.append(T)
    # 5 一般公共预算支出表
    cols = []
    if fin and o["budcol"]:
        cols.append(("年初预算数", "bud", lambda lf: lf["bud"], "Gbud"))
    cols += [("合计", "g", lambda lf: lf["gp"], "G"), ("基本支出", "b", lambda lf: lf["b"], "K"),
             ("项目支出", "gp", lambda lf: lf["p"], "Gb")]
    off = 1 if fin and o["budcol"] else 0
    gh = None
    if o["merged"]:
        gh = ([("年初预算数", 1)] if off else []) + [("本年支出" if fin else "本年预算", 3)]
        cols[off] = ("小计",) + cols[off][1:]
    T = ftable(D, names[4], title_of(D, names[4], 4), cols, L, "t5", rowsums=[(off, [off + 1, off + 2])],
               group_head=gh, lanci=lanci)
    T["gp_off"] = off
    tabs.append(T)
    # 6 基本支出表
    tabs.append(econ_table(D, f, names[5], title_of(D, names[5], 5), "t6", o["econ_sbs"], amt_head))
    # 7/8 empty
    for i in (6, 7):
        T, _ = simple_table(D, names[i], title_of(D, names[i], i), [["项目", "本年收入" if i == 6 else "合计", "本年支出"]],
                            [("合计", [0, 0], [None, None])], f"t{i + 1}", tcat=None)
        T["note"] = f"注：本部门{f['year']}年度没有使用{'政府性基金' if i == 6 else '国有资本经营'}预算财政拨款安排的支出，本表为空表。"
        tabs.append(T)
    # 9 三公
    sg, sgb, sgp = f["sg"], f["sgb"], f["sgp"]
    labs = [("合计", "tot"), ("1.因公出国（境）费", "out"), ("2.公务用车购置及运行维护费", "car"), ("（1）公务用车购置费", "buy"),
            ("（2）公务用车运行维护费", "run"), ("3.公务接待费", "rec")]
    if fin:
        header = [["项目", "全年预算数", "决算数"] + (["上年决算数"] if o["sg_prev"] else [])]
        items = [(lab, [sgb[k], sg[k]] + ([sgp[k]] if o["sg_prev"] else []),
                  [f"sgb.{k}", f"sg.{k}"] + ([f"sgp.{k}"] if o["sg_prev"] else [])) for lab, k in labs]
    else:
        header = [["项目", f"{f['year']}年预算数", f"{f['year'] - 1}年预算数"]]
        items = [(lab, [sg[k], sgp[k]], [f"sg.{k}", f"sgp.{k}"]) for lab, k in labs]
    T, fids = simple_table(D, names[8], title_of(D, names[8], 8), header, items, "t9", tcat="sgtotal")
    for j in range(len(header[0]) - 1):
        D.sum_id(fids[0][j], [fids[1][j], fids[2][j], fids[5][j]])
        D.sum_id(fids[2][j], [fids[3][j], fids[4][j]])
    tabs.append(T)
    # 10 项目支出表
    pj = f["projects"]
    if fin:
        header = [["项目名称", "年初预算数", "决算数"]]
        items = [("合计", [sum(p["bud"] for p in pj), f["Gb"]], ["proj.bud", "Gb"])] + \
            [(p["name"], [p["bud"], p["amt"]], [f"projb.{i}", f"proj.{i}"]) for i, p in enumerate(pj)]
    else:
        header = [["项目名称", "预算数"]]
        items = [("合计", [f["Gb"]], ["Gb"])] + [(p["name"], [p["amt"]], [f"proj.{i}"]) for i, p in enumerate(pj)]
    T, fids = simple_table(D, names[9], title_of(D, names[9], 9), header, items, "t10")
    for j in range(len(header[0]) - 1):
        D.sum_id(fids[0][j], [r[j] for r in fids[1:]])
    tabs.append(T)
    return tabs


def final_text(D, f, rng):
    Y = f["year"]
    o = D.opts
    sec = 0

    def H(s):
        nonlocal sec
        D.h2(f"{cn(sec)}、{s}")
        sec += 1
    H("收入支出决算总体情况说明")
    a, ta = D.t(f"{Y}年度收入总计", "T", f["T"], "s1.T")
    b, tb = D.t("支出总计", "T_out", f["T"], "s1.Tout")
    _, tA = D.t("本年收入合计", "A", f["A"], "s1.A", cat="txtamt")
    _, tB0 = D.t("年初结转和结余", "B0", f["B0"], "s1.B0", cat="txtamt")
    _, tC = D.t("本年支出合计", "C", f["C"], "s1.C", cat="txtamt")
    _, tB1 = D.t("年末结转和结余", "B1", f["B1"], "s1.B1", cat="txtamt")
    D.sum_id(a, [D.sites["s1.A"], D.sites["s1.B0"]])
    D.sum_id(b, [D.sites["s1.C"], D.sites["s1.B1"]])
    g = D.growth("T", a, f["T"], f["prev_T"], "s1.g", rng, comp=rng.choice([f"与{Y - 1}年度相比，收、支总计各", "较上年"]))
    up = f["T"] > f["prev_T"]
    D.p(f"{ta}，{tb}。其中：{tA}，{tB0}；{tC}，{tB1}。{g}。主要原因是"
        f"{D.reason('r1', reason(rng, up))}。")
    H("收入决算情况说明")
    A = D.sites["s1.A"]
    a2, tA2 = D.t(f"{Y}年度本年收入合计", "A", f["A"], "s2.A")
    gi, tgi = D.t("财政拨款收入", "GI", f["GI"], "s2.GI", cat="txtamt")
    s1 = D.share(gi, f["GI"], a2, f["A"], "s2.p1", lab=rng.choice(["占", "占本年收入合计的", "所占比重为"]))
    parts = [gi]
    extra = ""
    if f["OTH"]:
        ot, tot_ = D.t(f["oth_src"], "OTH", f["OTH"], "s2.OTH")
        extra = f"；{tot_}，{D.share(ot, f['OTH'], a2, f['A'], 's2.p2')}"
        parts.append(ot)
    D.sum_id(a2, parts)
    D.p(f"{tA2}，其中：{tgi}，{s1}{extra}。")
    _ = A
    H("支出决算情况说明")
    c3, tC3 = D.t(f"{Y}年度本年支出合计", "C", f["C"], "s3.C")
    k3, tK = D.t("基本支出", "K", f["K"], "s3.K", cat="txtamt")
    j3, tJ = D.t("项目支出", "J", f["J"], "s3.J", cat="txtamt")
    D.sum_id(c3, [k3, j3])
    D.p(f"{tC3}，其中：{tK}，{D.share(k3, f['K'], c3, f['C'], 's3.p1')}；{tJ}，"
        f"{D.share(j3, f['J'], c3, f['C'], 's3.p2')}。")
    H("财政拨款收入支出决算总体情况说明")
    FT = f["GI"] + f["B0"]
    ft, tft = D.t(f"{Y}年度财政拨款收入总计", "FT", FT, "s4.FT")
    g4 = D.growth("FT", ft, FT, f["prev_FT"], "s4.g", rng, comp=comp_words(rng, False), show_prev=o["show_prev"],
                  prev_key="prev.FT")
    D.p(f"{tft}，{g4}。主要原因是{D.reason('r4', reason(rng, FT > f['prev_FT']))}。")
    if o["carry_sentence"]:
        _, tcp = D.t(f"{Y - 1}年年末财政拨款结转和结余", "B0", f["B0"], "s4.carry", cat="carry")
        D.p(f"{tcp}，已全部结转至{Y}年度继续使用；{Y}年末财政拨款结转和结余{D.num_text(D.figs[D.sites['s1.B1']]['s'])}万元。")
    H("一般公共预算财政拨款支出决算情况说明")
    gg, tG = D.t(f"{Y}年度一般公共预算财政拨款支出", "G", f["G"], "s5.G")
    sh = D.share(gg, f["G"], c3, f["C"], "s5.p", lab="占本年支出合计的")
    g5 = D.growth("G", gg, f["G"], f["prev_G"], "s5.g", rng, comp=comp_words(rng, False), show_prev=o["show_prev"],
                  prev_key="prev.G")
    D.p(f"（一）总体情况。{tG}，{sh}。{g5}。主要原因是{D.reason('r5', reason(rng, f['G'] > f['prev_G']))}。")
    gb, tgb = D.t("年初预算为", "Gbud", f["Gbud"], "s5.bud")
    ga, tga = D.t("支出决算为", "G", f["G"], "s5.act")
    word = rng.choice(["完成年初预算的", "为年初预算的", "预算执行率为"])
    cp = D.completion(ga, f["G"], gb, f["Gbud"], "s5.c", word)
    more = "大于" if f["G"] > f["Gbud"] else "小于"
    D.p(f"一般公共预算财政拨款支出{tgb}，{tga}，{cp}。决算数{more}年初预算数的主要原因是"
        f"{D.reason('r5b', '年中追加了专项业务经费及人员调资经费' if more == '大于' else '部分项目按进度执行，资金结转下年')}。")
    # 结构 by class
    cls = sorted({lf["code"][:3] for lf in f["leaves"]})
    bits = []
    for c in cls:
        v = sum(lf["gp"] for lf in f["leaves"] if lf["code"][:3] == c)
        fid, tx = D.t(CLASSES[c], f"g.{c}", v, f"s5.cls.{c}")
        bits.append(f"{tx}，{D.share(fid, v, gg, f['G'], f's5.cls.{c}.p')}")
    D.sum_id(gg, [D.sites[f"s5.cls.{c}"] for c in cls])
    D.p("（二）结构情况。" + "；".join(bits) + "。")
    D.p("（三）具体情况。")
    for i, lf in enumerate(f["leaves"]):
        c = lf["code"]
        bf, tb_ = D.t("年初预算为", f"bud.{c}", lf["bud"], f"s5.l.{c}.b")
        af, ta_ = D.t("支出决算为", f"g.{c}", lf["gp"], f"s5.l.{c}.a", cat="txtamt")
        w = rng.choice(["完成年初预算的", "完成年初预算的", "为年初预算的", "预算执行率为"])
        cp = D.completion(af, lf["gp"], bf, lf["bud"], f"s5.l.{c}.c", w)
        if lf["gp"] > lf["bud"]:
            rs = "决算数大于年初预算数的主要原因是" + D.reason(f"r5.{c}", rng.choice(["年中追加了项目经费", "人员调资及追加专项经费"]))
        elif lf["gp"] < lf["bud"]:
            rs = "决算数小于年初预算数的主要原因是" + D.reason(f"r5.{c}", rng.choice(["厉行节约压减支出", "部分项目资金结转下年"]))
        else:
            rs = "决算数与年初预算数持平"
        cps = f"，{cp}" if cp else ""
        D.p(f"{i + 1}. {leafword(f, c)}：{tb_}，{ta_}{cps}。{rs}。")
    H("一般公共预算财政拨款基本支出决算情况说明")
    k6, tk6 = D.t(f"{Y}年度一般公共预算财政拨款基本支出", "K", f["K"], "s6.K")
    p6, tp6 = D.t("人员经费", "P", f["P"], "s6.P", cat="txtamt")
    q6, tq6 = D.t("公用经费", "Q", f["Q"], "s6.Q", cat="txtamt")
    D.sum_id(k6, [p6, q6])
    from facts6 import CAPITAL, FAMILY, PERSON, PUBLIC
    e = f["econ"]

    def items(lst, tot_fid, tag, n):
        its = sorted([(c, nm) for c, nm in lst if e[c]], key=lambda x: -e[x[0]])
        full = n >= len(its)
        its = its[:n]
        txts, fids = [], []
        for c, nm in its:
            fid, tx = D.t(nm, f"e.{c}", e[c], f"s6.{tag}.{c}", cat="bditem" if not full else None)
            txts.append(tx)
            fids.append(fid)
        if full:
            D.sum_id(tot_fid, fids)
        else:
            D.idn(t="le_sum", total=tot_fid, parts=fids)
            for fid in fids:
                D.figs[fid]["bd_total"] = tot_fid
        return "、".join(txts)
    pl = items(PERSON + FAMILY, p6, "P", rng.choice([4, 5, 6]))
    ql = items(PUBLIC + CAPITAL, q6, "Q", rng.choice([4, 5, 30]))
    D.p(f"{tk6}，其中：{tp6}，主要包括{pl}；{tq6}，主要包括{ql}。")
    H("财政拨款“三公”经费支出决算情况说明")
    sg, sgb, sgp = f["sg"], f["sgb"], f["sgp"]
    tb_, ttb = D.t("全年预算数为", "sgb.tot", sgb["tot"], "s8.b.tot")
    ta_, tta = D.t("支出决算为", "sg.tot", sg["tot"], "s8.a.tot", cat="sgtotal")
    cp = D.completion(ta_, sg["tot"], tb_, sgb["tot"], "s8.c.tot", "完成全年预算的")
    segs = []
    parts_b, parts_a = [], []
    for k, nm in (("out", "因公出国（境）费"), ("car", "公务用车购置及运行维护费"), ("rec", "公务接待费")):
        bf, tb2 = D.t("全年预算数为", f"sgb.{k}", sgb[k], f"s8.b.{k}")
        af, ta2 = D.t("支出决算为", f"sg.{k}", sg[k], f"s8.a.{k}", cat="txtamt")
        parts_b.append(bf)
        parts_a.append(af)
        c2 = D.completion(af, sg[k], bf, sgb[k], f"s8.c.{k}", "完成全年预算的")
        segs.append(f"{nm}{tb2}，{ta2}" + (f"，{c2}" if c2 else ""))
    D.sum_id(tb_, parts_b)
    D.sum_id(ta_, parts_a)
    D.p(f"{Y}年度财政拨款“三公”经费{ttb}，{tta}，{cp}。其中：" + "；".join(segs) + "。")
    s_all, ts_all = D.t("“三公”经费支出", "sg.tot", sg["tot"], "s8.x.tot")
    g8 = D.growth("sg.tot", s_all, sg["tot"], sgp["tot"], "s8.g", rng, comp=comp_words(rng, False),
                  show_prev=o["show_prev"], prev_key="sgp.tot")
    D.p(f"{Y}年度{ts_all}，{g8}。主要原因是{D.reason('r8', reason(rng, sg['tot'] > sgp['tot']))}。")
    cnt = f["sg_cnt"]
    veh = f["veh"]
    _kf, tk = D.cnt("veh.keep", veh["keep"], "s8.keep", "辆", "公务用车保有量")
    bf_, tbuy = D.t("公务用车购置费", "sg.buy", sg["buy"], "s8.buy")
    rf_, trun = D.t("公务用车运行维护费", "sg.run", sg["run"], "s8.run")
    D.sum_id(D.sites["s8.a.car"], [bf_, rf_])
    _, tn = D.cnt("sg.buyn", cnt["buy_n"], "s8.buyn", "辆", "购置车辆")
    D.p(f"公务用车购置及运行维护费中，{tbuy}，{tn}；{trun}，主要用于车辆燃料、维修、保险等支出，年末{tk}。")
    dom = cnt["rec_batch"] - rng.randint(0, min(2, cnt["rec_batch"] - 1))
    tf, tbt = D.cnt("rec.batch", cnt["rec_batch"], "s8.batch", "批次", "公务接待")
    df, tdom = D.cnt(None, dom, "s8.batch.dom", "批次", "国内公务接待", cat="cntitem")
    ff, tfor = D.cnt(None, cnt["rec_batch"] - dom, "s8.batch.for", "批次", "外事接待", cat="cntitem")
    D.sum_id(tf, [df, ff])
    _, tpp = D.cnt("rec.person", cnt["rec_person"], "s8.person", "人次")
    D.p(f"{Y}年度共发生{tbt}、{tpp}，其中：{tdom}，{tfor}。因公出国（境）团组{cnt['out_team']}个，累计{cnt['out_person']}人次。")
    H("政府性基金预算财政拨款支出决算情况说明")
    D.p(f"本部门{Y}年度没有使用政府性基金预算财政拨款安排的支出。")
    H("国有资本经营预算财政拨款支出决算情况说明")
    D.p(f"本部门{Y}年度没有使用国有资本经营预算财政拨款安排的支出。")
    other_sections(D, f, rng, True, H)


def other_sections(D, f, rng, fin, H):
    Y = f["year"]
    o = D.opts
    kind = "支出" if fin else "预算"
    H("机关运行经费支出情况说明" if fin else "机关运行经费预算安排情况")
    m, tm = D.t(f"{Y}年度本部门机关运行经费{kind}", "M", f["M"], "s11.M")
    g = D.growth("M", m, f["M"], f["prev_M"], "s11.g", rng, comp="比上年" if fin else "比上年预算",
                 show_prev=True, prev_key="prev.M")
    qf = D.sites.get("s6.Q")
    if qf is not None:
        D.idn(t="le", a=m, b=qf)
    D.p(f"{tm}，{g}。主要原因是{D.reason('r11', reason(rng, f['M'] > f['prev_M']))}。")
    H("政府采购支出情况说明" if fin else "政府采购预算情况")
    pu = f["pur"]
    tf, tt = D.t(f"{Y}年度本部门政府采购{kind}总额", "pur.tot", pu["tot"], "s12.tot")
    gf, tg = D.t("政府采购货物" + kind, "pur.goods", pu["goods"], "s12.goods", cat="bditem_full")
    wf, tw = D.t("政府采购工程" + kind, "pur.works", pu["works"], "s12.works")
    sf, ts = D.t("政府采购服务" + kind, "pur.serv", pu["serv"], "s12.serv")
    D.sum_id(tf, [gf, wf, sf])
    sme, tsme = D.t("授予中小企业合同金额" if fin else "其中面向中小企业预留", "pur.sme", pu["sme"], "s12.sme")
    shr = D.share(sme, pu["sme"], tf, pu["tot"], "s12.p1", lab="占政府采购支出总额的" if fin else "占")
    D.idn(t="le", a=sme, b=tf)
    txt = f"{tt}，其中：{tg}、{tw}、{ts}。{tsme}，{shr}"
    if fin:
        mic, tmic = D.t("其中授予小微企业合同金额", "pur.micro", pu["micro"], "s12.micro")
        D.idn(t="le", a=mic, b=sme)
        txt += f"，{tmic}，{D.share(mic, pu['micro'], tf, pu['tot'], 's12.p2', lab='占政府采购支出总额的')}"
    D.p(txt + "。")
    H("国有资产占用情况说明")
    v = f["veh"]
    vt, tvt = D.cnt("veh.tot", v["tot"], "s13.tot", "辆", "共有车辆")
    seg = []
    fids = []
    for k, nm in (("gen", "一般公务用车"), ("law", "执法执勤用车"), ("spec", "特种专业技术用车"), ("oth", "其他用车")):
        fid, tx = D.cnt(f"veh.{k}", v[k], f"s13.{k}", "辆", nm, cat="cntitem")
        seg.append(tx)
        fids.append(fid)
    D.sum_id(vt, fids)
    kf = D.sites.get("s8.keep")
    if kf is not None:
        D.sum_id(kf, fids[:2])
    D.p(f"截至{Y - 1 if not fin else Y}年12月31日，本部门{tvt}，其中：{'、'.join(seg)}；单位价值50万元以上通用设备"
        f"{v['equip']}台（套），单位价值100万元以上专用设备0台（套）。")
    H("预算绩效情况说明" if fin else "绩效目标设置情况")
    pf = f["perf"]
    _nf, tn = D.cnt("perf.n", pf["n"], "s14.n", "个", "共涉及项目" if fin else "共")
    af, ta = D.t("资金" if fin else "涉及项目资金", "perf.amt", pf["amt"], "s14.amt")
    jf, tj = D.t("一般公共预算项目支出", "Gb", f["Gb"], "s14.Gb")
    D.idn(t="le", a=af, b=jf)
    if fin:
        sh = D.share(af, pf["amt"], jf, f["Gb"], "s14.p", lab="")
        D.p(f"本部门组织对{Y}年度一般公共预算项目支出开展绩效自评，{tn}，{ta}，占{tj}的"
            f"{sh}。自评结果显示，项目总体完成年度绩效目标。")
    else:
        sh = D.share(af, pf["amt"], jf, f["Gb"], "s14.p", lab="占")
        D.p(f"本部门{Y}年{tn}项目编制了绩效目标，{ta}，{tj}，其中编制绩效目标的项目资金{sh}。")
    if o.get("residue_extra"):
        pass


def budget_text(D, f, rng):
    Y = f["year"]
    o = D.opts
    sec = 0

    def H(s):
        nonlocal sec
        D.h2(f"{cn(sec)}、{s}")
        sec += 1
    H("收支预算总体情况说明")
    a, ta = D.t(f"{Y}年收入总计", "T", f["T"], "s1.T")
    _b, tb = D.t("支出总计", "T_out", f["T"], "s1.Tout")
    _, tA = D.t("本年收入合计", "A", f["A"], "s1.A", cat="txtamt")
    _, tB0 = D.t("上年结转", "B0", f["B0"], "s1.B0", cat="txtamt")
    D.sum_id(a, [D.sites["s1.A"], D.sites["s1.B0"]])
    g = D.growth("T", a, f["T"], f["prev_T"], "s1.g", rng, comp=rng.choice([f"与{Y - 1}年预算相比，收、支总计各", "比上年预算"]))
    D.p(f"{ta}，{tb}。其中：{tA}，{tB0}。{g}。主要原因是{D.reason('r1', reason(rng, f['T'] > f['prev_T']))}。")
    H("收入预算情况说明")
    a2, tA2 = D.t(f"{Y}年本年收入合计", "A", f["A"], "s2.A")
    gi, tgi = D.t("一般公共预算拨款收入", "GI", f["GI"], "s2.GI", cat="txtamt")
    s1 = D.share(gi, f["GI"], a2, f["A"], "s2.p1", lab=rng.choice(["占", "占本年收入的", "所占比重为"]))
    parts, extra = [gi], ""
    if f["OTH"]:
        ot, tot_ = D.t(f["oth_src"], "OTH", f["OTH"], "s2.OTH")
        extra = f"；{tot_}，{D.share(ot, f['OTH'], a2, f['A'], 's2.p2')}"
        parts.append(ot)
    D.sum_id(a2, parts)
    D.p(f"{tA2}，其中：{tgi}，{s1}{extra}。")
    H("支出预算情况说明")
    c3, tC3 = D.t(f"{Y}年本年支出合计", "C", f["C"], "s3.C")
    k3, tK = D.t("基本支出", "K", f["K"], "s3.K", cat="txtamt")
    j3, tJ = D.t("项目支出", "J", f["J"], "s3.J", cat="txtamt")
    D.sum_id(c3, [k3, j3])
    D.p(f"{tC3}，其中：{tK}，{D.share(k3, f['K'], c3, f['C'], 's3.p1')}；{tJ}，"
        f"{D.share(j3, f['J'], c3, f['C'], 's3.p2')}。")
    H("财政拨款收支预算总体情况说明")
    ft, tft = D.t(f"{Y}年财政拨款收支总预算", "FT", f["G"], "s4.FT")
    g4 = D.growth("FT", ft, f["G"], f["prev_FT"], "s4.g", rng, comp=comp_words(rng, True), show_prev=o["show_prev"],
                  prev_key="prev.FT")
    D.p(f"{tft}，{g4}。主要原因是{D.reason('r4', reason(rng, f['G'] > f['prev_FT']))}。")
    H("一般公共预算支出预算情况说明")
    gg, tG = D.t(f"{Y}年一般公共预算支出预算", "G", f["G"], "s5.G")
    sh = D.share(gg, f["G"], c3, f["C"], "s5.p", lab="占本年支出合计的")
    g5 = D.growth("G", gg, f["G"], f["prev_G"], "s5.g", rng, comp=comp_words(rng, True), show_prev=o["show_prev"],
                  prev_key="prev.G")
    D.p(f"{tG}，{sh}。{g5}。主要原因是{D.reason('r5', reason(rng, f['G'] > f['prev_G']))}。")
    cls = sorted({lf["code"][:3] for lf in f["leaves"]})
    bits = []
    for c in cls:
        v = sum(lf["gp"] for lf in f["leaves"] if lf["code"][:3] == c)
        fid, tx = D.t(CLASSES[c] + "（类）", f"g.{c}", v, f"s5.cls.{c}")
        bits.append(f"{tx}，{D.share(fid, v, gg, f['G'], f's5.cls.{c}.p')}")
    D.sum_id(gg, [D.sites[f"s5.cls.{c}"] for c in cls])
    D.p("主要用于以下方面：" + "；".join(bits) + "。")
    for i, lf in enumerate(f["leaves"]):
        c = lf["code"]
        af, ta_ = D.t(f"{lf['name']}（{c}）", f"g.{c}", lf["gp"], f"s5.l.{c}.a", cat="txtamt")
        gx = D.growth(f"g.{c}", af, lf["gp"], lf["prev"], f"s5.l.{c}.g", rng, comp=comp_words(rng, True),
                      show_prev=(i % 2 == 0) and o["show_prev"], prev_key=f"prevg.{c}")
        D.p(f"{i + 1}. {ta_}，{gx}。主要原因是{D.reason(f'r5.{c}', reason(rng, lf['gp'] > lf['prev']))}。")
    H("一般公共预算基本支出预算情况说明")
    k6, tk6 = D.t(f"{Y}年一般公共预算基本支出", "K", f["K"], "s6.K")
    p6, tp6 = D.t("人员经费", "P", f["P"], "s6.P", cat="txtamt")
    q6, tq6 = D.t("公用经费", "Q", f["Q"], "s6.Q", cat="txtamt")
    D.sum_id(k6, [p6, q6])
    from facts6 import CAPITAL, FAMILY, PERSON, PUBLIC
    e = f["econ"]

    def items(lst, tot_fid, tag, n):
        its = sorted([(c, nm) for c, nm in lst if e[c]], key=lambda x: -e[x[0]])
        full = n >= len(its)
        its = its[:n]
        txts, fids = [], []
        for c, nm in its:
            fid, tx = D.t(nm, f"e.{c}", e[c], f"s6.{tag}.{c}", cat="bditem" if not full else None)
            txts.append(tx)
            fids.append(fid)
            D.figs[fid]["bd_total"] = tot_fid
        if full:
            D.sum_id(tot_fid, fids)
        else:
            D.idn(t="le_sum", total=tot_fid, parts=fids)
        return "、".join(txts)
    pl = items(PERSON + FAMILY, p6, "P", rng.choice([4, 5, 30]))
    ql = items(PUBLIC + CAPITAL, q6, "Q", rng.choice([4, 6]))
    D.p(f"{tk6}，其中：{tp6}，主要包括{pl}；{tq6}，主要包括{ql}。")
    H("一般公共预算“三公”经费支出预算情况说明")
    sg, sgp = f["sg"], f["sgp"]
    tf, tt = D.t(f"{Y}年“三公”经费预算", "sg.tot", sg["tot"], "s8.a.tot", cat="sgtotal")
    g8 = D.growth("sg.tot", tf, sg["tot"], sgp["tot"], "s8.g", rng, comp=comp_words(rng, True), show_prev=o["show_prev"],
                  prev_key="sgp.tot")
    segs, parts = [], []
    for k, nm in (("out", "因公出国（境）费"), ("car", "公务用车购置及运行维护费"), ("rec", "公务接待费")):
        af, ta2 = D.t(nm, f"sg.{k}", sg[k], f"s8.a.{k}", cat="txtamt")
        parts.append(af)
        if sg[k] == 0 and sgp[k] == 0:
            segs.append(f"{ta2}，与上年预算持平")
        elif sgp[k] == 0:
            segs.append(f"{ta2}，上年未安排此项预算")
        else:
            segs.append(f"{ta2}，" + D.growth(f"sg.{k}", af, sg[k], sgp[k], f"s8.g.{k}", rng, comp="比上年预算",
                                               show_prev=False))
    D.sum_id(tf, parts)
    D.p(f"{tt}，{g8}。其中：" + "；".join(segs) + "。")
    bf_, tbuy = D.t("公务用车购置费", "sg.buy", sg["buy"], "s8.buy")
    rf_, trun = D.t("公务用车运行维护费", "sg.run", sg["run"], "s8.run")
    D.sum_id(D.sites["s8.a.car"], [bf_, rf_])
    veh = f["veh"]
    _, tk = D.cnt("veh.keep", veh["keep"], "s8.keep", "辆", "公务用车保有量")
    D.p(f"公务用车购置及运行维护费中，{tbuy}，{trun}；{Y - 1}年末{tk}。")
    H("政府性基金预算支出预算情况说明")
    D.p(f"本部门{Y}年没有使用政府性基金预算拨款安排的支出。")
    H("国有资本经营预算支出预算情况说明")
    D.p(f"本部门{Y}年没有使用国有资本经营预算拨款安排的支出。")
    other_sections(D, f, rng, False, H)


__all__ = ["BUDGET_TABLES", "FINAL_TABLES", "build", "tree"]
