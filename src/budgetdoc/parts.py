"""Which of the files given together are parts of one disclosure (说明 and 报表, `-text` and `-tables`):
their names differ only by a marker listed in `knowledge/parts.yaml`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .knowledge import HERE


@lru_cache(maxsize=1)
def _markers() -> tuple[str, list[list[str]]]:
    with open(HERE / "parts.yaml", encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return str(data["separators"]), [[str(m) for m in pair] for pair in data["markers"]]


def part_of(path: str) -> tuple[str, int, int] | None:
    """(the name without its marker, the marker pair's index, the marker's rank in its pair), or None."""
    seps, pairs = _markers()
    p = Path(path)
    stem = p.stem
    for i, pair in enumerate(pairs):
        for rank, marker in enumerate(pair):
            if stem.lower().endswith(marker.lower()):
                base = stem[: len(stem) - len(marker)].rstrip(seps)
                if base:
                    return str(p.parent / base), i, rank
    return None


def group_parts(paths: list[str]) -> list[list[str]]:
    """The paths in their order, parts of one disclosure gathered into one group (at the place of its
    first part, explanation before tables); every other path is a group of its own."""
    keyed: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for path in paths:
        part = part_of(path)
        if part is not None:
            keyed.setdefault((part[0], part[1]), []).append((part[2], path))
    groups: list[list[str]] = []
    placed: set[str] = set()
    for path in paths:
        if path in placed:
            continue
        part = part_of(path)
        members = keyed.get((part[0], part[1]), []) if part is not None else []
        if len({rank for rank, _ in members}) >= 2:
            group = [p for _, p in sorted(members, key=lambda m: m[0])]
            placed.update(group)
            groups.append(group)
        else:
            placed.add(path)
            groups.append([path])
    return groups
