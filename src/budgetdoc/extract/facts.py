"""Facts: the amounts that state a standard quantity, keyed as in knowledge/quantities.yaml.

Also builds the breakdown lists (X，其中：A a、B b) that the sum rules check, because the list a
figure sits in decides its key (an item of 公用经费 is an economic item, not a 三公 part).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge import Knowledge, knowledge, load_yaml
from ..load.aligned_text import is_row_left_as_text
from ..model import Fact, Metadata
from ..structure import Line
from ..structure.metadata import org_pattern
from .keys import QuantityMatch, is_bare, match_econ, match_quantity, numbering_style, scope_in, split_role
from .mentions import LIST_END, SENTENCE_END, Mention, continues_sentence, named_whole


def func_key(text: str, section_title: str | None, k: Knowledge | None = None) -> str | None:
    """A 功能分类 item named with its levels, e.g. 一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项)
    -> func.一般公共服务/政府办公厅(室)及相关机构事务/行政运行. A line naming only 款/项 takes its 类
    from the section heading above it."""
    k = k or knowledge()
    part, numbering, lead = k.patterns["func_part"], k.patterns["func_numbering"], k.patterns["func_lead"]
    parts: dict[str, str] = {}
    for m in part.finditer(text):
        name = numbering.sub("", m.group("name")).removesuffix("支出")
        name = lead.sub("", name)
        if name and m.group("level") not in parts:
            parts[m.group("level")] = name
    if not parts:
        return None
    if "类" not in parts and section_title:
        lei = part.search(section_title)
        if lei and lei.group("level") == "类":
            parts["类"] = numbering.sub("", lei.group("name")).removesuffix("支出")
    return "func." + "/".join(parts[level] for level in ("类", "款", "项") if level in parts)


def _openers(k: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word that opens a breakdown (其中 …), anywhere, and at the end of the text."""
    anywhere = re.compile(k.claims["list_open"])
    return anywhere, re.compile(anywhere.pattern + r"\s*[:,]?\s*$")


@dataclass
class Breakdown:
    head: Mention
    opener: str
    parts: list[Mention] = field(default_factory=list)
    style: str | None = None  # the numbering of its item lines (1. / (1) / (一)): sub-items differ
    final: Mention | None = None  # the 决算 the head's sentence goes on to, when the head is its 年初预算
    bracketed: bool = False  # opened inside brackets ("X（其中：A a，B b）"): the list ends where they close


def base_key(key: str, k: Knowledge | None = None) -> str:
    """A key without its funding scope: gpb.expense.basic -> expense.basic."""
    return (k or knowledge()).base_key(key)


def _components(key: str | None, k: Knowledge) -> set[str]:
    if not key:
        return set()
    out: set[str] = set()
    for ident in k.identities:
        if ident.total == k.quantity_key(key):
            out.update(ident.parts)
    return out


def _parts_of_parts(key: str | None, k: Knowledge) -> set[str]:
    """The parts of a total's parts (基本支出 and 项目支出 of 支出总计, through 本年支出合计)."""
    return {x for c in _components(key, k) for x in _components(c, k)}


def _list_ended(b: Breakdown, m: Mention, k: Knowledge) -> bool:
    """Is m, a figure that is no part of the list's total (named otherwise, or not named), after a semicolon
    that ends a list of its parts ("其中：基本支出X，项目支出Y；一般公共预算安排的公用经费Z")? Then it is a
    statement of its own."""
    comps = _components(b.head.key, k) | _parts_of_parts(b.head.key, k)  # 支出总计's list of 基本支出 and 项目支出 too
    if len(b.parts) < 2 or not all(p.key and k.quantity_key(p.key) in comps for p in b.parts):
        return False
    # A part of a part the list has not named is still in it (公务用车运行维护费 among the 三公 items, for
    # 公务用车费); one of a part it named (公用经费 after 基本支出 and 项目支出) is not.
    named = {k.quantity_key(p.key) for p in b.parts if p.key}
    if m.key and any(k.quantity_key(m.key) in _components(c, k) and c not in named for c in comps):
        return False
    last = b.parts[-1]
    return last.line is m.line and ";" in m.line.norm.text[last.end:m.start]


def _siblings(key: str, other: str | None, k: Knowledge) -> bool:
    """Are two quantities parts of one total (基本支出 and 项目支出 of 本年支出合计)?"""
    if not other:
        return False
    o = k.quantity_key(other)
    return key != o and any(key in i.parts and o in i.parts for i in k.identities)


def _is_total_key(key: str | None, k: Knowledge) -> bool:
    return bool(key) and bool(_components(key, k))


def _in_parentheses(m: Mention) -> bool:
    text = m.line.norm.text[:m.start]
    return text.count("(") > text.count(")")


