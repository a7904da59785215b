"""Build a budget or final disclosure (text + tables) as a Doc with figures and identities."""
from fractions import Fraction

from core5 import Doc
from data5 import (
    CLASS_NAMES,
    FAMILY_ITEMS,
    KUAN_NAMES,
    PERSON_ITEMS,
    PUBLIC_ITEMS,
    REASONS_DOWN,
    REASONS_UP,
    cn,
)

SG = "“三公”"


class Builder:
    def __init__(self, rng, F, opts):
        self.rng, self.F, self.o = rng, F, opts
        self.d = Doc(opts)
        self.Y = F["year"]
        self.bud = F["doc_type"] == "budget"
        self.shapes = set()

    # ---------- small helpers ----------
    def A(self, key, fen):
        return self.d.amt(key, fen)

    def share(self, key, part_fid, whole_fid, part, whole, phrase=None):
        d = self.d
        if whole == 0:
            return []
        phrase = phrase or self.rng.choice(["占", "占比", "所占比重为", "占"])
        fid = d.pct("share." + key, part, whole)
        d.ident("share", part=part_fid, whole=whole_fid, pct=fid)
        if phrase != "占":
            self.shapes.add("share_phrase:" + phrase)
        return [phrase, fid, "%"]

    def words(self, up):
        r = self.rng.random()
        if up:
            return ("增加", "增长") if r < 0.7 else ("增加", "上升")
        return ("减少", "下降") if r < 0.7 else ("减少", "降低")

    def growth(self, key, cur_fid, cur, prev, comp=None, style=None):
        """Segments for a change clause; registers a growth identity."""
        d, rng = self.d, self.rng
        comp = comp or ("上年" if rng.random() < 0.5 else f"{self.Y - 1}年")
        if prev == cur:
            w = d.word("dir." + key, "持平")
            if rng.random() < 0.5:
                d.ident("growth", cur=cur_fid, prev=None, chg=None, pct=None, dirs=[w], prev_exact=str(prev * 1))
                self.shapes.add("flat:与上年持平")
                return ["，与上年", w]
            pf = self.A("prev." + key, prev)
            d.ident("growth", cur=cur_fid, prev=pf, chg=None, pct=None, dirs=[w])
            self.shapes.add("flat:持平with_prev")
            return ["，与", comp, "预算数", pf, "万元", w] if self.bud else ["，与上年决算数", pf, "万元", w]
        up = cur > prev
        w1, w2 = self.words(up)
        chg = abs(cur - prev)
        style = style or rng.choice(["prev_first", "plain", "tongbi", "yu", "jiao_prev"])
        self.shapes.add("growth:" + style)
        cf = None
        pf = None
        if style == "prev_first":
            pf = self.A("prev." + key, prev)
            a, b = d.word("dir." + key, w1), d.word("dir2." + key, w2)
            cf = self.A("chg." + key, chg)
            pc = d.pct("growth." + key, chg, prev)
            lead = f"比{self.Y - 1}年年初预算数" if self.bud else f"比{self.Y - 1}年度决算数"
            segs = ["，", lead, pf, "万元", a, cf, "万元，", b, pc, "%"]
            dirs = [a, b]
        elif style == "plain":
            a, b = d.word("dir." + key, w1), d.word("dir2." + key, w2)
            cf = self.A("chg." + key, chg)
            pc = d.pct("growth." + key, chg, prev)
            segs = ["，比", comp, a, cf, "万元，", b, pc, "%"]
            dirs = [a, b]
        elif style == "tongbi":
            a = d.word("dir." + key, w1)
            b = d.word("dir2." + key, "增幅" if up else "降幅")
            cf = self.A("chg." + key, chg)
            pc = d.pct("growth." + key, chg, prev)
            segs = ["，同比", a, cf, "万元，", b, pc, "%"]
            dirs = [a, b]
        elif style == "yu":
            a, b = d.word("dir." + key, w1), d.word("dir2." + key, w2)
            cf = self.A("chg." + key, chg)
            pc = d.pct("growth." + key, chg, prev)
            segs = ["。与", comp, "相比，", a, cf, "万元，", b, pc, "%"]
            dirs = [a, b]
        else:  # jiao_prev: prev + rate, no change amount
            pf = self.A("prev." + key, prev)
            b = d.word("dir2." + key, w2)
            pc = d.pct("growth." + key, chg, prev)
            segs = ["，较上年预算" if self.bud else "，较上年决算", pf, "万元", b, pc, "%"]
            dirs = [b]
        d.ident("growth", cur=cur_fid, prev=pf, chg=cf, pct=pc, dirs=dirs)
        reason = rng.choice(REASONS_UP if up else REASONS_DOWN)
        return segs + [f"，主要原因是{reason}"]

    def num(self, n, fmt):
        return f"{cn(n)}、" if fmt == "cn" else f"{n}."

    # ---------- document ----------
    def build(self):
        F, d, o, Y = self.F, self.d, self.o, self.Y
        kind = "部门预算" if self.bud else "部门决算"
        d.h(0, f"{F['dept']}{Y}年度{kind}" + ("信息公开" if self.o["title_style"] else ""))
        self.tables = self.make_tables()
        toc = [t["title"] for t in self.tables]
        d.toc_tables = toc
        # 目录
        d.h(1, "目录")
        parts = ["部门概况", f"{Y}年度{kind}情况说明", "其他重要事项情况说明", "名词解释", f"{Y}年度{kind}报表"]
        for i, pt in enumerate(parts):
            d.p(f"第{cn(i + 1)}部分 {pt}")
        for t in toc:
            d.p(t["toc"] if isinstance(t, dict) else t)
        if o["tables_first"]:
            self.emit_tables()
        self.part1()
        self.part2()
        self.part3()
        self.glossary()
        if not o["tables_first"]:
            self.emit_tables()
        return d

    def emit_tables(self):
        d = self.d
        d.h(1, f"第{cn(5)}部分 {self.Y}年度{'部门预算' if self.bud else '部门决算'}报表")
        for t in self.tables:
            d.table(t)

    # ---------- part 1 ----------
    def part1(self):
        F, d, Y = self.F, self.d, self.Y
        d.h(1, "第一部分 部门概况")
        d.h(2, "一、主要职能")
        d.p(F["dept"] + F["bureau"]["duty"])
        d.h(2, "二、机构设置及预算单位构成")
        segs = [f"纳入{F['dept']}{Y}年度{'部门预算' if self.bud else '部门决算'}编制范围的单位共",
                d.cnt("units.count", len(F["units"])), "个，包括："]
        self.unit_first_fids = {}
        for i, u in enumerate(F["units"]):
            fid = self.A(f"u{i}.exp", u["exp"])
            self.unit_first_fids[i] = fid
            segs += [u["name"], f"（{u['kind']}，{'支出预算' if self.bud else '本年支出决算'}", fid, "万元）",
                     "；" if i < len(F["units"]) - 1 else "。"]
        d.p(*segs)
        self.shapes.add("per_unit_first_mention")
        d.h(2, "三、人员情况")
        d.p("本部门编制", d.cnt("staff.bianzhi", F["bianzhi"]), "名，实有人数", (tf := d.cnt("staff.total", F["staff_total"])),
            "人，其中：在职人员", (a := d.cnt("staff.in", F["staff_in"])), "人，退休人员",
            (b := d.cnt("staff.ret", F["staff_ret"])), "人。")
        d.ident("sum", total=tf, parts=[a, b], label="staff")

    # ---------- part 2 ----------
    def part2(self):
        if self.bud:
            self.budget_text()
        else:
            self.final_text()

    def unit_sections(self, h):
        """Shape 1: per-unit sections with the same quantities per scope."""
        F, d, Y = self.F, self.d, self.Y
        d.h(2, h)
        self.shapes.add("per_unit_sections")
        keys = ["inc", "exp", "basic", "proj", "public"]
        sub = {k: [] for k in keys}
        heads = [("部门汇总", None)] + [(u["name"], i) for i, u in enumerate(F["units"])]
        for j, (nm, i) in enumerate(heads):
            d.h(3, f"（{cn(j + 1)}）{nm}")
            src = F if i is None else F["units"][i]
            pre = "all" if i is None else f"u{i}"
            f = {}
            for k in keys:
                kk = {"inc": "all.in_total" if self.bud else "all.inc", "exp": "all.T.t", "basic": "all.T.b",
                      "proj": "all.T.p", "public": "gpb.public"}[k] if i is None else f"{pre}.{k}"
                val = src[k]
                if k == "inc" and self.bud:
                    val = F["in_total"] if i is None else src["exp"]
                    kk = kk if i is None else f"{pre}.intot"
                f[k] = self.A(kk, val)
                if i is not None:
                    sub[k].append(f[k])
                else:
                    tot = f
            if self.bud:
                d.p(f"{Y}年收入总计（含上年结转结余）", f["inc"], "万元，支出预算", f["exp"], "万元。其中：基本支出", f["basic"],
                    "万元，项目支出", f["proj"], "万元；一般公共预算安排的公用经费", f["public"], "万元。")
            else:
                d.p(f"{Y}年度本年收入", f["inc"], "万元，本年支出", f["exp"], "万元。其中：基本支出", f["basic"],
                    "万元，项目支出", f["proj"], "万元；一般公共预算财政拨款公用经费", f["public"], "万元。")
        for k in keys:
            d.ident("sum", total=tot[k], parts=sub[k], label="units." + k)

    def income_items(self):
        F = self.F
        if self.bud:
            names = [("一般公共预算拨款收入", "gpb_in", F["gpb_in"]), ("政府性基金预算拨款收入", "gf_in", F["gf"]),
                     ("国有资本经营预算拨款收入", "soe_in", 0),
                     ("财政专户管理资金收入", "src.专户", F["src"]["专户"]), ("事业收入", "src.事业", F["src"]["事业"]),
                     ("上级补助收入", "src.上级", F["src"]["上级"]),
                     ("附属单位上缴收入", "src.附属", F["src"]["附属"]), ("其他收入", "src.其他", F["src"]["其他"])]
        else:
            names = [("一般公共预算财政拨款收入", "gpb_in", F["gpb_in"]), ("政府性基金预算财政拨款收入", "gf_in", F["gf"]),
                     ("国有资本经营预算财政拨款收入", "soe_in", 0), ("上级补助收入", "src.上级", F["src"]["上级"]),
                     ("事业收入", "src.事业", F["src"]["事业"]), ("经营收入", "src.经营", F["src"]["经营"]),
                     ("附属单位上缴收入", "src.附属", F["src"]["附属"]), ("其他收入", "src.其他", F["src"]["其他"])]
        return names

    def budget_text(self):
        F, d, Y = self.F, self.d, self.Y
        d.h(1, f"第二部分 {Y}年度部门预算情况说明")
        d.h(2, "一、收支预算总体情况")
        it = self.A("all.in_total", F["in_total"])
        d.p(f"{F['dept']}{Y}年收入总计", it, "万元，支出总计", self.A("all.out_total", F["in_total"]), "万元",
            *self.growth("in_total", it, F["in_total"], F["prev"]["in_total"], style="prev_first"), "。")
        self.shapes.add("prev_before_current")
        d.h(2, "二、收入预算情况说明")
        inc = self.A("all.inc", F["inc"])
        segs = [f"{Y}年本年收入合计", inc, "万元（不含上年结转结余），其中："]
        parts = []
        for i, (nm, k, v) in enumerate(self.income_items()):
            fid = self.A("all." + k, v)
            parts.append(fid)
            segs += [f"{i + 1}.{nm}", fid, "万元"]
            if v and k in ("gpb_in", "src.事业"):
                segs += ["，", *self.share(k, fid, inc, v, F["inc"], phrase="占本年收入合计的")]
            segs.append("；")
        cf = self.A("all.carry", F["carry"])
        segs += ["另有上年结转结余", cf, "万元。"]
        d.p(*segs)
        d.ident("sum", total=inc, parts=parts, label="text.income")
        self.shapes.add("scopes_side_by_side")
        d.h(2, "三、支出预算情况说明")
        ex = self.A("all.T.t", F["exp"])
        b = self.A("all.T.b", F["basic"])
        p = self.A("all.T.p", F["proj"])
        d.p(f"{Y}年支出预算", ex, "万元。其中：基本支出", b, "万元，",
            *self.share("basic", b, ex, F["basic"], F["exp"], phrase="占本年支出合计的"),
            "；项目支出", p, "万元，", *self.share("proj", p, ex, F["proj"], F["exp"]), "。")
        d.ident("sum", total=ex, parts=[b, p], label="text.exp")
        self.pp_clause(ex, b)
        self.unit_sections("四、各预算单位收支预算情况")
        d.h(2, "五、财政拨款收支预算情况说明")
        fi = self.A("fis.total", F["fiscal"])
        d.p(f"{Y}年财政拨款收支总预算", fi, "万元（含上年结转", self.A("all.carry", F["carry"]), "万元）",
            *self.growth("fiscal", fi, F["fiscal"], F["prev"]["fiscal"]), "。财政拨款收支总预算中，一般公共预算",
            (g := self.A("gpb.T.t", F["gpb"])), "万元，政府性基金预算", (gf := self.A("gf.T.t", F["gf"])), "万元。")
        d.ident("sum", total=fi, parts=[g, gf], label="text.fiscal")
        self.gpb_text()
        self.basic_text()
        self.sangong_text()
        self.gf_text()

    def pp_clause(self, ex, b):
        """Shape 7: percentage-point change of a share."""
        F, d = self.F, self.d
        s1 = Fraction(F["basic"], F["exp"])
        s0 = Fraction(int(F["prev"]["basic"]), int(F["prev"]["exp"]))
        if abs(s1 - s0) < Fraction(5, 1000):
            return
        a = d.pct("ppshare.basic", F["basic"], F["exp"])
        d.ident("share", part=b, whole=ex, pct=a)
        bb = d.pct("ppshare.basic.prev", int(F["prev"]["basic"]), int(F["prev"]["exp"]))
        w = d.word("dir.pp", "提高" if s1 > s0 else "减少")
        df = d.ppfig("pp.basic", abs(s1 - s0))
        d.ident("pp", a=a, b=bb, diff=df, dir=w)
        d.p("基本支出所占比重由上年的", bb, "%变为", a, "%，", w, df, "个百分点。")
        self.shapes.add("pp_change")

    def gpb_text(self):
        F, d, Y, rng = self.F, self.d, self.Y, self.rng
        d.h(2, "六、一般公共预算支出情况说明" if self.bud else "六、一般公共预算财政拨款支出决算情况说明")
        g = self.A("gpb.T.t", F["gpb"])
        if self.bud:
            d.p(f"{Y}年一般公共预算支出", g, "万元", *self.growth("gpb", g, F["gpb"], F["prev"]["gpb"]), "。")
        else:
            ini = self.A("gpb.init", F["gpb_init"])
            adj = self.A("gpb.adj", F["gpb_adj"])
            c1 = d.pct("compl.gpb", F["gpb"], F["gpb_init"])
            c2 = d.pct("exec.gpb", F["gpb"], F["gpb_adj"])
            d.ident("ratio", part=g, whole=ini, pct=c1)
            d.ident("ratio", part=g, whole=adj, pct=c2)
            d.p(f"{Y}年度一般公共预算财政拨款支出年初预算为", ini, "万元，调整预算（全年预算）为", adj, "万元，支出决算为", g,
                "万元，完成年初预算的", c1, "%，预算执行率为", c2, "%",
                *self.growth("gpb", g, F["gpb"], F["prev"]["gpb"]), "。")
            self.shapes.add("init_adj_final_one_sentence")
        # by class shares
        segs = ["按支出功能分类，"]
        cls = {}
        for v in F["leaves"].values():
            cls[v["code"][:3]] = cls.get(v["code"][:3], 0) + v["gpb_t"]
        items = [(c, a) for c, a in sorted(cls.items()) if a]
        for i, (c, a) in enumerate(items):
            fid = self.A(f"gpb.{c}.t", a)
            segs += [f"{CLASS_NAMES[c]}（类）", fid, "万元，", *self.share("gpbcls" + c, fid, g, a, F["gpb"]),
                     "；" if i < len(items) - 1 else "。"]
        d.p(*segs)
        # detail for some leaves
        leaves = [v for v in F["leaves"].values() if v["gpb_t"]]
        pick = rng.sample(leaves, min(len(leaves), rng.randint(2, 4)))
        for j, v in enumerate(sorted(pick, key=lambda x: x["code"])):
            c = v["code"]
            lf = self.A(f"gpb.{c}.t", v["gpb_t"])
            head = f"{j + 1}.{CLASS_NAMES[c[:3]]}（类）{KUAN_NAMES[c[:5]]}（款）{v['name']}（项）"
            if self.bud:
                prev = int(v["gpb_t"] / rng.uniform(0.75, 1.3)) if rng.random() < 0.8 else v["gpb_t"]
                d.p(head, "预算", lf, "万元", *self.growth(f"leaf{c}", lf, v["gpb_t"], prev), "。")
            else:
                ini = self.A(f"leafinit.{c}", v["init"])
                pc = d.pct(f"compl.{c}", v["gpb_t"], v["init"])
                d.ident("ratio", part=lf, whole=ini, pct=pc)
                d.p(head, "：年初预算为", ini, "万元，支出决算为", lf, "万元，完成年初预算的", pc, "%。")
        if any(c[:5] == "20805" and c[5:] == "05" for c in F["leaves"]):
            self.shapes.add("kuan_xiang_same_digits")

    def basic_text(self):
        F, d = self.F, self.d
        d.h(2, "七、一般公共预算基本支出情况说明" if self.bud else "七、一般公共预算财政拨款基本支出决算情况说明")
        e = F["econ"]
        t = self.A("gpb.T.b", F["gpb_basic"])
        pe = self.A("gpb.person", F["person"])
        pu = self.A("gpb.public", F["public"])
        d.ident("sum", total=t, parts=[pe, pu], label="text.basic")
        segs = ["一般公共预算基本支出", t, "万元，其中：人员经费", pe, "万元，主要包括："]
        parts = []
        items = [(c, n) for c, n in PERSON_ITEMS + FAMILY_ITEMS if e[c]]
        for i, (c, n) in enumerate(items):
            fid = self.A(f"econ.{c}", e[c])
            parts.append(fid)
            segs += [n, fid, "万元", "、" if i < len(items) - 1 else "；"]
        d.ident("sum", total=pe, parts=parts, label="text.person.list")
        segs += ["公用经费", pu, "万元，主要包括："]
        parts = []
        items = [(c, n) for c, n in PUBLIC_ITEMS if e[c]]
        for i, (c, n) in enumerate(items):
            fid = self.A(f"econ.{c}", e[c])
            parts.append(fid)
            segs += [n, fid, "万元", "、" if i < len(items) - 1 else "。"]
        d.ident("sum", total=pu, parts=parts, label="text.public.list")
        d.p(*segs)
        self.shapes.add("qizhong_full_list")

    def sangong_text(self):
        F, d, rng = self.F, self.d, self.rng
        sg, sp = F["sg"], F["sg_prev"]
        d.h(2, f"八、{SG}经费预算情况说明" if self.bud else f"八、财政拨款{SG}经费支出决算情况说明")
        tf = self.A("sg.total", sg["total"])
        ab = self.A("sg.abroad", sg["abroad"])
        car = self.A("sg.car", sg["car"])
        rc = self.A("sg.recep", sg["recep"])
        d.ident("sum", total=tf, parts=[ab, car, rc], label="text.sangong")
        if self.bud:
            d.p(f"{self.Y}年{SG}经费预算", tf, "万元", *self.growth("sg.total", tf, sg["total"], sp["total"]),
                "。其中：因公出国（境）费", ab, "万元，公务用车购置及运行维护费", car, "万元，公务接待费", rc, "万元。")
        else:
            bt = self.A("sgbud.total", F["sg_bud"]["total"])
            pc = d.pct("compl.sg", sg["total"], F["sg_bud"]["total"])
            d.ident("ratio", part=tf, whole=bt, pct=pc)
            d.p(f"{self.Y}年度财政拨款{SG}经费全年预算", bt, "万元，支出决算", tf, "万元，完成预算的", pc, "%",
                *self.growth("sg.total", tf, sg["total"], sp["total"]), "。其中：因公出国（境）费", ab, "万元，",
                *self.share("sg.abroad", ab, tf, sg["abroad"], sg["total"]), "；公务用车购置及运行维护费", car, "万元，",
                *self.share("sg.car", car, tf, sg["car"], sg["total"]), "；公务接待费", rc, "万元，",
                *self.share("sg.recep", rc, tf, sg["recep"], sg["total"]), "。")
        # items
        ab2 = self.A("sg.abroad", sg["abroad"])
        d.p("1.因公出国（境）费", ab2, "万元", *self.growth("sg.abroad", ab2, sg["abroad"], sp["abroad"]),
            "。" if sg["abroad"] or sp["abroad"] else "，本年度未安排因公出国（境）团组。")
        car2 = self.A("sg.car", sg["car"])
        if sg["buy"] and rng.random() < 0.85:
            bf = self.A("sg.buy", sg["buy"])
            rf = self.A("sg.run", sg["run"])
            d.ident("sum", total=car2, parts=[bf, rf], label="text.car.paren")
            d.p("2.公务用车购置及运行维护费", car2, "万元（其中：公务用车购置费", bf, "万元，公务用车运行维护费", rf,
                "万元）", *self.growth("sg.car", car2, sg["car"], sp["car"]), "。")
            self.shapes.add("paren_breakdown_with_change")
        else:
            rf = self.A("sg.run", sg["run"])
            bf = self.A("sg.buy", sg["buy"])
            d.ident("sum", total=car2, parts=[bf, rf], label="text.car")
            d.p("2.公务用车购置及运行维护费", car2, "万元",
                *self.growth("sg.car", car2, sg["car"], sp["car"]), "。其中：公务用车运行维护费", rf,
                "万元；公务用车购置费", bf, "万元", *self.growth("sg.buy", bf, sg["buy"], sp["buy"]), "。")
        rc2 = self.A("sg.recep", sg["recep"])
        segs = ["3.公务接待费", rc2, "万元", *self.growth("sg.recep", rc2, sg["recep"], sp["recep"])]
        if not self.bud:
            segs += ["。全年国内公务接待", d.cnt("recep.batches", F["recep_batches"]), "批次，",
                     d.cnt("recep.people", F["recep_people"]), "人次"]
        d.p(*segs, "。")

    def gf_text(self):
        F, d = self.F, self.d
        d.h(2, "九、政府性基金预算支出情况说明" if self.bud else "九、政府性基金及国有资本经营预算财政拨款支出决算情况说明")
        if F["gf"]:
            d.p(f"{self.Y}年政府性基金{'预算支出' if self.bud else '预算财政拨款支出决算'}", self.A("gf.T.t", F["gf"]),
                "万元，主要用于", F["bureau"]["gf"][1], "。")
        else:
            d.p(f"本部门{self.Y}年无政府性基金{'预算' if self.bud else '预算财政拨款'}收入，也没有使用政府性基金安排的支出，"
                "故政府性基金表为空表。")
        d.p("本部门无国有资本经营预算收支，国有资本经营预算支出表为空表。")

    def final_text(self):
        F, d, Y = self.F, self.d, self.Y
        d.h(1, f"第二部分 {Y}年度部门决算情况说明")
        d.h(2, "一、收入支出决算总体情况说明")
        it = self.A("all.in_total", F["in_total"])
        d.p(f"{Y}年度收入总计", it, "万元，支出总计", self.A("all.out_total", F["in_total"]), "万元",
            *self.growth("in_total", it, F["in_total"], F["prev"]["in_total"], style="prev_first"), "。")
        self.shapes.add("prev_before_current")
        d.h(2, "二、收入决算情况说明")
        inc = self.A("all.inc", F["inc"])
        segs = [f"{Y}年度本年收入合计", inc, "万元",
                *self.growth("inc", inc, F["inc"], F["prev"]["inc"]), "。其中："]
        parts = []
        for nm, k, v in self.income_items():
            fid = self.A("all." + k, v)
            parts.append(fid)
            segs += [nm, fid, "万元，", *self.share(k, fid, inc, v, F["inc"]), "；"]
        segs[-1] = "。"
        d.p(*segs)
        d.ident("sum", total=inc, parts=parts, label="text.income")
        d.p("年初结转和结余", self.A("all.c0", F["c0"]), "万元，年末结转和结余", self.A("all.c1", F["c1"]),
            "万元。上年年末结转和结余即为本年年初结转和结余。")
        self.shapes.add("scopes_side_by_side")
        d.h(2, "三、支出决算情况说明")
        ex = self.A("all.T.t", F["exp"])
        b = self.A("all.T.b", F["basic"])
        p = self.A("all.T.p", F["proj"])
        d.p(f"{Y}年度本年支出合计", ex, "万元", *self.growth("exp", ex, F["exp"], F["prev"]["exp"]),
            "。其中：基本支出", b, "万元，", *self.share("basic", b, ex, F["basic"], F["exp"], phrase="占本年支出合计的"),
            "；项目支出", p, "万元，", *self.share("proj", p, ex, F["proj"], F["exp"]), "。")
        d.ident("sum", total=ex, parts=[b, p], label="text.exp")
        self.pp_clause(ex, b)
        self.unit_sections("四、各单位决算情况")
        d.h(2, "五、财政拨款收入支出决算总体情况说明")
        fi = self.A("fis.total", F["fiscal"])
        d.p(f"{Y}年度财政拨款支出", fi, "万元", *self.growth("fiscal", fi, F["fiscal"], F["prev"]["fiscal"]),
            "。财政拨款支出中，一般公共预算财政拨款", (g := self.A("gpb.T.t", F["gpb"])),
            "万元，政府性基金预算财政拨款", (gf := self.A("gf.T.t", F["gf"])), "万元。")
        d.ident("sum", total=fi, parts=[g, gf], label="text.fiscal")
        self.gpb_text()
        self.basic_text()
        self.sangong_text()
        self.gf_text()

    # ---------- part 3 ----------
    def part3(self):
        F, d, Y, rng = self.F, self.d, self.Y, self.rng
        d.h(1, "第三部分 其他重要事项情况说明")
        d.h(2, "一、机关运行经费")
        j = self.A("jgyx", F["jgyx"])
        word = "预算" if self.bud else "支出"
        if F["jgyx_scope"] == "basic":
            d.p(f"{Y}年本部门机关（本级）运行经费{word}", j, "万元",
                *self.growth("jgyx", j, F["jgyx"], F["jgyx_prev"]), "。")
            pf = self.A("gpb.public", F["public"])
            d.ident("le", small=j, big=pf, label="jgyx<=public")
            d.p("机关运行经费为行政单位一般公共预算基本支出中的公用经费；本部门一般公共预算公用经费合计", pf, "万元。")
        else:
            d.p("按本地口径，机关运行经费指本部门行政单位使用一般公共预算财政拨款安排的302商品和服务支出及31002办公设备购置等"
                "经济分类科目的全部资金（含项目支出中列支的部分）。", f"{Y}年本部门机关运行经费{word}", j, "万元",
                *self.growth("jgyx", j, F["jgyx"], F["jgyx_prev"]), "。")
            self.shapes.add("jgyx_econ_codes_scope")
        # procurement
        d.h(2, "二、政府采购情况")
        pt = self.A("proc.total", F["proc_total"])
        g = self.A("proc.goods", F["proc_goods"])
        w = self.A("proc.works", F["proc_works"])
        s = self.A("proc.serv", F["proc_serv"])
        d.ident("sum", total=pt, parts=[g, w, s], label="text.proc")
        sme = self.A("proc.sme", F["proc_sme"])
        d.ident("le", small=sme, big=pt, label="sme<=total")
        segs = [f"{Y}年本部门政府采购{'预算总额' if self.bud else '支出总额'}", pt, "万元，其中：政府采购货物", g,
                "万元，政府采购工程", w, "万元，政府采购服务", s, "万元。授予中小企业合同金额", sme, "万元，",
                *self.share("proc.sme", sme, pt, F["proc_sme"], F["proc_total"], phrase="占政府采购支出总额的")]
        if not self.bud:
            mi = self.A("proc.micro", F["proc_micro"])
            d.ident("le", small=mi, big=sme, label="micro<=sme")
            segs += ["，其中授予小微企业合同金额", mi, "万元"]
        d.p(*segs, "。")
        # assets
        d.h(2, "三、国有资产占用情况")
        vt = d.cnt("veh.total", F["veh_total"])
        segs = [f"截至{Y - 1 if self.bud else Y}年12月31日，本部门共有车辆", vt, "辆，其中："]
        parts = []
        for i, (k, n) in enumerate(F["vehicles"].items()):
            fid = d.cnt("veh." + k, n)
            parts.append(fid)
            segs += [k, fid, "辆", "、" if i < len(F["vehicles"]) - 1 else "；"]
        d.ident("sum", total=vt, parts=parts, label="vehicles")
        segs += ["单位价值100万元以上设备", d.cnt("equip", F["equip"]), "台（套）。"]
        d.p(*segs)
        # performance
        d.h(2, "四、预算绩效管理情况")
        pp = self.A("all.T.p", F["proj"])
        if self.bud:
            d.p(f"{Y}年本部门实行绩效目标管理的项目支出", pp, "万元，全部项目均编制了绩效目标。部门整体支出绩效目标见附表。")
        else:
            d.p(f"{Y}年度本部门对全部项目支出", pp, "万元开展了绩效自评，并开展部门整体支出绩效自评，自评结果见附表。")
        # key projects (project-text)
        d.h(2, "五、重点项目情况")
        projs = sorted(F["projects"], key=lambda x: -x["fen"])[:rng.randint(2, 3)]
        for i, pj in enumerate(projs):
            fid = self.A("proj." + pj["name"] + "@" + pj["unit"], pj["fen"])
            d.p(f"{i + 1}.{pj['name']}：{'预算安排' if self.bud else '全年支出'}", fid, "万元，由", pj["unit"],
                "实施，主要用于保障相关业务工作开展。")

    def glossary(self):
        d = self.d
        d.h(1, "第四部分 名词解释")
        d.p("1.财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。")
        d.p("2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。")
        d.p("3.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。")
        d.p(f"4.{SG}经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。")
        d.p("5.其他机构运行经费：指事业单位为保障机构运转安排的项目经费，不属于机关运行经费。")
        d.p("联系方式：本部门财务科，联系电话0000-00000000。")

    # ---------- tables ----------
    def make_tables(self):
        from tables5 import TableMaker
        return TableMaker(self).all()
