"""Synthetic facts (integer fen) for one county/district department that consolidates 本级 and 1-4 units."""
from catalog15 import (BASIC_LEAVES, CLASS_NAMES, COMMON_LEAVES, DEPTS, KUAN_NAMES, LEAF_NAMES, PERSON_ITEMS,
                       PUBLIC_ITEMS, REGIONS, VEHICLE_KINDS)

W = 1000000  # fen per 万元


class Obj(dict):
    __getattr__ = dict.__getitem__

    def __setattr__(self, k, v):
        self[k] = v


def money(rng, lo_wan, hi_wan):
    """Random amount in fen between lo and hi 万元, with random cents."""
    return int(rng.uniform(lo_wan, hi_wan) * W) // 1 + rng.randint(0, 99)


def split(rng, total, n, min_frac=0.04):
    """Split total (int) into n positive ints."""
    if n == 1:
        return [total]
    ws = [rng.uniform(min_frac, 1.0) for _ in range(n)]
    s = sum(ws)
    parts = [int(total * w / s) for w in ws]
    parts[0] += total - sum(parts)
    return parts


def growth_prev(rng, cur, lo=-0.35, hi=0.6):
    """A last-year value so that growth is clearly non-zero."""
    while True:
        g = rng.uniform(lo, hi)
        if abs(g) >= 0.03:
            break
    return int(cur / (1 + g))


