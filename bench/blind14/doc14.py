"""Document model: printed figures, paragraphs, tables and the identities among them.

A `Fig` is one printed number (or direction word) with the semantic key of the quantity it
states; an identity is a relation among figures (sum, difference, growth, share, direction,
count, ≤).  Identities are checked with interval arithmetic: a figure printed with d decimals
stands for the interval x ± 0.5·10⁻ᵈ (widened by `widen` units of its last digit when a planted
defect must be shown to lie beyond rounding).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable

UNIT_FACTOR = {'元': Fraction(1), '万元': Fraction(10000), '%': Fraction(1), '': Fraction(1),
               '辆': Fraction(1), '个': Fraction(1), '台（套）': Fraction(1)}


# ---------------------------------------------------------------- number formatting
def round_half_up(x: Fraction, dec: int) -> Fraction:
    """Round half away from zero to `dec` decimals (how budget software prints)."""
    q = x * 10 ** dec
    n = (abs(q.numerator) * 2 + q.denominator) // (2 * q.denominator)
    return Fraction(n if q >= 0 else -n, 10 ** dec)


def fmt_number(x: Fraction, dec: int, sep: bool) -> str:
    r = round_half_up(x, dec)
    neg = r < 0
    r = abs(r)
    whole = r.numerator // r.denominator
    frac = r - whole
    s = f'{whole:,}' if sep else str(whole)
    if dec:
        s += '.' + str(int(frac * 10 ** dec)).rjust(dec, '0')
    if neg and r != 0:
        s = '-' + s
    return s


def parse_number(s: str) -> Fraction | None:
    t = s.replace(',', '').strip()
    try:
        return Fraction(t)
    except (ValueError, ZeroDivisionError):
        return None


def decimals_of(s: str) -> int:
    t = s.replace(',', '')
    return len(t.split('.')[1]) if '.' in t else 0


# ---------------------------------------------------------------- model
@dataclass
class Fig:
    id: str
    key: str            # semantic key of the stated quantity ('' = none)
    kind: str           # 'amt' | 'pct' | 'cnt' | 'dir'
    value: Fraction     # true value in base units (元, percent, count, sign)
    text: str           # as printed, without its unit
    unit: str
    dec: int
    loc: dict[str, Any]
    signed: bool = True  # False: printed as a magnitude next to a direction word
    tampered: bool = False
    true_text: str = ''

    def interval(self, widen: int = 0) -> tuple[Fraction, Fraction] | None:
        """Interval (in base units) of the values this printed figure can stand for."""
        if self.kind == 'dir':
            return None
        v = parse_number(self.text)
        if v is None:
            return None
        h = Fraction(1, 2) / 10 ** self.dec + Fraction(widen) / 10 ** self.dec
        f = UNIT_FACTOR[self.unit]
        if self.kind == 'cnt':
            h = Fraction(0)  # counts are exact integers: no rounding, so nothing to widen
        return ((v - h) * f, (v + h) * f)

    def sign(self) -> int:
        return {'增加': 1, '增长': 1, '上升': 1, '提高': 1, '减少': -1, '下降': -1, '降低': -1,
                '持平': 0}.get(self.text, 99)


@dataclass
class Para:
    segs: list[Any] = field(default_factory=list)  # str | Fig
    style: str = 'body'                             # body | h1 | h2 | h3 | title | toc | note
    protect: bool = False                           # never split by a page break

    def text(self) -> str:
        return ''.join(s if isinstance(s, str) else s.text for s in self.segs)


@dataclass
class Table:
    tid: str
    title: str
    unit_caption: str
    header: list[list[Any]]      # str, None (merged with left) or '^' (merged with above)
    rows: list[list[Any]]        # str | Fig | None (blank)
    row_kinds: list[str]
    num_cols: set[int]
    landscape: bool = False
    note: str = ''
    dept_line: str = ''
    lanci: list[str] | None = None  # 栏次 row under the header, if printed
    items: list[str] = field(default_factory=list)  # 一般公共预算 projects listed (项目支出表)

    def row_label(self, r: int) -> str:
        cells = [c for i, c in enumerate(self.rows[r]) if i not in self.num_cols and isinstance(c, str) and c.strip()]
        return ' '.join(c.strip() for c in cells)


@dataclass
class Noise:
    """A running page header or footer as it shows up in text extracted from a PDF."""
    text: str
    kind: str  # header | footer


@dataclass
class Doc:
    facts: dict[str, Any]
    options: dict[str, Any]
    blocks: list[Any] = field(default_factory=list)   # Para | Table | Noise | 'pagebreak'
    figs: dict[str, Fig] = field(default_factory=dict)
    identities: list[dict[str, Any]] = field(default_factory=list)
    toc_tables: list[str] = field(default_factory=list)   # table titles listed in 目录
    toc_tids: list[str] = field(default_factory=list)     # the same tables' ids
    mandatory: list[str] = field(default_factory=list)
    _n: int = 0

    # -- figure registry
    def new_fig(self, key: str, kind: str, value: Fraction, text: str, unit: str, dec: int,
                loc: dict[str, Any], signed: bool = True) -> Fig:
        self._n += 1
        f = Fig(f'f{self._n}', key, kind, Fraction(value), text, unit, dec, loc, signed)
        f.true_text = text
        self.figs[f.id] = f
        return f

    def ident(self, typ: str, tag: str = '', **kw: Any) -> None:
        d: dict[str, Any] = {'type': typ, 'tag': tag}
        for k, v in kw.items():
            if isinstance(v, Fig):
                d[k] = v.id
            elif isinstance(v, (list, tuple)):
                d[k] = [x.id if isinstance(x, Fig) else x for x in v]
            else:
                d[k] = v
        d['id'] = f'i{len(self.identities) + 1}'
        self.identities.append(d)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def plain_text(self) -> str:
        out = []
        for b in self.blocks:
            if isinstance(b, Para):
                out.append(b.text())
            elif isinstance(b, Table):
                out.append(b.title)
                for row in b.header:
                    out.append(' '.join(c for c in row if isinstance(c, str) and c != '^'))
                for row in b.rows:
                    out.append(' '.join(c if isinstance(c, str) else (c.text if c else '') for c in row))
                out.append(b.note)
        return '\n'.join(out)


# ---------------------------------------------------------------- interval evaluation
Interval = tuple[Fraction, Fraction]


def _add(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


def _neg(a: Interval) -> Interval:
    return (-a[1], -a[0])


def _ratio_range(num: Interval, den: Interval) -> Interval | None:
    if den[0] <= 0 <= den[1]:
        return None
    c = [n / d for n in num for d in den]
    return (min(c) * 100, max(c) * 100)


def _overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def signed_interval(f: Fig, dirfig: Fig | None, widen: int) -> Interval | None:
    iv = f.interval(widen)
    if iv is None:
        return None
    if dirfig is not None and not f.signed:
        s = dirfig.sign()
        if s == -1:
            return _neg(iv)
        if s == 99:
            return None
    return iv


def check_identity(d: dict[str, Any], figs: dict[str, Fig], widen: int = 0) -> bool | None:
    """True if satisfiable within rounding, False if violated, None if not evaluable."""
    g = figs.get
    t = d['type']
    if t == 'sum':
        tot = g(d['total']).interval(widen)
        parts = [g(p).interval(widen) for p in d['parts']]
        if tot is None or any(p is None for p in parts):
            return None
        s: Interval = (Fraction(0), Fraction(0))
        for p in parts:
            s = _add(s, p)
        return _overlap(tot, s)
    if t in ('eq', 'le'):
        a, b = g(d['a']).interval(widen), g(d['b']).interval(widen)
        if a is None or b is None:
            return None
        return _overlap(a, b) if t == 'eq' else a[0] <= b[1]
    if t == 'diff':
        dirf = g(d['dir']) if d.get('dir') else None
        chg = signed_interval(g(d['chg']), dirf, widen)
        zero = (Fraction(0), Fraction(0))  # a blank cell stands for an exact zero
        cur = g(d['cur']).interval(widen) if d.get('cur') else zero
        prev = g(d['prev']).interval(widen) if d.get('prev') else zero
        if chg is None or cur is None or prev is None:
            return None
        return _overlap(chg, _add(cur, _neg(prev)))
    if t == 'growth':
        dirf = g(d['dir']) if d.get('dir') else None
        rate = signed_interval(g(d['rate']), dirf, widen)
        if rate is None:
            return None
        cur = g(d['cur']).interval(widen) if d.get('cur') else None
        prev = g(d['prev']).interval(widen) if d.get('prev') else None
        chg = None
        if d.get('chg'):
            chg = signed_interval(g(d['chg']), g(d['chgdir']) if d.get('chgdir') else None, widen)
        if cur is not None and prev is not None:
            r = _ratio_range(_add(cur, _neg(prev)), prev)
        elif chg is not None and prev is not None:
            r = _ratio_range(chg, prev)
        elif chg is not None and cur is not None:
            # base = cur − chg; the rate is monotone in each of cur and chg, so corners suffice
            cs = [c2 / (c1 - c2) * 100 for c1 in cur for c2 in chg if c1 - c2 > 0]
            r = (min(cs), max(cs)) if len(cs) == 4 else None
        else:
            return None
        if r is None:
            return None
        return _overlap(rate, r)
    if t == 'share':
        sh, part, whole = g(d['share']).interval(widen), g(d['part']).interval(widen), g(d['whole']).interval(widen)
        if sh is None or part is None or whole is None:
            return None
        r = _ratio_range(part, whole)
        return None if r is None else _overlap(sh, r)
    if t == 'dir':
        cur, prev = g(d['cur']).interval(widen), g(d['prev']).interval(widen)
        if cur is None or prev is None:
            return None
        lo, hi = cur[0] - prev[1], cur[1] - prev[0]
        for fid in d['dirs']:
            s = g(fid).sign()
            if s == 99:
                return None  # not a direction word (e.g. unreplaced template text)
            ok = (s == 1 and hi > 0) or (s == -1 and lo < 0) or (s == 0 and lo <= 0 <= hi)
            if not ok:
                return False
        return True
    if t == 'count_items':
        f = g(d['fig'])
        v = parse_number(f.text)
        return None if v is None else v == d['n']
    raise ValueError(t)


def same_key_groups(figs: Iterable[Fig]) -> dict[str, list[Fig]]:
    out: dict[str, list[Fig]] = {}
    for f in figs:
        if f.key and f.kind in ('amt', 'pct', 'cnt'):
            out.setdefault(f.key, []).append(f)
    return out


def magnitude(iv: Interval) -> Interval:
    lo, hi = iv
    if lo >= 0:
        return iv
    if hi <= 0:
        return (-hi, -lo)
    return (Fraction(0), max(-lo, hi))


def implicit_eq_violations(figs: dict[str, Fig], widen: int = 0) -> list[tuple[str, str]]:
    """Pairs of figures stating the same quantity whose intervals do not meet.

    Changes and rates are printed signed in tables but as magnitudes beside a direction word in
    the text, so those keys are compared as magnitudes.
    """
    bad: list[tuple[str, str]] = []
    for key, group in same_key_groups(figs.values()).items():
        ivs = []
        for f in group:
            iv = f.interval(widen)
            if iv is None:
                continue
            if key.startswith(('chg:', 'rate:')):
                iv = magnitude(iv)
            ivs.append((f, iv))
        for i in range(len(ivs)):
            for j in range(i + 1, len(ivs)):
                if not _overlap(ivs[i][1], ivs[j][1]):
                    bad.append((ivs[i][0].id, ivs[j][0].id))
    return bad