def _is_level(m: Mention) -> bool:
    """An amount that states a level (not a change, share, threshold or aside)."""
    return m.is_level


def qualifier_ok(prefix: str, k: Knowledge | None = None) -> bool:
    """Is the text before a total's name only who/when/which funds (not another kind of money)?"""
    k = k or knowledge()
    rest = k.patterns["scope_words"].sub("", prefix).replace("(部门)", "")
    rest = _org_prefix(k).sub("", rest)
    return rest.strip(",;:、()（） ") in k.words["plain_qualifiers"]


def _within_whole(prefix: str, key: str, k: Knowledge) -> bool:
    """Is the text before a quantity's name the whole it is a part of ("基本支出中公用经费", "一般公共预算财政拨款基本支出
    中的人员经费")? Then the figure is that part, as named alone."""
    m = re.fullmatch(r"(?P<whole>.+?)中的?", k.patterns["scope_words"].sub("", prefix).strip(",;:、 "))
    found = match_quantity(m.group("whole"), k) if m else None
    return found is not None and any(i.total == k.base_key(found.key) and k.base_key(key) in i.parts
                                     for i in k.identities)


def _org_prefix(k: Knowledge) -> re.Pattern[str]:
    """Everything up to the last organisation-name ending (…政务服务中心)."""
    return re.compile("^.*(" + "|".join(map(re.escape, k.org_endings)) + ")")


