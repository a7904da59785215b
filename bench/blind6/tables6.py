"""Table builders for gen6."""
from facts6 import CAPITAL, CLASSES, ECON_GROUP, FAMILY, KUANS, PERSON, PUBLIC

CN = "一二三四五六七八九十"


def cn(i):
    return CN[i] if i < 10 else "十" + CN[i - 10]


def tree(leaves):
    """[(level, code, name, [leaf codes])] in order, class > kuan > leaf."""
    out = []
    for c3 in sorted({lf["code"][:3] for lf in leaves}):
        l3 = [lf for lf in leaves if lf["code"][:3] == c3]
        out.append((0, c3, CLASSES[c3], [lf["code"] for lf in l3]))
        for c5 in sorted({lf["code"][:5] for lf in l3}):
            l5 = [lf for lf in l3 if lf["code"][:5] == c5]
            out.append((1, c5, KUANS[c5], [lf["code"] for lf in l5]))
            for lf in l5:
                out.append((2, lf["code"], lf["name"], [lf["code"]]))
    return out


def tstyle(D):
    o = D.opts
    return o["tunit"], o["tsep"], o["tzero"] == "blank"


def ftable(D, name, title, cols, leaves, sp, rowsums=(), group_head=None, lanci=False, tcat="ttotal"):
    """Function-classification table. cols: [(colname, keyprefix or None, getter, allkey)]."""
    o = D.opts
    tu, sep, bz = tstyle(D)
    code_mode = o["codes"]
    by = {lf["code"]: lf for lf in leaves}
    nodes = tree(leaves)
    if code_mode == "three":
        lab_head = ["类", "款", "项", "科目名称"]
    elif code_mode == "one":
        lab_head = ["科目编码", "科目名称"]
    else:
        lab_head = ["科目编码及名称"]
    nl = len(lab_head)
    header, spans = [], []
    if group_head:
        # group_head: list of (text, ncols) over amount columns
        r0 = ["项目"] + [""] * (nl - 1)
        for txt, n in group_head:
            r0 += [txt] + [""] * (n - 1)
        header.append(r0)
        if nl > 1:
            spans.append((0, 0, 0, nl - 1))
        c = nl
        for txt, n in group_head:
            if n > 1:
                spans.append((0, c, 0, c + n - 1))
            c += n
    header.append(lab_head + [c[0] for c in cols])
    if group_head:
        # single groups spanning vertically
        c = nl
        for txt, n in group_head:
            if n == 1:
                header[-1][c] = ""
                spans.append((0, c, 1, c))
            c += n
    if lanci:
        header.append(["栏次"] + [""] * (nl - 1) + [str(i + 1) for i in range(len(cols))])
        if nl > 1:
            spans.append((len(header) - 1, 0, len(header) - 1, nl - 1))
    rows, labels = [], []
    vals = {}

    def val(code, j):
        g = cols[j][2]
        return sum(g(by[c]) for c in next(n[3] for n in nodes if n[1] == code)) if code != "ALL" else \
            sum(g(lf) for lf in leaves)

    def key(code, j):
        kp = cols[j][1]
        if kp is None:
            return None
        return cols[j][3] if code == "ALL" else f"{kp}.{code}"

    def mkrow(level, code, nm):
        if code == "ALL":
            lab = "合计" if o["totlab"] == "合计" else "总计"
            cells = [lab] + [""] * (nl - 1)
        elif code_mode == "three":
            cc = [code[:3], code[3:5] if len(code) >= 5 else "", code[5:7] if len(code) == 7 else ""]
            if o.get("kuan_nozero") and len(code) >= 5:
                cc[1] = str(int(code[3:5]))
            cells = cc + [nm]
        elif code_mode == "one":
            cells = [code, nm]
        else:
            cells = [("　" * level) + code + " " + nm]
        lab = cells[-1] if code != "ALL" else cells[0]
        fids = []
        for j in range(len(cols)):
            v = val(code, j)
            fid, s = D.amt(key(code, j), v, f"{sp}.{code}.{j}", tu, 2, sep, bz,
                           cat=(tcat if code == "ALL" and v else None), table=title, row=lab.strip())
            cells.append(s)
            fids.append(fid)
        vals[code] = fids
        rows.append(cells)
        labels.append(lab.strip())

    if o["totpos"] == "top":
        mkrow(0, "ALL", "")
    for lv, code, nm, _ in nodes:
        mkrow(lv, code, nm)
    if o["totpos"] != "top":
        mkrow(0, "ALL", "")
    for j in range(len(cols)):
        c3s = [n[1] for n in nodes if n[0] == 0]
        D.sum_id(vals["ALL"][j], [vals[c][j] for c in c3s])
        for lv, code, nm, _ in nodes:
            if lv < 2:
                kids = [n[1] for n in nodes if n[0] == lv + 1 and n[1].startswith(code)]
                D.sum_id(vals[code][j], [vals[k][j] for k in kids])
    for tot, parts in rowsums:
        for code, fids in vals.items():
            D.sum_id(fids[tot], [fids[p] for p in parts])
    T = {"name": name, "title": title, "unit": tu, "header": header, "spans": spans, "rows": rows,
         "labels": labels, "nlab": nl, "vals": vals}
    return T


