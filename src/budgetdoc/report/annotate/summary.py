"""What an annotated copy holds: how many findings and places were marked, and the places not found."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Evidence, Finding


@dataclass
class Summary:
    findings: int = 0
    places: int = 0  # places marked in the copy
    missed: list[tuple[Finding, Evidence]] = field(default_factory=list)  # places not found in the file
    report: bool = False  # the format takes no annotations: the HTML report was written instead
