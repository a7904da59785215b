"""Changes against the changes of their parts: a stated increase or decrease (比上年增加X) is the sum
of the changes its parts are stated with — in its own sentence ("收入比2025年增加2,784.38万元，其中：
一般公共预算财政拨款增加2,781.90万元，事业收入增加2.48万元") or beside the parts' own figures
("…支出18,417.70万元，比2025年增加2,781.90万元。其中：基本支出…比2025年增加362.10万元；项目支出…
比2025年增加2,419.80万元").

Most changes have no prior-year figure in the document to be checked against; this is the one
reading the document itself gives them. A list after 主要是 may name only the main parts, so a sum
that misses decides nothing: the change stays unverified with the sum recorded. Only where the
parts are all the parts of an identity (基本支出 + 项目支出, the three 三公 items), each stated with
its change, is a miss a finding — a warning, as a part's change may be of another funding scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..extract import Mention
from ..interval import Interval, interval_sum
from ..knowledge import Knowledge
from ..model import Figure, Finding, Reading
from ..verify import decide
from ..verify.readings import Candidate
from ..verify.search import of_mention, yuan_decimals
from .base import RuleContext, evidence, fmt_amount, rule, unit_of
from .paragraphs import Paragraph, Placed, paragraphs


@dataclass(frozen=True)
class _Words:
    cue: re.Pattern[str]  # what opens the list of a change's parts in its sentence
    window: int  # how many lines after a change its parts' changes may be stated
    against: tuple[tuple[str, re.Pattern[str]], ...]  # the role of the figure a change is of, by its words


@lru_cache(maxsize=1)
def _words() -> _Words:
    from ..knowledge import load_yaml

    d = load_yaml("claims.yaml")["change_parts"]
    return _Words(re.compile(d["cue"]), int(d["window"]),
                  tuple((role, re.compile(p)) for role, p in d["against"].items()))


def _signed(m: Mention) -> Interval:
    return m.yuan if m.direction > 0 else -m.yuan


def _reading(parts: list[Mention]) -> tuple[Interval, Reading]:
    total = interval_sum([_signed(p) for p in parts])
    text = " ".join(("+" if p.direction > 0 else "−") + p.stated.strip() for p in parts).lstrip("+")
    return total, Reading(text, tuple(Figure("分项增减", ("" if p.direction > 0 else "−") + p.stated.strip(),
                                             p.line.block.loc) for p in parts))


@rule("change-sum", "arithmetic", "warning", "增减额与各分项增减额之和不符",
      "一个数的增减额等于其各组成部分增减额之和：支出比上年增加X，基本支出增加a、项目支出增加b，则X = a + b；"
      "“三公”经费减少X，则X = 各项增减之和。所列分项齐全（组成恒等式的各项都写了增减额）而不相等时提示核对。"
      "例：“三公”经费比上年减少22.24万元，因公出国（境）费减少7.00万元、公务接待费减少5.64万元、公务用车运行维护费减少9.60万元。",
      rationale="本年数 = Σ分项本年数，上年数 = Σ分项上年数，故增减额 = Σ分项增减额。“主要是”后所列可能只是主要部分，"
                "和不相等时记为无法核对；分项齐全时以提示报告（分项的口径可能不同，如全部资金与财政拨款）。")
def check_change_sums(ctx: RuleContext) -> Iterator[Finding]:
    w = _words()
    paras = paragraphs(ctx.analysis)
    for p in paras:
        changes = [pl for pl in p.placed if pl.m.is_change]
        for i, head in enumerate(changes):
            yield from _in_sentence(ctx, p, head, changes[i + 1:], w)
    yield from _beside_parts(ctx, [pl.m for p in paras for pl in p.placed if pl.m.is_change], w)


def _in_sentence(ctx: RuleContext, p: Paragraph, head: Placed, after: list[Placed], w: _Words) -> Iterator[Finding]:
    """"增加X，其中/主要是：A增加a，B减少b" — the changes listed after the cue, to the sentence's end."""
    end = p.sentence_end(head.pos)
    parts = [x for x in after if x.pos < end]
    if len(parts) < 2:
        return
    gap_end = parts[0].pos
    gap = p.text[head.pos + len(head.m.stated):gap_end]
    if not w.cue.search(gap) or any(head.pos < x.pos < gap_end and x.m.is_level for x in p.placed):
        return
    yield from _decide(ctx, head.m, [x.m for x in parts], complete=False)