def assign_keys(lines_mentions: list[tuple[Line, list[Mention]]], meta: Metadata,
                k: Knowledge | None = None) -> list[Breakdown]:
    """Give every level amount its role and key; return the breakdown lists found on the way.

    Lists are read within a sentence (X，其中：A a、B b。), and across lines when a line ends with
    其中:/包括: and the following lines are its items (one item per line, as many layouts do).
    """
    k = k or knowledge()
    opener_any, opener_end = _openers(k)
    func_item_code = re.compile(k.claims["func_item_code"])
    breakdowns: list[Breakdown] = []
    carry: Breakdown | None = None
    item: str | None = None  # the 功能分类 item a paragraph cut over lines is about
    prev: Line | None = None
    open_lists: list[Breakdown] = []  # lists a PDF line break cut mid-clause, going on in the next line
    for idx, (line, mentions) in enumerate(lines_mentions):
        if line.block.kind == "paragraph" and is_row_left_as_text(line.block.text):
            mentions = []  # a table's row left as text: its figures are keyed by headings not read
        levels = [m for m in mentions if _is_level(m)]
        # A line a PDF wrapped mid-sentence ("…、差旅费" / "7.06万元、因公出国（境）费用…") goes on with the line
        # above's own list: its first amount is no item of the list a line before opened (a numbered line is).
        wrapped = _goes_on(prev, line, k)
        prev = line
        if carry is not None and (line.is_heading or not levels):
            breakdowns.append(carry)
            carry = None
        stack: list[Breakdown] = open_lists if wrapped else []
        if not wrapped:
            _close(open_lists, breakdowns)
        open_lists = []
        subject: str | None = item if item and not line.is_heading and not numbering_style(line.norm.text, k) else None
        section_scope = line.section.effective_scope if line.section else None
        subject = subject or _lead_subject(line.norm.text, section_scope, k)
        last_level: Mention | None = None
        unnamed: int | None = None  # the sentence that went on about something we cannot name
        sentence = 0 if stack else -1  # the first sentence of a wrapped line is the open list's
        section_title = line.section.title if line.section else None
        cut = _cut_sentence(line, mentions, wrapped)
        for m in mentions:
            if cut is not None and m.sentence == cut.sentence and _is_level(m):
                last_level = m  # part of a sentence whose words went before a page break: not placed
                continue
            if m.sentence != sentence:
                sentence = m.sentence
                _close(stack, breakdowns)
                # A sentence that names a 功能分类 item is about that item.
                b0, b1 = m.line.norm.text.rfind("。", 0, m.start), m.start
                fk = func_key(m.line.norm.text[b0 + 1:b1], section_title, k)
                if fk is None and sentence > 0:
                    prev_start = m.line.norm.text.rfind("。", 0, max(b0, 0)) + 1
                    fk = func_key(m.line.norm.text[prev_start:b0 + 1], section_title, k)
                if fk is None:
                    code = func_item_code.search(m.line.norm.text[b0 + 1:b1])
                    fk = f"func.{code.group(1)}" if code else None
                if fk is not None:
                    subject = f"{section_scope}.{fk}" if section_scope else fk
            if not _is_level(m):
                m.subject = subject
                continue
            if m.sentence != unnamed:
                unnamed = None
            own = subject if unnamed is None else None  # the sentence's subject, unless it named another
            style = numbering_style(line.norm.text, k)
            if carry is not None and m is levels[0] and carry.parts and carry.style \
                    and style != carry.style:
                # A sub-item ((1) under 1.) of the list the line above opened: not one of its items.
                _resolve(m, [], own, section_scope, meta, k)
            elif carry is not None and m is levels[0] and not wrapped:
                if not carry.parts and carry.final is not None and split_role(m.label, k)[0] is None:
                    carry.head = carry.final  # "1.因公出国（境）费4.00万元" under 年初预算X，支出决算Y：the 决算's item
                _resolve(m, [carry], own, section_scope, meta, k)
                if m.role is not None and _same_figure(m.role) != _same_figure(carry.head.role):
                    # "3.…（项）。年初未安排预算，支出决算为149.08万元" under a list of 年初预算: the item's
                    # figure of the list's period is not printed; the next item lines go on with the list.
                    pass
                elif _fits(m, carry, line, k):
                    if not carry.parts:
                        carry.style = style
                    carry.parts.append(m)
                    m.list_head = carry.head
                else:
                    breakdowns.append(carry)
                    carry = None
                    _resolve(m, [], own, section_scope, meta, k)
            else:
                start = last_level.end if last_level and last_level.sentence == m.sentence else m.clause_start
                span = m.line.norm.text[start:m.start]
                # A list opened before a semicolon has ended: "基本支出X，主要用于…；项目支出Y".
                opener = opener_any.search(span[span.rfind(";") + 1:])
                head = last_level if last_level and last_level.sentence == m.sentence else None
                if opener and head is not None and head.role == "prev":
                    head = _own_figure_before(mentions, head)
                if opener is None and head is None and m.sentence > 0:
                    # "…。其中：基本支出X": the opener starts the sentence, before the clause mark.
                    sent = m.line.norm.text[:m.start]
                    opener = opener_any.match(sent[max(sent.rfind(c) for c in SENTENCE_END) + 1:].lstrip())
                if opener and head is None and m.sentence > 0:
                    head = _head_before(mentions, m, k)  # 收入合计X元。其中：...
                if stack and stack[-1].bracketed and not _in_parentheses(m):
                    # "56.47万元（其中：购置费20.24万元，运行维护费36.23万元），比2024年年初预算数83.16万元": the
                    # list in brackets ends with them.
                    breakdowns.append(stack.pop())
                if stack and re.search(k.claims["list_aside"], span):
                    _close(stack, breakdowns)  # "其中：1.…；8.其他收入0.00万元；另有上年结转结余355.29万元": not an item
                elif stack and stack[-1].opener == "主要用于" and ";" in m.line.norm.text[start:m.start]:
                    breakdowns.append(stack.pop())  # what the money is used for ends at the semicolon
                elif len(stack) > 1 and stack[-1].opener != "其中" and ";" in m.line.norm.text[start:m.start]:
                    # "其中：商品和服务支出X，主要包括：维修（护）费X；资本性支出Y": what an item includes ends at the
                    # semicolon, and the next item is the outer list's again.
                    breakdowns.append(stack.pop())
                if opener and head is not None and _opener_names_other(span, opener, head, k):
                    # "收支总预算X，收入包括：…政府性基金预算拨款收入1000万元；支出包括：…": the list of 支出 is
                    # neither that figure's nor one with the 收入 before it.
                    head = None
                    _close(stack, breakdowns)
                if opener and head is not None and not _in_parentheses(head) \
                        and not any(b.head is head for b in stack):
                    at = m.start - len(span) + span.rfind(";") + 1 + opener.start()
                    opened = m.line.norm.text[:at]
                    stack.append(Breakdown(head, opener.group(1), bracketed=opened.count("(") > opened.count(")")))
                _resolve(m, stack, own, section_scope, meta, k)
                if _in_parentheses(m):
                    _scope_part_in_brackets(m, mentions, k)
                _place(m, stack, breakdowns, k)
            if _in_parentheses(m):
                pass  # a sub-item in brackets: what the sentence goes on about is still the figure before them
            elif m.key and m.role is None:
                subject, unnamed = m.key, None
            elif m.key and m.role:
                # 年初预算为X (key ….budget): the item; 支出决算为X in a final keeps the item's own key.
                subject, unnamed = m.key.removesuffix(f".{m.role}"), None
            elif m.list_head is not None and not (subject and ".func." in f".{subject}"):
                # An item we cannot name: its 年初预算 after it is not the list's total's (a 功能分类 item the
                # sentence names stays the subject: 进修及培训（20508）X，具体为：人员经费Y).
                subject = None
            elif m.key is None and _names_other(m.label, k) and not (subject and ".func." in f".{subject}"):
                # 因公出国费预算数0万元，决算数0万元: the rest of the sentence is about what the label names (a
                # 功能分类 item's 人员经费 left unkeyed keeps the item the subject)
                unnamed = m.sentence
            last_level = m
        ends = line.norm.text.rstrip()
        item = subject if subject and ".func." in f".{subject}" and not ends.endswith("。") else None
        # A line ending with 其中:/包括: keeps its innermost list open for the item lines below.
        if opener_end.search(line.norm.text.rstrip("。 ")) and (stack or last_level is not None):
            if carry is not None:
                breakdowns.append(carry)
            if stack:
                carry = stack.pop()
            else:
                head = _own_sentence_head(line, mentions, last_level, opener_end)
                carry = Breakdown(head, "其中", final=_final_of(head, mentions))
        nxt = lines_mentions[idx + 1][0] if idx + 1 < len(lines_mentions) else None
        if stack and nxt is not None and _goes_on(line, nxt, k) \
                and not any(c in line.norm.text[stack[-1].head.end if stack[-1].head.line is line else 0:]
                            for c in LIST_END):
            open_lists = stack  # "其中：基本工资…、奖金62.75万元、绩效工资" / "135.93万元、…": one list
        else:
            _close(stack, breakdowns)
    _close(open_lists, breakdowns)
    if carry is not None:
        breakdowns.append(carry)
    return breakdowns




