"""Document metadata: department, report year, kind (final/budget) and money unit."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import load_yaml
from ..model import Metadata
from .sections import Line


@dataclass(frozen=True)
class _Phrasing:
    org: str
    titles: tuple[re.Pattern[str], ...]
    year_kind: re.Pattern[str]
    kinds: dict[str, str]
    final_marker: str
    cover_year: re.Pattern[str]
    cover_note: re.Pattern[str]
    scope_org: re.Pattern[str]
    place_start: re.Pattern[str]
    leading_noise: str
    not_place: frozenset[str]
    org_suffixes: tuple[re.Pattern[str], ...]
    amount_unit: re.Pattern[str]
    yearless_title: re.Pattern[str]
    detached_year: re.Pattern[str]
    detached_year_window: int
    table_year_kind: re.Pattern[str]
    party_prefix: re.Pattern[str]
    party_organ: re.Pattern[str]
    org_last_end: re.Pattern[str]
    org_tail: int
    title_numbering: re.Pattern[str]
    table_kind: re.Pattern[str]
    compared_before: re.Pattern[str]
    figure_after: re.Pattern[str]
    opening_year: re.Pattern[str]


@lru_cache(maxsize=1)
def _phrasing() -> _Phrasing:
    """knowledge/metadata.yaml compiled, with {org} filled in from the organisation-name endings."""
    data = load_yaml("metadata.yaml")
    endings = sorted([*load_yaml("phrases.yaml")["org_endings"], *data["org_extra_endings"]], key=len, reverse=True)
    org_end = "(?:" + "|".join(map(re.escape, endings)) + ")"
    org = data["org"].format(org_end=org_end)

    def c(p: str) -> re.Pattern[str]:
        return re.compile(p.format(org=org, org_end=org_end))

    return _Phrasing(org, tuple(c(p) for p in data["titles"]), c(data["year_kind"]), dict(data["kind_words"]),
                     data["final_marker"], c(data["cover_year"]), c(data["cover_note"]), c(data["scope_org"]),
                     c(data["place_start"]), data["leading_noise"], frozenset(data["not_place"]),
                     tuple(c(p) for p in data["org_suffixes"]), c(data["amount_unit"]),
                     c(data["yearless_title"]), c(data["detached_year"]), data["detached_year_window"],
                     c(data["table_year_kind"]), c(data["party_prefix"]), c(data["party_organ"]),
                     c(data["org_last_end"]), data["org_tail"], c(data["title_numbering"]),
                     c(data["table_kind"]), c(data["compared_before"]), c(data["figure_after"]),
                     c(data["opening_year"]))


def org_pattern() -> str:
    """The pattern of an organisation's name: a few characters ending in one of the endings."""
    return _phrasing().org


def clean_org(org: str) -> str:
    org = org.strip().lstrip("()（）一二三四五六七八九十0123456789.、 ")
    # (部门) and a trailing parenthetical such as （办） name the same body; keep inner ones （示范区）.
    for suffix in _phrasing().org_suffixes:
        org = suffix.sub("", org)
    # The name ends at its last ending or bracket; a character or two after it begin the next word.
    m = _phrasing().org_last_end.match(org)
    if m and 0 < len(org) - m.end() <= _phrasing().org_tail:
        org = org[: m.end()]
    return org.replace("(", "（").replace(")", "）")


def extract_metadata(lines: list[Line]) -> Metadata:
    ph = _phrasing()
    meta = Metadata()
    head = [ln for ln in lines[:40] if not ln.block.kind == "table"]
    for ln in head:
        t = ph.title_numbering.sub("", ln.norm.text)
        numbered = t != ln.norm.text
        for pat in ph.titles:
            m = pat.search(t)
            # A title is the whole line (a few trailing words like 公开文档 aside), not a sentence; a
            # numbered line (第二部分 省人大办公厅2017年度部门预算表: a contents entry) is one only with
            # the full name, which starts with its place.
            if m and len(t.rstrip()) - m.end() <= 6 and (not numbered or ph.place_start.match(m.group("org"))):
                meta.department = meta.department or clean_org(m.group("org"))
                if "year" in m.groupdict() and m.group("year") and meta.year is None:
                    meta.year = int(m.group("year"))
                if "kind" in m.groupdict() and m.group("kind") and meta.kind is None:
                    meta.kind = ph.kinds[m.group("kind")]
    if meta.department is None:
        meta.department = _cover_department(head[:10])
    # Year and kind from headings and body phrases such as "2020年度部门决算情况说明".
    years: Counter[int] = Counter()
    kinds: Counter[str] = Counter()
    for ln in lines:
        weight = 3 if ln.is_heading else 1
        for m in ph.year_kind.finditer(ln.norm.text):
            years[int(m.group("year"))] += weight
            kinds[ph.kinds[m.group("kind")]] += weight
        if ph.final_marker in ln.norm.text:
            kinds["final"] += weight
    # A cover split over lines ("江苏省2018年度" / "省级部门预算公开报表"), or a table-only file
    # whose title and 部门： line sit in the first table: read the opening text as one piece.
    opening = " ".join(ln.norm.text.strip() for ln in lines[:8] if ln.block.kind != "table")
    opening += " " + " ".join(_table_head(ln) for ln in lines[:3] if ln.block.kind == "table")
    for m in ph.year_kind.finditer(opening):
        years[int(m.group("year"))] += 5
        kinds[ph.kinds[m.group("kind")]] += 5
    if not years:
        _detached_title(lines, years, kinds)
    if not years:
        _table_titles(lines, years, kinds)
    if not years:
        # No title of a department's account: the first sentence naming a year's 决算 or 预算 ("2022年一般公共预算
        # “三公”经费决算执行情况说明", "2013年中央本级“三公经费”财政拨款预算79.69亿元") is of the report's year, so an
        # earlier year's figures stated beside it are last year's. Not its kind: a note on a year's spending names
        # its budget as well ("2021年“三公”经费预算为20万元 … 支出共计9.07万元").
        if m := ph.opening_year.search(opening):
            years[int(m.group("year"))] += 1
    if meta.department is None:
        m = ph.titles[0].search(opening)
        if m:
            meta.department = clean_org(m.group("org"))
    if meta.year is None and years:
        meta.year = years.most_common(1)[0][0]
    if meta.kind is None and kinds:
        meta.kind = kinds.most_common(1)[0][0]  # type: ignore[assignment]
    if meta.department is None:
        meta.department = _guess_department(lines)
    if meta.department is not None:
        meta.department = _bounded(meta.department, "\n".join(ln.norm.text for ln in lines[:1500]))
    units: Counter[str] = Counter(m.group(1) for ln in lines for m in ph.amount_unit.finditer(ln.norm.text))
    if units:
        meta.unit = units.most_common(1)[0][0]  # type: ignore[assignment]
    return meta