def twocol(D, name, title, left, right, bottom_l, bottom_r, sp, lanci, hanci, amt_head):
    """Two-column 总表. left/right: [(label, key, fen, cat)]; bottom_*: same, aligned at the bottom."""
    tu, sep, bz = tstyle(D)
    n = max(len(left), len(right))
    L = left + [None] * (n - len(left)) + bottom_l
    R = right + [None] * (n - len(right)) + bottom_r
    if hanci:
        header = [["收入", "", "", "支出", "", ""], ["项目", "行次", amt_head, "项目", "行次", amt_head]]
        spans = [(0, 0, 0, 2), (0, 3, 0, 5)]
    else:
        header = [["收入", "", "支出", ""], ["项目", amt_head, "项目", amt_head]]
        spans = [(0, 0, 0, 1), (0, 2, 0, 3)]
    if lanci:
        header.append(["栏次", "", "1", "栏次", "", "2"] if hanci else ["栏次", "1", "栏次", "2"])
    rows, labels, fl, fr = [], [], {}, {}
    ln = 0
    nl = sum(1 for x in L if x)
    rn = nl
    for i in range(len(L)):
        row = []
        for side, it, store in (("l", L[i], fl), ("r", R[i], fr)):
            if it is None:
                row += ["", "", ""] if hanci else ["", ""]
                continue
            lab, key, fen, cat = it
            if side == "l":
                ln += 1
                no = ln
            else:
                rn += 1
                no = rn
            fid, s = D.amt(key, fen, f"{sp}.{side}.{lab}", tu, 2, sep, bz and lab[-2:] not in ("合计", "总计"),
                           cat=cat, table=title, row=lab)
            store[lab] = fid
            row += [lab, str(no), s] if hanci else [lab, s]
        rows.append(row)
        labels.append((L[i] or R[i] or ("",))[0])
    return {"name": name, "title": title, "unit": tu, "header": header, "spans": spans, "rows": rows,
            "labels": labels, "nlab": 0, "twocol": True}, fl, fr


def econ_rows(f):
    e = f["econ"]
    groups = [("301", PERSON, "P"), ("303", FAMILY, "P"), ("302", PUBLIC, "Q"), ("310", CAPITAL, "Q")]
    out = []
    for g, items, pq in groups:
        its = [(c, n, e[c]) for c, n in items if e[c] or c in ("30101", "30201")]
        out.append((g, ECON_GROUP[g], sum(v for _, _, v in its), pq, its))
    return out


