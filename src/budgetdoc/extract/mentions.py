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

from ..amount import Amount
from ..interval import Interval
from ..knowledge import Knowledge, knowledge
from ..model import Fact
from ..structure import Line

CLAUSE_END = ",;:。!?"
SENTENCE_END = "。!?"
LIST_END = "。;"  # what closes a list of items (其中：A、B；…)


@dataclass
class Mention:
    """An amount or percentage in a line, with what the text around it says about it. Extraction fills
    in the key, role and list membership (facts.assign_keys); rules only read them."""

    line: Line
    start: int  # span of the number and its unit in the normalized text
    end: int
    amount: Amount
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
    den: str = ""  # for a share: the total the sentence names (占本年支出合计的 -> 本年支出合计), cleaned
    den_amount: Mention | None = None  # for a share: the total's amount when the sentence states it (占X万元的)
    share_total: bool = False  # this amount is the total a share names (占本年支出合计517.23万元的61.69%)
    list_head: Mention | None = None  # the total of the list (其中 …) this amount is an item of
    part: Mention | None = None  # for a share of a 分别 list: the amount in its place (A和B分别为a、b，分别占x%、y%)
    also: tuple[str, ...] = ()  # further keys the same phrase states (收、支总计: income and expense total)
    body: str | None = None  # the budget unit its clause names ("XX学校本年收入合计…"), None: the department's
    facts: list[Fact] = field(default_factory=list)  # the facts made from this amount

    @property
    def value(self) -> Decimal:
        return self.amount.value

    @property
    def decimals(self) -> int:
        return self.amount.decimals

    @property
    def unit(self) -> str:
        """万元 / 元 / 亿元 / % (万 as written)."""
        return self.amount.unit

    @property
    def keys(self) -> list[str]:
        """Every key this amount states: its own and the ones the phrase states with it."""
        return [self.key, *self.also] if self.key else []

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_level(self) -> bool:
        """An amount that states a level: not a percentage, a change, a threshold or the total of a share."""
        return not self.is_percent and not self.is_change and not self.threshold and not self.share_total

    @property
    def is_change(self) -> bool:
        return self.direction != 0 and not self.is_percent

    @property
    def stated(self) -> str:
        return self.line.norm.text[self.start:self.end]

    @property
    def interval(self) -> Interval:
        return self.amount.interval

    @property
    def scale(self) -> Decimal:
        """Yuan per unit of this amount (10000 for 万元)."""
        return self.amount.scale

    @property
    def yuan(self) -> Interval:
        """The amount in yuan, as an interval (rounding of the stated digits kept)."""
        return self.amount.yuan

    @property
    def value_yuan(self) -> Decimal:
        return self.amount.value_yuan


def named_whole(before: str, k: Knowledge | None = None) -> str | None:
    """The whole the sentence that `before` ends in names before its parts ("财政拨款支出中，一般公共预算…",
    "三公经费支出决算中，公务接待费…"): the words in front of its last 中，, or None."""
    sentence = before[max(before.rfind(c) for c in SENTENCE_END) + 1:]
    leads = list(re.finditer((k or knowledge()).claims["whole_lead"], sentence))
    return leads[-1].group("whole") if leads else None


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def clean_label(raw: str, k: Knowledge | None = None) -> str:
    label = raw
    for pat in (k or knowledge()).label_noise:
        label = pat.sub("", label)
    # "相比年初预算数的1.5亿元": the figure of what the label names (的 before a figure is no word of the name).
    return label.strip(",;:、 ").removesuffix("为").removesuffix("是").removesuffix("的").strip(",;:、 ")


def list_end(text: str, start: int) -> int:
    """Where a list opened at `start` ends: the sentence's end or a semicolon, else the line's end."""
    return min((i for i in (text.find(c, start) for c in LIST_END) if i >= 0), default=len(text))


def _wraps_into(line: Line | None, nxt: Line | None) -> bool:
    """Can a PDF have wrapped `line` into `nxt`: two body lines of one page, section and kind of block?"""
    if line is None or nxt is None or line.is_heading or nxt.is_heading or line.section is not nxt.section:
        return False
    page = line.block.loc.page
    return page is not None and page == nxt.block.loc.page and line.block.kind == nxt.block.kind


