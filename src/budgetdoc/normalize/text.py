"""Turn one block of original text into a cleaned text with a map back to the original.

Rules and extractors read the cleaned text; findings quote the original through `orig_span`,
so a quote is always the exact text of the file. The steps follow domain.md, "Text noise".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import knowledge


@dataclass
class NormText:
    text: str
    offsets: list[int]  # offsets[i] = index in the original of cleaned char i; one extra at the end
    original: str

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        start, end = min(start, len(self.text)), min(end, len(self.text))
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        a, b = self.orig_span(start, end)
        return self.original[a:b].strip()


Repl = str | Callable[[re.Match[str]], str]


def _sub(nt: NormText, pattern: re.Pattern[str], repl: Repl) -> NormText:
    """re.sub that keeps the offset map: replaced text maps onto the start of what it replaced."""
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    text, o = nt.text, nt.offsets
    for m in pattern.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        offs.extend(o[pos:s])
        r = repl if isinstance(repl, str) else repl(m)
        out.append(r)
        for i in range(len(r)):
            offs.append(o[min(s + i, e - 1)] if e > s else o[s])
        pos = e
    out.append(text[pos:])
    offs.extend(o[pos:])
    return NormText("".join(out), offs, nt.original)


_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x2014: 0x2014})

# Each step: (a quick substring test that says the step may apply, pattern, replacement).
_STEPS: list[tuple[Callable[[str], bool], re.Pattern[str], Repl]] = [
    (lambda t: "[" in t, re.compile(r"\[(?:bookmark|image):[^\]]*\]"), ""),
    (lambda t: "<" in t, re.compile(r"</?(?:u|b|i|em|strong|span|sup|sub)\b[^>]*>"), ""),
    (lambda t: "*" in t, re.compile(r"\*\*|(?<!\d)\*|\*(?!\d)"), ""),
    (lambda t: "_" in t, re.compile(r"_+"), ""),
    (lambda t: "\\" in t, re.compile(r"\\(geq|leq|times|%|neq)"),
     lambda m: {"geq": "≥", "leq": "≤", "times": "×", "%": "%", "neq": "≠"}[m.group(1)]),
    # Letter O typed for zero: O.OO, 1O.5, O%, O万元, O辆 — only where a number is expected.
    (lambda t: "O" in t or "o" in t,
     re.compile(r"(?<![A-Za-z])[Oo0-9][Oo0-9.]*(?![A-Za-z])"),
     lambda m: m.group(0).replace("O", "0").replace("o", "0") if _looks_numeric(m) else m.group(0)),
    # Spaces inside numbers from PDF conversion: "5. 37", "957 .15", "32 90".
    (lambda t: " " in t, re.compile(r"(?<=\d)\.[ \u00a0]+(?=\d)|(?<=\d)[ \u00a0]+\.(?=\d)"), "."),
    (lambda t: " " in t, re.compile(r"(?<=\d)[ \u00a0](?=\d)"), ""),
    # A letter-spaced line (justified PDF text, a space after every character): the spaces inside a
    # run of four or more spaced Chinese characters and marks go ("年 年 初 预 算 数" -> "年年初预算数").
    (lambda t: " " in t, re.compile(r"[\u4e00-\u9fff,:;。、()“”](?: [\u4e00-\u9fff,:;。、()“”]){3,}"),
     lambda m: _UNSPACE.sub("", m.group(0))),
    # A letter-spaced line (justified PDF text, a space after every character) spaces the thousands
    # separator too: "1 4 , 7 7 0. 6 2" -> "14 , 770.62" -> "14,770.62".
    (lambda t: " ," in t, re.compile(r"(?<=\d)[ \u00a0]+,[ \u00a0]+(?=\d{3}(?!\d))"), ","),
    # Thousands separators: 1,724.62 -> 1724.62 (a comma followed by exactly three digits).
    (lambda t: "," in t, re.compile(r"(?<=\d),(?=\d{3}(?!\d))"), ""),
]


# The spaces of a letter-spaced run beside a Chinese character (two marks keep theirs: "， ，" is no "，，").
_UNSPACE = re.compile(r"(?<=[\u4e00-\u9fff]) | (?=[\u4e00-\u9fff])")


def _looks_numeric(m: re.Match[str]) -> bool:
    s = m.group(0)
    if not any(c in "Oo" for c in s):
        return False
    if any(c.isdigit() for c in s) or "." in s:
        return True
    # A lone O: only when a unit or % follows, e.g. "增长 O%" or "购置公务用车O辆".
    rest = m.string[m.end():m.end() + 3].lstrip()
    return bool(rest) and rest[0] in _words("after_number")


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=4)
def _words(name: str) -> frozenset[str]:
    """One of knowledge/phrases.yaml's character lists, as a set of characters."""
    return frozenset("".join(knowledge().words[name]))


def normalize(original: str) -> NormText:
    text = original.translate(_FULLWIDTH)
    nt = NormText(text, list(range(len(original) + 1)), original)
    if not _words("traditional_hints").isdisjoint(text):
        converted = _t2s().convert(nt.text)
        if len(converted) == len(nt.text):  # t2s is character-for-character here; keep offsets
            nt = NormText(converted, nt.offsets, original)
    for applies, pattern, repl in _STEPS:
        if applies(nt.text):
            nt = _sub(nt, pattern, repl)
    return nt