def _scope_part_in_brackets(m: Mention, mentions: list[Mention], k: Knowledge) -> None:
    """"年初财政拨款结转和结余15.42万元（一般公共预算6.24万元、政府性基金预算9.19万元）": a funding scope named bare
    in brackets after a figure is that figure's part in the scope (its carry-over), not the scope's 收入."""
    label = re.sub(k.claims["bracket_item_lead"], "", m.label).strip()
    if not re.fullmatch(k.claims["bare_scope"], label):
        return
    opened = m.line.norm.text.rfind("(", 0, m.start)
    owner = next((x for x in reversed(mentions) if x.end <= opened and _is_level(x) and not _in_parentheses(x)), None)
    scope = scope_in(label, k)
    m.also = ()
    if owner is None or owner.key is None or scope is None or not k.scoped(k.quantity_key(owner.key)):
        m.key = None  # the part of a figure we cannot name, or of one no scope divides
        return
    m.key, m.role = f"{scope}.{k.base_key(owner.key)}", owner.role


def _cut_sentence(line: Line, mentions: list[Mention], wrapped: bool) -> Mention | None:
    """A line that opens with a bare amount ("19816.81元，项目支出0元。" after a page number) goes on with a
    sentence whose words are lost across a page break: its first sentence's figures belong to a figure
    nobody names (the 项目支出 of an item, not the department's), and are read as nothing."""
    if wrapped or line.is_heading or not mentions:
        return None
    first = mentions[0]
    if not _is_level(first) or first.raw_label.strip() or line.norm.text[:first.start].strip():
        return None
    return first


def _opener_names_other(span: str, opener: re.Match[str], head: Mention, k: Knowledge) -> bool:
    """Do the words before a list opener name the other side than the head figure's ("支出包括：" after
    政府性基金预算拨款收入1000万元)? A list of one side is never the items of a figure of the other."""
    said = span[span.rfind(";") + 1:][:opener.start()]
    own = k.base_key(head.key).split(".")[0] if head.key else None
    named = [side for side in ("income", "expense") if any(w in said for w in k.words[side])]
    return own in ("income", "expense") and len(named) == 1 and named[0] != own


def _goes_on(prev: Line | None, line: Line, k: Knowledge) -> bool:
    """Does `line` go on with the clause a PDF line break cut in `prev` (and is no numbered item of its own)?"""
    return continues_sentence(prev, line) and numbering_style(line.norm.text, k) is None


def _own_sentence_head(line: Line, mentions: list[Mention], last: Mention | None,
                       opener_end: re.Pattern[str]) -> Mention:
    """For "…。其中:" at the end of a line the list belongs to what the paragraph is about."""
    text = line.norm.text.rstrip("。 ")
    opener_at = opener_end.search(text).start()  # type: ignore[union-attr]
    if last is not None and "。" in text[last.end:opener_at]:
        first = next((m for m in mentions if _is_level(m)), None)
        if first is not None:
            return first
    return last  # type: ignore[return-value]


