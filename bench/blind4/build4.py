"""Build the document (text + tables) from facts and layout options."""
from doc4 import Doc, Table, cnnum
from facts4 import PERS, PUB

REASONS_UP = ["人员工资调标及社保缴费基数调整", "新增业务工作经费", "办公设备更新及信息化项目建设", "人员增加及重点工作任务增加"]
REASONS_DN = ["严格落实过紧日子要求，压减一般性支出", "部分项目完成后不再安排", "人员减少", "厉行节约，从严控制公务活动"]
NAMES_B = {"szb": ["部门收支总体情况表", "部门收支总表"], "sr": ["部门收入总体情况表", "部门收入总表"], "zc": ["部门支出总体情况表", "部门支出总表"],
           "cz": ["财政拨款收支总体情况表", "财政拨款收支预算总表"], "gp": ["一般公共预算支出情况表", "一般公共预算支出预算表"],
           "jb": ["一般公共预算基本支出情况表", "一般公共预算基本支出预算表"], "sg": ["一般公共预算“三公”经费支出情况表", "一般公共预算“三公”经费支出预算表"],
           "jj": ["政府性基金预算支出情况表", "政府性基金支出预算表"], "gz": ["国有资本经营预算支出情况表", "国有资本经营预算支出表"],
           "jx": ["部门（单位）整体绩效目标表", "部门整体支出绩效目标表"]}
NAMES_F = {"szb": ["收入支出决算总表", "收入支出决算表"], "sr": ["收入决算表", "收入决算表"], "zc": ["支出决算表", "支出决算表"],
           "cz": ["财政拨款收入支出决算总表", "财政拨款收入支出决算表"], "gp": ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款收入支出决算表"],
           "jb": ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表"], "sg": ["财政拨款“三公”经费支出决算表", "财政拨款“三公”经费、行政参公单位机关运行经费情况表"],
           "jj": ["政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"], "gz": ["国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"],
           "jx": ["部门整体支出绩效自评表", "部门整体支出绩效自评表"], "qt": ["机构运行经费支出、国有资产占用情况及政府采购支出信息表", "国有资产使用情况表"]}


