"""The note an annotation carries: the rule's title, the message, 文中 / 应为 and the suggestion for
that place — the same text in a PDF note, a Word comment and a cell comment."""

from __future__ import annotations

from ...model import Evidence, Finding
from ...suggestion import suggest_at
from ..marks import stated_as_written

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
AUTHOR = "budgetdoc"


def title(f: Finding) -> str:
    from ...rules import RULES

    rule = RULES.get(f.rule)
    return rule.title if rule is not None else f.rule


def note_lines(f: Finding, e: Evidence) -> list[str]:
    """The note's lines for one place of a finding."""
    lines = [f"【{_SEVERITY.get(f.severity, f.severity)}】{title(f)}（{f.rule}）", f.message]
    stated = stated_as_written(f)
    values = ([f"文中：{stated}"] if stated is not None else []) + \
             ([f"应为：{f.expected}"] if f.expected is not None else [])
    if values:
        lines.append("　".join(values))
    suggestion = suggest_at(f, e)
    if suggestion:
        lines.append(f"建议：{suggestion}")
    return lines


def note(f: Finding, e: Evidence) -> str:
    return "\n".join(note_lines(f, e))
