"""Configuration: a YAML file (`--config`), validated; postpass.py applies it to the findings.

A config tunes the rules for a region or a reviewer; it is validated strictly, because a typo that
is silently ignored (a misspelt rule id left enabled) is worse than an error. Every problem is a
`ConfigError` with a one-line message; the CLI prints it and exits 2.

```yaml
rules:
  share: {severity: warning}        # re-grade every finding of a rule
  unit-missing: {enabled: false}
disable: [period-kind]              # the same as enabled: false
tolerance:
  last_digit_warning: false         # a last-digit slip is an error, not a warning
aliases:
  sections:
    income: ['财力安排情况']          # extra heading regexes for a canonical section type
```
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from .errors import InputError
from .knowledge import Knowledge, knowledge, load_yaml
from .model import Severity
from .rules import RULES

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_TOP_KEYS = {"rules": "rules", "disable": "disable", "tolerance": "tolerance", "aliases": "aliases"}


class ConfigError(InputError):
    """The configuration file cannot be used: unreadable, not YAML, an unknown key or a bad value."""


@dataclass(frozen=True)
class Config:
    disabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)
    last_digit_warning: bool = True
    section_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def overlay(self, base: Knowledge | None = None) -> Knowledge:
        """The knowledge to read documents with: the packaged data with this config's aliases."""
        return (base or knowledge()).with_section_aliases(self.section_aliases)


DEFAULT = Config()


def load_config(path: str | Path) -> Config:
    """Read and validate a YAML config file. Raises ConfigError with a one-line message."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config file ({e})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}: not valid YAML{where}: {problem}") from None
    try:
        return parse_config(data)
    except ConfigError as e:
        raise ConfigError(f"{path}: {e}") from None


def parse_config(data: Any) -> Config:
    """Validate the parsed YAML (None for an empty file) and build a Config."""
    if data is None:
        return DEFAULT
    top = _mapping(data, "the config")
    _known(top, _TOP_KEYS, "top-level key", "")
    disabled: set[str] = set()
    severities: dict[str, Severity] = {}
    for rid, setting in _mapping(top.get("rules", {}), "rules").items():
        _rule_id(rid, "rules")
        opts = _mapping(setting, f"rules.{rid}")
        _known(opts, {"enabled": 1, "severity": 1}, "key", f"rules.{rid}.")
        if "enabled" in opts:
            if not isinstance(opts["enabled"], bool):
                raise ConfigError(f"rules.{rid}.enabled must be true or false, not {opts['enabled']!r}")
            if not opts["enabled"]:
                disabled.add(rid)
        if "severity" in opts:
            sev = opts["severity"]
            if sev not in SEVERITIES:
                raise ConfigError(f"rules.{rid}.severity must be one of error, warning, info, not {sev!r}")
            severities[rid] = cast(Severity, sev)
    listed = top.get("disable", [])
    if not isinstance(listed, list):
        raise ConfigError(f"disable must be a list of rule ids, not {listed!r}")
    for rid in listed:
        _rule_id(rid, "disable")
        if top.get("rules", {}).get(rid, {}).get("enabled") is True:
            raise ConfigError(f"rule {rid!r} is both in disable and rules.{rid}.enabled: true")
        disabled.add(rid)
    tol = _mapping(top.get("tolerance", {}), "tolerance")
    _known(tol, {"last_digit_warning": 1}, "key", "tolerance.")
    last_digit = tol.get("last_digit_warning", True)
    if not isinstance(last_digit, bool):
        raise ConfigError(f"tolerance.last_digit_warning must be true or false, not {last_digit!r}")
    aliases = _mapping(top.get("aliases", {}), "aliases")
    _known(aliases, {"sections": 1}, "key", "aliases.")
    return Config(frozenset(disabled), severities, last_digit, _section_aliases(aliases.get("sections", {})))


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{what} must be a mapping, not {value!r}")
    return value


def _known(d: dict[str, Any], allowed: Any, what: str, prefix: str) -> None:
    for k in d:
        if k not in allowed:
            raise ConfigError(f"unknown {what} {prefix}{k!s}{_did_you_mean(str(k), list(allowed))}")


def rule_ids() -> list[str]:
    """Every rule id the catalogue lists: the document rules and the cross-document rules of the store."""
    return [*RULES, *(r["id"] for r in load_yaml("crossdoc_rules.yaml")["rules"])]


def _rule_id(rid: Any, where: str) -> None:
    known = rule_ids()
    if not isinstance(rid, str) or rid not in known:
        raise ConfigError(f"unknown rule id {rid!r} in {where}{_did_you_mean(str(rid), known)}")


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(choices)})"


def _section_aliases(raw: Any) -> dict[str, tuple[str, ...]]:
    types = [s.type for s in knowledge().sections]
    out: dict[str, tuple[str, ...]] = {}
    for stype, patterns in _mapping(raw, "aliases.sections").items():
        if stype not in types:
            raise ConfigError(f"unknown section type {stype!r} in aliases.sections{_did_you_mean(str(stype), types)}")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
            raise ConfigError(f"aliases.sections.{stype} must be a list of heading regexes")
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ConfigError(f"aliases.sections.{stype}: bad regex {p!r}: {e}") from None
        out[stype] = tuple(patterns)
    return out