def _head_before(mentions: list[Mention], item: Mention, k: Knowledge) -> Mention | None:
    """The total a list opened at the start of a sentence (…。其中：A a) itemises: the level of the
    sentence before whose quantity has A as a part ("一般公共预算收入X，一般公共预算支出Y。其中：基本支出"
    lists Y's parts), else its first level."""
    found = match_quantity(item.label, k)
    worded = split_role(item.label, k)[0] is not None  # the item names its period (因公出国费预算数X)
    if found is not None:
        for m in mentions:
            # A part of a part too: 支出预算X。其中：基本支出… (本年支出 of 支出总计, 基本支出 of 本年支出).
            if m.sentence == item.sentence - 1 and _is_level(m) \
                    and (found.key in _components(m.key, k) or found.key in _parts_of_parts(m.key, k)):
                return m if worded else _final_of(m, mentions) or m
    first = _first_level_of(mentions, item.sentence - 1)
    if first is not None and not worded:
        return _final_of(first, mentions) or first
    return first


def _final_of(head: Mention, mentions: list[Mention]) -> Mention | None:
    """The 决算 a sentence gives after its first figure, the 年初预算 of the same quantity ("三公经费年初预算为X，
    支出决算为Y…。其中：" in a final): an item stated without a period word is of Y ("因公出国（境）费4.00万元"),
    one stated with its own 年初预算 of X."""
    if head.role != "budget" or not head.key:
        return None
    actual = head.key.removesuffix(".budget")
    return next((m for m in mentions if m.sentence == head.sentence and _is_level(m) and m.key == actual
                 and m.role in (None, "actual")), None)


def _first_level_of(mentions: list[Mention], sentence: int) -> Mention | None:
    for m in mentions:
        if m.sentence == sentence and _is_level(m):
            return m
    return None


def _fits(m: Mention, carry: Breakdown, line: Line, k: Knowledge) -> bool:
    """Is the first amount of this line an item of the list the line above opened?"""
    key = k.base_key(m.key) if m.key else None
    comps = _components(carry.head.key, k)
    if key and key in comps:
        return True
    if key and _is_total_key(m.key, k):
        return False
    return bool(k.patterns["item_start"].match(line.norm.text))


@lru_cache(maxsize=1)
def _project_paragraph() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = load_yaml("projects.yaml")["projects"]
    return re.compile(d["paragraph_about"]), re.compile(d["paragraph_not"])


@lru_cache(maxsize=4096)  # asked for each figure of a line, and by project-amount for each line
def project_named(text: str) -> str | None:
    """The project a paragraph opens with, named and followed by a comma ("（一）XX项目，预算安排…": XX项目):
    its figures are the project's."""
    about, generic = _project_paragraph()
    m = about.match(text)
    return m.group("name") if m is not None and not generic.search(m.group("name")) else None


def _of_a_named_unit(m: Mention) -> bool:
    """Is the figure in brackets after a unit's name ("阳城县审计局机关（本级）（行政单位，本年支出决算1438.62万元）")?
    Then it is that unit's, not the department's."""
    text = m.line.norm.text[:m.start]
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += 1 if text[i] == ")" else -1 if text[i] == "(" else 0
        if depth < 0:
            before = re.sub(r"(机关)?(\([^()]{1,8}\))*$", "", text[:i].rstrip())
            return re.search(f"(?:{org_pattern()})$", before) is not None
    return False


def _another_unit(m: Mention, meta: Metadata, k: Knowledge) -> str | None:
    """The unit whose figure it is when the figure's clause opens with a unit's name right before what it states
    ("分单位看：XX局（本级）收入263.76万元、支出245.68万元", "XX县图书馆本年收入1035.29万元", "较大的两个单位是：XX学校
    本年收入合计…"): a name that starts with its place and is not the department's, or any name marked 本级. None for
    the department's figures ("2026年XX局本级1家行政单位以及…3家事业单位的机关运行经费…" names the units a department
    figure covers)."""
    if m.line.section is not None and m.line.section.unit_scope:
        return None  # under a unit's own heading its figures are that unit's scope already (rules.base.unit_of)
    text = m.line.norm.text[:m.start]
    # From the clause's start, or from a colon the names follow ("…支出规模较大的两个单位是：XX学校本年收入合计…").
    clause = text[max(text.rfind(c) for c in "；;。:：") + 1:]
    found = re.match(f"(?P<lead>[^\\d]{{0,8}}?[:：]|)\\s*(?P<name>{org_pattern()})(?:机关)?(?P<own>\\(本级\\)|本级)?",
                     clause.lstrip())
    if found is None or re.match(r"\s*[\d、和及与的等]|\s*以及", clause.lstrip()[found.end():]):
        return None
    name = found.group("name")
    if found.group("own") or name.endswith("(本级)"):
        return None if "本级" in (meta.department or "") else re.sub(r"\(本级\)$", "", name) + "(本级)"
    name = re.sub(r"\([^()]*\)$", "", name)  # 科尔沁左翼中旗政务服务局(部门): the name without its note
    dept = meta.department or ""
    # The department's own name, whole, cut at an inner ending (石门县人力资源和社会|保障局) or shortened
    # (石门县人社局): the same body. A unit's name ends otherwise (…中心, …图书馆 under a 局).
    own = name in dept or dept.endswith(name) or name.endswith(dept) or _abbreviates(name, dept)
    return name if dept and k.patterns["unit_place"].match(name) is not None and not own else None


