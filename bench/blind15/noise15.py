"""'Scanned' txt rendering: OCR-like noise that never changes a number's value as a reader reads it.

- full-width digits in some numbers (１２３.４５), a space as thousands separator in some long numbers (1 234.56)
- 〇 for 零 in years written in Chinese numerals
- line breaks in the middle of sentences (never next to a digit)
- running headers and page numbers between lines of text (never inside a table, never between digits)
Protected strings (the defect's `where` and `alt`) are left untouched.
"""
import re

from doc15 import Doc
from render15 import body_grid, unit_line

FW = str.maketrans('0123456789', '０１２３４５６７８９')
NUM = re.compile(r'\d[\d,]*(?:\.\d+)?')


def protected_spans(text, protect):
    spans = []
    for p in protect:
        if not p:
            continue
        i = text.find(p)
        while i >= 0:
            spans.append((i, i + len(p)))
            i = text.find(p, i + 1)
    return spans


def inside(i, j, spans):
    return any(a < j and i < b for a, b in spans)


def noisy_numbers(text, rng, spans, p_fw=0.12, p_sp=0.15):
    out, last = [], 0
    for m in NUM.finditer(text):
        s, e = m.span()
        tok = m.group()
        out.append(text[last:s])
        last = e
        if inside(s, e, spans):
            out.append(tok)
            continue
        r = rng.random()
        ip = tok.split('.')[0]
        if r < p_sp and ',' not in tok and len(ip) >= 4:
            g = len(ip) % 3 or 3
            parts = [ip[:g]] + [ip[k:k + 3] for k in range(g, len(ip), 3)]
            tok = ' '.join(parts) + tok[len(ip):]
        elif r < p_sp + p_fw:
            tok = tok.translate(FW)
            if rng.random() < 0.5:
                tok = tok.replace('.', '．')
        out.append(tok)
    out.append(text[last:])
    return ''.join(out)


def wrap(text, rng, spans, width):
    """Break a paragraph into lines of about `width` chars, never next to a digit or inside a protected span."""
    lines, start = [], 0
    while len(text) - start > width + 8:
        cut = start + width + rng.randint(-4, 4)
        ok = False
        for k in range(cut, min(len(text) - 1, cut + 12)):
            a, b = text[k - 1], text[k]
            if not (a.isdigit() or b.isdigit() or a in '.,%．' or b in '.,%．' or a.isascii() or b.isascii()) \
                    and not inside(k - 1, k + 1, spans):
                ok = True
                break
        if not ok:
            break
        lines.append(text[start:k])
        start = k
    lines.append(text[start:])
    return lines


def render_scanned(doc, rng, protect):
    o = doc.opts
    style = o.get('txt_table', 'tsv')
    title = doc.title
    out = []
    page = [1]
    since = [0]

    def emit(line, breakable=True):
        out.append(line)
        since[0] += 1
        if breakable and since[0] >= rng.randint(38, 55):
            page[0] += 1
            out.append(rng.choice(['- {} -', '— {} —', '第{}页']).format(page[0] - 1))
            out.append(title)
            since[0] = 0
    for b in doc.blocks:
        if b[0] in ('cover', 'toc'):
            for x in b[1]:
                x = x.replace('二零二', '二〇二')
                emit(x)
            emit('')
        elif b[0] == 'h':
            emit(b[2])
        elif b[0] == 'p':
            txt = Doc.para_text(b[1])[0]
            sp = protected_spans(txt, protect)
            lines = wrap(txt, rng, sp, rng.randint(30, 44))
            # re-apply number noise line by line (spans are recomputed per line)
            for ln in lines:
                emit(noisy_numbers(ln, rng, protected_spans(ln, protect)))
        elif b[0] == 't':
            t = b[1]
            emit('', True)
            out.append(t.title)
            ul = unit_line(doc, t)
            if ul:
                out.append(ul)
            grid, _ = t.header_grid()
            rows, _, _ = body_grid(t)
            allrows = [[x or '' for x in r] for r in grid] + [
                [x if any(p and p in x for p in protect) else noisy_numbers(x, rng, [], 0.08, 0.1) for x in r]
                for r in rows]
            if style == 'tsv':
                out += ['\t'.join(r) for r in allrows]
            elif style == 'pipe':
                out += ['| ' + ' | '.join(r) + ' |' for r in allrows]
            else:
                for r in allrows:
                    out += [x for x in r if x != ''] + ['']
            if t.note:
                out.append(t.note)
            since[0] += len(allrows) // 2
            emit('', True)
    return '\n'.join(out) + '\n'
