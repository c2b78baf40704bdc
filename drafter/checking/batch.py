"""核稿 of many files at once — a folder of branch reports before they are forwarded.

Each file is checked as `drafter check FILE` checks it (`check.check_path`); a file that cannot
be read or checked becomes a result saying why, and the others go on. What is printed: one
summary line per file (its findings counted by kind), a line of totals, then each file's
findings in full (`format_batch`); or the whole as JSON (`batch_json`, schema 1, documented in
docs/check.schema.json and the README). The exit code (`exit_code`): 0 when every file was
read and is clean, 1 when a file has findings or could not be read, 2 when none could be read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.checking.check import (
    RULE_NAMES,
    CheckContext,
    Finding,
    check_path,
    describe_context,
    report_text,
)
from drafter.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK, InputFileError, UserError
from drafter.library import Library

__all__ = [
    "CHECKED_SUFFIXES", "JSON_SCHEMA", "MAX_BYTES", "MAX_FILES", "FileCheck", "batch_json",
    "check_one", "checkable", "exit_code", "format_batch",
]

MAX_FILES = 1000  # files in one run: a 机关's branches are tens, a whole county's a few hundred
MAX_BYTES = 256 * 1024 * 1024  # all of them together, as they lie on disk
CHECKED_SUFFIXES = (".docx", ".txt", ".md", ".yaml", ".yml")  # what a folder gives to check
_OUTLINE_SUFFIXES = (".outline.yaml", ".outline.yml")  # outlines lie beside answers: not checked
JSON_SCHEMA = 1
CLEAN, FOUND, UNREADABLE = "clean", "findings", "unreadable"


@dataclass(frozen=True)
class FileCheck:
    """One file's 核稿: the findings and what was assumed, or why it could not be checked."""

    path: Path
    findings: tuple[Finding, ...] = ()
    context: CheckContext | None = None
    error: str = ""  # why the file could not be checked ("" when it was)
    hint: str = ""  # what to do about it
    unreadable: bool = False  # the file itself could not be read (else: read, but not checkable)

    @property
    def status(self) -> str:
        if self.context is None:
            return UNREADABLE
        return FOUND if self.findings else CLEAN

    def kinds(self) -> dict[str, int]:
        """How many findings of each rule, in the rules' order."""
        counts = Counter(f.rule for f in self.findings)
        return {rule: counts[rule] for rule in RULE_NAMES if counts[rule]}


def checkable(name: str) -> bool:
    """Whether a file of a folder is checked, by its name: reports and answers files."""
    lower = name.lower()
    return lower.endswith(CHECKED_SUFFIXES) and not lower.endswith(_OUTLINE_SUFFIXES)


def check_one(path: Path, library: Library) -> FileCheck:
    """Check one file; a file that cannot be read or checked gives its reason, not an error."""
    try:
        context, findings = check_path(path, library)
    except InputFileError as exc:
        return FileCheck(path, error=exc.problem, hint=exc.hint, unreadable=True)
    except UserError as exc:
        return FileCheck(path, error=exc.message.removeprefix(f"{path}："), hint=exc.hint)
    return FileCheck(path, tuple(findings), context)


def exit_code(results: Sequence[FileCheck]) -> int:
    """0 all read and clean; 2 none could be checked; else 1 (findings, or a file left out)."""
    if all(r.status == UNREADABLE for r in results):
        return EXIT_BAD_INPUT
    return EXIT_OK if all(r.status == CLEAN for r in results) else EXIT_CHECK_FAILED


# --- text ----------------------------------------------------------------------------------------
def summary_line(result: FileCheck) -> str:
    """`报告/二支部.docx：4 处（占位符 1、年份 2、半角标点 1）`, or 未发现问题, or why it was not checked."""
    if result.status == UNREADABLE:
        label = "无法读取" if result.unreadable else "无法核稿"
        return f"{result.path}：{label}——{result.error}"
    if not result.findings:
        return f"{result.path}：未发现问题"
    kinds = "、".join(f"{RULE_NAMES[rule]} {n}" for rule, n in result.kinds().items())
    return f"{result.path}：{len(result.findings)} 处（{kinds}）"


def totals_line(results: Sequence[FileCheck]) -> str:
    """共 50 个文件：3 个有问题（共 12 处），46 个未发现问题，1 个无法读取。"""
    by_status = Counter(r.status for r in results)
    found = sum(len(r.findings) for r in results)
    parts = [f"{by_status[FOUND]} 个有问题（共 {found} 处）" if by_status[FOUND] else "",
             f"{by_status[CLEAN]} 个未发现问题" if by_status[CLEAN] else "",
             f"{by_status[UNREADABLE]} 个无法读取或核稿" if by_status[UNREADABLE] else ""]
    return f"共 {len(results)} 个文件：{'，'.join(p for p in parts if p)}。"


def format_batch(
    results: Sequence[FileCheck], *, empty_folders: Sequence[Path] = (), details: bool = True
) -> str:
    """Summary lines, the totals, then (with `details`) every file with findings in full."""
    lines = [summary_line(r) for r in results]
    lines += [f"{folder}：文件夹中没有可核稿的文件（{'、'.join(CHECKED_SUFFIXES)}）" for folder in empty_folders]
    lines.append(totals_line(results))
    hints = dict.fromkeys(r.hint for r in results if r.status == UNREADABLE and r.hint)
    lines += list(hints)
    text = "\n".join(lines)
    if details:
        for r in results:
            if r.findings and r.context is not None:
                text += "\n\n" + report_text(str(r.path), r.context, list(r.findings))
    return text


# --- JSON ----------------------------------------------------------------------------------------
def batch_json(results: Sequence[FileCheck], *, empty_folders: Sequence[Path] = ()) -> str:
    """The whole result as JSON (docs/check.schema.json describes it)."""
    by_status = Counter(r.status for r in results)
    data = {
        "schema": JSON_SCHEMA,
        "files": [_file_json(r) for r in results],
        "empty_folders": [str(folder) for folder in empty_folders],
        "totals": {
            "files": len(results),
            "clean": by_status[CLEAN],
            "with_findings": by_status[FOUND],
            "unreadable": by_status[UNREADABLE],
            "findings": sum(len(r.findings) for r in results),
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _file_json(result: FileCheck) -> dict[str, Any]:
    out: dict[str, Any] = {"path": str(result.path), "status": result.status}
    if result.context is None:
        out |= {"error": result.error, "hint": result.hint, "assumed": None}
    else:
        context = result.context
        out["assumed"] = {
            "year": context.year, "period": context.period, "note": describe_context(context),
        }
    out["kinds"] = result.kinds()
    out["findings"] = [
        {
            "rule": f.rule, "kind": RULE_NAMES[f.rule], "place": list(f.path),
            "paragraph": f.paragraph, "quote": f.quote, "message": f.message, "fix": f.fix,
        }
        for f in result.findings
    ]
    return out