def make_facts(rng, doc_type, year):
    f = Obj()
    f.doc_type, f.year = doc_type, year
    prov, city, county = rng.choice(REGIONS)
    kind = rng.choice(DEPTS)
    f.kind = kind
    f.region = (prov, city, county)
    suffix = county[-1]
    f.area = '全' + ('县' if suffix == '县' else suffix)
    f.dept = county + kind['name']
    nsub = rng.randint(1, min(4, len(kind['subs'])))
    subs = rng.sample(kind['subs'], nsub)
    f.units = [(f.dept + '（本级）', '行政单位')] + [(county + n, t) for n, t in subs]
    f.has_shiye = any('事业单位' in t and '参照' not in t for _, t in subs)
    f.n_admin = 1
    f.n_cg = sum(1 for _, t in subs if '参照' in t)
    f.n_sy = nsub - f.n_cg

    # staff
    bz_admin = rng.randint(8, 40)
    bz_inst = sum(rng.randint(5, 30) for _ in subs)
    real_admin = bz_admin - rng.randint(0, min(4, bz_admin - 3))
    real_inst = bz_inst - rng.randint(0, min(6, bz_inst - 3))
    lixiu = rng.choice([0, 0, 0, 1])
    tuixiu = rng.randint(0, 40)
    f.staff = Obj(bz=bz_admin + bz_inst, bz_admin=bz_admin, bz_inst=bz_inst, real=real_admin + real_inst,
                  real_admin=real_admin, real_inst=real_inst, retired=lixiu + tuixiu, lixiu=lixiu, tuixiu=tuixiu)

    # basic money: person and public costs
    heads = f.staff.real
    person = heads * money(rng, 11, 17) + tuixiu * money(rng, 0.2, 1.0)
    public = int(person * rng.uniform(0.10, 0.24)) + rng.randint(0, 99)
    f.person, f.public = person, public
    # person economic items (tie social items to the social leaves)
    pw = {'30101': 0.20, '30102': 0.16, '30103': 0.03, '30107': 0.16, '30108': 0.085, '30109': 0.035,
          '30110': 0.055, '30111': 0.01, '30112': 0.006, '30113': 0.075, '30199': 0.03, '30302': 0.02,
          '30305': 0.01, '30309': 0.005}
    drop = set(rng.sample(['30103', '30111', '30112', '30199', '30302', '30305', '30309'], rng.randint(1, 4)))
    items = [(c, n) for c, n in PERSON_ITEMS if c not in drop]
    ws = [pw[c] * rng.uniform(0.8, 1.2) for c, _ in items]
    vals = [int(person * w / sum(ws)) for w in ws]
    vals[0] += person - sum(vals)
    f.person_items = [(c, n, v) for (c, n), v in zip(items, vals)]
    pubk = rng.sample(PUBLIC_ITEMS, rng.randint(9, 15))
    pubk.sort()
    if not any(c == '30201' for c, _ in pubk):
        pubk.insert(0, ('30201', '办公费'))
    vals = split(rng, public, len(pubk), 0.05)
    f.public_items = [(c, n, v) for (c, n), v in zip(pubk, vals)]
    pi = {c: v for c, _, v in f.person_items}

    # leaves
    leaves = []

    def leaf(code):
        kuan, cls = code[:5], code[:3]
        d = Obj(code=code, name=LEAF_NAMES[code], kuan=kuan, kuan_name=KUAN_NAMES[kuan], cls=cls,
                cls_name=CLASS_NAMES[cls], basic=0, proj=0, gf=0, nfb=0, nfp=0)
        leaves.append(d)
        return d

    soc = {}
    for code in COMMON_LEAVES:
        soc[code] = leaf(code)
    soc['2080505'].basic = pi.get('30108', 0)
    soc['2080506'].basic = pi.get('30109', 0)
    med = pi.get('30110', 0) + pi.get('30111', 0)
    if f.has_shiye:
        l2 = leaf('2101102')
        a = int(med * real_admin / heads)
        soc['2101101'].basic, l2.basic = a, med - a
    else:
        soc['2101101'].basic = med
    soc['2210201'].basic = pi.get('30113', 0)
    rest = person + public - sum(x.basic for x in leaves)
    adm = leaf(kind['admin'])
    if kind['inst'] and (f.n_sy or f.n_cg):
        ins = leaf(kind['inst'])
        a = int(rest * real_admin / heads)
        adm.basic, ins.basic = a, rest - a
    else:
        adm.basic = rest
    # project leaves
    nbiz = rng.randint(2, min(5, len(kind['biz'])))
    biz = [leaf(c) for c in sorted(rng.sample(kind['biz'], nbiz))]
    proj_total = int((person + public) * rng.uniform(0.25, 1.6)) + rng.randint(0, 99)
    for lf, v in zip(biz, split(rng, proj_total, nbiz, 0.08)):
        lf.proj = v
    if rng.random() < 0.35:
        adm.proj = money(rng, 3, 40)
    # 政府性基金
    f.has_gf = bool(kind.get('gf')) and rng.random() < 0.6
    if f.has_gf:
        for c in sorted(rng.sample(kind['gf'], rng.randint(1, min(2, len(kind['gf']))))):
            leaf(c).gf = money(rng, 20, 600)
    # non-fiscal money of 事业单位
    f.has_nf = f.has_shiye and rng.random() < 0.6
    if f.has_nf:
        tgt = [x for x in leaves if x.code == kind['inst']] or [adm]
        tgt[0].nfb = money(rng, 5, 120)
        if rng.random() < 0.6:
            biz[-1].nfp = money(rng, 5, 150)
    leaves.sort(key=lambda x: x.code)
    f.leaves = leaves
    for lf in leaves:
        lf.gpb = lf.basic + lf.proj
        lf.total = lf.gpb + lf.gf + lf.nfb + lf.nfp
    f.gpb_basic = sum(x.basic for x in leaves)
    f.gpb_proj = sum(x.proj for x in leaves)
    f.gpb = f.gpb_basic + f.gpb_proj
    f.gf = sum(x.gf for x in leaves)
    f.nf = sum(x.nfb + x.nfp for x in leaves)
    f.basic = f.gpb_basic + sum(x.nfb for x in leaves)
    f.proj = f.gpb_proj + f.gf + sum(x.nfp for x in leaves)
    f.exp = f.basic + f.proj
    assert f.exp == f.gpb + f.gf + f.nf
    assert f.gpb_basic == person + public

    # carry-overs and income
    def carry(base, p=0.5):
        return 0 if rng.random() < p else int(base * rng.uniform(0.005, 0.06)) + rng.randint(0, 99)
    f.gpb_start, f.gpb_end = carry(f.gpb), carry(f.gpb)
    f.gf_start = carry(f.gf, 0.6) if f.has_gf else 0
    f.gf_end = carry(f.gf, 0.5) if f.has_gf else 0
    f.nf_start = carry(f.nf, 0.4) if f.has_nf else 0
    f.nf_end = carry(f.nf, 0.5) if f.has_nf else 0
    f.use_nf = int(f.nf * rng.uniform(0.02, 0.15)) if (f.has_nf and rng.random() < 0.5) else 0
    f.dist = 0
    if doc_type == 'budget':
        f.gpb_end = f.gf_end = f.nf_end = 0
        f.use_nf = 0
    f.inc_gpb = f.gpb + f.gpb_end - f.gpb_start
    f.inc_gf = f.gf + f.gf_end - f.gf_start
    nf_inc = f.nf + f.nf_end + f.dist - f.nf_start - f.use_nf
    assert min(f.inc_gpb, f.inc_gf, nf_inc) >= 0
    f.inc_sy = f.inc_sj = f.inc_qt = 0
    if nf_inc:
        if rng.random() < 0.5:
            f.inc_sy = int(nf_inc * rng.uniform(0.4, 0.9))
        if rng.random() < 0.3:
            f.inc_sj = int((nf_inc - f.inc_sy) * rng.uniform(0.2, 0.6))
        f.inc_qt = nf_inc - f.inc_sy - f.inc_sj
    f.inc = f.inc_gpb + f.inc_gf + nf_inc
    f.start = f.gpb_start + f.gf_start + f.nf_start
    f.end = f.gpb_end + f.gf_end + f.nf_end
    f.grand = f.inc + f.use_nf + f.start
    assert f.grand == f.exp + f.dist + f.end
    # income by leaf, per source
    for lf in leaves:
        lf.i_gpb = lf.i_gf = lf.i_sy = lf.i_sj = lf.i_qt = 0
    _spread(leaves, 'gpb', 'i_gpb', f.inc_gpb)
    _spread(leaves, 'gf', 'i_gf', f.inc_gf)
    for lf in leaves:
        lf.nfx = lf.nfb + lf.nfp
    _spread(leaves, 'nfx', 'i_sy', f.inc_sy)
    _spread(leaves, 'nfx', 'i_sj', f.inc_sj)
    _spread(leaves, 'nfx', 'i_qt', f.inc_qt)
    for lf in leaves:
        lf.inc = lf.i_gpb + lf.i_gf + lf.i_sy + lf.i_sj + lf.i_qt

    # budgets and last year, per gpb leaf
    for lf in leaves:
        if lf.gpb == 0:
            lf.init = lf.adj = lf.prev = 0
            continue
        if lf.code in BASIC_LEAVES:
            lf.init = int(lf.gpb * rng.uniform(0.82, 1.08))
        else:
            lf.init = 0 if rng.random() < 0.22 else int(lf.gpb * rng.uniform(0.55, 1.25))
        lf.init = lf.init // 100 * 100
        lf.adj = max(lf.gpb, int(lf.gpb / rng.uniform(0.9, 1.0)))
        lf.prev = 0 if (lf.code not in BASIC_LEAVES and rng.random() < 0.25) else growth_prev(rng, lf.gpb)
    if doc_type == 'budget' and not any(x.prev == 0 and x.gpb for x in leaves):
        bz = [x for x in biz if x.gpb]
        if bz:
            rng.choice(bz).prev = 0
    f.gpb_init = sum(x.init for x in leaves)
    f.gpb_adj = sum(x.adj for x in leaves)
    f.gpb_prev = sum(x.prev for x in leaves)
    # last year's totals, nested like this year's: gpb within 财政拨款 within 收支总计
    gf_prev = growth_prev(rng, f.gf) if f.gf else 0
    fin_prev = f.gpb_prev + gf_prev + (0 if doc_type == 'budget' else int(f.gpb_prev * rng.uniform(0, 0.04)))
    rest = f.grand - (f.gpb + f.gf + f.gpb_end + f.gf_end)
    grand_prev = fin_prev + (growth_prev(rng, rest) if rest > 0 else 0)
    f.prev = Obj(grand=grand_prev, fin=fin_prev)

    # 三公
    sg = Obj()
    sg.abroad = 0
    sg.car_buy = money(rng, 12, 26) if rng.random() < 0.2 else 0
    pub = {c: v for c, _, v in f.public_items}
    sg.car_run = pub.get('30231', 0) + (money(rng, 0.5, 6) if rng.random() < 0.5 or '30231' not in pub else 0)
    sg.recept = pub.get('30217', 0) + (money(rng, 0.2, 3) if rng.random() < 0.4 else 0)
    if sg.recept == 0 and rng.random() < 0.85:
        sg.recept = money(rng, 0.3, 6)
    sg.b_abroad = 0
    sg.b_car_buy = sg.car_buy if sg.car_buy else 0
    sg.b_car_run = int(sg.car_run * rng.uniform(1.0, 1.35))
    sg.b_recept = int(sg.recept * rng.uniform(1.0, 1.6)) if sg.recept else money(rng, 0.5, 2)
    sg.p_abroad = 0
    sg.p_car_buy = money(rng, 12, 26) if rng.random() < 0.15 else 0
    sg.p_car_run = growth_prev(rng, sg.car_run)
    sg.p_recept = growth_prev(rng, sg.recept) if sg.recept else money(rng, 0.2, 2)
    for k in ('', 'b_', 'p_'):
        sg[k + 'car'] = sg[k + 'car_buy'] + sg[k + 'car_run']
        sg[k + 'total'] = sg[k + 'abroad'] + sg[k + 'car'] + sg[k + 'recept']
    sg.n_buy = 1 if sg.car_buy else 0
    sg.batches = rng.randint(3, 40) if sg.recept else 0
    sg.persons = sg.batches * rng.randint(3, 9)
    f.sg = sg
    # vehicles and equipment
    nveh = rng.randint(1, 9)
    kinds = rng.sample(VEHICLE_KINDS, rng.randint(1, 3))
    cnt = [1] * len(kinds)
    for _ in range(nveh - len(kinds)):
        cnt[rng.randrange(len(kinds))] += 1
    f.vehicles = [(k, c) for k, c in sorted(zip(kinds, cnt), key=lambda x: VEHICLE_KINDS.index(x[0]))]
    f.n_veh = sum(cnt)
    f.n_veh_fin = max(1, f.n_veh - rng.randint(0, 2))
    f.equip50 = rng.choice([0, 0, 1, 2, 3])
    f.equip100 = rng.choice([0, 0, 0, 1, 2])
    # 机关运行经费
    f.jg = int(public * (1.0 if not (f.n_sy) else rng.uniform(0.55, 0.9)))
    f.jg_prev = growth_prev(rng, f.jg, -0.25, 0.3)
    # procurement
    pt = int(f.proj * rng.uniform(0.15, 0.6))
    parts = split(rng, pt, 3, 0.05)
    if rng.random() < 0.4:
        parts[1], parts[0] = 0, parts[0] + parts[1]
    f.pc = Obj(goods=parts[0], works=parts[1], service=parts[2], total=pt)
    f.pc.sme = int(pt * rng.uniform(0.6, 1.0))
    f.pc.small = int(f.pc.sme * rng.uniform(0.35, 0.9))
    # projects (split each project leaf into 1-2 projects)
    names = list(kind['projects'])
    rng.shuffle(names)
    projs = []
    for lf in leaves:
        if lf.proj == 0:
            continue
        n = 1 if lf.proj < 30 * W or not names else rng.choice([1, 2])
        for v in split(rng, lf.proj, n, 0.3):
            nm = names.pop() if names else lf.name + '专项经费'
            pj = Obj(name=nm, leaf=lf.code, exec=v)
            pj.adj = max(v, int(v / rng.uniform(0.86, 1.0)))
            pj.init = 0 if rng.random() < 0.15 else int(pj.adj * rng.uniform(0.6, 1.0)) // 100 * 100
            projs.append(pj)
    f.projects = projs
    f.eval_all = rng.random() < 0.6
    if f.eval_all or len(projs) < 3:
        f.evaluated = list(range(len(projs)))
    else:
        f.evaluated = sorted(rng.sample(range(len(projs)), rng.randint(2, len(projs) - 1)))
    # whole-department self evaluation (all funds)
    f.whole = Obj(init_b=int(f.basic * rng.uniform(0.9, 1.04)) // 100 * 100,
                  init_p=int(f.proj * rng.uniform(0.5, 1.1)) // 100 * 100,
                  adj_b=max(f.basic, int(f.basic * rng.uniform(1.0, 1.03))),
                  adj_p=max(f.proj, int(f.proj / rng.uniform(0.86, 1.0))))
    return f


def _spread(leaves, src, dst, total):
    base = [lf for lf in leaves if lf[src] > 0]
    if not base or total == 0:
        return
    s = sum(lf[src] for lf in base)
    acc = 0
    for lf in base[:-1]:
        lf[dst] = total * lf[src] // s
        acc += lf[dst]
    base[-1][dst] = total - acc
