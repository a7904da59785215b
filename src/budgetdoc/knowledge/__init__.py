"""Domain knowledge as data: the YAML files beside this module, loaded and validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


def load_yaml(name: str) -> dict[str, Any]:
    """One knowledge file, parsed (the loaders below validate what they read)."""
    with open(HERE / name, encoding="utf-8") as f:
        return yaml.safe_load(f)




@dataclass(frozen=True)
class Quantity:
    key: str
    name: str
    patterns: tuple[re.Pattern[str], ...]
    scoped: bool = False
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionType:
    type: str
    patterns: tuple[re.Pattern[str], ...]
    scope: str | None = None


@dataclass(frozen=True)
class Identity:
    total: str
    parts: tuple[str, ...]
    complete: bool  # the parts are all there is: Σ parts must equal the total
    name: str


@dataclass(frozen=True)
class Equality:
    name: str
    left: str
    right: str  # keys of two totals that must be equal (收入总计 = 支出总计)


@dataclass(frozen=True)
class ClassPair:
    """A function item and the economic item that name the same spending (identities.yaml)."""

    name: str
    function: str  # the function classification code (2080505)
    economic: str  # the economic classification code (30108)


@dataclass(frozen=True)
class RequiredPart:
    """A part every disclosure of the given kinds must explain (completeness.yaml)."""

    part: str
    name: str
    kinds: tuple[str, ...]
    headings: frozenset[str]  # section types whose heading counts
    facts: tuple[str, ...]  # key prefixes whose facts count
    phrases: tuple[re.Pattern[str], ...]  # wording that counts


@dataclass(frozen=True)
class RuleExamples:
    """A rule's documented texts: every `bad` text must make the rule fire, no `good` text may. `file`: the
    name the texts are checked under (a rule that reads the file's name states one)."""

    bad: tuple[str, ...]
    good: tuple[str, ...]
    file: str = "example.txt"


@lru_cache(maxsize=1)
def rule_examples() -> dict[str, RuleExamples]:
    data = load_yaml("rule_examples.yaml")
    out = {}
    for rid, e in data.items():
        bad, good = e.get("bad", []), e.get("good", [])
        if not all(isinstance(x, str) and x.strip() for x in [*bad, *good]):
            raise ValueError(f"knowledge: rule_examples.yaml: {rid} has an empty or non-text example")
        out[rid] = RuleExamples(tuple(bad), tuple(good), e.get("file", "example.txt"))
    return out


@dataclass(frozen=True)
class Knowledge:
    quantities: list[Quantity]
    names: dict[str, str]
    econ_items: list[str]
    econ_within: tuple[str, ...]
    scopes: list[tuple[str, re.Pattern[str]]]
    roles: list[tuple[str, re.Pattern[str]]]
    label_noise: list[re.Pattern[str]]
    sections: list[SectionType]
    heading_numbering: list[tuple[int, re.Pattern[str]]]
    heading_max_chars: int
    identities: list[Identity]
    equalities: list[Equality]
    claims: dict[str, Any]
    residue: list[dict[str, Any]] = field(default_factory=list)
    scope_labels: dict[str, str] = field(default_factory=dict)  # gpb -> 一般公共预算财政拨款
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)  # phrases.yaml
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phrases.yaml
    org_endings: tuple[str, ...] = ()
    required: tuple[RequiredPart, ...] = ()
    class_pairs: tuple[ClassPair, ...] = ()

    @property
    def scope_prefixes(self) -> tuple[str, ...]:
        """The funding-scope key prefixes with their dot (gpb., gf., soc., fiscal.), in the data's order."""
        return tuple(f"{prefix}." for prefix, _ in self.scopes)

    def base_key(self, key: str) -> str:
        """A key without its funding scope: gpb.expense.basic -> expense.basic."""
        for scope in self.scope_prefixes:
            if key.startswith(scope):
                return key[len(scope):]
        return key

    def quantity_key(self, key: str) -> str:
        """A key without its funding scope and its figure's role: gpb.sangong.total.budget -> sangong.total
        (the quantity whose identities and siblings a list's items are matched against)."""
        return self.base_key(key).removesuffix(".budget").removesuffix(".prev")

    def scoped(self, key: str) -> bool:
        """Does the quantity `key` take a funding scope prefix (quantities.yaml `scoped`)?"""
        return any(q.key == key and q.scoped for q in self.quantities)

    def with_section_aliases(self, aliases: dict[str, tuple[str, ...]]) -> Knowledge:
        """A copy with extra heading regexes appended to section types' patterns (a config's
        `aliases.sections`). Order is kept: the first type that matches a heading wins."""
        if not aliases:
            return self
        sections = [replace(s, patterns=s.patterns + tuple(re.compile(p) for p in aliases.get(s.type, ())))
                    for s in self.sections]
        return replace(self, sections=sections)

    def name(self, key: str) -> str:
        base = key
        prefix = ""
        for scope, label in self.scope_labels.items():
            if key.startswith(scope + "."):
                base, prefix = key[len(scope) + 1:], label
        suffix = ""
        for tail, label in ((".budget", "预算数"), (".prev", "上年数")):
            if base.endswith(tail):
                base, suffix = base[: -len(tail)], label
        if base.startswith("econ."):
            return prefix + base[5:] + suffix
        if base.startswith("func."):  # 功能分类 item by its name path (一般公共服务/…/行政运行) or its code
            return f"{prefix}“{base[5:].replace('/', '—')}”{suffix}"
        return prefix + self.names.get(base, base) + suffix


