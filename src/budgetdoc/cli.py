"""Command line: `budgetdoc check FILE...` and `budgetdoc rules`.

Exit codes: 0 no error-severity finding, 1 at least one, 2 bad usage or an unreadable input.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .check import check
from .errors import InputError
from .report import render_json, render_text


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="budgetdoc", description="检查部门预算/决算公开文件：读取、提取数字、核对每一处数字表述。")
    p.add_argument("--version", action="version", version=f"budgetdoc {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check one or more disclosure files (.txt .md .html .docx .pdf .xlsx)")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    c.add_argument("-o", "--output", metavar="PATH", help="write the report to PATH instead of stdout")
    sub.add_parser("rules", help="list the rules with their ids, categories and default severities")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on bad usage, 0 on --help
        return int(e.code or 0)
    if args.command == "rules":
        from .rules import RULES

        for r in RULES.values():
            print(f"{r.id:18} {r.category:12} {r.severity:8} {r.title}")
        return 0
    return _check(args.files, args.format, args.output)


def _check(files: list[str], fmt: str, output: str | None) -> int:
    results, payloads, failed = [], [], False
    for path in files:
        try:
            result = check(path)
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
    if fmt == "json":
        text = render_json(payloads, as_list=len(files) > 1) if payloads else ""
    else:
        text = "\n".join(render_text(r) for r in results)
    if text:
        if output:
            try:
                with open(output, "w", encoding="utf-8") as f:
                    f.write(text + ("\n" if not text.endswith("\n") else ""))
            except OSError as e:
                print(f"budgetdoc: cannot write {output}: {e.strerror}", file=sys.stderr)
                return 2
        else:
            sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))
    if failed:
        return 2
    return 1 if any(r.has_error for r in results) else 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
