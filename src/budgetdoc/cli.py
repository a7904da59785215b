"""Command line: `budgetdoc check INPUT...`, `budgetdoc annotate FILE` and `budgetdoc rules`.

Messages are in Chinese, one line on stderr, never a traceback. Exit codes: 0 no error-severity
finding, 1 at least one, 2 bad usage, a bad config, an unreadable input or an output that cannot be
written, 3 (with no error and no unreadable input) a file that is not a budget/final-account disclosure.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .check import check_parts
from .config import DEFAULT, SEVERITIES, Config, ConfigError, load_config, parse_config, rule_ids
from .errors import InputError
from .load import supported_extensions
from .model import SEVERITY_ORDER, CheckResult, ledger_counts
from .parts import group_parts
from .progress import Progress, wanted
from .report import render_csv, render_html, render_json, render_text, write_xlsx
from .report.claims import ledger_line, sum_ledgers

FORMATS = ["text", "json", "csv", "xlsx", "html"]
# The report format an output file's extension implies.
EXT_FORMATS = {".txt": "text", ".text": "text", ".log": "text", ".json": "json", ".csv": "csv",
               ".xlsx": "xlsx", ".html": "html", ".htm": "html"}
EXIT_NOT_DISCLOSURE = 3
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_CATEGORY = {"arithmetic": "计算", "completeness": "完整性", "consistency": "一致性", "meta": "元规则",
             "cross-document": "跨文件",
             "performance": "绩效", "period": "期间", "table": "表格", "wording": "用语"}
_GLOB_CHARS = set("*?[")

EXIT_CODES = """退出码：
  0  没有“错误”级别的问题
  1  至少一个“错误”级别的问题
  2  用法错误、配置错误、输入无法读取，或输出文件无法写入（包括输出路径就是某个输入文件）
  3  没有错误、输入都可读，但有文件不是部门预算/决算公开文件（报告中有读取提示）"""


def _check_epilog() -> str:
    return (f"输入：文件、文件夹（递归，只取支持的扩展名，按路径排序）、通配符（请加引号，如 \"docs/*.pdf\"）、\n"
            f"      \"-\" 从标准输入读取（须用 --input-format 指定格式）。\n"
            f"      同时给出的同一公开文件的几个部分（文件名只差 -text/-tables、说明/报表）合并为一份检查。\n"
            f"支持的扩展名：{' '.join(supported_extensions())}\n"
            f"报告格式：默认随 -o 的扩展名（.txt .json .csv .xlsx .html/.htm），否则为 text；\n"
            f"      --format 与 -o 的扩展名不一致时报错（退出码 2）。\n"
            f"语言：报告、读取提示和错误信息均为中文（不提供其他语言）。\n\n{EXIT_CODES}")


# argparse's own words (headings, usage errors) in Chinese: it looks them up through the module's `_`.
_ARGPARSE_ZH = {
    "usage: ": "用法：", "positional arguments": "位置参数", "options": "选项",
    "show this help message and exit": "显示本帮助并退出", "show program's version number and exit": "显示版本并退出",
    "the following arguments are required: %s": "缺少参数：%s", "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个值", "expected at least one argument": "至少需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
}
argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one Chinese line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"budgetdoc：用法错误：{message}（见 {self.prog} --help）\n")
STORE_COMMANDS = ("ingest", "list", "show", "compare", "export")  # budgetdoc.store.cli


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="budgetdoc", description="检查部门预算/决算公开文件：读取、提取数字、核对每一处数字表述。",
                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"budgetdoc {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="检查一个或多个公开文件（文件、文件夹、通配符或 - 标准输入）",
                       description="检查部门预算/决算公开文件，按严重程度列出问题及原文引文。",
                       epilog=_check_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("files", nargs="+", metavar="INPUT", help="文件、文件夹、通配符，或 - 表示标准输入")
    c.add_argument("--format", choices=FORMATS, default=None,
                   help="text（默认）、json（机器接口）、csv/xlsx（每个问题一行）、html（审查网页）；"
                        "不给时随 -o 的扩展名")
    c.add_argument("-o", "--output", metavar="PATH",
                   help="把报告写入 PATH（先写同目录临时文件再改名）；xlsx 必须给出；不能是输入文件之一")
    c.add_argument("--config", metavar="FILE.yaml", help="规则的启用/停用、严重程度、容差、章节别名")
    c.add_argument("--min-severity", choices=list(SEVERITIES), default="info",
                   help="只报告不低于此级别的问题：error、warning、info（默认，全部）")
    c.add_argument("--rule", action="append", metavar="ID", default=[],
                   help="只运行这些规则（可重复）；其他规则视同配置中的 disable")
    c.add_argument("--disable", action="append", metavar="ID", default=[],
                   help="停用规则（可重复），与配置文件的 disable 相同")
    c.add_argument("--input-format", metavar="EXT",
                   help="标准输入（-）的格式，即扩展名，如 txt、html、pdf、docx")
    c.add_argument("-q", "--quiet", action="store_true", help="不显示进度（stderr 不是终端时本就不显示）")
    c.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="同时检查的文件数（进程数），默认为处理器核数；1 为逐个检查并显示页面进度")
    _add_annotate(sub)
    r = sub.add_parser("rules", help="列出规则：编号、类别、默认严重程度")
    r.add_argument("--format", choices=["text", "json"], default="text", help="json：完整的规则目录数据")
    from .store.cli import add_commands  # the store: ingest, list, show, compare, export
    add_commands(sub)
    from .web.cli import add_command as add_serve  # the workbench: serve
    add_serve(sub)
    return p


def _fail(message: str) -> int:
    print(f"budgetdoc：{message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on bad usage, 0 on --help
        return int(e.code or 0)
    if args.command == "rules":
        return _rules(args.format)
    if args.command == "annotate":
        return _annotate(args)
    if args.command == "serve":
        from .web.cli import run as run_serve
        return run_serve(args)
    if args.command in STORE_COMMANDS:
        from .store.cli import run as run_store
        return run_store(args)
    fmt = _format(args.format, args.output)
    if isinstance(fmt, int):
        return fmt
    try:
        config = load_config(args.config) if args.config else DEFAULT
        config = with_rules(config, args.rule, args.disable)
    except ConfigError as e:
        return _fail(f"配置错误：{e}")
    with tempfile.TemporaryDirectory(prefix="budgetdoc-stdin-") as tmp:
        inputs = _inputs(args.files, args.input_format, Path(tmp), args.output)
        if isinstance(inputs, int):
            return inputs
        paths, failed = inputs
        if args.output and (clash := _clash(args.output, [p for p, _ in paths])):
            return _fail(f"输出文件 {args.output} 就是输入文件 {clash}，拒绝覆盖")
        return _check(paths, failed, fmt, args.output, config, args.min_severity, args.quiet, args.jobs)


def _format(requested: str | None, output: str | None) -> str | int:
    implied = EXT_FORMATS.get(Path(output).suffix.lower()) if output else None
    if requested and implied and requested != implied:
        return _fail(f"--format {requested} 与输出文件 {output} 的扩展名（{implied}）不一致")
    fmt = requested or implied or "text"
    if fmt == "xlsx" and not output:
        return _fail("--format xlsx 写的是工作簿：请用 -o PATH 给出文件路径")
    return fmt


def with_rules(config: Config, only: list[str], disable: list[str]) -> Config:
    """The config with the command line's --rule (only these) and --disable on top, validated as the
    config file's `disable` list is (an unknown id is a ConfigError with a suggestion)."""
    if not only and not disable:
        return config
    parse_config({"disable": [*only, *disable]})  # the same validation and messages as the file's
    disabled = set(config.disabled) | set(disable)
    if only:
        disabled |= set(rule_ids()) - set(only)
    return replace(config, disabled=frozenset(disabled))


