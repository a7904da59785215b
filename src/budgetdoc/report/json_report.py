"""The JSON contract: one object per file, a list when several files are given."""

from __future__ import annotations

import json
from typing import Any


def render_json(items: list[dict[str, Any]], as_list: bool) -> str:
    payload: Any = items if as_list else items[0]
    return json.dumps(payload, ensure_ascii=False, indent=2)