def econ_table(D, f, name, title, sp, side_by_side, amt_head="决算数"):
    tu, sep, bz = tstyle(D)
    groups = econ_rows(f)
    if not side_by_side:
        header = [["科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
        rows, labels = [], []
        gfid = {}
        allrow = {}

        def add(code, nm, v, pq, cat=None):
            cells = [code, nm]
            fids = []
            for j, part in enumerate(("K", "P", "Q")):
                vv = v if part == "K" or part == pq else 0
                if code == "ALL":
                    vv = f[part]
                k = (f"e.{code}" if code != "ALL" else "K") if part == "K" else \
                    (("P" if part == "P" else "Q") if code == "ALL" else (f"e.{code}" if part == pq else None))
                fid, s = D.amt(k, vv, f"{sp}.{code}.{j}", tu, 2, sep, bz, cat=cat if j == 0 else None, table=title,
                               row=nm)
                fids.append(fid)
                cells.append(s)
            D.sum_id(fids[0], fids[1:])
            rows.append(cells)
            labels.append(nm)
            return fids
        tot = f["K"]
        if D.opts["totpos"] == "top":
            allrow["f"] = add("ALL", "合计", tot, None, cat="ttotal")
        for g, gn, gv, pq, its in groups:
            gf = add(g, gn, gv, pq, cat="ttotal")
            kids = [add(c, n, v, pq) for c, n, v in its]
            for j in range(3):
                D.sum_id(gf[j], [k[j] for k in kids])
            gfid[g] = gf
        if D.opts["totpos"] != "top":
            allrow["f"] = add("ALL", "合计", tot, None, cat="ttotal")
        for j in range(3):
            D.sum_id(allrow["f"][j], [gfid[g][j] for g in gfid])
        for r in rows:
            if r[0] == "ALL":
                r[0] = ""
        return {"name": name, "title": title, "unit": tu, "header": header, "spans": [], "rows": rows,
                "labels": labels, "nlab": 2}
    # side by side: 人员经费 block | 公用经费 block
    header = [["人员经费", "", "", "公用经费", "", ""], ["科目编码", "科目名称", amt_head, "科目编码", "科目名称", amt_head]]
    spans = [(0, 0, 0, 2), (0, 3, 0, 5)]
    L, R = [], []
    for g, gn, gv, pq, its in groups:
        blk = L if pq == "P" else R
        blk.append((g, gn, gv, its))
    rows_l, rows_r = [], []
    fl, fr = [], []
    for blk, rws, fx in ((L, rows_l, fl), (R, rows_r, fr)):
        for g, gn, gv, its in blk:
            gfid, s = D.amt(f"e.{g}", gv, f"{sp}.{g}", tu, 2, sep, bz, cat="ttotal", table=title, row=gn)
            rws.append([g, gn, s])
            kids = []
            for c, n, v in its:
                fid, s2 = D.amt(f"e.{c}", v, f"{sp}.{c}", tu, 2, sep, bz, table=title, row=n)
                rws.append([c, n, s2])
                kids.append(fid)
            D.sum_id(gfid, kids)
            fx.append(gfid)
    n = max(len(rows_l), len(rows_r))
    rows_l += [["", "", ""]] * (n - len(rows_l))
    rows_r += [["", "", ""]] * (n - len(rows_r))
    rows = [a + b for a, b in zip(rows_l, rows_r)]
    labels = [a[1] or b[1] for a, b in zip(rows_l, rows_r)]
    pf, ps = D.amt("P", f["P"], f"{sp}.P", tu, 2, sep, False, cat="blank", table=title, row="人员经费合计")
    qf, qs = D.amt("Q", f["Q"], f"{sp}.Q", tu, 2, sep, False, cat="blank", table=title, row="公用经费合计")
    D.figs[pf]["where"] = "人员经费合计"
    D.figs[qf]["where"] = "公用经费合计"
    D.sum_id(pf, fl)
    D.sum_id(qf, fr)
    rows.append(["人员经费合计", "", ps, "公用经费合计", "", qs])
    labels.append("人员经费合计")
    return {"name": name, "title": title, "unit": tu, "header": header, "spans": spans, "rows": rows,
            "labels": labels, "nlab": 0}


def simple_table(D, name, title, header, items, sp, tcat="ttotal", total_label="合计", keys=None):
    """items: [(label, [fen...], [key...])]; first row = total of the rest per column."""
    tu, sep, bz = tstyle(D)
    rows, labels, fids = [], [], []
    for i, (lab, vs, ks) in enumerate(items):
        cells = [lab]
        rf = []
        for j, v in enumerate(vs):
            fid, s = D.amt(ks[j], v, f"{sp}.{i}.{j}", tu, 2, sep, bz and i > 0,
                           cat=(tcat if i == 0 and v else None), table=title, row=lab)
            cells.append(s)
            rf.append(fid)
        rows.append(cells)
        labels.append(lab)
        fids.append(rf)
    return {"name": name, "title": title, "unit": tu, "header": header, "spans": [], "rows": rows,
            "labels": labels, "nlab": 1}, fids
