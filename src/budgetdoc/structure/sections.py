"""Headings and sections: numbering patterns (第一部分 / 一、 / （一） / 1.) mapped to canonical types.

Each block becomes a `Line`: the block, its normalized text, and the section it belongs to. The
section chain decides the funding scope of the figures inside it (一般公共预算 / 财政拨款 ...).
"""

from __future__ import annotations

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
    bare = k.patterns["func_numbering"].sub("", title).strip().rstrip(":：")
    if k.patterns["unit_heading_not"].search(bare):
        return None
    m = k.patterns["unit_heading"].match(bare.replace(" ", ""))
    return m.group("unit") if m else None


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
            sec = Section(title, level, stype, scope, i, stack[-1] if stack else None,
                          unit=unit_named(title, k) if stype is None else None)
            sections.append(sec)
            stack.append(sec)
        lines.append(Line(i, block, norm, stack[-1] if stack else None, level is not None, level))
    return lines, sections