def _abbreviates(name: str, dept: str) -> bool:
    """Is a name the department's shortened (石门县人社局 for 石门县人力资源和社会保障局: its characters in order, the
    same ending), not another body's with the same ending (包头市人民政府研究室 beside …办公室)?"""
    if not dept or name[-1] != dept[-1]:
        return False
    rest = iter(dept)
    return all(ch in rest for ch in name)


def _names_other(label: str, k: Knowledge) -> bool:
    """Does a label we could not key name a sum of money of its own ("因公出国费预算数"; not a bare role word,
    nor a verb before one: "完成全年预算")?"""
    rest = split_role(label, k)[1].strip()
    return not is_bare(rest, k) and re.search(k.claims["money_name_end"], rest) is not None


def _lead_subject(text: str, section_scope: str | None, k: Knowledge) -> str | None:
    """The quantity a line's lead names before its colon, and nothing else ("(二)支出预算:2023年年初预算数1,895.74万元，
    其中：…"): what a figure the line labels by a bare role word ("年初预算数") is of."""
    lead = re.match(k.claims["lead_subject"], text)
    name = lead.group("name").strip() if lead else ""
    found = match_quantity(name, k) if name else None
    if found is None or found.start != 0 or found.end != len(name):
        return None
    return _scoped(found.key, "", None, section_scope, found.scoped, k)


def _resolve(m: Mention, stack: list[Breakdown], subject: str | None, section_scope: str | None,
             meta: Metadata, k: Knowledge) -> None:
    _resolve_key(m, stack, subject, section_scope, meta, k)
    if m.key is not None and project_named(m.line.norm.text) is not None:
        m.key, m.also = None, ()  # the project's figure (its role stays: 上年预算为X is last year's)


