"""The claim ledger as a reviewer reads it: the ledger line of a document, the Chinese names of claim
kinds and statuses, a claim's reading in words, and the finding that reports a contradicted claim.
Shared by the text, HTML and table reports, the store's `show` and the workbench."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..model import CLAIM_STATUSES, Claim, Finding, Reading

# "数字表述 131 处：核对一致 37，不一致 6，无法核对 88": the wording of the issue that asked for it.
LEDGER_LINE = "数字表述 {claims} 处：核对一致 {verified}，不一致 {contradicted}，无法核对 {unverified}"
STATUS_NAMES = {"verified": "核对一致", "contradicted": "不一致", "unverified": "无法核对"}
KIND_NAMES = {"amount": "金额", "share": "占比", "growth": "增长率", "change": "增减额", "completion": "完成率",
              "percent": "百分比", "total": "合计"}
LEDGER_KEYS = ("claims", *CLAIM_STATUSES)


def ledger_line(counts: Mapping[str, int]) -> str:
    return LEDGER_LINE.format(**{k: counts.get(k, 0) for k in LEDGER_KEYS})


def sum_ledgers(ledgers: Iterable[Mapping[str, int]]) -> dict[str, int]:
    out = dict.fromkeys(LEDGER_KEYS, 0)
    for counts in ledgers:
        for k in LEDGER_KEYS:
            out[k] += counts.get(k, 0)
    return out


def reading_words(reading: Reading | None) -> str:
    """The reading's arithmetic and the places of its figures: "17.05万元 ÷（384.49万元 − 17.05万元）
    （本年数 384.49万元 第26行；增减额 17.05万元 第26行）"."""
    if reading is None:
        return ""
    figures = "；".join(f"{f.role} {f.stated} {f.loc.describe()}" for f in reading.figures)
    return reading.text + (f"（{figures}）" if figures else "")


def finding_for(claim: Claim, findings: Sequence[Finding]) -> int | None:
    """The index of the finding that reports a contradicted claim: the claim's rule, quoting the claim's
    place (the same quote there, else the same place); None when none does (filtered out, say)."""
    if claim.status != "contradicted":
        return None
    loc, quote = claim.evidence.loc, claim.evidence.quote
    same_rule = [(i, f) for i, f in enumerate(findings) if claim.rule is None or f.rule == claim.rule]
    for exact in (True, False):
        for i, f in same_rule:
            if any(e.loc == loc and (e.quote == quote or not exact) for e in f.evidence):
                return i
    return None