def _inputs(args: list[str], input_format: str | None, tmp: Path,
            output: str | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | int:
    """(path to read, name to show) of every input, expanded; and (name, message) of inputs that
    matched nothing. A folder or glob does not pick up the output file (last run's report beside the
    documents); an output named as an input is refused later."""
    exts = set(supported_extensions())
    out_real = os.path.realpath(output) if output else None
    out: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    for arg in args:
        if arg == "-":
            if not input_format:
                return _fail("从标准输入（-）读取时请用 --input-format 指定格式，如 --input-format txt")
            ext = "." + input_format.lower().lstrip(".")
            if ext not in exts:
                return _fail(f"--input-format {input_format}：不支持的格式；支持：{' '.join(sorted(exts))}")
            data = sys.stdin.buffer.read()
            path = tmp / f"stdin{ext}"
            path.write_bytes(data)
            out.append((str(path), "-"))
        elif os.path.isdir(arg):
            found = sorted(str(p) for p in Path(arg).rglob("*") if p.is_file() and p.suffix.lower() in exts
                           and not p.name.startswith((".", "~$")) and os.path.realpath(p) != out_real)
            if not found:
                failed.append((arg, f"{arg}：文件夹中没有可读取的文件（支持：{' '.join(sorted(exts))}）"))
            out.extend((p, p) for p in found)
        elif not os.path.exists(arg) and _GLOB_CHARS & set(arg):
            found = sorted(p for p in glob.glob(arg, recursive=True)
                           if os.path.isfile(p) and os.path.realpath(p) != out_real)
            if not found:
                failed.append((arg, f"没有与 {arg} 匹配的文件"))
            out.extend((p, p) for p in found)
        else:
            out.append((arg, arg))
    seen: set[str] = set()
    unique = []
    for path, name in out:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, name))
    return unique, failed


