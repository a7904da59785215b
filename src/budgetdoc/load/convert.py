"""Legacy Office files (.doc/.xls/.wps/.et): converted with LibreOffice when it is installed, in a
private temporary directory (the user's file is only read), then read as DOCX/XLSX."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError

TARGET = {".doc": "docx", ".xls": "xlsx", ".wps": "docx", ".et": "xlsx"}
TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path) -> tuple[Path, tempfile.TemporaryDirectory]:
    """The converted copy and the directory that holds it (delete it when done)."""
    target = TARGET[path.suffix.lower()]
    exe = soffice()
    if exe is None:
        raise InputError(f"{path}：读取 {path.suffix} 文件需要 LibreOffice（未安装）；"
                         f"请安装（apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或"
                         f"先把文件转换为 .{target}")
    tmp = tempfile.TemporaryDirectory(prefix="budgetdoc-convert-")
    # LibreOffice needs a writable profile; a private HOME keeps runs independent of each other.
    env = {"HOME": tmp.name, "PATH": "/usr/bin:/bin"}
    try:
        subprocess.run([exe, "--headless", "--norestore", "--convert-to", target, "--outdir", tmp.name, str(path)],
                       env=env, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        tmp.cleanup()
        raise InputError(f"{path}：LibreOffice 未能在 {TIMEOUT_S} 秒内完成转换") from None
    out = Path(tmp.name) / f"{path.stem}.{target}"
    if not out.exists():
        tmp.cleanup()
        raise InputError(f"{path}：LibreOffice 无法转换该文件（文件损坏，或不是 {path.suffix} 文件？）")
    return out, tmp
