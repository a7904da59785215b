"""Names of classification items (功能分类 类/款/项) in the text against the tables: an item the text names
(…抚恤（款）其他抚恤支出（项）136.50万元) that no table row is called, where a row of the same level with
the same amount is called almost the same (2080899 其他优抚支出 136.50): one of the two names is mistyped
or out of date."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from ..analysis import Analysis
from ..extract import Mention
from ..extract.tables import table_knowledge
from ..interval import Interval
from ..model import Evidence, Finding, Reading
from ..structure import Line
from ..verify import fact_figure
from .base import SIDE_SECTIONS, RuleContext, evidence, in_side_section, line_evidence, rule

# How alike two names must be (difflib ratio) to be one item's name written two ways.
_ALIKE = 0.6
_LEVEL = {3: 0, 5: 1, 7: 2}  # code length -> position in a name path (类/款/项)
_CODE = {v: k for k, v in _LEVEL.items()}  # position in a name path -> code length


@dataclass(frozen=True)
class _Row:
    code: str
    name: str  # as compared: without 支出, 其它 read 其他
    values: tuple[Interval, ...]
    printed: str


def _bare(name: str) -> str:
    # 其它 and 其他 are one word (the classification writes 其他).
    return table_knowledge().patterns["class_suffix"].sub("", name.replace(" ", "").replace("其它", "其他").strip())


@rule("classification-item-name", "wording", "warning", "科目名称与表中不一致",
      "说明中逐项列出的功能分类科目，名称应与表中同一科目一致。例：说明写“抚恤（款）其他抚恤支出（项）136.50万元”，"
      "表中同额的2080899科目名为“其他优抚支出”。",
      rationale="情况说明对公开表逐项解释，科目名称须按当年《政府收支分类科目》与表中一致；名称写错或沿用旧名，"
                "读者无法对应到表中科目。")
def check_item_names(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    rows = [_Row(r.code, _bare(r.name), tuple(v.interval.scale(t.scale) for v in r.values.values()), r.name.strip())
            for t in a.tables if t.classification == "func" for r in t.rows if r.code and r.name and r.values]
    if not rows:
        return
    names = {(len(r.code), r.name) for r in rows}
    reported: set[tuple[str, str]] = set()
    part = a.knowledge.patterns["func_part"]
    for m in a.all_mentions():
        if not m.is_level or in_side_section(m):
            continue
        in_line = not (m.key and ".func." in f".{m.key}")
        if not in_line:
            path = m.key.split("func.", 1)[1].split("/")  # type: ignore[union-attr]
            marks = list(part.finditer(m.raw_label))
            where = None
        else:
            # A figure labelled by its kind alone (…其他国土资源事务支出(项)。主要用于：……。年初预算为45.00万元):
            # the item its line names before it.
            where, marks = _item_line(a, m, part)
            path = [marks[-1].group("name")] if marks else []
        if not marks or path[-1].isdigit() or marks[-1].group("level") == "类":
            continue  # an item named by its code, or a 类 alone
        level = "类款项".index(marks[-1].group("level"))
        said = _bare(path[-1])
        if "(" in said or ")" in said:
            continue  # a name with a level mark inside was cut at a line break, not written so
        chain = _chain(marks)
        quote_at = partial(_name_quote, m, where, chain)

        if any(n == said for length, n in names if _LEVEL.get(length) == level):
            yield from _ancestor_named_otherwise(ctx, rows, m, chain, quote_at, reported)
            continue
        # One name inside the other is a name cut at a line break or shortened, not another name.
        cut = {n for length, n in names if _LEVEL.get(length) == level and (said in n or n in said)}
        same = [r for r in rows if _LEVEL.get(len(r.code)) == level and any(v.overlaps(m.yuan) for v in r.values)]
        alike = {(r.code, r.printed) for r in same if r.name not in cut
                 and difflib.SequenceMatcher(None, said, r.name).ratio() >= _ALIKE}
        how = "同额科目"
        if not alike and not cut and chain[1:]:
            # A name no row has and nothing like it (机关事业单位退休人员活动费支出（项）0.88万元): the one row
            # of that amount under the parent item the text names (20805 -> 2080599 其他行政事业单位养老支出).
            parents = {r.code: r.printed for r in rows if _LEVEL.get(len(r.code)) == level - 1
                       and r.name == _bare(chain[-2].group("name"))}
            alike = {(r.code, r.printed) for r in same if r.code[: _CODE[level - 1]] in parents}
            if len(parents) == 1:
                how = "“{} {}”下的同额科目".format(*next(iter(parents.items())))
        if len({_bare(name) for _, name in alike}) != 1 or (said, next(iter(alike))[1]) in reported:
            continue
        code, name = sorted(alike)[0]
        reported.add((said, name))
        fig = fact_figure("表中科目", next(f for f in a.table_facts if f.key.endswith(f"func.{code}")))
        written = path[-1] + ("支出" if name.endswith("支出") and not path[-1].endswith("支出") else "")
        yield ctx.report(f"说明中的科目名称“{written}”与表中{how}“{code} {name}”不一致。", [quote_at(marks[-1])],
                         stated=written, expected=name, claim=m,
                         reading=Reading(f"表中{code} {name}为同一金额", (fig,)))


def _name_quote(m: Mention, where: Line | None, chain: list[re.Match[str]], mk: re.Match[str]) -> Evidence:
    """The evidence of a name in an item's path: the figure itself when its label holds the path, else the
    line that names the item, from the path's first name, with the name marked."""
    if where is None:
        return evidence(m)
    end = m.end if where is m.line else len(where.norm.text)
    start = chain[0].start("name") + chain[0].group("name").startswith("、")  # a list's 、 is no part of a name
    return line_evidence(where, start, end, mark=(mk.start("name"), mk.start("level") - 1))