def _clash(output: str, inputs: list[str]) -> str | None:
    """The input the output path is (the same file, through links or another spelling), or None."""
    out = os.path.realpath(output)
    for p in inputs:
        if os.path.realpath(p) == out or (os.path.exists(output) and os.path.exists(p) and os.path.samefile(output, p)):
            return p
    return None


def catalogue() -> list[dict[str, object]]:
    """Every rule's catalogue data by category (the order of CATEGORIES), then the cross-document rules
    of the region database (`budgetdoc ingest`), the meta rules last."""
    from .rules import CATEGORIES, RULES
    from .store.crossdoc import catalogue as cross_document  # checks over the stored documents (ingest)

    ordered = sorted(RULES.values(), key=lambda r: CATEGORIES.index(r.category))
    return [r.to_dict() for r in ordered if r.category != "meta"] + cross_document() \
        + [r.to_dict() for r in ordered if r.category == "meta"]


def _rules(fmt: str) -> int:
    rules = catalogue()
    if fmt == "json":
        _emit(json.dumps(rules, ensure_ascii=False, indent=2))
    else:
        w = max((len(str(r["id"])) for r in rules), default=0) + 2
        _emit("\n".join(f"{r['id']!s:{w}} {_CATEGORY.get(str(r['category']), r['category'])!s:6}"
                        f"{_SEVERITY_ZH.get(str(r['severity']), r['severity'])!s:4}{r['title']}" for r in rules))
    return 0


def _check(paths: list[tuple[str, str]], failed: list[tuple[str, str]], fmt: str, output: str | None,
           config: Config, min_severity: str, quiet: bool, jobs: int = 1) -> int:
    shown = dict(paths)  # path read -> name shown (stdin's temporary file is shown as "-")
    groups = group_parts([p for p, _ in paths])
    results: list[CheckResult] = []
    payloads: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []
    for name, message in failed:
        print(f"budgetdoc：{message}", file=sys.stderr)
        errors.append((name, message))
        payloads.append({"source": name, "error": message})
    bar = Progress(len(groups), wanted(quiet))
    try:
        names = [" + ".join(shown[p] for p in group) for group in groups]
        for outcomes in _checked_groups(groups, names, config, bar, jobs):
            for group, kind, value in outcomes:
                name = " + ".join(shown[p] for p in group)
                if kind == "ok":
                    result = _at_least(replace(value, source=name), min_severity)
                    results.append(result)
                    payloads.append(result.to_dict())
                    continue
                message = value
                if kind == "input":
                    for p in group:
                        message = message.replace(p, shown[p])
                    print(f"budgetdoc：{message}", file=sys.stderr)
                    errors.append((name, message))
                    payloads.append({"source": name, "error": message})
                else:  # a bug must not hide the other files' results
                    print(f"budgetdoc：{name}：检查时出现内部错误（{message}）", file=sys.stderr)
                    errors.append((name, f"内部错误：{message.split(':')[0]}"))
                    payloads.append({"source": name, "error": f"internal error: {message.split(':')[0]}"})
    finally:
        bar.close()
    if fmt == "xlsx":
        if output is None or not _write(output, lambda p: write_xlsx(results, p)):
            return 2
    else:
        text = _render(fmt, results, payloads, errors, len(payloads) > 1)
        if output:
            # CSV for Excel: a BOM so that it opens the Chinese text as UTF-8.
            enc = "utf-8-sig" if fmt == "csv" else "utf-8"
            if not _write(output, lambda p: _write_text(p, text, enc)):
                return 2
        elif text:
            _emit(text, bom=fmt == "csv")
    if errors:
        return 2
    if any(r.has_error for r in results):
        return 1
    return EXIT_NOT_DISCLOSURE if any(not r.disclosure for r in results) else 0