def build(f, dt, o, plan, rng):
    d = Doc(o)
    Y = f["year"]
    B = dt == "budget"
    X = o["xunit"]
    KW = "预算" if B else "决算"
    names = NAMES_B if B else NAMES_F
    order = ["szb", "sr", "zc", "cz", "gp", "jb", "sg", "jj", "gz", "jx"] + ([] if B else ["qt"])
    title = {}
    for i, k in enumerate(order, 1):
        nm = names[k][o["tstyle"]]
        pre = {"cn": cnnum(i) + "、", "biao": "表%d：" % i, "fu": "附表%d-" % i, "yr": "%d年" % Y if B else "%d年度" % Y}[o["tprefix"]]
        title[k] = pre + nm
    if plan == "doc-type":
        tk = rng.choice(["zc", "gp", "jb", "sr"])
        wrong = title[tk].replace("决算", "预算") if not B else title[tk].replace("支出情况表", "支出决算表").replace("预算表", "决算表").replace("总体情况表", "决算表").replace("总表", "决算总表")
        if wrong == title[tk]:
            wrong = title[tk] + "（决算）" if B else title[tk].replace("决算", "预算")
        d.planted = {"class": "doc-type", "where": wrong, "alt": [], "stated": wrong, "expected": title[tk], "note": "table title of the wrong document type"}
        title[tk] = wrong
    missing = None
    if plan == "missing-part":
        missing = rng.choice(["jj", "gz", "sg", "jb", "cz"])
        d.planted = {"class": "missing-part", "where": title[missing], "alt": [], "stated": "", "expected": title[missing], "note": "table listed in 目录 but not published"}

    def P(k):  # part heading
        return {"di": "第%s部分 " % cnnum(k), "cn": "%s、" % cnnum(k), "ar": "%d " % k}[o["pstyle"]]

    def S(k):
        return {"cn": "%s、" % cnnum(k), "paren": "（%s）" % cnnum(k), "ar": "%d." % k}[o["sstyle"]]

    yy = d.yr  # comparison-year helper

    def tfig(key, fen, label=""):
        d.cur_loc = "table"
        fg = d.amt(key, fen, table=True, label=label)
        if fen == 0 and o["zblank"]:
            fg.text = ""
        return fg

    def xfig(key, fen, label=""):
        d.cur_loc = "text"
        return d.amt(key, fen, label=label)

    def growth(cur, cur_fen, prev_fen, pkey, variant="B", what="预算数" if B else "决算数", reason=True):
        """segments of a comparison clause"""
        segs = []
        if prev_fen == 0:
            if cur_fen == 0:
                return ["，与上年持平"]
            if plan == "zero-base" and not getattr(d, "planted", None):
                pf = xfig(pkey, 0)
                w1, w2 = d.word("增加"), d.word("增长")
                chg = xfig(None, cur_fen)
                chg.text = cur.text
                pc = d._new(kind="pct", key=None, text="100" + ("." + "0" * o["pdec"] if o["pdec"] else ""), dec=o["pdec"])
                g = d.ident(t="growth", cur=cur.id, prev=pf.id, chg=chg.id, pct=pc.id, word=w1.id)
                d.planted = {"class": "zero-base", "where": None, "alt": [], "stated": pc.text + "%", "expected": "无可比性（上年为0）",
                             "note": "growth rate stated on a zero base", "_fid": pc.id}
                return ["，上年" + what + "为", pf, X + "，本年", w1, chg, X + "，", w2, pc, "%"]
            return ["，上年无此项" + ("预算" if B else "支出") + "，增长率无可比性"]
        pf = xfig(pkey, prev_fen)
        cmpy = yy(Y - 1, Y - 1)
        if d.val(pf) == d.val(cur):
            w = d.word("持平")
            d.ident(t="growth", cur=cur.id, prev=pf.id, word=w.id)
            return ["，与", cmpy, "年" + what + "相比", w] if variant == "B" else ["，与", cmpy, "年" + what, pf, X, w]
        diff = d.val(cur) - d.val(pf)
        up = diff > 0
        w1 = d.word("增加" if up else "减少")
        w2 = d.word("增长" if up else "下降")
        chg = xfig(None, abs(diff))
        pc = d._new(kind="pct", key=None, text=str(__import__("doc4").q(abs(diff) / d.val(pf) * 100, o["pdec"])), dec=o["pdec"])
        why = ("。主要原因是" + rng.choice(REASONS_UP if up else REASONS_DN)) if reason else ""
        if variant == "A":
            d.ident(t="growth", cur=cur.id, prev=pf.id, chg=chg.id, pct=pc.id, word=w1.id)
            return ["，比", cmpy, "年" + what, pf, X, w1, chg, X + "，", w2, pc, "%" + why]
        d.ident(t="growth", cur=cur.id, chg=chg.id, pct=pc.id, word=w1.id)
        cw = o["cmpw"]
        pre = {"比上年": ["，比"], "与上年相比": ["，与"], "较上年": ["，较"], "同比": ["，与"]}[cw]
        post = {"比上年": "年" + what, "与上年相比": "年" + what + "相比，", "较上年": "年" + what, "同比": "年同期相比，"}[cw]
        return pre + [cmpy, post, w1, chg, X + "，", w2, pc, "%" + why]

    lei_codes = [t[0] for t in f["tree"]]
    L = f["leafs"]

    def agg(codes, fld):
        return sum(L[c][fld] for c in codes)

    # ---------- part 1: 概况 ----------
    d.h(0, f["dept"] + "%d年度部门%s" % (Y, KW) if not B else f["dept"] + "%d年部门预算" % Y)
    parts = [("gk", "部门概况"), ("sm", "%d年%s部门%s情况说明" % (Y, "" if B else "度", KW)), ("qt", "其他重要事项情况说明"),
             ("mc", "名词解释"), ("bb", "%d年%s部门%s表" % (Y, "" if B else "度", KW))]
    if o["tables_first"]:
        parts = [parts[0], parts[4], parts[1], parts[2], parts[3]]
    d.h(1, "目录")
    for i, (k, nm) in enumerate(parts, 1):
        d.p(P(i) + nm)
        if k == "bb":
            for kk in order:
                d.p(title[kk])
                d.toc.append(title[kk])

    def part_gk(i):
        d.h(1, P(i) + "部门概况")
        d.h(2, S(1) + "主要职能")
        d.p("%s是负责本地区相关工作的政府工作部门，主要贯彻执行党和国家的方针政策及法律法规，拟订并组织实施本行业发展规划，承担本级政府交办的其他任务。" % f["dept"])
        d.h(2, S(2) + "机构设置及" + ("预算" if B else "决算") + "单位构成")
        tot = f["staff_admin"] + f["staff_inst"]
        d.cur_loc = "text"
        n_all = d.cnt("staff", tot, "实有人数")
        a = d.cnt("staff_admin", f["staff_admin"], "行政人员")
        b = d.cnt("staff_inst", f["staff_inst"], "事业人员")
        bz = d.cnt("bianzhi", f["bianzhi"])
        d.sum_(n_all, [a, b], role=False)
        if f["sub"]:
            d.p("纳入本部门%s编制范围的单位共2个，包括：%s本级和所属事业单位%s。" % (KW, f["dept"], f["subname"]))
        else:
            d.p("本部门%s仅包括%s本级，无下属预算单位。" % (KW, f["dept"]))
        d.p("本部门核定编制", bz, "人，实有人数", n_all, "人，其中：行政人员", a, "人、事业人员", b, "人；离退休人员", d.cnt("retired", f["retired"]), "人。")
        if f["sub"]:
            ta = Table("dw", "单位构成情况表", "单位：人", [[("序号", 1, 1), ("单位名称", 1, 1), ("单位性质", 1, 1), ("实有人数", 1, 1)]], 4)
            d.cur_loc = "table"
            c1, c2 = d.cnt("staff_admin", f["staff_admin"]), d.cnt("staff_inst", f["staff_inst"])
            ct = d.cnt("staff", tot)
            ta.rows = [["1", f["dept"] + "本级", "行政单位", c1], ["2", f["subname"], "事业单位", c2], ["", "合计", "", ct]]
            d.sum_(ct, [c1, c2])
            d.table(ta)

    # ---------- tables ----------
    def tables(i):
        d.h(1, P(i) + parts[[k for k, _ in parts].index("bb")][1])
        uname = "单位：" + o["tunit"]
        for k in order:
            if k == missing:
                continue
            fnc = TB[k]
            fnc(title[k], uname)

    def t_szb(tt, un):
        d.cur_loc = "table"
        amtcol = "预算数" if B else "决算数"
        inc_items = [("一般公共预算拨款收入" if B else "一般公共预算财政拨款收入", "gp_inc", f["gp_inc"]), ("政府性基金预算拨款收入" if B else "政府性基金预算财政拨款收入", "gf_inc", 0),
                     ("国有资本经营预算拨款收入" if B else "国有资本经营预算财政拨款收入", "gz_inc", 0), ("事业收入", "sy", f["sy"]), ("其他收入", "qt", f["qt"])]
        exp_items = [(f["names"][c], "lei.%s.total" % c, agg(ls, "total")) for c, _, _, _, ls in f["tree"]]
        inc_f = [(nm, tfig(k, v)) for nm, k, v in inc_items]
        exp_f = [(nm, tfig(k, v)) for nm, k, v in exp_items]
        ti, te = tfig("inc", f["inc"]), tfig("exp", f["exp"])
        d.sum_(ti, [x for _, x in inc_f])
        d.sum_(te, [x for _, x in exp_f])
        c0, c1 = tfig("c0", f["c0"]), tfig("c1", f["c1"])
        gi, ge = tfig("grand", f["grand"]), tfig("grand", f["grand"])
        d.sum_(gi, [ti, c0])
        d.sum_(ge, [te, c1])
        c0n = "上年结转" if B else "年初结转和结余"
        c1n = "结转下年" if B else "年末结转和结余"
        if o["szb2"]:
            t = Table("szb", tt, un, [[("收入", 2, 1), ("支出", 2, 1)], [("项目", 1, 1), (amtcol, 1, 1), ("项目", 1, 1), (amtcol, 1, 1)]], 4)
            n = max(len(inc_f), len(exp_f))
            for j in range(n):
                a = inc_f[j] if j < len(inc_f) else ("", "")
                b = exp_f[j] if j < len(exp_f) else ("", "")
                t.rows.append([("%s、" % cnnum(j + 1) + a[0]) if a[0] else "", a[1], b[0], b[1]])
            t.rows += [["本年收入合计", ti, "本年支出合计", te], [c0n, c0, c1n, c1], ["收入总计", gi, "支出总计", ge]]
        else:
            t = Table("szb", tt, un, [[("项目", 1, 1), (amtcol, 1, 1)]], 2)
            t.rows.append(["收入", ""])
            t.rows += [[nm, x] for nm, x in inc_f] + [["本年收入合计", ti], [c0n, c0], ["收入总计", gi], ["支出", ""]]
            t.rows += [[nm, x] for nm, x in exp_f] + [["本年支出合计", te], [c1n, c1], ["支出总计", ge]]
        d.table(t)

    def t_sr(tt, un):
        hdr = [("单位名称" if f["sub"] else "项目", 1, 1), ("合计", 1, 1), ("一般公共预算拨款收入" if B else "财政拨款收入", 1, 1), ("事业收入", 1, 1), ("其他收入", 1, 1), ("上年结转" if B else "年初结转和结余", 1, 1)]
        t = Table("sr", tt, un, [hdr], 6)
        rows = [("合计", 1.0)] + ([(f["dept"] + "本级", None), (f["subname"], None)] if f["sub"] else [])
        tot = [tfig("inc_c0", f["inc"] + f["c0"]), tfig("gp_inc", f["gp_inc"]), tfig("sy", f["sy"]), tfig("qt", f["qt"]), tfig("c0", f["c0"])]
        d.sum_(tot[0], tot[1:])
        t.rows.append(["合计"] + tot)
        if f["sub"]:
            subv, ownv = f["subv"], f["ownv"]
            for nm, vv, kk in ((f["dept"] + "本级", ownv, "own"), (f["subname"], subv, "subu")):
                cells = [tfig(None, x) for x in vv]
                rt = tfig("%s.inc_c0" % kk, sum(vv))
                d.sum_(rt, cells)
                t.rows.append([nm, rt] + cells)
            for ci in range(5):
                d.sum_(tot[ci], [t.rows[1][ci + 1], t.rows[2][ci + 1]], role=False)
        d.table(t)

    def func_rows(t, cols, keyf, with_code):
        """cols: list of field names; returns row list; registers tree sums."""
        tot = [tfig(keyf(None, c), sum(agg(ls, c) for _, _, _, _, ls in f["tree"])) for c in cols]
        allrows = []
        leis = []
        for lc, ln, kc, kn, ls in f["tree"]:
            lf = [tfig(keyf(lc, c), agg(ls, c)) for c in cols]
            kf = [tfig(keyf(kc, c), agg(ls, c)) for c in cols]
            leafs = []
            rows = [(lc, ln, lf), (kc, kn, kf)]
            for c in ls:
                ff = [tfig(keyf(c, cc), L[c][cc]) for cc in cols]
                leafs.append(ff)
                rows.append((c, f["names"][c], ff))
            for ci in range(len(cols)):
                d.sum_(lf[ci], [kf[ci]])
                d.sum_(kf[ci], [x[ci] for x in leafs])
            leis.append(lf)
            allrows += rows
        for ci in range(len(cols)):
            d.sum_(tot[ci], [x[ci] for x in leis])
        return tot, allrows

    def code_cells(code, name):
        s = o["codes"]
        if s == "split":
            return [code, name]
        if s == "indent":
            return [{3: "", 5: "  ", 7: "    "}[len(code)] + name]
        return [code + " " + name]

    def code_hdr():
        return [("科目编码", 1, 2), ("科目名称", 1, 2)] if o["codes"] == "split" else [("功能分类科目", 1, 2)]

    def t_zc(tt, un):
        d.cur_loc = "table"
        cols = ["total", "basic", "proj"]

        def kf(code, c):
            if code is None:
                return {"total": "exp", "basic": "basic", "proj": "proj"}[c]
            codes = [x for x in L if x.startswith(code)]
            nf = sum(L[x]["nf"] for x in codes)
            if c == "total":
                return ("gp.%s.total" % code) if nf == 0 else ("all.%s.total" % code)
            if c == "basic":
                return "gp.%s.basic" % code
            return ("gp.%s.proj" % code) if nf == 0 else ("all.%s.proj" % code)
        tot, rows = func_rows(None, cols, kf, True)
        ch = code_hdr()
        nc = len(ch)
        t = Table("zc", tt, un, [[(h, 1, 1) for h, _, _ in ch] + [("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)]], nc + 3)
        t.rows.append(["合计"] + [""] * (nc - 1) + tot if o["codes"] != "split" else ["", "合计"] + tot)
        for code, name, ff in rows:
            t.rows.append(code_cells(code, name) + ff)
            d.sum_(ff[0], ff[1:], role=False)
        d.sum_(tot[0], tot[1:], role=False)
        if o["split"]:
            t.split_at = len(t.rows) // 2 + 1
        d.table(t)

    def t_cz(tt, un):
        d.cur_loc = "table"
        gi = tfig("gp_inc", f["gp_inc"])
        c0, c1 = tfig("c0", f["c0"]), tfig("c1", f["c1"])
        fi, fe = tfig("fz_grand", f["gp_inc"] + f["c0"]), tfig("fz_grand", f["gp_inc"] + f["c0"])
        ex = [(f["names"][lc], tfig("gp.%s.total" % lc if True else None, agg(ls, "gp"))) for lc, _, _, _, ls in f["tree"]]
        ge = tfig("gp_exp", f["gp_exp"])
        d.sum_(ge, [x for _, x in ex])
        ri = tfig("gp_inc", f["gp_inc"])
        d.sum_(ri, [gi, tfig("gf_inc", 0)])
        d.sum_(fi, [ri, c0])
        d.sum_(fe, [ge, c1])
        hdr = [[("收入", 2, 1), ("支出", 2, 1)], [("项目", 1, 1), ("预算数" if B else "决算数", 1, 1), ("项目", 1, 1), ("预算数" if B else "决算数", 1, 1)]]
        t = Table("cz", tt, un, hdr, 4)
        t.rows = [["一、本年收入", ri, "一、本年支出", ge], ["（一）一般公共预算拨款", gi, "", ""], ["（二）政府性基金预算拨款", t_zero(), "", ""]]
        t.rows[2][1] = d.figs[d.idents[-3]["parts"][1]]
        for nm, fg in ex:
            t.rows.append(["", "", nm, fg])
        t.rows += [["二、上年结转" if B else "二、年初财政拨款结转和结余", c0, "二、结转下年" if B else "二、年末财政拨款结转和结余", c1], ["收入总计", fi, "支出总计", fe]]
        d.table(t)

    def t_zero():
        return ""

    def t_gp(tt, un):
        d.cur_loc = "table"
        L2 = {c: dict(v) for c, v in L.items()}
        for c, v in L2.items():
            v["gpb"] = v["basic"]
            v["gpp"] = v["gp"] - v["basic"]
            v["gpt"] = v["gp"]
            v["prev"] = f["prev"]["leaf"][c]
            v["bud"] = f.get("bud", {}).get(c, 0)
        saved = dict(L)
        L.clear()
        L.update(L2)
        cols = (["bud"] if (not B and o["budcols"]) else []) + (["prev"] if (B and o["budcols"]) else []) + ["gpt", "gpb"] + (["pers", "pub"] if o["merged"] else []) + ["gpp"]

        def kf(code, c):
            base = {"gpt": "total", "gpb": "basic", "gpp": "proj", "pers": "pers", "pub": "pub", "prev": "prev", "bud": "bud"}[c]
            if code is None:
                return {"gpt": "gp_exp", "gpb": "basic", "gpp": "gp_proj", "pers": "pers_total", "pub": "pub_total", "prev": "prev.gp_exp", "bud": "bud_gp"}[c]
            return "gp.%s.%s" % (code, base) if base not in ("prev", "bud") else "%s.%s" % (base, code)
        tot, rows = func_rows(None, cols, kf, True)
        L.clear()
        L.update(saved)
        ch = code_hdr()
        nc = len(ch)
        h1 = [(h, a, 2) for h, a, _ in ch]
        h2 = []
        for c in cols:
            if c == "gpb":
                if o["merged"]:
                    h1.append(("基本支出", 3, 1))
                    h2 += [("小计", 1, 1), ("人员经费", 1, 1), ("公用经费", 1, 1)]
                else:
                    h1.append(("基本支出", 1, 2))
            elif c in ("pers", "pub"):
                continue
            else:
                h1.append(({"gpt": "本年支出合计" if B else "决算数合计", "gpp": "项目支出", "prev": "上年预算数", "bud": "年初预算数"}[c], 1, 2))
        comp = (not B) and o["budcols"]
        if comp:
            h1.append(("完成率（%）", 1, 2))
        hdr = [h1, h2] if h2 else [[(a, b, 1) for a, b, _ in h1]]
        t = Table("gp", tt, un, hdr, nc + len(cols) + (1 if comp else 0))
        ig = cols.index("gpt")
        ib = cols.index("gpb")

        def rowsum(ff):
            d.sum_(ff[ig], [ff[ib], ff[cols.index("gpp")]], role=False)
            if o["merged"]:
                d.sum_(ff[ib], [ff[cols.index("pers")], ff[cols.index("pub")]], role=False)

        def compl(ff):
            if not comp:
                return []
            bf, af = ff[cols.index("bud")], ff[ig]
            if d.val(bf) == 0 if bf.text else True:
                return ["—"]
            pc = d.pct_of(af, bf)
            d.ident(t="ratio", num=af.id, den=bf.id, pct=pc.id)
            return [pc]
        rowsum(tot)
        t.rows.append((["合计"] + [""] * (nc - 1) if o["codes"] != "split" else ["", "合计"]) + tot + compl(tot))
        for code, name, ff in rows:
            rowsum(ff)
            t.rows.append(code_cells(code, name) + ff + compl(ff))
        if o["split"]:
            t.split_at = len(t.rows) // 2 + 1
        d.table(t)

    def t_jb(tt, un):
        d.cur_loc = "table"
        pf = {c: tfig("e.%s" % c, f["pers"][c]) for c, _, _ in PERS}
        uf = {c: tfig("e.%s" % c, f["pub"][c]) for c, _, _ in PUB}
        g301 = tfig("e.301", sum(v for c, v in f["pers"].items() if c.startswith("301")))
        g303 = tfig("e.303", sum(v for c, v in f["pers"].items() if c.startswith("303")))
        g302 = tfig("e.302", f["pub_total"])
        d.sum_(g301, [v for c, v in pf.items() if c.startswith("301")])
        d.sum_(g303, [v for c, v in pf.items() if c.startswith("303")])
        d.sum_(g302, list(uf.values()))
        tp, tu = tfig("pers_total", f["pers_total"]), tfig("pub_total", f["pub_total"])
        d.sum_(tp, [g301, g303])
        d.sum_(tu, [g302])
        ta = tfig("basic", f["basic"])
        d.sum_(ta, [tp, tu])
        nm = {c: n for c, n, _ in PERS + PUB}
        if o["jbside"]:
            t = Table("jb", tt, un, [[("人员经费", 3, 1), ("公用经费", 3, 1)], [("经济科目编码", 1, 1), ("科目名称", 1, 1), ("金额", 1, 1)] * 2], 6)
            left = [("301", "工资福利支出", g301)] + [(c, nm[c], pf[c]) for c in pf if c.startswith("301")] + [("303", "对个人和家庭的补助", g303)] + [(c, nm[c], pf[c]) for c in pf if c.startswith("303")]
            right = [("302", "商品和服务支出", g302)] + [(c, nm[c], uf[c]) for c in uf]
            for j in range(max(len(left), len(right))):
                a = left[j] if j < len(left) else ("", "", "")
                b = right[j] if j < len(right) else ("", "", "")
                t.rows.append(list(a) + list(b))
            t.rows.append(["", "人员经费合计", tp, "", "公用经费合计", tu])
            t.note = "基本支出合计：%s%s" % (ta.text, o["tunit"])
            t.rows.append(["", "基本支出合计", ta, "", "", ""])
        else:
            t = Table("jb", tt, un, [[("经济科目编码", 1, 1), ("科目名称", 1, 1), ("合计", 1, 1)]], 3)
            t.rows.append(["", "合计", ta])
            t.rows.append(["", "人员经费", tp])
            t.rows.append(["301", "工资福利支出", g301])
            t.rows += [[c, nm[c], pf[c]] for c in pf if c.startswith("301")]
            t.rows.append(["303", "对个人和家庭的补助", g303])
            t.rows += [[c, nm[c], pf[c]] for c in pf if c.startswith("303")]
            t.rows.append(["", "公用经费", tu])
            t.rows.append(["302", "商品和服务支出", g302])
            t.rows += [[c, nm[c], uf[c]] for c in uf]
            if o["split"]:
                t.split_at = len(t.rows) // 2
        d.table(t)

    def sg_row(pref, vals):
        ff = {k: tfig(pref + k, vals[k]) for k in ("sg", "sg_abroad", "sg_car", "sg_buy", "sg_run", "sg_rec")}
        d.sum_(ff["sg"], [ff["sg_abroad"], ff["sg_car"], ff["sg_rec"]])
        d.sum_(ff["sg_car"], [ff["sg_buy"], ff["sg_run"]])
        return [ff[k] for k in ("sg", "sg_abroad", "sg_car", "sg_buy", "sg_run", "sg_rec")]

    def t_sg(tt, un):
        d.cur_loc = "table"
        hdr = [[("项目", 1, 2), ("合计", 1, 2), ("因公出国（境）费", 1, 2), ("公务用车购置及运行费", 3, 1), ("公务接待费", 1, 2)],
               [("小计", 1, 1), ("公务用车购置费", 1, 1), ("公务用车运行费", 1, 1)]]
        t = Table("sg", tt, un, hdr if o["merged"] or rng.random() < 0.5 else hdr, 7)
        cur = {k: f[k] for k in ("sg", "sg_abroad", "sg_car", "sg_buy", "sg_run", "sg_rec")}
        if B:
            t.rows.append(["%d年预算数" % Y] + sg_row("", cur))
            t.rows.append(["%d年预算数" % (Y - 1)] + sg_row("prev.", f["prev"]))
        else:
            t.rows.append(["预算数"] + sg_row("bud.", f["bud_sg"]))
            t.rows.append(["决算数"] + sg_row("", cur))
            if o["tstyle"] == 1:
                t.ncols = 8
                t.header[0].append(("机关运行经费", 1, 2))
                t.rows[0].append(tfig("bud.jgyx", 0) if False else "")
                t.rows[1].append(tfig("jgyx", f["jgyx"]))
        d.table(t)

    def t_empty(key):
        def fn(tt, un):
            d.cur_loc = "table"
            t = Table(key, tt, un, [[("科目编码", 1, 1), ("科目名称", 1, 1), ("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)]], 5)
            t.rows.append(["", "合计", "", "", ""])
            what = "政府性基金预算" if key == "jj" else "国有资本经营预算"
            t.note = "注：本部门%d年没有使用%s财政拨款安排的支出，故本表无数据。" % (Y, what)
            d.table(t)
        return fn

    def t_jx(tt, un):
        d.cur_loc = "table"
        if B:
            t = Table("jx", tt, un, [[("项目", 1, 1), ("内容", 3, 1)]], 4)
            a = tfig("exp", f["exp"])
            g = tfig("gp_exp", f["gp_exp"])
            n = tfig("nf_exp", f["nf"])
            d.sum_(a, [g, n])
            t.rows += [["年度资金总额", a, "", ""], ["其中：财政拨款", g, "", ""], ["其他资金", n, "", ""]]
            t.rows.append(["一级指标", "二级指标", "三级指标", "指标值"])
            t.rows += [["产出指标", "数量指标", "办理业务事项数", "≥%d件" % rng.randint(800, 5000)], ["产出指标", "时效指标", "按时办结率", "≥98%"],
                       ["效益指标", "社会效益指标", "营商环境持续优化", "有所提升"], ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥%d%%" % rng.choice([90, 95])]]
            f["_perf"] = a
        else:
            t = Table("jx", tt, un, [[("项目", 1, 1), ("全年预算数（A）", 1, 1), ("全年执行数（B）", 1, 1), ("分值", 1, 1), ("执行率（B/A）", 1, 1), ("得分", 1, 1)]], 6)
            A = f["bud_gp"] + f["nf"] + f["c0"]
            af, bf = tfig("perf.A", A), tfig("exp", f["exp"])
            pc = d.pct_of(bf, af)
            d.ident(t="ratio", num=bf.id, den=af.id, pct=pc.id)
            d.cur_loc = "table"
            s10 = d.cnt(None, 10)
            sc = min(10, int(float(pc.text) / 10)) if float(pc.text) < 100 else 10
            s_sc = d.cnt(None, sc)
            d.ident(t="le", a=s_sc.id, b=s10.id)
            t.rows.append(["年度资金总额", af, bf, s10, pc, s_sc])
            g = tfig("gp_exp", f["gp_exp"])
            n = tfig("nf_exp", f["nf"] + f["c0"] - f["c1"] if False else f["exp"] - f["gp_exp"])
            d.sum_(bf, [g, n], role=False)
            t.rows.append(["其中：当年财政拨款", "", g, "—", "", "—"])
            t.rows.append(["其他资金", "", n, "—", "", "—"])
            t.rows.append(["一级指标", "三级指标", "实际完成值", "分值", "年度指标值", "得分"])
            ws = [30, 20, 20, 20]
            inds = [("产出指标", "办理业务事项数"), ("产出指标", "按时办结率"), ("效益指标", "营商环境持续优化"), ("满意度指标", "服务对象满意度")]
            wf, sf = [], []
            for (a1, a3), w in zip(inds, ws):
                wfg, sfg = d.cnt(None, w), d.cnt(None, w - rng.choice([0, 0, 1, 2]))
                d.ident(t="le", a=sfg.id, b=wfg.id)
                wf.append(wfg)
                sf.append(sfg)
                t.rows.append([a1, a3, "达成", wfg, "达成", sfg])
            w_all = d.cnt(None, 100)
            d.sum_(w_all, wf + [s10], role=False)
            d.ident(t="sum", total=d.cnt("perf.score", sum(int(x.text) for x in sf) + sc).id, parts=[x.id for x in sf] + [s_sc.id])
            t.rows.append(["总分", "", "", w_all, "", d.figs[d.idents[-1]["total"]]])
            f["_perf"] = bf
        d.table(t)

    def t_qt(tt, un):
        d.cur_loc = "table"
        t = Table("qt", tt, un + "、辆、台（套）", [[("项目", 1, 1), ("金额（数量）", 1, 1)]], 2)
        j = tfig("jgyx", f["jgyx"])
        pc = f["pc"]
        tot = tfig("pc.total", pc["total"])
        parts = [tfig("pc.goods", pc["goods"]), tfig("pc.works", pc["works"]), tfig("pc.serv", pc["serv"])]
        d.sum_(tot, parts)
        sme, mic = tfig("pc.sme", pc["sme"]), tfig("pc.micro", pc["micro"])
        d.cur_loc = "table"
        cars = [d.cnt("car.%s" % k, v) for k, v in f["cars"].items()]
        ct = d.cnt("car.total", sum(f["cars"].values()))
        d.sum_(ct, cars)
        t.rows = [["一、机关运行经费支出", j], ["二、政府采购支出合计", tot], ["1.货物", parts[0]], ["2.工程", parts[1]], ["3.服务", parts[2]],
                  ["授予中小企业合同金额", sme], ["其中：授予小微企业合同金额", mic], ["三、车辆数合计（辆）", ct]]
        t.rows += [["%s（辆）" % k, c] for k, c in zip(f["cars"], cars)]
        t.rows.append(["单价50万元以上通用设备（台）", d.cnt("equip50", f["equip50"])])
        d.table(t)

    TB = {"szb": t_szb, "sr": t_sr, "zc": t_zc, "cz": t_cz, "gp": t_gp, "jb": t_jb, "sg": t_sg, "jj": t_empty("jj"), "gz": t_empty("gz"), "jx": t_jx, "qt": t_qt}

    # ---------- narrative ----------
    def part_sm(i):
        d.h(1, P(i) + parts[[k for k, _ in parts].index("sm")][1])
        k = 0

        def sec(name):
            nonlocal k
            k += 1
            d.h(2, S(k) + name)
        sec("收入支出%s总体情况说明" % KW)
        g = xfig("grand", f["grand"])
        d.p(*(["%d年度" % Y if not B else "%d年" % Y, "收入总计", g, X + "，支出总计", xfig("grand", f["grand"]), X] + growth(g, f["grand"], f["prev"]["grand"], "prev.grand", "A") + ["。"]))
        if f["sub"] and "own_inc" in f:
            a = xfig("inc", f["inc"])
            o1, o2 = xfig(None, f["own_inc"]), xfig(None, f["sub_inc"])
            d.sum_(a, [o1, o2], role=False)
            d.p("全部门本年收入合计", a, X + "，其中：本级", o1, X + "，" + f["subname"], o2, X + "。")
        sec("收入%s情况说明" % KW)
        inc = xfig("inc", f["inc"])
        segs = ["本年收入合计", inc, X + "，其中："]
        pp = []
        for nm, key, v in (("一般公共预算拨款收入" if B else "财政拨款收入", "gp_inc", f["gp_inc"]), ("事业收入", "sy", f["sy"]), ("其他收入", "qt", f["qt"])):
            if v == 0 and nm != "其他收入":
                continue
            fg = xfig(key, v)
            pp.append(fg)
            pc = d.pct_of(fg, inc)
            d.ident(t="share", num=fg.id, den=inc.id, pct=pc.id)
            segs += [nm, fg, X + "，占", pc, "%；"]
        d.sum_(inc, pp, role=False)
        segs[-1] = segs[-1].rstrip("；") + "。"
        d.p(*segs)
        if f["c0"]:
            d.p("另有" + ("上年结转" if B else "年初结转和结余"), xfig("c0", f["c0"]), X + "。")
        sec("支出%s情况说明" % KW)
        e = xfig("exp", f["exp"])
        b, pj = xfig("basic", f["basic"]), xfig("proj", f["proj"])
        d.sum_(e, [b, pj], role=False)
        pb, pp_ = d.pct_of(b, e), d.pct_of(pj, e)
        d.ident(t="share", num=b.id, den=e.id, pct=pb.id)
        d.ident(t="share", num=pj.id, den=e.id, pct=pp_.id)
        d.p(*(["本年支出合计", e, X] + growth(e, f["exp"], f["prev"]["exp"], "prev.exp", o["gvar"]) + ["。其中：基本支出", b, X + "，占", pb, "%；项目支出", pj, X + "，占", pp_, "%。"]))
        sec("财政拨款收入支出%s总体情况说明" % KW)
        fz = xfig("fz_grand", f["gp_inc"] + f["c0"])
        d.p("%d年%s财政拨款收支总计" % (Y, "" if B else "度"), fz, X + "。其中一般公共预算财政拨款支出", xfig("gp_exp", f["gp_exp"]), X + "，政府性基金预算财政拨款支出0" + ("" if X == "元" else "") + X + "。")
        sec("一般公共预算财政拨款支出%s情况说明" % KW)
        ge = xfig("gp_exp", f["gp_exp"])
        sh = d.pct_of(ge, xfig("exp", f["exp"]))
        d.ident(t="share", num=ge.id, den=d.figs["f%d" % (d.n - 1)].id, pct=sh.id)
        segs = ["一般公共预算财政拨款支出", ge, X + "，占本年支出合计", d.figs["f%d" % (d.n - 1)], X + "的", sh, "%"] + growth(ge, f["gp_exp"], f["prev"]["gp_exp"], "prev.gp_exp", "A" if o["gvar"] == "B" else "B") + ["。"]
        d.p(*segs)
        if not B:
            bg = xfig("bud_gp", f["bud_gp"])
            pc = d.pct_of(ge, bg)
            d.ident(t="ratio", num=ge.id, den=bg.id, pct=pc.id)
            d.p("年初预算为", bg, X + "，支出决算为", ge, X + "，完成年初预算的", pc, "%。")
        d.p("按支出功能分类科目，具体情况如下：")
        j = 0
        for lc, ln, kc, kn, ls in f["tree"]:
            for c in ls:
                j += 1
                v = L[c]["gp"]
                fg = xfig("gp.%s.total" % c, v)
                lead = ["（%d）%s（类）%s（款）%s（项）" % (j, ln, kn, f["names"][c]) if o["sstyle"] != "paren" else "%d.%s（类）%s（款）%s（项）" % (j, ln, kn, f["names"][c])]
                if B:
                    d.p(*(lead + ["预算数为", fg, X] + growth(fg, v, f["prev"]["leaf"][c], "prev.%s" % c, "A" if j % 2 else "B", reason=False) + ["。"]))
                else:
                    bv = f["bud"][c]
                    bf = xfig("bud.%s" % c, bv)
                    if bv == 0:
                        if plan == "zero-base" and not getattr(d, "planted", None):
                            pc = d._new(kind="pct", key=None, text="100" + ("." + "0" * o["pdec"] if o["pdec"] else ""), dec=o["pdec"])
                            d.ident(t="ratio", num=fg.id, den=bf.id, pct=pc.id)
                            d.planted = {"class": "zero-base", "where": None, "alt": [], "stated": pc.text + "%", "expected": "无法计算（年初预算为0）",
                                         "note": "completion rate of a zero budget", "_fid": pc.id}
                            d.p(*(lead + ["年初预算为", bf, X + "，支出决算为", fg, X + "，完成年初预算的", pc, "%。"]))
                        else:
                            d.p(*(lead + ["年初预算为", bf, X + "，支出决算为", fg, X + "，决算数大于年初预算数的主要原因是年中追加预算。"]))
                    else:
                        pc = d.pct_of(fg, bf)
                        d.ident(t="ratio", num=fg.id, den=bf.id, pct=pc.id)
                        d.p(*(lead + ["年初预算为", bf, X + "，支出决算为", fg, X + "，完成年初预算的", pc, "%。"]))
        sec("一般公共预算财政拨款基本支出%s情况说明" % KW)
        b = xfig("basic", f["basic"])
        pe, pu = xfig("pers_total", f["pers_total"]), xfig("pub_total", f["pub_total"])
        d.sum_(b, [pe, pu], role=False)
        big = sorted(PERS, key=lambda x: -f["pers"][x[0]])[:3]
        items = [xfig("e.%s" % c, f["pers"][c]) for c, _, _ in big]
        d.ident(t="lesum", total=pe.id, parts=[x.id for x in items])
        segs = ["一般公共预算财政拨款基本支出", b, X + "，其中：人员经费", pe, X + "，主要包括："]
        for (c, nm, _), x in zip(big, items):
            segs += [nm, x, X + "、"]
        segs[-1] = X + "等；公用经费"
        segs += [pu, X + "，主要包括：办公费、印刷费、水电费、邮电费、差旅费、公务接待费、公务用车运行维护费等。"]
        d.p(*segs)
        f["_lesum"] = d.idents[-1]
        sec("财政拨款“三公”经费支出%s情况说明" % KW)
        sgf = xfig("sg", f["sg"])
        ab, car, rec = xfig("sg_abroad", f["sg_abroad"]), xfig("sg_car", f["sg_car"]), xfig("sg_rec", f["sg_rec"])
        buy, run = xfig("sg_buy", f["sg_buy"]), xfig("sg_run", f["sg_run"])
        d.sum_(sgf, [ab, car, rec], role=False)
        d.sum_(car, [buy, run], role=False)
        f["_sgtext"] = sgf
        if B:
            d.p(*(["%d年一般公共预算“三公”经费预算" % Y, sgf, X] + growth(sgf, f["sg"], f["prev"]["sg"], "prev.sg", "A") + ["。其中："]))
        else:
            bs = xfig("bud.sg", f["bud_sg"]["sg"])
            pc = d.pct_of(sgf, bs)
            d.ident(t="ratio", num=sgf.id, den=bs.id, pct=pc.id)
            d.p(*(["%d年度财政拨款“三公”经费支出年初预算为" % Y, bs, X + "，支出决算为", sgf, X + "，完成预算的", pc, "%"] + growth(sgf, f["sg"], f["prev"]["sg"], "prev.sg", "B", reason=False) + ["。其中："]))
        d.p(*(["1.因公出国（境）费", ab, X] + growth(ab, f["sg_abroad"], f["prev"]["sg_abroad"], "prev.sg_abroad", "B", reason=False) + ["。"]))
        d.p(*(["2.公务用车购置及运行费", car, X + "，其中：公务用车购置费", buy, X + "，公务用车运行费", run, X] + growth(run, f["sg_run"], f["prev"]["sg_run"], "prev.sg_run", "B", reason=False) + ["。"]))
        d.p(*(["3.公务接待费", rec, X] + growth(rec, f["sg_rec"], f["prev"]["sg_rec"], "prev.sg_rec", "A") + ["。"]))
        for nm in ("政府性基金预算", "国有资本经营预算"):
            sec(nm + "财政拨款支出%s情况说明" % KW)
            d.p("本部门%d年没有使用%s财政拨款安排的支出。" % (Y, nm))

    def part_qt(i):
        d.h(1, P(i) + "其他重要事项情况说明")
        k = 0

        def sec(name):
            nonlocal k
            k += 1
            d.h(2, S(k) + name)
        sec("机关运行经费" + ("预算" if B else "支出") + "情况")
        j = xfig("jgyx", f["jgyx"])
        d.ident(t="le", a=j.id, b=xfig("pub_total", f["pub_total"]).id)
        d.p(*(["%d年本部门机关运行经费%s" % (Y, "预算" if B else "支出"), j, X] + growth(j, f["jgyx"], f["prev"]["jgyx"], "prev.jgyx", o["gvar"]) + ["。"]))
        sec("政府采购" + ("预算" if B else "支出") + "情况")
        pc = f["pc"]
        tot = xfig("pc.total", pc["total"])
        parts = [xfig("pc.goods", pc["goods"]), xfig("pc.works", pc["works"]), xfig("pc.serv", pc["serv"])]
        d.sum_(tot, parts, role=False)
        if B:
            d.p("%d年本部门政府采购预算总额" % Y, tot, X + "，其中：政府采购货物预算", parts[0], X + "、政府采购工程预算", parts[1], X + "、政府采购服务预算", parts[2], X + "。")
        else:
            sme, mic = xfig("pc.sme", pc["sme"]), xfig("pc.micro", pc["micro"])
            s1, s2 = d.pct_of(sme, tot), d.pct_of(mic, tot)
            d.ident(t="share", num=sme.id, den=tot.id, pct=s1.id)
            d.ident(t="share", num=mic.id, den=tot.id, pct=s2.id)
            d.ident(t="le", a=sme.id, b=tot.id)
            d.ident(t="le", a=mic.id, b=sme.id)
            d.p("%d年度本部门政府采购支出总额" % Y, tot, X + "，其中：政府采购货物支出", parts[0], X + "、政府采购工程支出", parts[1], X + "、政府采购服务支出", parts[2],
                X + "。授予中小企业合同金额", sme, X + "，占政府采购支出总额的", s1, "%，其中：授予小微企业合同金额", mic, X + "，占政府采购支出总额的", s2, "%。")
        sec("国有资产占用情况")
        d.cur_loc = "text"
        cars = [d.cnt("car.%s" % kk, v, kk) for kk, v in f["cars"].items()]
        ct = d.cnt("car.total", sum(f["cars"].values()))
        d.sum_(ct, cars, role=False)
        segs = ["截至%d年12月31日，本部门共有车辆" % (Y - 1 if B else Y), ct, "辆，其中："]
        for kk, c in zip(f["cars"], cars):
            segs += [kk, c, "辆、"]
        segs[-1] = "辆；单价50万元以上通用设备"
        segs += [d.cnt("equip50", f["equip50"]), "台（套），单价100万元以上专用设备0台（套）。"]
        d.p(*segs)
        sec("预算绩效" + ("管理" if B else "") + "情况")
        npj = f["nproj_perf"]
        if B:
            d.p("%d年本部门实行绩效目标管理的项目%d个，涉及一般公共预算当年拨款" % (Y, npj), xfig("gp_proj", f["gp_exp"] - f["basic"]), X + "，实现了项目支出绩效目标全覆盖。部门整体绩效目标见附表。")
        else:
            d.p("本部门组织对%d年度一般公共预算项目支出全面开展绩效自评，共涉及项目%d个，资金" % (Y, npj), xfig("gp_proj", f["gp_exp"] - f["basic"]), X + "。部门整体支出绩效自评结果见部门整体支出绩效自评表。")

    def part_mc(i):
        d.h(1, P(i) + "名词解释")
        gl = [("财政拨款收入", "指本级财政当年拨付的资金。"), ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"),
              ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
              ("“三公”经费", "指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"),
              ("机关运行经费", "指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项公用经费。")]
        if not B:
            gl.insert(1, ("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"))
        for j, (a, b) in enumerate(gl, 1):
            d.p("%d.%s：%s" % (j, a, b))
        d.p("如对本公开内容有疑问，请联系%s办公室，联系电话：0%d-%d。" % (f["dept"], rng.randint(100, 999), rng.randint(2000000, 8999999)))

    PARTS = {"gk": part_gk, "sm": part_sm, "qt": part_qt, "mc": part_mc, "bb": tables}
    for i, (k, _) in enumerate(parts, 1):
        PARTS[k](i)
    return d
