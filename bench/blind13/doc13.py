"""Document model: printed figures, identities, blocks (headings, paragraphs, tables)."""
from decimal import ROUND_HALF_UP, Decimal


def fmt_num(x, dec, sep=False):
    q = Decimal(1).scaleb(-dec)
    d = Decimal(repr(x) if isinstance(x, float) else x).quantize(q, rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)
    return f'{d:,.{dec}f}' if sep else f'{d:.{dec}f}'


class Doc:
    def __init__(self, overrides=None, pert=None):
        self.over = overrides or {}
        self.pert = pert or {}
        self.figs, self.ids, self.blocks = {}, [], []
        self.n = 0

    def val(self, site, default):
        return self.pert.get(site, default)

    def _fig(self, kind, key, text, dec, scale, **meta):
        fid = f'f{self.n}'
        self.n += 1
        if fid in self.over:
            text = self.over[fid]
        self.figs[fid] = dict(kind=kind, key=key, text=text, dec=dec, scale=scale, **meta)
        return fid, text

    def amt(self, key, yuan, unit='wan', dec=2, sep=False, zero_blank=False, **meta):
        scale = 10000 if unit == 'wan' else 1
        if zero_blank and yuan == 0:
            text = ''
        else:
            text = fmt_num(Decimal(int(yuan)) / Decimal(scale), dec, sep)
        return self._fig('amt', key, text, dec, scale, zero_blank=zero_blank, **meta)

    def pct(self, value, dec=2, key=None, **meta):
        return self._fig('pct', key, fmt_num(value, dec), dec, 1, **meta)

    def word(self, text, **meta):
        return self._fig('word', None, text, 0, 1, **meta)

    # identities
    def lin(self, terms, label):
        terms = [(c, f) for c, f in terms if f is not None]
        self.ids.append(dict(type='lin', terms=terms, label=label))

    def total(self, tot, parts, label):
        if tot is None or not parts or any(p is None for p in parts):
            return
        self.lin([(1, tot)] + [(-1, p) for p in parts], label)
        self.ids.append(dict(type='nonblank', fid=tot, parts=list(parts), label=label + ' (blank)'))

    def ratio(self, pct, num, den, label, **kw):
        self.ids.append(dict(type='ratio', pct=pct, num=num, den=den, label=label, **kw))

    def growth(self, words, label, **slots):
        d = dict(type='growth', word=words[0], words=words, label=label)
        d.update({k: v for k, v in slots.items() if v is not None})
        self.ids.append(d)

    def le(self, a, b, label):
        self.ids.append(dict(type='le', a=a, b=b, label=label))

    def present(self, title, ok):
        self.ids.append(dict(type='present', title=title, ok=ok, label='part ' + title))


class Para:
    """A paragraph built piece by piece; figures remember their offsets for `where` quotes."""

    def __init__(self, doc, style='p', unit='wan', sep=False, pdec=2, section=''):
        self.doc, self.style, self.unit, self.sep, self.pdec = doc, style, unit, sep, pdec
        self.parts, self.len, self.figs, self.section = [], 0, [], section

    def t(self, s):
        self.parts.append(s)
        self.len += len(s)
        return self

    def _put(self, fid, text):
        self.figs.append((fid, self.len, self.len + len(text)))
        self.t(text)
        return fid

    def a(self, key, yuan, unit_word='万元'):
        fid, text = self.doc.amt(key, yuan, 'wan', 2, self.sep, where='text', section=self.section)
        self._put(fid, text)
        self.t(unit_word)
        return fid

    def p(self, value, key=None):
        fid, text = self.doc.pct(value, self.pdec, key=key, where='text', section=self.section)
        self._put(fid, text)
        self.t('%')
        return fid

    def w(self, word):
        fid, text = self.doc.word(word, where='text', section=self.section)
        return self._put(fid, text)

    def close(self):
        text = ''.join(self.parts)
        bi = len(self.doc.blocks)
        for fid, s, e in self.figs:
            self.doc.figs[fid].update(block=bi, pos=[s, e])
        self.doc.blocks.append(dict(type=self.style, text=text))
        return text


def where_of(doc, fid):
    """A short quote around a figure: from the clause start to the end of its unit."""
    f = doc.figs[fid]
    if f.get('where') == 'text':
        text = doc.blocks[f['block']]['text']
        s, e = f['pos']
        if f['kind'] == 'word':  # the word and the figure it governs: 下降12.34% / 减少5.00万元
            j = e
            while j < len(text) and j - e < 16 and text[j] not in '，。；%元':
                j += 1
            return text[s:j + 1]
        b = s
        while b > 0 and s - b < 14 and text[b - 1] not in '，。；：、（）':
            b -= 1
        while b < s and (text[b].isdigit() or text[b] in '.,'):
            b += 1
        e2 = e
        while e2 < len(text) and e2 - e < 2 and text[e2] in '万元%':
            e2 += 1
        if e2 - b < 6 and b > 1:  # too short: take the preceding clause as well
            b = b - 1
            while b > 0 and s - b < 24 and text[b - 1] not in '，。；：':
                b -= 1
            while b < s and (text[b].isdigit() or text[b] in '.,'):
                b += 1
        return text[b:e2]
    return f['text'] if len(f['text']) >= 4 else (f.get('row') or '') + f['text']
