"""The standard tables of a budget / final disclosure, registered cell by cell."""
from data5 import (
    CLASS_NAMES,
    ECON_CLASS,
    FAMILY_ITEMS,
    KUAN_NAMES,
    PERSON_ITEMS,
    PUBLIC_ITEMS,
    cn,
)

SG = "“三公”"


class TableMaker:
    def __init__(self, b):
        self.b, self.F, self.d, self.o, self.rng = b, b.F, b.d, b.o, b.rng
        self.Y = b.Y
        self.bud = b.bud
        self.n = 0

    def title(self, name):
        self.n += 1
        st = self.o["title_prefix"]
        if st == "cn":
            return f"{cn(self.n)}、{name}"
        if st == "biao":
            return f"表{self.n}：{self.Y}年{name}"
        return f"附表{self.n} {name}"

    def T(self, title, key, fen, zero_blank=None):
        zb = self.o["zero_blank"] if zero_blank is None else zero_blank
        if key is None or fen == 0:
            key = None if fen == 0 and key is None else key
        return self.d.amt(key, fen, loc=title, zero_blank=zb)

    def unit_label(self):
        return f"单位：{self.o['tab_unit']}"

    def new(self, name, header, note=None):
        t = self.title(name)
        return dict(title=t, name=name, header=header, rows=[], note=note, unit_label=self.unit_label(),
                    split_at=None, label_cols=1)

    def finish(self, tb):
        if self.o["split"] and len(tb["rows"]) >= 8 and self.rng.random() < 0.7:
            tb["split_at"] = len(tb["rows"]) // 2
            tb["cont"] = self.rng.choice(["（续表）", "续表", "续上表"])
            self.b.shapes.add("continued_table")
        return tb

    # ---------- function-class tables ----------
    def func_tree(self, field):
        tree = {}
        for v in self.F["leaves"].values():
            c = v["code"]
            val = v[field + "_t"] if field != "gf" else v["gf_p"]
            if val == 0:
                continue
            tree.setdefault(c[:3], {}).setdefault(c[:5], []).append(v)
        return tree

    def labels(self, code, name, level):
        st = self.o["code_style"]
        if st == "split":
            return [code[:3], code[3:5] if level >= 1 else "", code[5:7] if level >= 2 else "", name]
        if st == "combined":
            return [f"{code} {name}" if level < 2 else f"  {code} {name}"]
        return [code, ("  " * level) + name]

    def nlab(self):
        return {"split": 4, "combined": 1, "single": 2}[self.o["code_style"]]

    def lab_header(self):
        st = self.o["code_style"]
        if st == "split":
            return ["类", "款", "项", "科目名称"]
        if st == "combined":
            return ["功能分类科目"]
        return ["科目编码", "科目名称"]

    def func_table(self, name, scope):
        """scope: all | gpb | gf. Columns 合计 | 基本支出 | 项目支出."""
        d = self.d
        cols = ["t", "b", "p"]
        tb = self.new(name, [self.lab_header() + ["合计", "基本支出", "项目支出"]])
        tb["label_cols"] = self.nlab()
        title = tb["title"]
        fld = {"all": ("all_t", "all_b", "all_p"), "gpb": ("gpb_t", "gpb_b", "gpb_p"), "gf": ("gf_p", None, "gf_p")}[scope]
        tree = self.func_tree(scope if scope != "all" else "all")
        rows, tot_cells = [], {}

        def val(v, i):
            return 0 if fld[i] is None else v[fld[i]]

        cls_cells = {c: [] for c in cols}
        for c3, kuans in sorted(tree.items()):
            s3 = [sum(val(v, i) for ks in kuans.values() for v in ks) for i in range(3)]
            r3 = [self.T(title, f"{scope}.{c3}.{c}", s3[i]) for i, c in enumerate(cols)]
            rows.append(self.labels(c3, CLASS_NAMES[c3], 0) + r3)
            k_cells = {c: [] for c in cols}
            for c5, leaves in sorted(kuans.items()):
                s5 = [sum(val(v, i) for v in leaves) for i in range(3)]
                r5 = [self.T(title, f"{scope}.{c5}.{c}", s5[i]) for i, c in enumerate(cols)]
                rows.append(self.labels(c5, KUAN_NAMES[c5], 1) + r5)
                l_cells = {c: [] for c in cols}
                for v in leaves:
                    r7 = [self.T(title, f"{scope}.{v['code']}.{c}", val(v, i)) for i, c in enumerate(cols)]
                    rows.append(self.labels(v["code"], v["name"], 2) + r7)
                    d.ident("sum", total=r7[0], parts=[r7[1], r7[2]], label=f"{title}:row")
                    for i, c in enumerate(cols):
                        l_cells[c].append(r7[i])
                d.ident("sum", total=r5[0], parts=[r5[1], r5[2]], label=f"{title}:row")
                for i, c in enumerate(cols):
                    d.ident("sum", total=r5[i], parts=l_cells[c], label=f"{title}:kuan")
                    k_cells[c].append(r5[i])
            d.ident("sum", total=r3[0], parts=[r3[1], r3[2]], label=f"{title}:row")
            for i, c in enumerate(cols):
                d.ident("sum", total=r3[i], parts=k_cells[c], label=f"{title}:class")
                cls_cells[c].append(r3[i])
        if scope == "gf" and not tree:
            tb["note"] = "本部门无政府性基金预算收支，本表为空表。"
            tb["rows"] = []
            return tb
        tot = [sum(val(v, i) for ks in tree.values() for vs in ks.values() for v in vs) for i in range(3)]
        rt = [self.T(title, f"{scope}.T.{c}", tot[i]) for i, c in enumerate(cols)]
        d.ident("sum", total=rt[0], parts=[rt[1], rt[2]], label=f"{title}:row")
        for i, c in enumerate(cols):
            d.ident("sum", total=rt[i], parts=cls_cells[c], label=f"{title}:total")
        lab = [self.o["total_label"]] + [""] * (self.nlab() - 1)
        trow = lab + rt
        tot_cells.update(dict(zip(cols, rt)))
        rows = [trow] + rows if self.o["total_pos"] == "top" else rows + [trow]
        tb["rows"] = rows
        return self.finish(tb)

    # ---------- two-column summary tables ----------
    def two_col(self, name, left, right, right_cols):
        """left: [(label, key, fen)], right: [(label, [(key, fen)...])]; returns table and fid maps."""
        tb = self.new(name, [["收入", "", "支出"] + [""] * len(right_cols),
                             ["项目", "金额"] + ["项目"] + right_cols])
        title = tb["title"]
        n = max(len(left), len(right))
        lf, rf = {}, {}
        L = [None] * (n - len(left)) + left if False else left[:-1] + [None] * (n - len(left)) + left[-1:]
        R = right[:-1] + [None] * (n - len(right)) + right[-1:]
        for i in range(n):
            row = []
            if L[i] is None:
                row += ["", None]
            else:
                lab, key, fen = L[i]
                fid = self.T(title, key, fen)
                lf[lab] = fid
                row += [lab, fid]
            if R[i] is None:
                row += [""] + [None] * len(right_cols)
            else:
                lab, vals = R[i]
                fids = [self.T(title, k, v) for k, v in vals]
                rf[lab] = fids
                row += [lab] + fids
            tb["rows"].append(row)
        tb["label_cols"] = 0
        tb["two_col"] = True
        self.b.shapes.add("two_column_summary")
        return tb, lf, rf

    def budget_summary(self):
        F, d = self.F, self.d
        items = self.b.income_items()
        left = [(nm, "all." + k, v) for nm, k, v in items] + [("本年收入合计", "all.inc", F["inc"]),
                                                            ("上年结转结余", "all.carry", F["carry"]),
                                                            ("收入总计", "all.in_total", F["in_total"])]
        cls = self.class_totals("all_t")
        right = [(CLASS_NAMES[c], [(f"all.{c}.t", v)]) for c, v in cls] + \
                [("本年支出合计", [("all.T.t", F["exp"])]), ("年终结转结余", [(None, 0)]),
                 ("支出总计", [("all.out_total", F["in_total"])])]
        tb, lf, rf = self.two_col("收支总表", left, right, ["预算数"])
        d.ident("sum", total=lf["本年收入合计"], parts=[lf[nm] for nm, _k, _v in items], label="sum:inc")
        d.ident("sum", total=lf["收入总计"], parts=[lf["本年收入合计"], lf["上年结转结余"]], label="sum:intot")
        d.ident("sum", total=rf["本年支出合计"][0], parts=[rf[CLASS_NAMES[c]][0] for c, _ in cls], label="sum:exp")
        d.ident("sum", total=rf["支出总计"][0], parts=[rf["本年支出合计"][0], rf["年终结转结余"][0]], label="sum:outtot")
        d.ident("sum", total=rf["支出总计"][0], parts=[lf["收入总计"]], label="in=out")
        return tb

    def final_summary(self):
        F, d = self.F, self.d
        items = self.b.income_items()
        left = [(nm, "all." + k, v) for nm, k, v in items] + [("本年收入合计", "all.inc", F["inc"]),
                                                            ("使用非财政拨款结余", None, 0),
                                                            ("年初结转和结余", "all.c0", F["c0"]),
                                                            ("收入总计", "all.in_total", F["in_total"])]
        cls = self.class_totals("all_t")
        right = [(CLASS_NAMES[c], [(f"all.{c}.t", v)]) for c, v in cls] + \
                [("本年支出合计", [("all.T.t", F["exp"])]), ("结余分配", [(None, 0)]),
                 ("年末结转和结余", [("all.c1", F["c1"])]), ("支出总计", [("all.out_total", F["in_total"])])]
        tb, lf, rf = self.two_col("收入支出决算总表", left, right, ["决算数"])
        d.ident("sum", total=lf["本年收入合计"], parts=[lf[nm] for nm, _k, _v in items], label="sum:inc")
        d.ident("sum", total=lf["收入总计"], parts=[lf["本年收入合计"], lf["使用非财政拨款结余"], lf["年初结转和结余"]],
                label="sum:intot")
        d.ident("sum", total=rf["本年支出合计"][0], parts=[rf[CLASS_NAMES[c]][0] for c, _ in cls], label="sum:exp")
        d.ident("sum", total=rf["支出总计"][0], parts=[rf["本年支出合计"][0], rf["结余分配"][0], rf["年末结转和结余"][0]],
                label="sum:outtot")
        d.ident("sum", total=rf["支出总计"][0], parts=[lf["收入总计"]], label="in=out")
        return tb

    def class_totals(self, field):
        cls = {}
        for v in self.F["leaves"].values():
            cls[v["code"][:3]] = cls.get(v["code"][:3], 0) + v[field]
        return [(c, v) for c, v in sorted(cls.items()) if v]

    def fiscal_summary(self):
        F, d = self.F, self.d
        g = self.class_totals("gpb_t")
        gf = dict(self.class_totals("gf_p"))
        codes = sorted(set(c for c, _ in g) | set(gf))
        gd = dict(g)
        right = [(CLASS_NAMES[c], [(f"fis.{c}.t", gd.get(c, 0) + gf.get(c, 0)), (f"gpb.{c}.t", gd.get(c, 0)),
                                   (f"gf.{c}.t", gf.get(c, 0)), (None, 0)]) for c in codes]
        tot = [("fis.total", F["fiscal"]), ("gpb.T.t", F["gpb"]), ("gf.T.t", F["gf"]), (None, 0)]
        if self.bud:
            left = [("一般公共预算拨款收入", "all.gpb_in", F["gpb_in"]), ("政府性基金预算拨款收入", "all.gf_in", F["gf"]),
                    ("国有资本经营预算拨款收入", None, 0), ("上年结转", "all.carry", F["carry"]),
                    ("收入总计", "fis.in_total", F["fiscal"])]
            right += [("支出总计", tot)]
            tb, lf, rf = self.two_col("财政拨款收支总表", left, right, ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"])
            d.ident("sum", total=lf["收入总计"], parts=[lf[x[0]] for x in left[:-1]], label="fis:in")
            last = "支出总计"
        else:
            left = [("一般公共预算财政拨款", "all.gpb_in", F["gpb_in"]), ("政府性基金预算财政拨款", "all.gf_in", F["gf"]),
                    ("国有资本经营预算财政拨款", None, 0), ("本年收入合计", "fis.inc", F["fiscal_in"]),
                    ("年初财政拨款结转和结余", "all.c0", F["c0"]), ("收入总计", "fis.in_total", F["fiscal"] + F["c1"])]
            right += [("本年支出合计", tot), ("年末财政拨款结转和结余", [("all.c1", F["c1"]), (None, 0), (None, 0), (None, 0)]),
                      ("支出总计", [("fis.out_total", F["fiscal"] + F["c1"]), (None, 0), (None, 0), (None, 0)])]
            tb, lf, rf = self.two_col("财政拨款收入支出决算总表", left, right, ["合计", "一般公共预算财政拨款",
                                                                      "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
            d.ident("sum", total=lf["本年收入合计"], parts=[lf[x[0]] for x in left[:3]], label="fis:inc")
            d.ident("sum", total=lf["收入总计"], parts=[lf["本年收入合计"], lf["年初财政拨款结转和结余"]], label="fis:in")
            d.ident("sum", total=rf["支出总计"][0], parts=[rf["本年支出合计"][0], rf["年末财政拨款结转和结余"][0]],
                    label="fis:out")
            last = "本年支出合计"
        for j in range(4):
            d.ident("sum", total=rf[last][j], parts=[rf[CLASS_NAMES[c]][j] for c in codes], label="fis:col")
        for c in codes + [last]:
            d.ident("sum", total=rf[c if c == last else CLASS_NAMES[c]][0],
                    parts=rf[c if c == last else CLASS_NAMES[c]][1:], label="fis:row")
        d.ident("sum", total=rf["支出总计"][0], parts=[lf["收入总计"]], label="fis:in=out")
        return tb

    def income_table(self):
        F, d = self.F, self.d
        if self.bud:
            srcs = [("上年结转结余", "carry"), ("一般公共预算拨款收入", "gpb_in"), ("政府性基金预算拨款收入", "gf"),
                    ("财政专户管理资金收入", "专户"), ("事业收入", "事业"), ("上级补助收入", "上级"),
                    ("附属单位上缴收入", "附属"), ("其他收入", "其他")]
            tb = self.new("收入总表", [["单位名称", "合计"] + [s for s, _ in srcs]])
            tk = ("all.in_total", F["in_total"], "intot")
        else:
            srcs = [("财政拨款收入", "fiscal_in"), ("上级补助收入", "上级"), ("事业收入", "事业"), ("经营收入", "经营"),
                    ("附属单位上缴收入", "附属"), ("其他收入", "其他")]
            tb = self.new("收入决算表", [["单位名称", "本年收入合计"] + [s for s, _ in srcs]])
            tk = ("all.inc", F["inc"], "inc")
        title = tb["title"]

        def get(src, k):
            return src[k] if k in src else src["src"][k]

        dept_keys = {"carry": "all.carry", "gpb_in": "all.gpb_in", "gf": "all.gf_in", "fiscal_in": "fis.inc"}
        colcells = [[] for _ in srcs]
        unit_tot = []
        rows = []
        for i, u in enumerate(F["units"]):
            uv = u["exp"] if self.bud else u["inc"]
            t = self.T(title, f"u{i}.{tk[2]}", uv)
            cells = [self.T(title, None, get(u, k)) for _, k in srcs]
            d.ident("sum", total=t, parts=cells, label=f"{title}:row")
            for j, c in enumerate(cells):
                colcells[j].append(c)
            unit_tot.append(t)
            rows.append(["  " + u["name"], t] + cells)
        t = self.T(title, tk[0], tk[1])
        cells = [self.T(title, dept_keys.get(k, f"all.src.{k}"), get(F, k)) for _, k in srcs]
        d.ident("sum", total=t, parts=cells, label=f"{title}:row")
        d.ident("sum", total=t, parts=unit_tot, label=f"{title}:col")
        for j, c in enumerate(cells):
            d.ident("sum", total=c, parts=colcells[j], label=f"{title}:col")
        trow = [self.o["total_label"], t] + cells
        tb["rows"] = [trow] + rows if self.o["total_pos"] == "top" else rows + [trow]
        return self.finish(tb)

    def econ_table(self, name):
        F, d = self.F, self.d
        e = F["econ"]
        tb = self.new(name, [["经济分类科目编码", "科目名称", "合计", "人员经费", "公用经费"]])
        tb["label_cols"] = 2
        title = tb["title"]
        rows = []
        groups = [("301", PERSON_ITEMS, 0), ("302", PUBLIC_ITEMS, 1), ("303", FAMILY_ITEMS, 0)]
        cls_cells = [[], [], []]
        for code, items, col in groups:
            tot = sum(e[c] for c, _ in items)
            if tot == 0:
                continue
            ct = self.T(title, f"econ.{code}", tot)
            cc = [self.T(title, f"econ.{code}", tot), self.T(title, None, 0)]
            if col == 1:
                cc.reverse()
            d.ident("sum", total=ct, parts=cc, label=f"{title}:row")
            rows.append([code, ECON_CLASS[code], ct] + cc)
            it_cells = [[], [], []]
            for c, n in items:
                if e[c] == 0:
                    continue
                t = self.T(title, f"econ.{c}", e[c])
                x = [self.T(title, f"econ.{c}", e[c]), self.T(title, None, 0)]
                if col == 1:
                    x.reverse()
                d.ident("sum", total=t, parts=x, label=f"{title}:row")
                rows.append([c, "  " + n, t] + x)
                for j, v in enumerate([t] + x):
                    it_cells[j].append(v)
            for j, v in enumerate([ct] + cc):
                d.ident("sum", total=v, parts=it_cells[j], label=f"{title}:class")
                cls_cells[j].append(v)
        tt = [self.T(title, "gpb.T.b", F["gpb_basic"]), self.T(title, "gpb.person", F["person"]),
              self.T(title, "gpb.public", F["public"])]
        d.ident("sum", total=tt[0], parts=tt[1:], label=f"{title}:row")
        for j in range(3):
            d.ident("sum", total=tt[j], parts=cls_cells[j], label=f"{title}:total")
        trow = ["", self.o["total_label"]] + tt
        tb["rows"] = [trow] + rows if self.o["total_pos"] == "top" else rows + [trow]
        return self.finish(tb)

    def sangong_table(self):
        F, d = self.F, self.d
        name = f"一般公共预算{SG}经费支出表" if self.bud else f"财政拨款{SG}经费支出决算表"
        tb = self.new(name, [["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
                             ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""]])
        title = tb["title"]
        if self.bud:
            rws = [(f"{self.Y}年预算数", "sg", F["sg"])]
            if self.rng.random() < 0.5:
                rws.insert(0, (f"{self.Y - 1}年预算数", "prev.sg", F["sg_prev"]))
        else:
            rws = [("全年预算数", "sgbud", F["sg_bud"]), ("决算数", "sg", F["sg"])]
        for lab, pre, v in rws:
            c = [self.T(title, f"{pre}.{k}", v[k]) for k in ("total", "abroad", "car", "buy", "run", "recep")]
            d.ident("sum", total=c[0], parts=[c[1], c[2], c[5]], label=f"{title}:sangong")
            d.ident("sum", total=c[2], parts=[c[3], c[4]], label=f"{title}:car")
            tb["rows"].append([lab] + c)
        return tb

    def proc_table(self):
        F, d = self.F, self.d
        tb = self.new("政府采购预算表" if self.bud else "政府采购支出决算表",
                      [["采购单位/项目", "合计", "货物", "工程", "服务"]])
        title = tb["title"]
        keys = ["total", "goods", "works", "serv"]
        rows = []
        dept_parts = [[] for _ in keys]
        blank_single = self.o["blank_single_subtotal"]
        for pu in F["proc"]:
            items = pu["items"]
            icells = []
            irows = []
            for it in items:
                c = [self.T(title, None, it[k]) for k in keys]
                d.ident("sum", total=c[0], parts=c[1:], label=f"{title}:row")
                icells.append(c)
                irows.append(["    " + it["name"], *c])
            if len(items) == 1 and blank_single:
                rows.append(["  " + pu["unit"] + "（小计）"] + [None] * 4)
                self.b.shapes.add("blank_single_child_subtotal")
                for j in range(4):
                    dept_parts[j].append(icells[0][j])
            else:
                sc = [self.T(title, None, sum(it[k] for it in items)) for k in keys]
                d.ident("sum", total=sc[0], parts=sc[1:], label=f"{title}:row")
                for j in range(4):
                    d.ident("sum", total=sc[j], parts=[c[j] for c in icells], label=f"{title}:unit")
                    dept_parts[j].append(sc[j])
                rows.append(["  " + pu["unit"] + "（小计）"] + sc)
            rows += irows
        tc = [self.T(title, "proc." + k, F["proc_" + k]) for k in keys]
        d.ident("sum", total=tc[0], parts=tc[1:], label=f"{title}:row")
        for j in range(4):
            d.ident("sum", total=tc[j], parts=dept_parts[j], label=f"{title}:dept")
        tb["rows"] = [[F["dept"] + "（部门合计）"] + tc] + rows
        self.b.shapes.add("procurement_levels")
        return tb

    def project_table(self):
        F, d = self.F, self.d
        tb = self.new("项目支出预算表" if self.bud else "项目支出决算表", [["单位/项目名称", "资金来源", "金额"]])
        title = tb["title"]
        rows, uc = [], []
        fund = {"gpb": "一般公共预算", "gf": "政府性基金", "nf": "其他资金"}
        for i, u in enumerate(F["units"]):
            if not u["projects"]:
                continue
            ut = self.T(title, f"u{i}.proj", u["proj"])
            uc.append(ut)
            rows.append([u["name"], "", ut])
            pc = []
            for p in u["projects"]:
                fid = self.T(title, "proj." + p["name"] + "@" + u["name"], p["fen"])
                pc.append(fid)
                rows.append(["  " + p["name"], fund[p["fund"]], fid])
                if p["name"] == "其他机构运行经费":
                    self.b.shapes.add("project_named_other_institution_running")
            d.ident("sum", total=ut, parts=pc, label=f"{title}:unit")
        t = self.T(title, "all.T.p", F["proj"])
        d.ident("sum", total=t, parts=uc, label=f"{title}:total")
        tb["rows"] = [[self.o["total_label"], "", t]] + rows
        return self.finish(tb)

    def perf_table(self):
        F, d = self.F, self.d
        if self.bud:
            tb = self.new("部门整体支出绩效目标表", [["项目", "金额"]])
            title = tb["title"]
            c = [self.T(title, "all.T.t", F["exp"]), self.T(title, "all.T.b", F["basic"]),
                 self.T(title, "all.T.p", F["proj"])]
            d.ident("sum", total=c[0], parts=c[1:], label=f"{title}:perf")
            tb["rows"] = [["年度资金总额", c[0]], ["  其中：基本支出", c[1]], ["        项目支出", c[2]],
                          ["产出指标：重点工作任务完成率", d.target("≥95%", title)],
                          ["效益指标：服务对象满意度", d.target("≥90%", title)]]
            return tb
        tb = self.new("部门整体支出绩效自评表", [["项目", "年初预算数", "全年预算数", "全年执行数", "执行率（%）"]])
        title = tb["title"]
        fi = F["gpb_init"] + F["gf_init"]
        fa = F["gpb_adj"] + F["gf_adj"]
        rowsdef = [("年度资金总额", "all", fi + F["nf_init"], fa + F["nf_adj"], F["exp"], "all.T.t"),
                   ("  其中：财政拨款", "fis", fi, fa, F["fiscal"], "fis.total"),
                   ("        其他资金", "nf", F["nf_init"], F["nf_adj"], F["nf"], "all.nf")]
        cells = []
        for lab, k, ini, adj, ex, ek in rowsdef:
            c = [self.T(title, f"init.{k}", ini), self.T(title, f"adj.{k}", adj), self.T(title, ek, ex)]
            if adj:
                r = d.pct(f"exec.{k}", ex, adj, loc=title)
                d.ident("ratio", part=c[2], whole=c[1], pct=r)
            else:
                r = "—"
            cells.append(c)
            tb["rows"].append([lab] + c + [r])
        for j in range(3):
            d.ident("sum", total=cells[0][j], parts=[cells[1][j], cells[2][j]], label=f"{title}:perf")
        return tb

    def empty_soe(self):
        name = "国有资本经营预算支出表" if self.bud else "国有资本经营预算财政拨款支出决算表"
        tb = self.new(name, [self.lab_header() + ["合计", "基本支出", "项目支出"]],
                      note="本部门无国有资本经营预算收支，本表为空表。")
        tb["label_cols"] = self.nlab()
        return tb

    def all(self):
        if self.bud:
            ts = [self.budget_summary(), self.income_table(), self.func_table("支出总表", "all"),
                  self.fiscal_summary(), self.func_table("一般公共预算支出表", "gpb"),
                  self.econ_table("一般公共预算基本支出表"), self.sangong_table(),
                  self.func_table("政府性基金预算支出表", "gf"), self.empty_soe(), self.proc_table(),
                  self.project_table(), self.perf_table()]
        else:
            ts = [self.final_summary(), self.income_table(), self.func_table("支出决算表", "all"),
                  self.fiscal_summary(), self.func_table("一般公共预算财政拨款支出决算表", "gpb"),
                  self.econ_table("一般公共预算财政拨款基本支出决算表"),
                  self.func_table("政府性基金预算财政拨款收入支出决算表", "gf"), self.empty_soe(), self.sangong_table(),
                  self.proc_table(), self.project_table(), self.perf_table()]
        return ts
