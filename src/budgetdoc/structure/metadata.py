"""Document metadata: department, report year, kind (final/budget) and money unit."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Metadata
from .sections import Line

_ORG_END = r"(?:局|委员会|委|办公室|中心|院|厅|部|所|站|馆|队|会|处|办)"
_ORG = rf"[\u4e00-\u9fff][\u4e00-\u9fff()（）]{{1,29}}?{_ORG_END}(?:\([\u4e00-\u9fff]{{1,6}}\))?"
_TITLE_PATTERNS = [
    re.compile(r"(部\s*门|预算单位|单位名称)\s*(名\s*称)?\s*[:：]\s*(?P<org>[\u4e00-\u9fff()（）]{2,40}?)(?=\s|单位|金额|$)"),
    re.compile(rf"^\s*(?P<year>20\d\d)\s*年度?\s*(?P<org>{_ORG})\s*(\(部门\))?\s*(部门|单位)?\s*(综合)?\s*(?P<kind>决算|预算)"),
    re.compile(rf"^\s*(?P<org>{_ORG})\s*(\(部门\)|部门)?\s*(?P<year>20\d\d)\s*年度?\s*(部门|单位)?\s*(综合)?\s*(?P<kind>决算|预算)"),
]
# "2020年度部门决算", "2025年区级部门预算"; not "比2024年预算增加" (a comparison, not the title).
_YEAR_KIND = re.compile(r"(?<![比与较同])(?P<year>20\d\d)\s*年度?\s*([省市区县旗]级)?\s*(部门|单位)\s*(综合)?\s*(?P<kind>决算|预算)")
# A cover: the department's name alone on a line, the year and kind on the next ("西安市生态环境局" /
# "2022 年部门综合预算"); a trailing （汇总） says the figures cover its units too.
_COVER_YEAR = re.compile(r"^\s*20\d\d\s*年度?.{0,12}(决算|预算)")
_COVER_NOTE = re.compile(r"[(（](汇总|本级|部门)[)）]$")
_SCOPE_ORG = re.compile(rf"(从(预算|决算)单位构成看(?P<org1>{_ORG}))|(纳入(?P<org2>{_ORG})(\(部门\)|部门)?\s*20\d\d\s*年度?\s*部门)")
# A department's full name starts with its place: 西安市…, 江苏省…, 上海市普陀区…, 中共江苏省委….
_PLACE_START = re.compile(r"^(中共|中国共产党)?[\u4e00-\u9fff]{2,7}?(省|市|自治区|区|县|州|旗|盟)")
_LEADING_NOISE = "年月日的和与及在对为是将由从向于了"
_NOT_PLACE = set("看纳入从在的和与及对为是将由向于了年月日构成单位预决算部门所属本级各全")
_AMOUNT_UNIT = re.compile(r"\d(?:\.\d+)?\s*(万元|元)")


def _clean_org(org: str) -> str:
    org = org.strip().lstrip("()（）一二三四五六七八九十0123456789.、 ")
    org = re.sub(r"(\(部门\)|部门)$", "", org)
    # A trailing parenthetical such as （办） names the same body; keep inner ones （示范区）.
    org = re.sub(r"\([\u4e00-\u9fff]{1,3}\)$", "", org)
    return org.replace("(", "（").replace(")", "）")


def extract_metadata(lines: list[Line]) -> Metadata:
    meta = Metadata()
    head = [ln for ln in lines[:40] if not ln.block.kind == "table"]
    for ln in head:
        t = ln.norm.text
        for pat in _TITLE_PATTERNS:
            m = pat.search(t)
            # A title is the whole line (a few trailing words like 公开文档 aside), not a sentence.
            if m and len(t.rstrip()) - m.end() <= 6:
                meta.department = meta.department or _clean_org(m.group("org"))
                if "year" in m.groupdict() and m.group("year") and meta.year is None:
                    meta.year = int(m.group("year"))
                if "kind" in m.groupdict() and m.group("kind") and meta.kind is None:
                    meta.kind = "final" if m.group("kind") == "决算" else "budget"
    if meta.department is None:
        meta.department = _cover_department(head[:10])
    # Year and kind from headings and body phrases such as "2020年度部门决算情况说明".
    years: Counter[int] = Counter()
    kinds: Counter[str] = Counter()
    for ln in lines:
        weight = 3 if ln.is_heading else 1
        for m in _YEAR_KIND.finditer(ln.norm.text):
            years[int(m.group("year"))] += weight
            kinds["final" if m.group("kind") == "决算" else "budget"] += weight
        if "决算公开" in ln.norm.text:
            kinds["final"] += weight
    # A cover split over lines ("江苏省2018年度" / "省级部门预算公开报表"), or a table-only file
    # whose title and 部门： line sit in the first table: read the opening text as one piece.
    opening = " ".join(ln.norm.text.strip() for ln in lines[:8] if ln.block.kind != "table")
    opening += " " + " ".join(_table_head(ln) for ln in lines[:3] if ln.block.kind == "table")
    for m in _YEAR_KIND.finditer(opening):
        years[int(m.group("year"))] += 5
        kinds["final" if m.group("kind") == "决算" else "budget"] += 5
    if meta.department is None:
        m = _TITLE_PATTERNS[0].search(opening)
        if m:
            meta.department = _clean_org(m.group("org"))
    if meta.year is None and years:
        meta.year = years.most_common(1)[0][0]
    if meta.kind is None and kinds:
        meta.kind = kinds.most_common(1)[0][0]  # type: ignore[assignment]
    if meta.department is None:
        meta.department = _guess_department(lines)
    units: Counter[str] = Counter(m.group(1) for ln in lines for m in _AMOUNT_UNIT.finditer(ln.norm.text))
    if units:
        meta.unit = units.most_common(1)[0][0]  # type: ignore[assignment]
    return meta


def _cover_department(head: list[Line]) -> str | None:
    for ln, nxt in zip(head, head[1:], strict=False):
        name = _COVER_NOTE.sub("", ln.norm.text.strip().replace(" ", ""))
        if re.fullmatch(_ORG, name) and _COVER_YEAR.match(nxt.norm.text):
            return _clean_org(name)
    return None


def _table_head(line: Line) -> str:
    from ..normalize import normalize

    rows = line.block.rows[:2]
    return " ".join(normalize(c.text).text for row in rows for c in row)


def _guess_department(lines: list[Line]) -> str | None:
    """No title: the body names the department where it states what the accounts cover."""
    counts: Counter[str] = Counter()
    for ln in lines[:1500]:
        for m in re.finditer(_ORG, ln.norm.text):
            org = _clean_org(m.group(0).lstrip(_LEADING_NOISE))
            if len(org) >= 4:
                counts[org] += 1
    best = None
    for ln in lines:
        m = _SCOPE_ORG.search(ln.norm.text)
        if m:
            best = _clean_org(m.group("org1") or m.group("org2"))
            break
    if best is None:
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        if n < 2 or not _PLACE_START.match(best):
            return None  # a phrase met in the body ("让区财政部"), not the department: better unknown
    # The body often shortens the name (区行政审批局); prefer the full form it also uses.
    core = best[1:] if len(best) > 4 and best[0] in "区市县旗省州盟" else best
    longer = [o for o in counts if o.endswith(core) and len(o) <= len(core) + 8
              and not set(o[: len(o) - len(core)]) & _NOT_PLACE]
    return max(longer, key=len) if longer else best
