"""Progress on stderr for a run longer than a second: files, and pages within a PDF or scan, each with
rate and time left (tqdm). Silent when stderr is not a terminal (a pipe, a log file, CI) or when
the user asked for quiet: the report on stdout is never mixed with it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# Seconds before a bar appears: a quick run prints nothing. Tests set it to 0.
DELAY = float(os.environ.get("BUDGETDOC_PROGRESS_DELAY", "1"))


def wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


class Progress:
    """A files bar, and while a file is read, a pages bar under it (created on the first page)."""

    def __init__(self, total_files: int, enabled: bool) -> None:
        self.enabled = enabled
        self._files: Any = None
        self._pages: Any = None
        if enabled:
            from tqdm import tqdm

            self._files = tqdm(total=total_files, unit="个文件", desc="检查", file=sys.stderr, delay=DELAY,
                               dynamic_ncols=True, leave=False)

    @contextmanager
    def file(self, name: str) -> Iterator[Callable[[int, int], None] | None]:
        """While one file (or one group of parts) is checked: yields the page callback for load()."""
        if not self.enabled:
            yield None
            return
        self._files.set_postfix_str(name[-40:], refresh=False)
        try:
            yield self._page
        finally:
            if self._pages is not None:
                self._pages.close()
                self._pages = None
            self._files.update(1)

    def add(self, files: int) -> None:
        """More files to go (a group of parts checked one by one after all)."""
        if self._files is not None:
            self._files.total += files
            self._files.refresh()

    def _page(self, done: int, total: int) -> None:
        if self._pages is None:
            from tqdm import tqdm

            self._pages = tqdm(total=total, unit="页", desc="  页面", file=sys.stderr, delay=DELAY,
                               dynamic_ncols=True, leave=False, position=1)
        if done < self._pages.n or self._pages.total != total:  # the next part of a disclosure
            self._pages.reset(total=total)
        self._pages.update(done - self._pages.n)

    def close(self) -> None:
        if self._files is not None:
            self._files.close()
