"""PDF for hand-in: drafter's .docx printed to PDF by LibreOffice, when it is installed.

`pdf_of_docx` converts one or many documents in one LibreOffice run: `soffice --headless
--convert-to pdf`, with a user profile of its own in a temporary folder (so it never touches,
nor waits for, the user's LibreOffice and its settings), no standard input, and a time limit
after which LibreOffice and every process it started are killed. The documents and PDFs pass
through that temporary folder only; the caller writes the PDF bytes where they belong, as every
output is written (checked, atomic, never over an input).

LibreOffice is looked for as `DRAFTER_SOFFICE` names it, then on PATH (soffice, libreoffice),
then where its installers put it on Windows, macOS and Linux. Without it, the message says
which package to install. The PDF uses the fonts installed on the computer (仿宋_GB2312 and the
other 公文 fonts where Word's are; elsewhere LibreOffice's substitutes).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from drafter.errors import UserError

ENV_SOFFICE = "DRAFTER_SOFFICE"
TIMEOUT_SECONDS = 60.0  # LibreOffice's first start with a new profile takes a few seconds
PER_DOCUMENT_SECONDS = 10.0  # added for each document (a 5,000-character report: under 1 s)
_NAMES = ("soffice", "libreoffice")
_PDF_MAGIC = b"%PDF-"
NOT_INSTALLED = (
    "没有找到 LibreOffice，无法生成 PDF。",
    "请先安装 LibreOffice：Debian/Ubuntu 上运行 sudo apt install libreoffice-writer；"
    "Windows、macOS 请从 LibreOffice 官网下载安装。装在别处时，用环境变量 DRAFTER_SOFFICE 给出 soffice 的完整路径。"
    "也可以先生成 .docx（-o 总结.docx），再用 Word/WPS 另存为 PDF。",
)


def install_places() -> list[str]:
    """Where LibreOffice's installers put soffice on this system, most usual first."""
    if sys.platform == "win32":
        roots = [os.environ.get(name, "") for name in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432")]
        roots += [str(Path(os.environ.get("LOCALAPPDATA", "")) / "Programs")]
        return [str(Path(root) / "LibreOffice" / "program" / "soffice.exe") for root in roots if root]
    if sys.platform == "darwin":
        app = "LibreOffice.app/Contents/MacOS/soffice"
        return [f"/Applications/{app}", str(Path.home() / "Applications" / app)]
    return [
        "/usr/lib/libreoffice/program/soffice", "/usr/local/lib/libreoffice/program/soffice",
        *sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True), "/snap/bin/libreoffice",
    ]


def find_soffice() -> str | None:
    """The LibreOffice program to run, or None when it is not installed."""
    named = os.environ.get(ENV_SOFFICE, "").strip()
    if named:
        if not (Path(named).is_file() and os.access(named, os.X_OK)):
            raise UserError(
                f"环境变量 {ENV_SOFFICE} 给出的 {named} 不是可以运行的程序。",
                hint="请给出 LibreOffice 的 soffice（Windows 上是 soffice.exe）的完整路径，或删去这个环境变量。",
            )
        return named
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in install_places() if os.path.isfile(p) and os.access(p, os.X_OK)), None)


def pdf_of_docx(documents: Sequence[bytes]) -> list[bytes]:
    """Each .docx (as bytes) printed to PDF by one LibreOffice run; the PDFs' bytes in order.

    `UserError` when LibreOffice is not installed, runs past its time (it is killed), or
    leaves a document without a PDF.
    """
    soffice = find_soffice()
    if soffice is None:
        raise UserError(NOT_INSTALLED[0], hint=NOT_INSTALLED[1])
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        sources = []
        for n, data in enumerate(documents, start=1):
            sources.append(work / "in" / f"{n:04}.docx")
            sources[-1].write_bytes(data)
        argv = [
            soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(work / "out"), *map(str, sources),
        ]
        limit = TIMEOUT_SECONDS + PER_DOCUMENT_SECONDS * len(documents)
        log = _run(argv, limit)
        pdfs = []
        for n, source in enumerate(sources, start=1):
            pdf = work / "out" / f"{source.stem}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            if not data.startswith(_PDF_MAGIC):
                which = f"第 {n} 份文档" if len(sources) > 1 else "文档"
                raise UserError(
                    f"LibreOffice 没有把{which}转成 PDF。{_tail(log)}",
                    hint="可以先生成 .docx，再用 Word/WPS 或 LibreOffice 另存为 PDF。",
                )
            pdfs.append(data)
    return pdfs


def _run(argv: list[str], limit: float) -> str:
    """Run LibreOffice to the end within `limit` seconds, else kill it and all it started."""
    windows = sys.platform == "win32"
    try:
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=not windows,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP if windows else 0,  # type: ignore[attr-defined,unused-ignore]
        )
    except OSError as exc:
        raise UserError(f"无法启动 LibreOffice（{argv[0]}）：{exc.strerror or exc}。", hint=NOT_INSTALLED[1]) from None
    try:
        out, _ = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_all(process, windows)
        process.communicate()
        raise UserError(
            f"LibreOffice 在 {limit:.0f} 秒内没有完成 PDF 转换，已把它停止，没有写入任何文件。",
            hint="请关闭其他正在运行的 LibreOffice 后重试；或先生成 .docx，再用 Word/WPS 另存为 PDF。",
        ) from None
    except BaseException:  # Ctrl-C, SIGTERM: LibreOffice does not outlive drafter
        _kill_all(process, windows)
        process.communicate()
        raise
    return out.decode("utf-8", errors="replace")


def _kill_all(process: subprocess.Popen[bytes], windows: bool) -> None:
    """Kill LibreOffice and the processes it started (its session, or its tree on Windows)."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        if windows:
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                stdin=subprocess.DEVNULL, capture_output=True, check=False, timeout=30,
            )
        else:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()


def _tail(log: str, lines: int = 3) -> str:
    """The last lines LibreOffice printed, for the message (nothing when it printed nothing)."""
    shown = [line.strip() for line in log.splitlines() if line.strip()][-lines:]
    return f"（LibreOffice 输出：{' '.join(shown)}）" if shown else ""