def continues_sentence(prev: Line | None, line: Line) -> bool:
    """Did a PDF wrap `prev` into `line` in the middle of a clause (prev ends with no clause mark)?"""
    text = prev.norm.text.rstrip() if prev is not None else ""
    return _wraps_into(prev, line) and bool(text) and text[-1] not in CLAUSE_END


def wrapped_lead(prev: Line | None, line: Line) -> str:
    """The words a PDF line wrapped before the first number of the next line ("…政府采购预算总额" /
    "5514.93 万元"): the tail of the previous body line of the same page and section, after its last
    clause mark or number, when it ends mid-sentence."""
    if not _wraps_into(prev, line):
        return ""
    text = prev.norm.text.rstrip()
    if not text or text[-1] in CLAUSE_END:
        return ""
    cut = max(max((text.rfind(c) for c in CLAUSE_END), default=-1),
              max((m.end() for m in knowledge().patterns["number"].finditer(text)), default=0) - 1)
    tail = text[cut + 1:]
    # Only words wrap: a tail of punctuation and quotes (glyphs the text layer lost, "、“ ”") is no label.
    return tail if any(ch.isalnum() for ch in tail) else ""


def wrapped_unit(line: Line, nxt: Line | None) -> str:
    """The unit a PDF line wrapped after the number that ends the line before ("…会议费预算 0.00" /
    "万元，比上年预算数减少2.00万元"): the unit the next body line of the same page and section opens with."""
    if not _wraps_into(line, nxt) or not _TRAILING_NUMBER.search(line.norm.text):
        return ""
    m = _LEADING_UNIT.match(nxt.norm.text)
    return m.group(1) if m else ""


_TRAILING_NUMBER = re.compile(r"(?<![\d.%])\d+(\.\d+)?\s*$")
_LEADING_UNIT = re.compile(r"^\s*(亿元|万元|元|%)(?=[\s,;:。、()]|$)")


def find_mentions(line: Line, k: Knowledge | None = None, lead: str = "", tail_unit: str = "") -> list[Mention]:
    """Amounts and percentages of a line; `lead` is the label the line's first number continues
    (wrapped_lead) when nothing in the line comes between; `tail_unit` the unit the next line opens
    with for the number that ends this one (wrapped_unit)."""
    text = line.norm.text
    k = k or knowledge()
    claims = k.claims
    change_re = re.compile(claims["change_label"])
    approximate = re.compile(claims["approximate"])
    threshold_re = re.compile(claims["threshold_after"])
    cues = [(name, re.compile(p)) for name, p in claims["percent_cues"].items()]
    up, down = claims["direction_up"], claims["direction_down"]
    out: list[Mention] = []
    bounds = sentence_bounds(text)
    prev_end = 0
    s_idx = 0
    matches: list[tuple[int, int, str, str]] = [(m.start(), m.end(), m.group("num"), m.group("unit"))
                                                for m in k.patterns["number"].finditer(text)]
    if tail_unit and (t := _TRAILING_NUMBER.search(text)) and (not matches or matches[-1][1] <= t.start()):
        matches.append((t.start(), len(text.rstrip()), t.group(0).strip(), tail_unit))
    for start, end, num, unit in matches:
        while s_idx < len(bounds) - 1 and start >= bounds[s_idx][1]:
            s_idx += 1
        # The label runs back to the last clause boundary or the previous number, whichever is later.
        cut = max((text.rfind(c, 0, start) for c in CLAUSE_END), default=-1) + 1
        clause_start = cut
        cut = max(cut, prev_end)
        raw = text[cut:start]
        if cut == 0 and lead:
            raw = lead + raw
        decimals = len(num.split(".")[1]) if "." in num else 0
        if approximate.search(raw):
            decimals -= 1  # "近1.38亿元" for 1.3747亿: read with one decimal fewer
        amount = Amount(Decimal(num), decimals, unit, line.block.loc, text[start:end])
        mention = Mention(line, start, end, amount, clean_label(raw, k), raw, s_idx, clause_start)
        tail = text[end:end + 6]
        if unit != "%" and threshold_re.match(tail):
            mention.threshold = True
        if unit == "%":
            for name, cue in cues:
                cm = cue.search(raw.rstrip())
                if cm:
                    mention.cue = name
                    mention.cue_text = cm.group(0)
                    if name == "share":
                        mention.den = clean_label(cm.group("den") or "", k)
                    if name == "growth":
                        mention.direction = _sign(cm.group(0), up, down)
                    break
            else:
                _share_of_stated_total(mention, out, raw, dict(cues)["share"], k)
        else:
            cm = change_re.search(raw.rstrip())
            if cm:
                mention.direction = _sign(cm.group(0), up, down)
                mention.cue_text = cm.group(0)
        _joined(mention, out[-1] if out else None, raw)
        out.append(mention)
        prev_end = end
    _respectively(text, out, k)
    return out


