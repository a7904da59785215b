"""The store's subcommands: ingest, list, show, compare, export. budgetdoc.cli adds them to its parser
(add_commands) and hands them their parsed arguments (run). Exit codes: 0 done; 1 ingest recorded a
file it could not read (the others are stored); 2 bad usage, a bad --db or path (one line, no traceback).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from decimal import Decimal
from typing import Any

from ..errors import InputError

COMMANDS = ("ingest", "list", "show", "compare", "export")
DB_HELP = "数据库：SQLite 文件路径（默认当前目录的 budgetdoc.db）、sqlite:///… 或 postgresql://user@host:port/db"


def add_commands(subparsers) -> None:
    """Add the store's subcommands to budgetdoc's subparsers."""
    i = subparsers.add_parser("ingest", help="check files or folders (recursively) and store documents, facts, findings")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--db", help=DB_HELP)
    i.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: the number of cores)")
    i.add_argument("--engine", choices=["process", "dask"], default="process",
                   help="process (default): a process pool here; dask: Dask distributed workers")
    i.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default a LocalCluster")
    i.add_argument("--config", metavar="FILE.yaml", help="rule configuration, as for check")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    i.add_argument("--format", choices=["text", "json"], default="text", help="the summary as text or json")

    ls = subparsers.add_parser("list", help="stored documents with their error/warning counts")
    ls.add_argument("--db", help=DB_HELP)
    ls.add_argument("--department", help="part of the department's name")
    ls.add_argument("--year", type=int)
    ls.add_argument("--kind", choices=["final", "budget"])
    ls.add_argument("--rule", help="only documents with a finding of this rule")
    ls.add_argument("--severity", choices=["error", "warning", "info"], help="only documents with such a finding")
    ls.add_argument("--all", action="store_true", help="every version, not only the latest")
    ls.add_argument("--format", choices=["text", "csv", "json"], default="text")

    sh = subparsers.add_parser("show", help="one stored document: metadata, files, key facts, findings")
    sh.add_argument("doc", metavar="DOC", help="the document's id (from list), or the name of one of its files")
    sh.add_argument("--db", help=DB_HELP)
    sh.add_argument("--format", choices=["text", "json"], default="text")

    c = subparsers.add_parser("compare", help="one fact across departments and years, growth recomputed")
    c.add_argument("--key", required=True, help="fact key, e.g. sangong.total, operating_cost, income.total")
    c.add_argument("--by", default="department,year", help="department,year (default), year, department,kind ...")
    c.add_argument("--kind", choices=["final", "budget"])
    c.add_argument("--department")
    c.add_argument("--db", help=DB_HELP)
    c.add_argument("--format", choices=["text", "csv", "json"], default="text")

    e = subparsers.add_parser("export", help="documents, facts and findings as CSV, XLSX or Parquet")
    e.add_argument("--format", choices=["csv", "xlsx", "parquet"], required=True)
    e.add_argument("-o", "--output", required=True, metavar="DIR_OR_FILE",
                   help="csv/parquet: a folder for the three files; xlsx: the workbook (or a folder)")
    e.add_argument("--all", action="store_true", help="every version, not only the latest")
    e.add_argument("--db", help=DB_HELP)


def run(args: argparse.Namespace) -> int:
    """Run a store subcommand; user errors are one line on stderr and exit 2."""
    try:
        return {"ingest": _ingest, "list": _list, "show": _show, "compare": _compare, "export": _export}[
            args.command](args)
    except InputError as e:  # StoreError, ConfigError, unreadable paths
        print(f"budgetdoc：{e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `budgetdoc list | head`: the reader has gone, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("budgetdoc：已中断；已入库的文件保留，再次运行同一命令会从中断处继续", file=sys.stderr)
        return 130
    except Exception as e:  # the database went away mid-run, or a bug: one line (BUDGETDOC_DEBUG=1: traceback)
        if os.environ.get("BUDGETDOC_DEBUG"):
            raise
        from sqlalchemy.exc import DBAPIError

        if isinstance(e, DBAPIError):
            detail = str(e.orig or e).strip().splitlines() or ["?"]
            print(f"budgetdoc：数据库错误：{detail[0]}", file=sys.stderr)
        else:
            print(f"budgetdoc：内部错误（{type(e).__name__}: {e}）；设置 BUDGETDOC_DEBUG=1 可查看详情", file=sys.stderr)
        return 2


def _ingest(args) -> int:
    from ..config import load_config
    from .db import open_db
    from .ingest import collect, ingest

    if args.jobs is not None and args.jobs < 1:
        print("budgetdoc：--jobs 必须是正整数", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("budgetdoc：--scheduler 只用于 --engine dask", file=sys.stderr)
        return 2
    config = load_config(args.config) if args.config else None
    collect(args.paths)  # a missing path is a usage error before the database is touched
    engine = open_db(args.db)
    start = time.perf_counter()
    try:
        report = ingest(engine, args.paths, jobs=args.jobs, engine_kind=args.engine, scheduler=args.scheduler,
                        config=config, progress=not args.quiet)
    finally:
        engine.dispose()
    seconds = time.perf_counter() - start
    if args.format == "json":
        print(json.dumps({"files": report.files, "stored": report.stored, "versions": report.versions,
                          "unchanged": report.unchanged, "merged": report.merged,
                          "failed": [{"source": s, "error": e} for s, e in report.failed],
                          "crossdoc_findings": report.crossdoc_findings, "seconds": round(seconds, 2)},
                         ensure_ascii=False))
    elif not args.quiet:
        for _source, error in report.failed:
            print(f"budgetdoc：未能读取（已记录）：{error}", file=sys.stderr)
        print(f"{report.summary()}；用时 {seconds:.1f} 秒", file=sys.stderr)
    return 1 if report.failed else 0


def _open(args):
    from .db import open_db

    return open_db(args.db, create=False)


def _list(args) -> int:
    from .queries import list_documents

    engine = _open(args)
    docs = list_documents(engine, department=args.department, year=args.year, kind=args.kind, rule=args.rule,
                          severity=args.severity, all_versions=args.all)
    engine.dispose()
    if args.format == "json":
        print(json.dumps(docs, ensure_ascii=False, indent=2))
        return 0
    header = ["id", "department", "year", "kind", "version", "files", "errors", "warnings", "status"]
    table = [[d["id"], d["department"] or "", d["year"] or "", d["kind"] or "",
              f"v{d['version']}" + ("" if d["latest"] else "（旧）"), " + ".join(d["files"]), d["errors"],
              d["warnings"], d["status"] if d["status"] == "ok" else f"error: {_short(d['error'])}"] for d in docs]
    _emit(header, table, args.format)
    return 0


def _show(args) -> int:
    from .queries import find_document, show_document

    engine = _open(args)
    doc = show_document(engine, find_document(engine, args.doc))
    engine.dispose()
    if args.format == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    kind = {"final": "决算", "budget": "预算"}.get(doc["kind"] or "", "")
    out = [f"#{doc['id']} {doc['department'] or '（部门未识别）'} {doc['year'] or ''}年{kind}  "
           f"版本 {doc['version']}{'' if doc['latest'] else '（已有更新版本）'}  单位 {doc['unit'] or '—'}",
           f"状态：{doc['status']}" + (f"（{doc['error']}）" if doc["error"] else ""),
           f"入库：{doc['ingested_at']}  检查程序 {doc['checker_version']}"]
    if doc["merged_into"]:
        out.append(f"已与另一分册合并为 #{doc['merged_into']}")
    out.append("文件：")
    out += [f"  {f['name']}  sha256 {f['sha256'][:16]}…  {f['size']} 字节" for f in doc["files"]]
    if len(doc["history"]) > 1:
        out.append("版本：" + "，".join(f"v{h['version']} #{h['id']}" for h in doc["history"]))
    if doc["warnings"]:
        out.append("读取提示：")
        out += [f"  {w}" for w in doc["warnings"]]
    out.append(f"主要数字（共 {doc['facts_count']} 项事实）：")
    for f in doc["key_facts"]:
        out.append(f"  {f['key']:<28} {Decimal(f['value_yuan']) / 10000:>14,.2f} 万元   “{f['stated']}”")
    live = [f for f in doc["findings"] if not f["suppressed"]]
    out.append(f"发现（{len(live)} 条）：")
    for f in live:
        tag = "［跨文件］" if f["origin"] == "cross-document" else ""
        out.append(f"  [{f['severity']}] {f['rule']}{tag}：{f['message']}")
        for e in f["evidence"][:3]:
            where = "".join(str(e[k]) + s for k, s in (("file", " "), ("page", "页 "), ("line", "行 ")) if k in e)
            out.append(f"      {where}“{e.get('quote', '')}”")
    out += _ledger(doc)
    print("\n".join(out))
    return 0


def _ledger(doc: dict[str, Any]) -> list[str]:
    """The ledger line and the statements left to check by hand (place, kind, figure, quote, why)."""
    from ..model import Location
    from ..report.claims import KIND_NAMES, ledger_line

    if doc["ledger"] is None:
        return ["数字表述：此版本入库时尚无逐处核对（在工作台“重新检查”可补上）"] if doc["status"] == "ok" else []
    out = [ledger_line(doc["ledger"])]
    todo = [c for c in doc["claims"] if c["status"] == "unverified"]
    if todo:
        out.append(f"待人工核对（{len(todo)} 处）：")
    for c in todo:
        where = Location(**{k: c[k] for k in Location.__dataclass_fields__ if k in c and k != "column_name"})
        out.append(f"  {where.describe()} {KIND_NAMES.get(c['kind'], c['kind'])} {c['stated']}"
                   f"  “{_short(c['quote'], 80)}”  {c.get('reason') or ''}".rstrip())
    return out


def _compare(args) -> int:
    from .queries import DERIVED, compare

    engine = _open(args)
    by, rows = compare(engine, args.key, [b.strip() for b in args.by.split(",") if b.strip()], kind=args.kind,
                       department=args.department)
    engine.dispose()
    if args.format == "json":
        print(json.dumps([{**dict(zip(by, r.group, strict=True)), "value_wan": _wan(r.value),
                           "value_yuan": f"{r.value:.2f}", "documents": r.documents,
                           "change_wan": _wan(r.change), "growth_percent": _pct(r.growth),
                           "derived_from_parts": r.derived} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    header = [*by, f"{args.key}（万元）", "增减（万元）", "增长率"]
    table = [[*("" if g is None else g for g in r.group), _wan(r.value) + ("*" if r.derived else ""),
              _wan(r.change) or "", (_pct(r.growth) + "%") if r.growth is not None else ""] for r in rows]
    if not rows and args.format == "text":
        print(f"budgetdoc：库中没有事实 {args.key}", file=sys.stderr)
        return 0
    _emit(header, table, args.format)
    if args.format == "text" and any(r.derived for r in rows):
        print(f"* 文件未列总数，按各分项之和（{' + '.join(DERIVED[args.key])}）计", file=sys.stderr)
    return 0


def _short(s: str | None, n: int = 60) -> str:
    s = (s or "").replace(chr(10), " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _wan(v: Decimal | None) -> str | None:
    return None if v is None else f"{v / 10000:.2f}"


def _pct(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def _export(args) -> int:
    from .export import export

    engine = _open(args)
    written = export(engine, args.format, args.output, all_versions=args.all)
    engine.dispose()
    for p in written:
        print(p)
    return 0


def _emit(header: list[str], table: list[list[Any]], fmt: str) -> None:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        w.writerows(table)
        sys.stdout.write(buf.getvalue())
        return
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in table]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