def _item_line(a: Analysis, m: Mention, part: re.Pattern[str]) -> tuple[Line, list[re.Match[str]]]:
    """The line that names the item a figure labelled by its kind alone belongs to, and its marks: m's own
    line before m, else one of the two lines above in its section with no figure between (the item as the
    section's heading: "12、住房保障支出（类）…住房公积金（项）。" / "主要用于：…年初预算为289.59万元")."""
    marks = list(part.finditer(m.line.norm.text, 0, m.start))
    idx = next(i for i, (ln, _) in enumerate(a.mentions) if ln is m.line)
    if marks or any(x.is_level and x.start < m.start for x in a.mentions[idx][1]):
        return m.line, marks
    for ln, ms in reversed(a.mentions[max(0, idx - 2):idx]):
        if ln.section is not m.line.section:
            break
        found = list(part.finditer(ln.norm.text))
        if found:
            after = [x for x in ms if x.is_level and x.start > found[-1].end()]
            return (ln, found) if not after else (m.line, [])
        if ln.is_heading or any(x.is_level for x in ms):
            break
    return m.line, []


def _chain(marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The marks that name one item's path, ending at the last (…（类）…（款）…（项）, each level right
    after the one above it)."""
    chain = [marks[-1]]
    for mk in reversed(marks[:-1]):
        if "类款项".index(mk.group("level")) != "类款项".index(chain[0].group("level")) - 1:
            break
        if mk.string[mk.end(): chain[0].start()].strip():
            break
        chain.insert(0, mk)
    return chain


def _ancestor_named_otherwise(ctx: RuleContext, rows: list[_Row], m: Mention, chain: list[re.Match[str]],
                              quote_at: Callable[[re.Match[str]], Evidence],
                              reported: set[tuple[str, str]]) -> Iterator[Finding]:
    """An item the table has, under a parent the text names otherwise (住房保障支出（类）住房保障支出（款）
    住房公积金（项）289.59万元, where 2210201 住房公积金 289.59 is under 22102 住房改革支出): the parent's name is
    wrong when no row of its level is called so."""
    level = "类款项".index(chain[-1].group("level"))
    said = _bare(chain[-1].group("name"))
    leaf = {r.code for r in rows if _LEVEL.get(len(r.code)) == level and r.name == said
            and any(v.overlaps(m.yuan) for v in r.values)}
    if len(leaf) != 1:
        return
    code = next(iter(leaf))
    # A name the classification has since replaced is classification-name's finding, not a second one here.
    renamed = [r["old"] for r in ctx.knowledge.claims.get("renamed_classes", [])]
    for mk in chain[:-1]:
        up = "类款项".index(mk.group("level"))
        name = _bare(mk.group("name").lstrip("、"))
        if any(name in r.name or r.name in name for r in rows if _LEVEL.get(len(r.code)) == up) or any(
                old in name for old in renamed):
            continue
        parent = next((r for r in rows if r.code == code[: _CODE[up]]), None)
        if parent is None or (name, parent.printed) in reported:
            continue
        reported.add((name, parent.printed))
        written = mk.string[mk.start("name"): mk.start("level") - 1].lstrip("、")
        fig = fact_figure("表中科目", next(f for f in ctx.analysis.table_facts if f.key.endswith(f"func.{parent.code}")))
        yield ctx.report(f"说明中的{mk.group('level')}级科目名称“{written}”与表中“{parent.code} {parent.printed}”不一致"
                         f"（表中{code}所属的{mk.group('level')}）。", [quote_at(mk)],
                         stated=written, expected=parent.printed, claim=m,
                         reading=Reading(f"表中{code}属于{parent.code} {parent.printed}", (fig,)))



@rule("item-purpose-copied", "wording", "warning", "科目用途说明照抄其他科目",
      "说明中逐项解释功能分类科目时，一个科目的“主要用于”写的是另一个科目的用途（名称含另一科目名，不含本科目名），"
      "多为复制上一项后未改。例：“住房公积金（项）。主要用于：事业单位医疗保险支出。”——这是上一项“事业单位医疗（项）”的用途。",
      rationale="情况说明对每个科目说明其用途；用途照抄其他科目，读者无法了解该科目的实际用途。")
def check_item_purposes(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    kn = a.knowledge
    part, purpose, excepting = kn.patterns["func_part"], kn.patterns["item_purpose"], kn.patterns["purpose_by_exception"]
    # The 项 the text explains, in order, each with the line and offset of its mark.
    items: list[tuple[str, Line, int]] = []
    for line in a.lines:
        if line.block.kind == "table" or (line.section is not None and
                                          any(s.type in SIDE_SECTIONS for s in line.section.chain())):
            continue
        items += [(_bare(mk.group("name")), line, mk.end()) for mk in part.finditer(line.norm.text)
                  if mk.group("level") == "项"]
    names = {name for name, _, _ in items if len(name) >= 4 and not any(c in name for c in "()、")}
    body = [ln for ln in a.lines if ln.block.kind != "table"]
    at = {id(ln): k for k, ln in enumerate(body)}
    for i, (own, line, end) in enumerate(items):
        # The purpose is said after the item's mark, on its line or the next, before the next item.
        nxt = items[i + 1] if i + 1 < len(items) else None
        for ln in (x for x in body[at[id(line)]:at[id(line)] + 2] if x.section is line.section):
            if nxt is not None and ln is nxt[1] and ln is not line:
                break
            text = ln.norm.text
            stop = nxt[2] if nxt is not None and nxt[1] is ln else len(text)
            u = purpose.search(text, end if ln is line else 0, stop)
            if u is None:
                continue
            said = u.group("purpose")
            others = sorted(n for n in names if n != own and n in said and n not in own)
            if others and own not in said and not excepting.search(said) and not own.startswith("其他"):
                yield ctx.report(f"“{own}（项）”的用途说明“{said.strip()}”写的是“{others[0]}（项）”的用途，"
                                 "可能照抄了其他科目，请按本科目实际用途填写。",
                                 [line_evidence(ln, u.start(), u.end(), mark=u.span("purpose"))],
                                 stated=said.strip(), expected=f"{own}的用途")
            break