_JOINED = re.compile(r"\s*(和|及|与|、)\s*")


def _joined(m: Mention, prev: Mention | None, raw: str) -> None:
    """"分别减少0.18亿元和0.56亿元", "下降133.1%和43.7%": a figure joined to the one before by 和 alone is of the
    same kind, a change or a rate with its cue, not an item of the list before (in place)."""
    if prev is None or prev.sentence != m.sentence or prev.is_percent != m.is_percent or not _JOINED.fullmatch(raw):
        return
    if m.is_percent and prev.cue and not m.cue:
        m.cue, m.cue_text, m.den, m.direction = prev.cue, prev.cue_text, prev.den, prev.direction
    elif not m.is_percent and prev.is_change and not m.direction:
        m.direction, m.cue_text = prev.direction, prev.cue_text


def joined_run(ms: list[Mention], m: Mention) -> list[Mention]:
    """The figures joined to m by 和/、 alone in its sentence, m among them, in order ("下降133.1%和43.7%")."""
    i = next((k for k, x in enumerate(ms) if x is m), None)
    if i is None:
        return [m]
    lo = hi = i
    while lo > 0 and _JOINED.fullmatch(ms[lo].raw_label) and _alike(ms[lo - 1], ms[lo]):
        lo -= 1
    while hi + 1 < len(ms) and _JOINED.fullmatch(ms[hi + 1].raw_label) and _alike(ms[hi], ms[hi + 1]):
        hi += 1
    return ms[lo:hi + 1]


def _alike(a: Mention, b: Mention) -> bool:
    return a.sentence == b.sentence and a.is_percent == b.is_percent and a.is_change == b.is_change


def multiple_mentions(line: Line, k: Knowledge | None = None) -> list[Mention]:
    """"是上年的1.5倍", "增长2.7倍": a multiple of last year's level as a percentage (150%, 270%) with the rounding
    of its 倍 (2.7倍 stands for 265–275%), cue `ratio` (是上年的N倍) or `times` (增长N倍). Not among the line's
    mentions, which other rules read as amounts: only rules.ratios asks for them."""
    k = k or knowledge()
    text = line.norm.text
    approximate = re.compile(k.claims["approximate"])
    ratio_cue = re.compile(k.claims["times_ratio_cue"])
    bounds = sentence_bounds(text)
    out: list[Mention] = []
    for m in re.finditer(k.claims["times"], text):
        start = m.start("num")
        clause_start = max((text.rfind(c, 0, start) for c in CLAUSE_END), default=-1) + 1
        raw = text[clause_start:start]
        if approximate.search(raw):
            continue  # 近2倍: no figure to hold
        num = m.group("num")
        decimals = (len(num.split(".")[1]) if "." in num else 0) - 2  # in %: 2.7倍 is 270% ± 5
        amount = Amount(Decimal(num) * 100, decimals, "%", line.block.loc, text[start:m.end()])
        s_idx = next((i for i, (s, e) in enumerate(bounds) if s <= start < e), len(bounds) - 1)
        cue = "ratio" if ratio_cue.match(m.group("cue")) else "times"
        out.append(Mention(line, start, m.end(), amount, clean_label(raw, k), raw, s_idx, clause_start,
                           cue=cue, cue_text=m.group("cue")))
    return out


