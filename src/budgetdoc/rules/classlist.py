"""The year's spending listed by 功能分类 类 in the text ("按支出功能分类，包括科学技术支出1140.61万元、社会保障和就业
支出22232.40万元、…") against the total stated just before it and the 类 rows of the table it is read from: a list
whose classes add up to the total is verified; one that adds up to the total only with a 类 the table prints and
the list leaves out is reported (the reader is told less than the whole); a list whose amounts are the table's
类 amounts under other names (two classes' figures swapped) is an error."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..extract import Mention
from ..extract.mentions import list_end
from ..extract.tables import ParsedTable, Row
from ..interval import interval_sum
from ..model import Evidence, Finding, Reading
from ..verify import mention_figure
from .base import RuleContext, evidence, fmt_amount, rule

_HEAD_LINES = 3  # how far above the list its total may be stated


@rule("class-list", "arithmetic", "warning", "按功能分类列示的支出不全",
      "说明中按支出功能分类列出的各类支出之和应等于其前面所述的支出总额；表中有而说明未列的类级科目应列出。"
      "例：支出预算515313.35万元，按功能分类只列出五类（合计500313.35万元），表中其他支出15000.00万元未列。",
      rationale="按功能分类列示支出时，各类级科目之和即支出总额；少列一类，读者据说明得出的支出结构即不完整。")
def check_class_list(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for i, parts in _class_lists(a):
        head = _head(a, i)
        if head is None:
            continue
        listed = interval_sum([p.yuan for p in parts])
        reading = Reading(" + ".join(p.stated.strip() for p in parts), tuple(mention_figure(p.label, p) for p in parts))
        if listed.overlaps(head.yuan):
            ctx.verified(head, reading)
            continue
        found = _table_column(a, parts)
        if found is None:
            ctx.unverified(head, "按功能分类所列各类之和与总额不符，且未找到对应的表", reading)
            continue
        t, col, missing = found
        left_out = interval_sum([r.values[col].interval.scale(t.scale) for r in missing])
        if not missing or not (listed + left_out).overlaps(head.yuan):
            ctx.unverified(head, "按功能分类所列各类之和与总额不符，表中未列各类也不能补足", reading)
            continue
        names = "、".join(f"{r.name}{r.values[col].cell.text.strip()}{t.unit}" for r in missing)
        total = fmt_amount(head, listed.mid / head.scale)
        yield ctx.report(f"按支出功能分类列出的各类支出之和为{total}，与支出总额{head.stated.strip()}不符："
                         f"《{t.name[:30]}》中的{names}未列出。",
                         [evidence(head), evidence(parts[0]),
                          *(Evidence(r.values[col].cell.text.strip(), r.values[col].cell.loc) for r in missing[:3])],
                         stated=total, expected=head.stated.strip())


@rule("class-swap", "consistency", "error", "按功能分类列示的金额与类名对调",
      "说明中按支出功能分类列出各类支出时，每一类的金额应是表中该类的金额。所列金额恰是表中各类的金额、却配在别的类名下，"
      "是两类金额写串了。例：表中社会保障和就业支出488.61万元、住房保障支出283.71万元，说明写“社会保障和就业支出、住房保障支出"
      "分别为283.71万元、488.61万元”。",
      rationale="按功能分类列示的各类金额应与公开表中同一类一致；各类金额相同而对应关系错，读者对支出结构的理解就错了。")
def check_class_swap(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for _i, parts in _class_lists(a):
        for p, named, t, col in _swapped(a, parts):
            said, printed = p.stated.strip(), named.values[col].cell.text.strip()
            yield ctx.report(f"文中{_bare(named.name or '')}为{said}，《{t.name[:30]}》中该类为{printed}{t.unit}；文中所列各类金额"
                             f"与表中各类金额相同而对应的类名不同，金额写串了。",
                             [evidence(p), Evidence(printed, named.values[col].cell.loc)], stated=said,
                             expected=f"{printed}{t.unit}", claim=p,
                             reading=Reading(f"《{t.name[:20]}》{named.name}{printed}", (mention_figure(p.label, p),)))


def _class_lists(a: Analysis) -> Iterator[tuple[int, list[Mention]]]:
    """Each list of the year's spending by 功能分类 (two amounts or more after the cue, to the list's end), with the
    index of its line among the analysis's lines of mentions."""
    cue = re.compile(a.knowledge.claims["class_list_cue"])
    for i, (line, ms) in enumerate(a.mentions):
        m = cue.search(line.norm.text)
        if m is None:
            continue
        end = list_end(line.norm.text, m.end())
        parts = [x for x in ms if m.end() <= x.start < end and not x.is_percent and not x.is_change]
        if len(parts) >= 2:
            yield i, parts


