"""Annotated copies of a checked document for whoever fixes it (`budgetdoc annotate`, and the
workbench's "download the annotated copy"): PDF highlights, squares and notes; Word comments; Excel cell
comments. A text, Markdown or HTML file takes no annotations: its HTML report (which marks every quote)
is written instead. The input is only read; the writers write the path they are given."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...errors import InputError
from ...model import CheckResult, Finding
from .summary import Summary

# The formats a copy can carry annotations in: the reader's format and the file's extension.
ANNOTATED = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"}
SUFFIX = ".annotated"

__all__ = ["ANNOTATED", "Summary", "annotate", "default_output", "takes_annotations"]


def takes_annotations(path: Path, fmt: str) -> bool:
    """Whether the file itself can carry the annotations (else its HTML report is written)."""
    return ANNOTATED.get(fmt) == path.suffix.lower()


def default_output(path: Path, fmt: str) -> Path:
    """Beside the input: X.annotated.pdf (.docx, .xlsx); X.annotated.html for the other formats."""
    ext = path.suffix if takes_annotations(path, fmt) else ".html"
    return path.with_name(f"{path.stem}{SUFFIX}{ext}")


def annotate(path: Path, result: CheckResult, findings: list[Finding], out: Path) -> Summary:
    """Write the annotated copy of `path` (or its HTML report) with `findings` to `out`. A file its
    writer cannot rewrite (an encrypted PDF, a damaged package) is an InputError; OSError (the output
    cannot be written) passes through."""
    try:
        return _annotate(path, result, findings, out)
    except (OSError, InputError):
        raise
    except Exception as e:  # the writers' libraries raise their own kinds on a file they cannot rewrite
        raise InputError(f"{path}：无法写出批注副本（{type(e).__name__}：{str(e)[:120]}）") from None


def _annotate(path: Path, result: CheckResult, findings: list[Finding], out: Path) -> Summary:
    if takes_annotations(path, result.format):
        if result.format == "pdf":
            from .pdf import annotate_pdf
            return annotate_pdf(path, findings, out)
        if result.format == "docx":
            from .docx import annotate_docx
            return annotate_docx(path, findings, out)
        from .xlsx import annotate_xlsx
        return annotate_xlsx(path, findings, out)
    from ..html_report import render_html

    out.write_text(render_html([replace(result, findings=findings)]), encoding="utf-8")
    return Summary(findings=len(findings), places=sum(len(f.evidence) for f in findings), report=True)