def _resolve_key(m: Mention, stack: list[Breakdown], subject: str | None, section_scope: str | None,
                 meta: Metadata, k: Knowledge) -> None:
    label = m.label
    m.body = _another_unit(m, meta, k)
    if _of_a_named_unit(m) or re.match(k.claims["average_label"], label.strip()):
        return
    head = stack[-1].head if stack else None
    head_key = head.key if head else None
    if stack and stack[-1].opener == "主要用于":
        return  # what a figure was used for: not a standard quantity
    unknown_head = head is not None and head_key is None  # a part of something we cannot name
    if head_key and k.base_key(head_key).split(".budget")[0] in k.econ_within:
        econ = match_econ(label, k)
        if econ:
            m.key = _scoped(econ, label, head_key, section_scope, True, k)
            m.role = head.role
            return
    if "(类)" in m.raw_label or "(款)" in m.raw_label or "(项)" in m.raw_label:
        fk = func_key(m.raw_label, m.line.section.title if m.line.section else None, k)
        if fk is not None:
            m.key = f"{section_scope}.{fk}" if section_scope else fk
            # 行政运行（项）年初预算为X: the item's budget (or last year's) figure, not the item's.
            role = split_role(re.split(r"\((?:类|款|项)\)", m.raw_label)[-1].strip(), k)[0]
            if role == "prev" or (role == "budget" and meta.kind == "final"):
                m.role, m.key = role, f"{m.key}.{role}"
            return
    found = None if unknown_head else match_quantity(label, k)
    if found is not None and not head_key and (whole := _whole_named_before(m, label, k)) is not None:
        found = whole  # 财政拨款支出中，一般公共预算财政拨款X: that scope's 支出, not its 收入
    role, rest = split_role(label, k)
    compared = bool(k.patterns["compared_lead"].match(label))
    # a role word and nothing else ("预算数为X" in a budget: the item's own figure), not the level compared with
    worded = role is not None and not compared
    current = role == "current"  # 本年安排X: this period's figure of what the sentence is about
    if current:
        role = None
    if role:
        stripped = match_quantity(rest, k) if rest and not unknown_head else None
        if stripped is not None and (found is None or stripped.start < found.start):
            found = stripped
        elif found is not None:
            # The quantity's name takes the word in (机关运行经费预算): the figure itself in a budget,
            # still the budget figure in a final account or a text that does not say which it is.
            role, rest = (role if role == "budget" and meta.kind != "budget" else None), label
    if role is None and head is not None and head.role is not None:
        role = head.role  # items of a budget figure are budget figures
    if compared and (role is None or role == "budget" and meta.kind == "budget"):
        role = "prev"  # "比2024年年初预算数X" in a 2025 budget: last year's budget, the change's base
    if role == "budget" and meta.kind == "budget":
        role = None  # in a budget document the budget figure is the figure
    m.role = role
    if _of_an_earlier_year(m.raw_label, meta, k, named=found is not None):
        m.role = role = "prev"  # "2024年预算数830.32万元" in a 2025 budget: the comparison's base
        if found is None:
            return  # no quantity named: no figure to key
    elif meta.year is None and re.search(k.claims["earlier_year_figure"], m.raw_label.strip()):
        return  # "2015年预算数160万元" where the text names no year of its own: which year's figure is unknown
    if found is not None and found.scoped and not qualifier_ok(rest[: found.start], k) \
            and not _within_whole(rest[: found.start], found.key, k):
        found = None  # 财政专户管理资金收入总计, 人员类项目支出: a sub-total, not the standard quantity
    if found is not None and re.search(k.claims["subset_cues"], rest[: found.start]):
        found = None  # 涉及一般公共预算财政拨款X, 其中一般公共预算拨款政府采购Y: a part, not the whole
    if found is not None and subject and ".func." in f".{subject}" \
            and k.base_key(found.key) in k.claims["item_component_keys"]:
        found = None  # 进修及培训（20508）…具体为：人员经费X: the item's 人员经费, not the department's
    if found is not None:
        prefix_text = rest[:found.start]
        # 政府采购货物Y after "其中一般公共预算拨款政府采购X：": the item is of the scope just named.
        head_or_subject = head_key or (subject if found.key.startswith(tuple(k.claims["scope_when_named"])) else None)
        # 财政拨款支出预算X: a scope word opening the name scopes it as one before it would (not the
        # 财政拨款 inside 使用非财政拨款结余).
        name = rest[found.start:found.end]
        opens = any(pattern.match(name) for _, pattern in k.scopes)
        m.key = _scoped(found.key, prefix_text + name if found.scoped and opens else prefix_text, head_or_subject,
                        section_scope, found.scoped, k)
        also, scoped = found.also, found.scoped
        if also:
            m.also = tuple(_scoped(a, prefix_text, head_key, section_scope, scoped, k) for a in also)
    elif (role or current or worded) and is_bare(rest, k) and subject:
        m.key = subject
        if role == "actual":
            return
    if m.key and meta.year is not None and k.base_key(m.key) == "expense.carryover_end" \
            and (y := re.search(k.claims["prior_year_end"], m.raw_label)) and int(y.group("year")) == meta.year - 1:
        m.key = m.key.removesuffix("expense.carryover_end") + "income.carryover_begin"  # last year's 年末: this 年初
    if m.key and role in ("budget", "prev"):
        m.key = f"{m.key}.{role}"
        m.also = tuple(f"{a}.{role}" for a in m.also)


def _whole_named_before(m: Mention, label: str, k: Knowledge) -> QuantityMatch | None:
    """A funding scope named bare after the whole it is part of ("财政拨款支出中，一般公共预算财政拨款2,618.50万元",
    "财政拨款收支总预算中，一般公共预算3,983.81万元"): the whole's quantity in that scope. None when the label
    names more than a scope or no whole comes before it."""
    if not re.fullmatch(k.claims["bare_scope"], label.strip()):
        return None
    named = named_whole(m.line.norm.text[:m.clause_start], k)
    whole = match_quantity(named, k) if named else None
    if whole is None or not whole.scoped:
        return None
    # The scope's own part of the whole only: 收支总预算 names both totals, the part is taken as its 收入总计.
    return QuantityMatch(whole.key, (), whole.scoped, 0, len(label))


def _own_figure_before(mentions: list[Mention], compared: Mention) -> Mention:
    """The figure of its own a sentence states before the one it compares it with ("预算总额为1969万元，较2024年的
    2190万元减少221万元；其中：…"): the list that follows breaks that figure down, not last year's."""
    own = [x for x in mentions if x.sentence == compared.sentence and x.end <= compared.start and _is_level(x)
           and x.role != "prev"]
    # A final's own figure before its budget ("支出决算为33.77万元，完成全年预算32.85万元的102.8%，上年9.63万元；
    # 其中：…"): the list breaks down what was spent, not the budget it is measured against.
    spent = [x for x in own if x.role != "budget"]
    return spent[-1] if spent else own[-1] if own else compared