def _respectively(text: str, ms: list[Mention], k: Knowledge) -> None:
    """"人员经费和公用经费分别为8573.13万元、2728.96万元": each figure of the list after 分别 takes the name in
    its place in the list before it as its label; a share, growth or change cue the first figure has goes
    to the others. (In place; a list whose names and figures do not pair one to one is left as read.)"""
    words = k.claims["respectively"]
    between = re.compile(words["between"])
    names: list[str] = []
    sentence = -1
    levels: list[Mention] = []
    for cue in re.finditer(words["cue"], text):
        first = next((i for i, m in enumerate(ms) if m.start >= cue.end()), None)
        if first is None:
            return
        run = [ms[first]]
        for m in ms[first + 1:]:
            gap = text[run[-1].end:m.start]
            if m.sentence != run[0].sentence or m.is_percent != run[0].is_percent or not between.match(gap):
                break
            run.append(m)
        head = text[:cue.start()]
        head = head[max(head.rfind(c) for c in CLAUSE_END) + 1:]
        own = _names(re.sub(words["name_noise"], "", head.strip()), len(run), words["last_pair"])
        if not own and not head.strip() and not run[0].is_percent:
            # "包括购置费0.14亿元和运行费1.27亿元，与2015年相比，分别减少0.18亿元和0.56亿元": the names are the
            # items the sentence listed last, one for each figure.
            own = _listed_before(ms, cue.start(), run)
        if own:
            names, sentence = own, run[0].sentence
        elif head.strip() or run[0].sentence != sentence:
            continue
        if len(names) != len(run) or len(run) < 2:
            continue
        lead = run[0]
        named: dict[str, Mention] = {}
        for m in ms:
            if m.start < cue.start() and m.is_level:
                named[m.label] = m  # the last amount each name has before the list (its share's part)
        for i, (m, name) in enumerate(zip(run, names, strict=True)):
            m.label = clean_label(name, k)
            if m is not lead and lead.cue and not m.cue:
                m.cue, m.cue_text, m.den = lead.cue, lead.cue_text, lead.den
                m.direction = m.direction or lead.direction
            if m.is_percent and m.cue == "share":
                m.part = levels[i] if len(levels) == len(run) and not own else named.get(m.label)
        if not run[0].is_percent:
            levels = run


def _listed_before(ms: list[Mention], cue: int, run: list[Mention]) -> list[str]:
    """The labels of the last len(run) amounts of run's sentence before the 分别 cue, when each is labelled."""
    before = [m for m in ms if m.end <= cue and m.sentence == run[0].sentence and m.is_level]
    last = before[-len(run):]
    labels = [_LABEL_LEAD.sub("", m.label).strip() for m in last]
    return labels if len(last) == len(run) and all(labels) else []


_LABEL_LEAD = re.compile(r"^(其中|包括|主要包括|和|及|与|以及|、)\s*")


def _names(head: str, n: int, last_pair: str) -> list[str]:
    """The n names of a 分别 list ("A、B和C"), or [] when the words before 分别 do not name n things."""
    items = [x.strip() for x in head.split("、") if x.strip()]
    if len(items) == n - 1 and items:
        parts = re.split(f"(?:{last_pair})(?!.*(?:{last_pair}))", items[-1], maxsplit=1)
        items = items[:-1] + [x.strip() for x in parts if x.strip()]
    return items if len(items) == n else []


def _share_of_stated_total(pct: Mention, before: list[Mention], raw: str, share_cue: re.Pattern[str],
                           k: Knowledge) -> None:
    """"占本年支出合计517.23万元的61.69%": the share's cue is in front of the total's amount, which is
    then the share's denominator (and not a level of the sentence)."""
    total = before[-1] if before else None
    if total is None or total.is_percent or total.sentence != pct.sentence \
            or not re.fullmatch(k.claims["share_after_total"], raw.strip()):
        return
    cm = share_cue.search(total.raw_label.rstrip())
    if cm is None or not cm.group("den"):
        return
    pct.cue, pct.cue_text = "share", cm.group(0) + total.stated + raw
    pct.den, pct.den_amount = clean_label(cm.group("den"), k), total
    total.share_total = True


def _sign(word: str, up: list[str], down: list[str]) -> int:
    # The last direction word decides: "减少了" -> -1; "增加(减少)" is residue, reported elsewhere. Of two
    # words ending at one place the longer decides: 负增长 is a fall, though it ends in 增长.
    best, end, size = 0, -1, 0
    for sign, words in ((1, up), (-1, down)):
        for w in words:
            i = word.rfind(w)
            if i >= 0 and (i + len(w), len(w)) > (end, size):
                best, end, size = sign, i + len(w), len(w)
    return best