def _beside_parts(ctx: RuleContext, changes: list[Mention], w: _Words) -> Iterator[Finding]:
    """A change stated with a total's figure against the changes stated with its parts' figures."""
    k = ctx.knowledge
    for i, head in enumerate(changes):
        if not head.subject:
            continue
        base = k.base_key(head.subject)
        scope = head.subject[: len(head.subject) - len(base)]
        tree = _parts_tree(base, k)
        if not tree:
            continue
        found: dict[str, Mention] = {}
        for m in changes[i + 1:]:
            if m.line.index - head.line.index > w.window or m.subject == head.subject:
                break
            if m.subject and m.subject.startswith(scope) and m.subject[len(scope):] in _flat(tree) \
                    and unit_of(m) == unit_of(head):
                found.setdefault(m.subject[len(scope):], m)
        parts = _choose(tree, found)
        if parts is None or len(parts) < 2:
            continue
        complete = all(key in found or _covered(key, tree, found) for key in tree) or _levels_add_up(ctx, head, parts)
        yield from _decide(ctx, head, parts, complete=complete)


def _word(m: Mention) -> str:
    return "增加" if m.direction > 0 else "减少"


def _levels_add_up(ctx: RuleContext, head: Mention, parts: list[Mention]) -> bool:
    """Do the parts' own figures, stated with their changes, add up to the whole's ("本年支出合计2724.81万元，比上年减少
    66.80万元。其中：基本支出1561.34万元，比上年增加…；项目支出1163.47万元，比上年减少…": 1561.34 + 1163.47)? Then the
    parts the text leaves out (上缴上级支出 …) are none this year, and the listed parts are all of it."""
    whole = _own_level(ctx, head)
    levels = [_own_level(ctx, p) for p in parts]
    if whole is None or any(x is None for x in levels):
        return False
    return interval_sum([x.yuan for x in levels if x is not None]).overlaps(whole.yuan)


def _own_level(ctx: RuleContext, change: Mention) -> Mention | None:
    """The figure of its quantity a change follows in its sentence (基本支出1561.34万元，比上年增加99.57万元)."""
    before = [m for m in ctx.analysis.line_mentions(change) if m.sentence == change.sentence and m.end <= change.start]
    last = before[-1] if before else None
    return last if last is not None and last.is_level and last.key == change.subject and last.role is None else None


def _parts_tree(base: str, k: Knowledge) -> dict[str, dict]:
    """The parts of a quantity's identity, each with its own parts (三公 → 公务用车费 → 购置, 运行)."""
    for ident in k.identities:
        if ident.total == base and ident.complete:
            return {p: _parts_tree(p, k) for p in ident.parts}
    return {}


def _flat(tree: dict[str, dict]) -> set[str]:
    return {key for key, sub in tree.items() for key in (key, *_flat(sub))}


def _covered(key: str, tree: dict[str, dict], found: dict[str, Mention]) -> bool:
    sub = tree[key]
    return bool(sub) and all(s in found or _covered(s, sub, found) for s in sub)


def _choose(tree: dict[str, dict], found: dict[str, Mention]) -> list[Mention] | None:
    """Each part's own change, else its parts' changes (公务用车费 stated as 购置 and 运行)."""
    out: list[Mention] = []
    for key, sub in tree.items():
        if key in found:
            out.append(found[key])
        elif sub:
            out += _choose(sub, found) or []
    return out or None


def _decide(ctx: RuleContext, head: Mention, parts: list[Mention], *, complete: bool) -> Iterator[Finding]:
    """The head's change against Σ of its parts' signed changes, in the head's direction."""
    total, reading = _reading(parts)
    point = sum((p.value_yuan if p.direction > 0 else -p.value_yuan for p in parts), Decimal(0))
    if head.direction < 0:
        total, point = -total, -point
    d = decide(head.value_yuan, yuan_decimals(head), [Candidate(total, reading, point=point)])
    if d.status == "verified":
        for m in (head, *parts):
            ctx.verified(m, reading)
        return
    word = ("增加" if head.direction > 0 else "减少") if point >= 0 else ("减少" if head.direction > 0 else "增加")
    expected = word + fmt_amount(head, abs(point) / head.scale)
    if not complete:
        ctx.unverified(head, f"所列分项增减额之和为{expected}（所列可能不全）", reading)
        return
    # The head's sentence through its parts' changes when they follow it in its line, else each part's own.
    same = [p for p in parts if p.line is head.line and p.start > head.start]
    quotes = [evidence(head, end=same[-1].end) if same else evidence(head)]
    quotes += [evidence(p) for p in parts if p not in same]
    listed = "、".join(f"{ctx.analysis.name(p.subject) if p.subject else '分项'}{_word(p)}{p.stated.strip()}" for p in parts)
    yield ctx.report(f"增减额（{_word(head)}{head.stated.strip()}）与各分项增减额之和（{listed}，合计{expected}）不符。",
                     quotes,
                     stated=head.stated.strip(), expected=expected, claim=head, reading=reading)


