"""Mentions: every amount and percentage in a line, with the label in front of it and its role.

A sentence is read left to right. Each amount gets the label text between the previous clause
boundary (or the previous number) and itself; the label says which quantity it is (via
knowledge/quantities.yaml), which figure of it (budget, last year, actual), or that it is a
change (增加17.05万元). Percentages get the cue in front of them (占, 增长, 完成预算的).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..interval import Interval
from ..knowledge import knowledge
from ..structure import Line

_NUMBER = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|万(?=[,;:。)\s]|$)|%)")
CLAUSE_END = ",;:。!?"
SENTENCE_END = "。!?"
_MONEY_SCALE = {"亿元": Decimal(100000000), "万元": Decimal(10000), "万": Decimal(10000), "元": Decimal(1)}


@dataclass
class Mention:
    line: Line
    start: int  # span of the number and its unit in the normalized text
    end: int
    value: Decimal
    decimals: int
    unit: str  # 万元 / 元 / 亿元 / %
    label: str  # cleaned label
    raw_label: str
    sentence: int  # index of the sentence within the line
    clause_start: int
    role: str | None = None  # budget / prev / actual (None: the figure itself)
    key: str | None = None
    direction: int = 0  # for change amounts: +1 增加, -1 减少
    cue: str | None = None  # for percentages: share / growth / completion
    cue_text: str = ""
    threshold: bool = False
    subject: str | None = None  # key of what the sentence is about at this point
    extra: dict = field(default_factory=dict)

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_change(self) -> bool:
        return self.direction != 0 and not self.is_percent

    @property
    def stated(self) -> str:
        return self.line.norm.text[self.start:self.end]

    @property
    def interval(self) -> Interval:
        return Interval.stated(self.value, self.decimals)

    @property
    def scale(self) -> Decimal:
        """Yuan per unit of this amount (10000 for 万元)."""
        return _MONEY_SCALE.get(self.unit, Decimal(1))

    @property
    def yuan(self) -> Interval:
        """The amount in yuan, as an interval (rounding of the stated digits kept)."""
        return self.interval.scale(self.scale)

    @property
    def value_yuan(self) -> Decimal:
        return self.value * self.scale


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def clean_label(raw: str) -> str:
    label = raw
    for pat in knowledge().label_noise:
        label = pat.sub("", label)
    return label.strip(",;:、 ").removesuffix("为").removesuffix("是").strip(",;:、 ")


def find_mentions(line: Line) -> list[Mention]:
    text = line.norm.text
    k = knowledge()
    claims = k.claims
    change_re = re.compile(claims["change_label"])
    threshold_re = re.compile(claims["threshold_after"])
    cues = [(name, re.compile(p)) for name, p in claims["percent_cues"].items()]
    up, down = claims["direction_up"], claims["direction_down"]
    out: list[Mention] = []
    bounds = sentence_bounds(text)
    prev_end = 0
    s_idx = 0
    for m in _NUMBER.finditer(text):
        start = m.start()
        while s_idx < len(bounds) - 1 and start >= bounds[s_idx][1]:
            s_idx += 1
        # The label runs back to the last clause boundary or the previous number, whichever is later.
        cut = max((text.rfind(c, 0, start) for c in CLAUSE_END), default=-1) + 1
        clause_start = cut
        cut = max(cut, prev_end)
        raw = text[cut:start]
        unit = m.group("unit")
        num = m.group("num")
        decimals = len(num.split(".")[1]) if "." in num else 0
        mention = Mention(line, start, m.end(), Decimal(num), decimals, unit, clean_label(raw), raw,
                          s_idx, clause_start)
        tail = text[m.end():m.end() + 6]
        if unit != "%" and threshold_re.match(tail):
            mention.threshold = True
        if unit == "%":
            for name, cue in cues:
                cm = cue.search(raw.rstrip())
                if cm:
                    mention.cue = name
                    mention.cue_text = cm.group(0)
                    if name == "share":
                        mention.extra["den"] = clean_label(cm.group("den") or "")
                    if name == "growth":
                        mention.direction = _sign(cm.group(0), up, down)
                    break
        else:
            cm = change_re.search(raw.rstrip())
            if cm:
                mention.direction = _sign(cm.group(0), up, down)
                mention.cue_text = cm.group(0)
        out.append(mention)
        prev_end = m.end()
    return out


def _sign(word: str, up: list[str], down: list[str]) -> int:
    # The last direction word decides: "减少了" -> -1; "增加(减少)" is residue, reported elsewhere.
    best, pos = 0, -1
    for w in up:
        i = word.rfind(w)
        if i > pos:
            best, pos = 1, i
    for w in down:
        i = word.rfind(w)
        if i > pos or (i == pos and i >= 0 and len(w) > 1):
            best, pos = -1, i
    return best
