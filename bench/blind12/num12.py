"""Printing numbers the ways departments print them."""
from decimal import ROUND_HALF_UP, Decimal, ROUND_FLOOR, ROUND_CEILING

FW = str.maketrans('0123456789.', '０１２３４５６７８９．')
CN = '零一二三四五六七八九'


def q(v, d, mode=ROUND_HALF_UP):
    return Decimal(v).quantize(Decimal(1).scaleb(-d), mode)


def fmt(v, d, sep=False, spaced=False, fw=False):
    x = q(v, d)
    s = f'{x:,.{d}f}' if (sep or spaced) else f'{x:.{d}f}'
    if spaced:
        s = s.replace(',', ' ')
    if fw:
        s = s.translate(FW)
    return s


def plain(v, d):
    return f'{q(v, d):.{d}f}'


def cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return '十' + (CN[n % 10] if n % 10 else '')
    return CN[n // 10] + '十' + (CN[n % 10] if n % 10 else '')


def wan(c):
    """元 -> Decimal 万元"""
    return Decimal(c) / 10000


def in_unit(c, unit):
    return {'万元': Decimal(c) / 10000, '元': Decimal(c), '千元': Decimal(c) / 1000,
            '亿元': Decimal(c) / 100000000}[unit]


def approx(v, d, qual):
    """Round v for a qualifier: 约 rounds, 近/不足 round up, 超过 rounds down."""
    mode = {'约': ROUND_HALF_UP, '近': ROUND_CEILING, '不足': ROUND_CEILING, '超过': ROUND_FLOOR}[qual]
    return q(v, d, mode)
