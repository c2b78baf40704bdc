"""File names drafter derives from other file names — the one home for these rules.

A report 总结.docx has its answers in 总结.answers.yaml beside it; an imported report that fits
no outline gets x.outline.yaml beside x.answers.yaml; rendering many answers files into a folder
names each output after its answers file.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_OUTPUT = Path("党建工作总结.docx")
ANSWERS_SUFFIX = ".answers.yaml"
_ANSWERS_SUFFIXES = (".answers.yaml", ".answers.yml", ".yaml", ".yml")


def answers_stem(path: Path) -> str:
    """The name of an answers file without its suffix: x.answers.yaml → x (also .yml, .yaml)."""
    name = path.name
    for suffix in _ANSWERS_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def answers_beside(document: Path) -> Path:
    """Where a document's answers are kept: 总结.docx → 总结.answers.yaml beside it."""
    return document.with_name(f"{document.stem}{ANSWERS_SUFFIX}")


def imported_answers(report: Path) -> Path:
    """The default answers file of an import, in the current folder: 上期.docx → 上期.answers.yaml."""
    return Path(f"{report.stem}{ANSWERS_SUFFIX}")


def own_outline_beside(answers_path: Path) -> Path:
    """x.answers.yaml → x.outline.yaml beside it (an imported report's own outline)."""
    return answers_path.with_name(f"{answers_stem(answers_path)}.outline.yaml")


def output_in(folder: Path, answers_path: Path, fmt: str) -> Path:
    """x.answers.yaml rendered into a folder → folder/x.docx (or .md/.txt)."""
    return folder / f"{answers_stem(answers_path)}.{fmt}"