def _swapped(a: Analysis, parts: list[Mention]) -> list[tuple[Mention, Row, ParsedTable, int]]:
    """The listed classes whose amount is not their own 类 row's but another listed class's, in the one table and
    column whose 类 rows give every listed amount one for one (each 类 the sum of its 款, so the table is right)."""
    for t in a.tables:
        if t.classification != "func":
            continue
        classes = [r for r in t.rows if r.code and len(r.code) == 3 and r.values]
        for col in sorted({c for r in classes for c in r.values}):
            named = [next((r for r in classes if col in r.values and _bare(r.name or "")
                           and _bare(r.name or "") in _bare(p.label)), None) for p in parts]
            if None in named or len({id(r) for r in named}) != len(parts):
                continue
            rows: list[Row] = named  # type: ignore[assignment]
            same = [r.values[col].interval.scale(t.scale).overlaps(p.yuan) for p, r in zip(parts, rows, strict=True)]
            if all(same) or not _one_for_one(parts, rows, t, col) or not all(_is_its_kuan(t, r, col) for r in rows):
                continue
            return [(p, r, t, col) for p, r, ok in zip(parts, rows, same, strict=True) if not ok]
    return []


def _one_for_one(parts: list[Mention], rows: list[Row], t: ParsedTable, col: int) -> bool:
    """Do the listed amounts match the rows' amounts one for one, in some order?"""
    left = list(rows)
    for p in parts:
        hit = next((r for r in left if r.values[col].interval.scale(t.scale).overlaps(p.yuan)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _is_its_kuan(t: ParsedTable, row: Row, col: int) -> bool:
    """Is a 类 row's amount the sum of its 款 rows in the column (the table right about it)?"""
    kuan = [r for r in t.rows if r.code and len(r.code) == 5 and r.code.startswith(row.code or "") and col in r.values]
    return bool(kuan) and interval_sum([r.values[col].interval for r in kuan]).overlaps(row.values[col].interval)


def _head(a: Analysis, i: int) -> Mention | None:
    """The total the list divides: the last spending total stated in the lines just above (same section)."""
    heads = a.knowledge.claims["class_list_heads"]
    line = a.mentions[i][0]
    for prev, ms in reversed(a.mentions[max(0, i - _HEAD_LINES):i]):
        if prev.section is not line.section:
            break
        found = [x for x in ms if x.key and a.knowledge.base_key(x.key) in heads and not x.is_change]
        if found:
            return found[-1]
    return None


def _bare(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _table_column(a: Analysis, parts: list[Mention]) -> tuple[ParsedTable, int, list[Row]] | None:
    """The 功能分类 table and column whose 类 rows state every listed class (by name and amount), with
    the 类 rows of that column the list leaves out (those not zero)."""
    for t in a.tables:
        if t.classification != "func":
            continue
        classes = [r for r in t.rows if r.code and len(r.code) == 3 and r.values]
        for col in sorted({c for r in classes for c in r.values}):
            matched: set[int] = set()
            for p in parts:
                row = next((r for r in classes if id(r) not in matched and col in r.values
                            and _bare(r.name or "") and _bare(r.name or "") in _bare(p.label)
                            and r.values[col].interval.scale(t.scale).overlaps(p.yuan)), None)
                if row is None:
                    break
                matched.add(id(row))
            else:
                missing = [r for r in classes if id(r) not in matched and col in r.values
                           and r.values[col].value != 0]
                return t, col, missing
    return None