def _of_an_earlier_year(label: str, meta: Metadata, k: Knowledge, *, named: bool = False) -> bool:
    """Does the label end with an earlier year and a period word ("2024年预算数" in a 2025 budget, "财政拨款收支总
    预算2023年预算数"): last year's figure? (A label naming the quantity after its year, "2019年…收入决算总额", may
    be a slip for this year: that is self-comparison's to say; a quantity named so and ending in 预算数 / 决算数,
    "2024年基本支出预算数", "中央本级2012年“三公经费”财政拨款预算执行数", is last year's.) `named`: the label as a whole
    names a quantity."""
    found = re.search(k.claims["earlier_year_figure"], label.strip())
    if found is None and (between := re.search(k.claims["earlier_year_named"], label.strip())) is not None \
            and (named or match_quantity(between.group("what"), k) is not None):
        found = between
    return found is not None and meta.year is not None and int(found.group("year")) < meta.year


def _scoped(key: str, label_prefix: str, head_key: str | None, section_scope: str | None, scoped: bool,
            k: Knowledge) -> str:
    if not scoped:
        # 政府采购 is stated for all funds and again for a funding scope ("其中一般公共预算拨款政府采购X：
        # 货物Y…"): named with a scope, it and the items of its list are that scope's figures.
        if not key.startswith(tuple(k.claims["scope_when_named"])):
            return key
        scope = scope_in(label_prefix, k)
        if scope is None and head_key and head_key.split(".")[0] + "." in k.scope_prefixes \
                and k.base_key(head_key).split(".")[0] == key.split(".")[0]:
            scope = head_key.split(".")[0]
        return f"{scope}.{key}" if scope else key
    scope = scope_in(label_prefix, k)
    if scope is None and head_key and head_key.split(".")[0] + "." in k.scope_prefixes:
        scope = head_key.split(".")[0]
    if scope is None:
        scope = section_scope
    return f"{scope}.{key}" if scope else key


def _place(m: Mention, stack: list[Breakdown], breakdowns: list[Breakdown], k: Knowledge) -> None:
    if not stack or _in_parentheses(m) or re.match(k.claims["level_gone_to"], m.label):
        return
    if _same_figure(m.role) != _same_figure(stack[-1].head.role):
        return
    # Items and heads are matched as quantities: a budget figure's list (三公经费预算X，其中：…) is one like any other.
    key = k.quantity_key(m.key) if m.key else None
    # Climb to the list this item belongs to: 公用经费 after the items of 人员经费 belongs to 基本支出.
    for depth in range(len(stack) - 1, -1, -1):
        comps = _components(stack[depth].head.key, k)
        # The parts of a part, in a list that names none of the total's own ("支出预算X。其中：基本支出a，项目支出b":
        # 本年支出's parts under 支出总计).
        below = not any(p.key and k.quantity_key(p.key) in comps for p in stack[depth].parts) \
            and key in _parts_of_parts(stack[depth].head.key, k)
        if key and (key in comps or below):
            while len(stack) > depth + 1:
                breakdowns.append(stack.pop())
            stack[-1].parts.append(m)
            m.list_head = stack[-1].head
            return
    top = stack[-1]
    if (key and (_is_total_key(m.key, k) or (top.head.key and key == k.quantity_key(top.head.key))
                 or _siblings(key, top.head.key, k))) or _list_ended(top, m, k):
        # A new total, or the head's own sibling (项目支出 after 基本支出X，其中：人员经费…，公用经费…；),
        # starts a new statement.
        _close(stack, breakdowns)
        return
    top.parts.append(m)
    m.list_head = top.head


def _same_figure(role: str | None) -> str | None:
    return None if role == "actual" else role  # 支出决算为X is the figure itself in a final account


def _close(stack: list[Breakdown], breakdowns: list[Breakdown]) -> None:
    while stack:
        breakdowns.append(stack.pop())


def facts_from(lines_mentions: list[tuple[Line, list[Mention]]]) -> list[Fact]:
    facts: list[Fact] = []
    for line, mentions in lines_mentions:
        section = line.section.title if line.section else None
        for m in mentions:
            if m.key is None or not _is_level(m) or _in_parentheses(m) or m.body:
                continue  # (a unit the clause names states its own figure: no fact of the department's)
            for key in m.keys:
                facts.append(fact_of(m, key, section))
                m.facts.append(facts[-1])
    return facts


def fact_of(m: Mention, key: str, section: str | None = None) -> Fact:
    """The fact a mention states under `key`: its amount as stated, on its line's block."""
    return Fact(key=key, value_yuan=m.value_yuan, stated=m.stated.strip(), loc=m.line.block.loc, section=section,
                decimals=m.decimals, unit=m.unit)