@rule("change-levels", "arithmetic", "error", "增减额与两年金额不符",
      "句中写出本年数和比较数时，增减额 = 本年数 − 比较数：“上年预算数为38.41万元，2023年预算数为34.02万元，"
      "比上年减少4.39万元”。决算的一句写出年初预算和支出决算、下一句说“决算数比年初预算减少X万元”时同样核对："
      "年初预算100.74万元、支出决算88.53万元，应减少12.21万元，而不是5.34万元。",
      rationale="增减额是两个年度（或预算与决算）金额之差；逐项说明中三者必须一致。只在句中恰有一个本年数和一个比较数时核对，"
                "括号内的分项不算；方向说反而句中有增长率的，由“增减方向用语矛盾”报告。",
      last_digit=True)
def check_change_levels(ctx: RuleContext) -> Iterator[Finding]:
    from .claims import (  # here: rules register in rules/__init__'s order
        cell_evidence,
        named_level,
        table_levels,
    )

    for _line, ms in ctx.analysis.mentions:
        for change in ms:
            if not change.is_change or not change.direction or change.value == 0:
                continue
            pair = _levels_of(ms, change)
            # Last year's figure only in the table row of this year's (支出决算X万元，比上年减少Y万元).
            in_table = table_levels(ctx.analysis, ms, change) if pair is None else None
            if pair is None and in_table is None:
                continue
            cur, base = (pair[0], of_mention(pair[1], "比较数")) if pair is not None else in_table[:2]
            shown = [evidence(change), *cell_evidence(base)]
            diff = cur.yuan - base.yuan
            exact = cur.value_yuan - base.value_yuan
            # The difference in the change's own unit (12.21万元), and which way it goes.
            amount, word = fmt_amount(change, abs(exact) / (change.value_yuan / change.value)), "增加" if exact > 0 else "减少"
            if (diff.lo > 0 and change.direction < 0) or (diff.hi < 0 and change.direction > 0):
                # The levels move the other way. With a growth rate change-direction reports it; without one,
                # the change of the right size in the wrong direction is reported here.
                rated = any(x.cue == "growth" and x.sentence == change.sentence and x.start > change.start for x in ms)
                if not rated and (diff if exact > 0 else -diff).overlaps(change.yuan):
                    yield ctx.report(f"增减方向与数字矛盾：{cur.stated.strip()} − {named_level(base)} = {word}{amount}，"
                                     f"文中却写“{change.cue_text}{change.stated.strip()}”。", shown,
                                     stated=change.cue_text, expected=word, claim=change)
                continue
            reading = Reading(f"{cur.stated.strip()} − {base.stated.strip()}",
                              (Figure("本年数", cur.stated.strip(), cur.line.block.loc), base.figure))
            d = decide(change.value_yuan, yuan_decimals(change),
                       [Candidate(diff if change.direction > 0 else -diff, reading, True, abs(exact))])
            if d.status == "verified":
                ctx.verified(change, d.reading)
                continue
            if d.status != "contradicted":
                ctx.unverified(change, d.reason or "", d.reading)
                continue
            yield ctx.report(f"增减额与两年金额不符：{cur.stated.strip()} − {named_level(base)} = "
                             f"{word}{amount}，文中为{change.cue_text}{change.stated.strip()}。",
                             shown, stated=change.stated.strip(), expected=amount,
                             slip=d.miss == "slip", claim=change, reading=d.reading)


def _levels_of(ms: list[Mention], change: Mention) -> tuple[Mention, Mention] | None:
    """(this year's or the spent figure, the figure compared with) of a change: exactly one of each among
    the levels of its sentence since the change before it, none in brackets; or, when the sentence states
    no level ("决算数比年初预算减少5.34万元"), among those of the sentence before it in the same line."""
    # Here, not at the top: rules register in rules/__init__'s order.
    from .claims import bracketed, change_before, names_base

    since = change_before(ms, change)
    # The words right before the change say what it is of (比上年…: last year's; 比年初预算…: the budget).
    words = change.line.norm.text[max([since, *(x.end for x in ms if x.end <= change.start)], default=0):change.start]
    against = next((role for role, pattern in _words().against if pattern.search(words)), None)
    if against is None:
        return None
    levels = [x for x in ms if x.is_level and x.sentence == change.sentence and since < x.start < change.start
              and not bracketed(x, change)]
    if not levels and change.sentence > 0 and since < 0:
        levels = [x for x in ms if x.is_level and x.sentence == change.sentence - 1 and not bracketed(x, change)]
        if any(x.is_change and x.sentence == change.sentence - 1 for x in ms):
            return None
    bases = [x for x in levels if x.role == against or (against == "prev" and names_base(x))]
    curs = [x for x in levels if x.role in (None, "actual") and not names_base(x)]
    if len(bases) != 1 or len(curs) != 1 or bases[0].unit != curs[0].unit or len(levels) != 2:
        return None
    return curs[0], bases[0]