def _org_anchor(endings: list[str]) -> str:
    """"^" in a quantity pattern: the start of the label, or right after an organisation's name (the
    last character of one of its endings, or a closing bracket)."""
    last = "".join(sorted({e[-1] for e in endings}))
    return f"(?:^|(?<=[{last})]))"


def _compile_all(patterns: list[str], key: str, org_anchor: str | None = None) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        if org_anchor and p.startswith("^"):
            p = org_anchor + p[1:]
        try:
            out.append(re.compile(p))
        except re.error as e:  # a bad pattern in the data is a bug: say where it is
            raise ValueError(f"knowledge: bad pattern {p!r} for {key}: {e}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    q = load_yaml("quantities.yaml")
    s = load_yaml("sections.yaml")
    ident = load_yaml("identities.yaml")
    claims = load_yaml("claims.yaml")
    phrases = load_yaml("phrases.yaml")
    anchor = _org_anchor(phrases["org_endings"])
    quantities = [Quantity(key=e["key"], name=e["name"], patterns=_compile_all(e["patterns"], e["key"], anchor),
                           scoped=bool(e.get("scoped")), also=tuple(e.get("also", ())))
                  for e in q["quantities"]]
    names = {e.key: e.name for e in quantities}
    names.update({"income.total": "收入总计", "expense.total": "支出总计"})
    identities = []
    for e in ident["identities"]:
        for k in [e["total"], *e["parts"]]:
            if k not in names:
                raise ValueError(f"knowledge: identity {e['name']} names unknown key {k}")
        identities.append(Identity(e["total"], tuple(e["parts"]), bool(e.get("complete", False)), e["name"]))
    equalities = []
    for e in ident.get("equalities", []):
        for k in (e["left"], e["right"]):
            if k not in names:
                raise ValueError(f"knowledge: equality {e['name']} names unknown key {k}")
        equalities.append(Equality(e["name"], e["left"], e["right"]))
    return Knowledge(
        quantities=quantities,
        names=names,
        econ_items=sorted(q["economic_items"]["names"], key=len, reverse=True),
        econ_within=tuple(q["economic_items"]["within"]),
        scopes=[(e["prefix"], re.compile(e["pattern"])) for e in q["scopes"]],
        roles=[(role, re.compile(p)) for role, pats in q["roles"].items() for p in pats],
        label_noise=[re.compile(p) for p in q["label_noise"]],
        sections=[SectionType(e["type"], _compile_all(e["patterns"], e["type"]), e.get("scope"))
                  for e in s["sections"]],
        heading_numbering=[(e["level"], re.compile(e["pattern"])) for e in s["heading_numbering"]],
        heading_max_chars=int(s["heading_max_chars"]),
        identities=identities,
        equalities=equalities,
        claims=claims,
        residue=claims.get("template_residue", []),
        scope_labels={e["prefix"]: e["label"] for e in q["scopes"]},
        patterns={name: _compile_all([p], f"phrases.{name}")[0] for name, p in phrases["patterns"].items()},
        words={name: tuple(ws) for name, ws in phrases["words"].items()},
        org_endings=tuple(phrases["org_endings"]),
        required=tuple(RequiredPart(e["part"], e["name"], tuple(e["kinds"]), frozenset(e["headings"]), tuple(e["facts"]),
                                    _compile_all(e.get("phrases", []), f"completeness.{e['part']}"))
                       for e in load_yaml("completeness.yaml")["required"]),
        class_pairs=tuple(ClassPair(e["name"], str(e["function"]), str(e["economic"]))
                          for e in ident.get("classification_pairs", [])),
    )
