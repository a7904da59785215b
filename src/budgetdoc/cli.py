"""Command line: `budgetdoc check FILE...` and `budgetdoc rules`.

Exit codes: 0 no error-severity finding, 1 at least one, 2 bad usage, a bad config or an unreadable
input (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from . import __version__
from .check import check
from .config import DEFAULT, Config, ConfigError, load_config
from .errors import InputError
from .model import CheckResult
from .report import render_csv, render_html, render_json, render_text, write_xlsx

FORMATS = ["text", "json", "csv", "xlsx", "html"]
STORE_COMMANDS = ("ingest", "list", "show", "compare", "export")  # budgetdoc.store.cli


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="budgetdoc", description="检查部门预算/决算公开文件：读取、提取数字、核对每一处数字表述。")
    p.add_argument("--version", action="version", version=f"budgetdoc {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check one or more disclosure files (.txt .md .html .docx .pdf .xlsx)")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), json (the contract), csv/xlsx (one row per finding), html (review page)")
    c.add_argument("-o", "--output", metavar="PATH", help="write the report to PATH instead of stdout (required for xlsx)")
    c.add_argument("--config", metavar="FILE.yaml", help="enable/disable rules, severities, tolerance, section aliases")
    r = sub.add_parser("rules", help="list the rules with their ids, categories and default severities")
    r.add_argument("--format", choices=["text", "json"], default="text", help="json: the full catalogue data")
    from .store.cli import add_commands  # the store: ingest, list, show, compare, export
    add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on bad usage, 0 on --help
        return int(e.code or 0)
    if args.command == "rules":
        return _rules(args.format)
    if args.command in STORE_COMMANDS:
        from .store.cli import run as run_store
        return run_store(args)
    if args.format == "xlsx" and not args.output:
        print("budgetdoc: --format xlsx writes a workbook: give its path with -o PATH", file=sys.stderr)
        return 2
    try:
        config = load_config(args.config) if args.config else DEFAULT
    except ConfigError as e:
        print(f"budgetdoc: config error: {e}", file=sys.stderr)
        return 2
    return _check(args.files, args.format, args.output, config)


def catalogue() -> list[dict[str, object]]:
    """Every rule's catalogue data by category (the order of CATEGORIES), the meta rules last."""
    from .rules import CATEGORIES, RULES

    return [r.to_dict() for r in sorted(RULES.values(), key=lambda r: CATEGORIES.index(r.category))]


def _rules(fmt: str) -> int:
    rules = catalogue()
    if fmt == "json":
        print(json.dumps(rules, ensure_ascii=False, indent=2))
    else:
        w = max((len(str(r["id"])) for r in rules), default=0) + 2
        for r in rules:
            print(f"{r['id']!s:{w}} {r['category']!s:12} {r['severity']!s:8} {r['title']}")
    return 0


def _check(files: list[str], fmt: str, output: str | None, config: Config) -> int:
    results: list[CheckResult] = []
    payloads: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            result = check(path, config)
        except InputError as e:
            print(f"budgetdoc: {e}", file=sys.stderr)
            failed = True
            if fmt == "json":
                payloads.append({"source": path, "error": str(e)})
            continue
        except Exception as e:  # a bug must not hide the other files' results
            print(f"budgetdoc: {path}: internal error while checking ({type(e).__name__}: {e})", file=sys.stderr)
            failed = True
            if fmt == "json":
                payloads.append({"source": path, "error": f"internal error: {type(e).__name__}"})
            continue
        results.append(result)
        payloads.append(result.to_dict())
    if fmt == "xlsx":  # main() refuses xlsx without -o: a workbook is not for a terminal
        if output is None or not _write(output, lambda p: write_xlsx(results, p)):
            return 2
    else:
        text = _render(fmt, results, payloads, len(files) > 1)
        if text and output:
            # CSV for Excel: a BOM so that it opens the Chinese text as UTF-8.
            enc = "utf-8-sig" if fmt == "csv" else "utf-8"
            if not _write(output, lambda p: _write_text(p, text, enc)):
                return 2
        elif text:
            sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))
    if failed:
        return 2
    return 1 if any(r.has_error for r in results) else 0


def _render(fmt: str, results: list[CheckResult], payloads: list[dict[str, Any]], as_list: bool) -> str:
    if fmt == "json":
        return render_json(payloads, as_list=as_list) if payloads else ""
    if fmt == "csv":
        return render_csv(results)
    if fmt == "html":
        return render_html(results) if results else ""
    return "\n".join(render_text(r) for r in results)


def _write_text(path: str, text: str, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text + ("\n" if not text.endswith("\n") else ""))


def _write(path: str, write: Callable[[str], None]) -> bool:
    try:
        write(path)
    except OSError as e:
        print(f"budgetdoc: cannot write {path}: {e.strerror or e}", file=sys.stderr)
        return False
    return True


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
