"""Headings and sections: numbering patterns (第一部分 / 一、 / （一） / 1.) mapped to canonical types.

Each block becomes a `Line`: the block, its normalized text, and the section it belongs to. The
section chain decides the funding scope of the figures inside it (一般公共预算 / 财政拨款 ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge import Knowledge, knowledge
from ..model import Block
from ..normalize import NormText, normalize


@dataclass
class Section:
    title: str
    level: int
    type: str | None
    scope: str | None
    block_index: int
    parent: Section | None = None
    unit: str | None = None  # the budget unit the heading names (本级, a subordinate unit): its figures' scope

    def chain(self) -> list[Section]:
        out, s = [], self
        while s is not None:
            out.append(s)
            s = s.parent
        return out

    @property
    def effective_scope(self) -> str | None:
        for s in self.chain():
            if s.scope:
                return s.scope
        return None

    @property
    def unit_scope(self) -> str | None:
        """The budget unit whose figures the section states (None: the department's)."""
        for s in self.chain():
            if s.unit:
                return s.unit
        return None

    @property
    def effective_type(self) -> str | None:
        for s in self.chain():
            if s.type and s.type != "explanation":
                return s.type
        return None


@dataclass
class Line:
    index: int
    block: Block
    norm: NormText
    section: Section | None
    is_heading: bool = False
    heading_level: int | None = None
    tags: set[str] = field(default_factory=set)


def heading_level(text: str, block_kind: str, k: Knowledge | None = None) -> int | None:
    """The heading level of a line, or None when it is body text."""
    k = k or knowledge()
    stripped = text.strip().lstrip("-").strip()
    if "\t" in text or "|" in stripped:
        return None
    for level, pattern in k.heading_numbering:
        if pattern.match(stripped):
            if len(stripped) <= k.heading_max_chars and not k.patterns["heading_amount"].search(stripped):
                return level
            return None
    if block_kind == "heading":
        return 2 if stripped.startswith("#") is False else stripped.count("#", 0, 6)
    return None


def unit_named(title: str, k: Knowledge | None = None) -> str | None:
    """The budget unit a heading names ("XX市水源保护管理办公室", "XX局本级"), or None."""
    k = k or knowledge()
    bare = _bare_title(title, k).rstrip(":")
    if k.patterns["unit_heading_not"].search(bare):
        return None
    m = k.patterns["unit_heading"].match(bare)
    if m is None:
        return None
    # A unit is named in full, from its place (XX市…中心), or as the department's own 本级; a bare
    # 处/科 is an internal division listed among the duties.
    unit = m.group("unit")
    return unit if "本级" in unit or k.patterns["unit_place"].match(unit) else None


def _bare_title(title: str, k: Knowledge) -> str:
    """A heading's words without its numbering (一、 (一) 1. 第二部分)."""
    return k.patterns["title_part"].sub("", k.patterns["func_numbering"].sub("", title)).strip().replace(" ", "")


def mark_units(sections: list[Section], department: str | None, k: Knowledge | None = None) -> None:
    """Sections whose heading names a budget unit other than the department: the unit alone ("二、XX市水源
    保护管理办公室", "（一）XX局本级"), or opening the title ("XX中心2026年部门预算"). The figures under
    such a heading, until the next heading of its level, are that unit's (Section.unit_scope)."""
    from .metadata import clean_org, org_pattern  # noqa: PLC0415  (metadata imports this module)

    k = k or knowledge()
    org = re.compile(org_pattern())
    after = k.patterns["unit_heading_after"]
    for sec in sections:
        if any(s.type in _NO_UNITS for s in sec.chain()):
            continue
        name = unit_named(sec.title, k) if sec.type is None else None
        if name is None and department:
            bare = _bare_title(sec.title, k)
            m = org.match(bare)
            # The name alone, or followed by its year: a title, not a sentence about the unit.
            if m is not None and after.match(bare[m.end():]):
                name = clean_org(m.group(0))
                name = name if k.patterns["unit_place"].match(name) else None
        if name is None:
            continue
        own = name.removesuffix("本级").removesuffix("(本级)")
        if department and "本级" not in name and (own in department or department in own):
            continue  # the department's own name: its figures are the department's
        sec.unit = name


# Parts whose numbered lines are duties, definitions or contacts: an organisation named there opens no scope.
_NO_UNITS = {"overview", "glossary", "contact", "tables", "attachment"}


def section_type(title: str, k: Knowledge | None = None) -> tuple[str | None, str | None]:
    for st in (k or knowledge()).sections:
        if any(p.search(title) for p in st.patterns):
            return st.type, st.scope
    return None, None


def structure(blocks: list[Block], k: Knowledge | None = None) -> tuple[list[Line], list[Section]]:
    k = k or knowledge()
    lines: list[Line] = []
    sections: list[Section] = []
    stack: list[Section] = []
    for i, block in enumerate(blocks):
        norm = normalize(block.text) if block.kind != "table" else normalize("")
        level = heading_level(norm.text, block.kind, k) if block.kind != "table" else None
        if level is not None:
            while stack and stack[-1].level >= level:
                stack.pop()
            title = norm.text.strip().lstrip("#- ").strip()
            stype, scope = section_type(title, k)
            sec = Section(title, level, stype, scope, i, stack[-1] if stack else None)
            sections.append(sec)
            stack.append(sec)
        lines.append(Line(i, block, norm, stack[-1] if stack else None, level is not None, level))
    return lines, sections
