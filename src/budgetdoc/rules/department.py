"""The department's name written another way than its title gives it: 和 for 与 or the reverse (规划与自然资源局
in a document of 规划和自然资源局), or, where a caption names the unit the tables are of (部门：/单位名称：), the
name without its district or county (上海市规划和自然资源局 for 上海市普陀区规划和自然资源局: another body)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Evidence, Finding
from .base import RuleContext, line_evidence, rule

_PLACE_ENDS = "省市区县州旗盟"


@rule("department-name", "wording", "warning", "部门名称前后不一致",
      "同一文件中部门名称应与标题一致：不能把“和”写成“与”（或相反），表头的部门（单位）名称不能漏掉区、县。"
      "例：标题为“上海市普陀区规划和自然资源局”，正文写“规划与自然资源局”，表头写“部门：上海市规划和自然资源局”。",
      rationale="部门名称是公开主体的法定名称；写法不一或漏掉行政区划，读者会以为是另一个机构（漏掉区县即成了上级部门）。")
def check_department_name(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    dept = a.meta.department
    k = a.knowledge
    if not dept or k.patterns["unit_place"].match(dept) is None:
        return
    # The name after its places (上海市普陀区 | 规划和自然资源局): the text may leave the places out.
    core = dept[max(dept.rfind(c, 0, 12) for c in _PLACE_ENDS) + 1:]
    swapped = [core.replace(x, y) for x, y in (("和", "与"), ("与", "和")) if x in core] if len(core) >= 4 else []
    upper = k.patterns["lower_place"].sub(r"\1", dept, count=1)  # 上海市普陀区X局 -> 上海市X局
    caption = re.compile(k.patterns["name_caption"].pattern.replace("{name}", re.escape(upper))) if upper != dept else None
    for line in a.lines:
        texts = [(line.norm.text, None)] if line.block.kind != "table" else \
            [(c.text, c) for row in line.block.rows[:3] for c in row]
        for text, cell in texts:
            for v in swapped:
                i = text.find(v)
                if i >= 0:
                    yield _report(ctx, line, cell, text, i, v, core)
            if caption is not None and (m := caption.search(text)):
                yield _report(ctx, line, cell, text, m.start("name"), upper, dept)


def _report(ctx: RuleContext, line, cell, text: str, i: int, said: str, right: str) -> Finding:  # noqa: ANN001
    ev = Evidence(cell.text.strip(), cell.loc) if cell is not None else line_evidence(line, max(0, i - 20), min(len(text), i + len(said) + 20), mark=(i, i + len(said)))
    return ctx.report(f"部门名称写作“{said}”，与标题中的“{right}”不一致。", [ev], stated=said, expected=right)


# How many lines open a document (its title, the unit's caption).
_TITLE_LINES = 4


@rule("unit-as-department", "wording", "warning", "单位预算中写作部门预算",
      "标题为单位预算（决算）的文件，说明中不应写“部门预算安排”：单位预算只含本单位，部门预算是部门及其所属各单位的汇总。"
      "例：标题“上海市2026年区级单位预算”，正文“2026年部门预算安排购置车辆0辆”。",
      rationale="部门预算与单位预算口径不同（部门预算 = 本级 + 所属单位）；单位预算沿用部门预算模板的用语，读者会误以为是全部门的数。")
def check_unit_as_department(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    k = a.knowledge
    head = [ln.norm.text for ln in a.lines[:_TITLE_LINES]]
    if not any(k.patterns["unit_title"].search(t) for t in head) or \
            any(k.patterns["department_title"].search(t) for t in head):
        return
    for line in a.lines[_TITLE_LINES:]:
        if line.is_heading or line.block.kind == "table":
            continue
        for m in list(k.patterns["department_wording"].finditer(line.norm.text))[:1]:
            text = line.norm.text
            own = m.group(0).replace("部门", "单位")
            yield ctx.report(f"本文件是单位预算（决算），只含本单位，文中却写“{m.group(0)}”，应为“{own}”。",
                             [line_evidence(line, max(0, m.start() - 10), min(len(text), m.end() + 20), mark=m.span())],
                             stated=m.group(0), expected=own)