Outcome = tuple[list[str], str, Any]  # (the group's paths, "ok" | "input" | "bug", result or message)


def _check_group(group: list[str], config: Config,
                 pages: Callable[[int, int], None] | None = None) -> list[Outcome]:
    """One disclosure (a file, or the parts of one) checked; when a part cannot be read, each part
    alone, so the others still are."""
    try:
        return [(group, "ok", check_parts(group, config, pages))]
    except InputError as e:
        if len(group) > 1:
            return [o for p in group for o in _check_group([p], config)]
        return [(group, "input", str(e))]
    except Exception as e:  # a bug in one document must not hide the others' results
        return [(group, "bug", f"{type(e).__name__}: {e}")]


def _checked_groups(groups: list[list[str]], names: list[str], config: Config, bar: Progress,
                    jobs: int) -> Iterator[list[Outcome]]:
    """The groups' outcomes in input order: one after another with a pages bar, or, for several
    groups and jobs > 1, on that many processes (files bar only)."""
    if jobs <= 1 or len(groups) <= 1:
        for group, name in zip(groups, names, strict=True):
            with bar.file(name) as pages:
                outcomes = _check_group(group, config, pages)
            yield outcomes
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(groups))) as pool:
        futures = [pool.submit(_check_group, group, config) for group in groups]
        for future, name in zip(futures, names, strict=True):
            with bar.file(name):
                outcomes = future.result()
            yield outcomes


def _at_least(result: CheckResult, min_severity: str) -> CheckResult:
    """The result without findings below `min_severity` (the suppressed ones too)."""
    limit = SEVERITY_ORDER[min_severity]
    if limit == SEVERITY_ORDER["info"]:
        return result
    return replace(result, findings=[f for f in result.findings if SEVERITY_ORDER[f.severity] <= limit],
                   suppressed=[f for f in result.suppressed if SEVERITY_ORDER[f.severity] <= limit])


def _render(fmt: str, results: list[CheckResult], payloads: list[dict[str, Any]],
            errors: list[tuple[str, str]], as_list: bool) -> str:
    if fmt == "json":
        return render_json(payloads, as_list=as_list) if payloads else ""
    if fmt == "csv":
        return render_csv(results)
    if fmt == "html":
        return render_html(results, errors) if results or errors else ""
    text = "\n".join(render_text(r) for r in results)
    if len(results) + len(errors) > 1:  # several files: the totals at the end, where the reader arrives
        n = {s: sum(f.severity == s for r in results for f in r.findings) for s in SEVERITIES}
        text += (f"\n== 合计：{len(results)} 个文件，错误 {n['error']} 项，警告 {n['warning']} 项，提示 {n['info']} 项"
                 + "；" + ledger_line(sum_ledgers(ledger_counts(r.claims) for r in results))
                 + (f"；{len(errors)} 个输入未能读取" if errors else "")
                 + (f"；{sum(not r.disclosure for r in results)} 个不是公开文件" if any(not r.disclosure for r in results)
                    else "") + "\n")
    return text


def _emit(text: str, bom: bool = False) -> None:
    """Write to stdout as UTF-8 whatever the locale; CSV with a BOM so that Excel reads it as UTF-8."""
    data = ("\ufeff" if bom else "") + text + ("\n" if not text.endswith("\n") else "")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text stream (an embedding application, a test)
        sys.stdout.write(data)
        return
    sys.stdout.flush()
    buffer.write(data.encode("utf-8"))
    buffer.flush()


def _write_text(path: str, text: str, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text + ("\n" if not text.endswith("\n") else ""))


def _write(path: str, write: Callable[[str], None]) -> bool:
    """Write through a temporary file in the same folder, renamed into place when complete: an
    interrupted run leaves the old file (or none), never half a report."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        os.close(fd)
    except OSError as e:
        _fail(f"无法写入 {path}：{e.strerror or e}")
        return False
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as e:
        _fail(f"无法写入 {path}：{e.strerror or e}")
        return False
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True


ANNOTATE_EPILOG = """PDF：每个问题在原文处加高亮，文中数字加方框，旁边加注释（规则名称、问题、文中/应为、修改建议）；
      一个问题涉及几处就标几处。
