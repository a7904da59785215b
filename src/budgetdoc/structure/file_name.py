"""Metadata from a file's name, for what its content does not state.

The tables part of a split disclosure (报表 beside its 情况说明) often names no department and no year:
its name does (某某区财政局-2025-budget-tables.pdf). What is taken from the name fills only the fields the
content left empty, never replaces one, and comes with a reader note saying so, because a name can be
wrong (a download saved under another department's name). Patterns: knowledge/metadata.yaml `file_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import PurePath

from ..knowledge import load_yaml
from ..model import Metadata
from .metadata import clean_org, org_pattern

FIELDS = ("year", "department", "kind")  # in the order a note names them

_FROM_NAME = "文件未写明{labels}，取自文件名：{values}"
_FROM_PARTS = "文件未写明{labels}，取自同一公开的其他分册（{names}）：{values}"
_NOTE = re.compile(r"^文件未写明(?P<labels>[^，]+)，取自文件名：")


@dataclass(frozen=True)
class _Naming:
    opaque: re.Pattern[str]
    year: re.Pattern[str]
    kinds: dict[str, re.Pattern[str]]
    split: re.Pattern[str]
    lead: re.Pattern[str]
    org: re.Pattern[str]
    labels: dict[str, str]
    kind_names: dict[str, str]


@lru_cache(maxsize=1)
def _naming() -> _Naming:
    data = load_yaml("metadata.yaml")
    n = data["file_name"]
    org = re.compile(f"(?P<org>{org_pattern()})(?=(?:{n['after_org']}))")
    return _Naming(re.compile(n["opaque"]), re.compile(n["year"]),
                   {kind: re.compile(p, re.IGNORECASE) for kind, p in n["kinds"].items()},
                   re.compile(n["split"]), re.compile(n["lead"]), org, dict(n["labels"]),
                   {kind: word for word, kind in data["kind_words"].items()})


def name_metadata(name: str) -> Metadata:
    """What a file's name says of the department, year and kind; each None where the name says nothing
    or says two things (two years, both kinds, two departments)."""
    n = _naming()
    # Full-width letters and brackets as half-width; not the text normalizer, which joins runs across _.
    stem = unicodedata.normalize("NFKC", PurePath(name).stem)
    if n.opaque.search(stem):
        return Metadata()
    years = {int(m.group("year")) for m in n.year.finditer(stem)}
    kinds = [kind for kind, p in n.kinds.items() if p.search(stem)]
    orgs = set()
    for run in n.split.split(stem):
        m = n.org.match(n.lead.sub("", run))
        if m:
            orgs.add(clean_org(m.group("org")))
    return Metadata(department=orgs.pop() if len(orgs) == 1 else None,
                    year=years.pop() if len(years) == 1 else None,
                    kind=kinds[0] if len(kinds) == 1 else None)  # type: ignore[arg-type]


def fill_from_names(meta: Metadata, names: Sequence[str]) -> tuple[Metadata, str | None]:
    """`meta` with the fields it lacks taken from the files' names (the first name that gives one: the
    explanation's before the tables'), and the reader note saying which; the note is None when nothing
    was taken."""
    taken: dict[str, object] = {}
    for name in names:
        said = name_metadata(PurePath(name).name)
        for f in FIELDS:
            if getattr(meta, f) is None and f not in taken and getattr(said, f) is not None:
                taken[f] = getattr(said, f)
    if not taken:
        return meta, None
    return replace(meta, **taken), name_note(taken)  # type: ignore[arg-type]


def name_note(taken: dict[str, object]) -> str:
    """The reader note of fields taken from the file's name."""
    return _note(_FROM_NAME, taken)


def parts_note(taken: dict[str, object], names: Sequence[str]) -> str:
    """The reader note of a part whose missing fields were taken from the document read from all the
    parts of its disclosure (`names`: the other parts' files)."""
    return _note(_FROM_PARTS, taken, names="、".join(names))


def is_name_note(warning: str) -> bool:
    return _NOTE.match(warning) is not None


def named_fields(warnings: Sequence[str]) -> set[str]:
    """The fields a result's (or a stored document's) reader notes say were taken from its file's name: a
    stored document keeps no other trace of where its metadata came from."""
    n = _naming()
    by_label = {label: f for f, label in n.labels.items()}
    out: set[str] = set()
    for w in warnings:
        m = _NOTE.match(w)
        if m:
            out.update(by_label[label] for label in m.group("labels").split("、") if label in by_label)
    return out


def _note(template: str, taken: dict[str, object], **extra: str) -> str:
    n = _naming()
    fields = [f for f in FIELDS if f in taken]
    values = [n.kind_names.get(str(taken[f]), str(taken[f])) if f == "kind" else str(taken[f]) for f in fields]
    return template.format(labels="、".join(n.labels[f] for f in fields), values="、".join(values), **extra)