def _bounded(org: str, text: str) -> str:
    """Where the name starts. Found in running text it may carry the words before it (度 of 年度, 解读,
    按照): a leading character or two go when the place the rest starts with (苏州市) is written more
    often without them in the document. 中共 stays only on a party organ (中共X市委…)."""
    ph = _phrasing()
    for k in (1, 2) if not ph.party_prefix.match(org) else ():
        m = ph.place_start.match(org[k:])
        if m is not None and len(m.group(0)) >= 3 and text.count(m.group(0)) > text.count(org[:k] + m.group(0)):
            org = org[k:]
            break
    if ph.party_prefix.match(org) and not ph.party_organ.match(org):
        org = ph.party_prefix.sub("", org)
    return org


def _detached_title(lines: list[Line], years: Counter[int], kinds: Counter[str]) -> None:
    """A title whose year sits on a line of its own next to it (a PDF that set the digits apart)."""
    ph = _phrasing()
    head = [ln.norm.text for ln in lines[:20] if ln.block.kind != "table"]
    for i, text in enumerate(head):
        m = ph.yearless_title.search(text)
        if not m:
            continue
        w = ph.detached_year_window
        for near in head[max(0, i - w): i] + head[i + 1: i + 1 + w]:
            y = ph.detached_year.match(near)
            if y:
                years[int(y.group("year"))] += 5
                kinds[ph.kinds[m.group("kind")]] += 5
                return


def _table_titles(lines: list[Line], years: Counter[int], kinds: Counter[str]) -> None:
    """Tables only: the year and kind of the tables' titles and amount columns (2026年部门收支预算总表,
    2026年预算数). A budget also shows last year's column, so the latest year stated is the report's.
    Without a year, the titles' kind alone (收支预算总表). In a sentence, a year compared with (较2022年度决算数)
    or labelling a figure (2015年预算数15万元) is another year's, not the report's."""
    ph = _phrasing()
    found: Counter[int] = Counter()
    for ln in lines:
        table = ln.block.kind == "table"
        text = " ".join(_table_head(ln).split("\n")) if table else ln.norm.text
        for m in ph.table_year_kind.finditer(text):
            if not table and (ph.compared_before.search(text[:m.start()]) or ph.figure_after.match(text[m.end():])):
                continue
            found[int(m.group("year"))] += 1
            kinds[ph.kinds[m.group("kind") or m.group("kind2")]] += 1
    if found:
        years[max(found)] += 1
    if not kinds:  # no year anywhere (the tables part of a split disclosure): the titles still say the kind
        for ln in lines:
            if ln.block.kind == "table":
                for m in ph.table_kind.finditer(_table_head(ln)):
                    kinds[ph.kinds[m.group("kind")]] += 1


def _cover_department(head: list[Line]) -> str | None:
    for ln, nxt in zip(head, head[1:], strict=False):
        name = _phrasing().cover_note.sub("", ln.norm.text.strip().replace(" ", ""))
        if re.fullmatch(_phrasing().org, name) and _phrasing().cover_year.match(nxt.norm.text):
            return clean_org(name)
    return None


def _table_head(line: Line) -> str:
    from ..normalize import normalize

    rows = line.block.rows[:2]
    return " ".join(normalize(c.text).text for row in rows for c in row)


def _guess_department(lines: list[Line]) -> str | None:
    """No title: the body names the department where it states what the accounts cover."""
    ph = _phrasing()
    counts: Counter[str] = Counter()
    for ln in lines[:1500]:
        for m in re.finditer(ph.org, ln.norm.text):
            org = clean_org(m.group(0).lstrip(ph.leading_noise))
            if len(org) >= 4:
                counts[org] += 1
    best = None
    for ln in lines:
        m = ph.scope_org.search(ln.norm.text)
        if m:
            best = clean_org(m.group("org1") or m.group("org2"))
            break
    if best is None:
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        if n < 2 or not ph.place_start.match(best):
            return None  # a phrase met in the body ("让区财政部"), not the department: better unknown
    # The body often shortens the name (区行政审批局); prefer the full form it also uses.
    core = best[1:] if len(best) > 4 and best[0] in "区市县旗省州盟" else best
    longer = [o for o in counts if o.endswith(core) and len(o) <= len(core) + 8
              and not set(o[: len(o) - len(core)]) & ph.not_place]
    return max(longer, key=len) if longer else best