DOCX：Word 批注，锚定在引文所在的文字上。XLSX：单元格批注，加在所引单元格上。
文本、Markdown、HTML 等其他格式无法加批注：写出 HTML 审查报告（报告中已标出每处引文）。
输入文件不会被修改；输出默认写在输入文件旁（X.annotated.pdf、X.annotated.docx、X.annotated.xlsx、
X.annotated.html），已有的输出文件整体替换（先写临时文件再改名）；输出路径就是输入文件时拒绝（退出码 2）。
文件已入库（budgetdoc ingest）时，审查台中被判为“误报”的问题不标注：数据库用 --db，
不给时用当前目录的 budgetdoc.db（不存在则标注全部问题）。

退出码：
  0  已写出，没有“错误”级别的问题
  1  已写出，至少一个“错误”级别的问题
  2  用法错误、配置错误、输入无法读取、数据库无法打开，或输出文件无法写入（包括输出路径就是输入文件）
  3  输入不是部门预算/决算公开文件：未写出"""


def _add_annotate(sub: Any) -> None:
    a = sub.add_parser("annotate", help="写出带批注的副本：PDF 高亮与注释、Word 批注、Excel 单元格批注",
                       description="检查一个公开文件，并写出在原文处标注每个问题及修改建议的副本。",
                       epilog=ANNOTATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("file", metavar="FILE", help="要标注的文件（PDF、DOCX、XLSX；其他格式写出 HTML 报告）")
    a.add_argument("-o", "--output", metavar="PATH", help="输出路径，默认在输入文件旁加 .annotated")
    a.add_argument("--db", help="判断（误报）所在的数据库，默认为当前目录的 budgetdoc.db（存在时）")
    a.add_argument("--config", metavar="FILE.yaml", help="规则的启用/停用、严重程度、容差、章节别名")
    a.add_argument("--min-severity", choices=list(SEVERITIES), default="info",
                   help="只标注不低于此级别的问题：error、warning、info（默认，全部）")


def _annotate(args: argparse.Namespace) -> int:
    from .report.annotate import annotate, default_output

    src = Path(args.file)
    if not src.is_file():
        return _fail(f"文件不存在：{args.file}" if not src.exists() else f"不是文件：{args.file}")
    try:
        config = load_config(args.config) if args.config else DEFAULT
        result = _at_least(check_parts([str(src)], config), args.min_severity)
    except ConfigError as e:
        return _fail(f"配置错误：{e}")
    except InputError as e:
        return _fail(str(e))
    if not result.disclosure:
        print(f"budgetdoc：{args.file}：{result.warnings[-1] if result.warnings else '不是公开文件'}未写出批注副本。",
              file=sys.stderr)
        return EXIT_NOT_DISCLOSURE
    output = args.output or str(default_output(src, result.format))
    if _clash(output, [str(src)]):
        return _fail(f"输出文件 {output} 就是输入文件 {args.file}，拒绝覆盖")
    kept = _undismissed(src, result, args.db)
    if isinstance(kept, int):
        return kept
    summary = None

    def write(tmp: str) -> None:
        nonlocal summary
        summary = annotate(src, result, kept, Path(tmp))

    try:
        if not _write(output, write) or summary is None:
            return 2
    except InputError as e:
        return _fail(str(e))
    dropped = len(result.findings) - len(kept)
    what = "HTML 审查报告（此格式无法加批注，报告中已标出每处引文）" if summary.report else "批注副本"
    print(f"已写出{what}：{output}；问题 {len(kept)} 项，标注 {summary.places} 处"
          + (f"；{len(summary.missed)} 处在文件中未找到原文，未标注" if summary.missed else "")
          + (f"；审查台判为误报的 {dropped} 项未标注" if dropped else ""))
    return 1 if any(f.severity == "error" for f in kept) else 0


def _undismissed(src: Path, result: CheckResult, db: str | None) -> list | int:
    """The findings a reviewer has not dismissed in the store (all of them when there is no store)."""
    from .store.db import DEFAULT_DB, StoreError, open_db

    if db is None and not Path(DEFAULT_DB).is_file():
        return result.findings
    try:
        from .store import judgements

        engine = open_db(db, create=False)
        try:
            gone = judgements.dismissed(engine, str(src.resolve()),
                                        [(f.rule, [e.to_dict() for e in f.evidence]) for f in result.findings])
        finally:
            engine.dispose()
    except StoreError as e:
        return _fail(str(e))
    return [f for f, d in zip(result.findings, gone, strict=True) if not d]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
