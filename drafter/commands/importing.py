"""`drafter import REPORT [-o X.answers.yaml]`: last period's report as an answers file.

Writes the answers file, and the report's own outline beside it when no learned outline fits;
both outputs are checked before anything is written, so a refusal leaves no half-import.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.answers import answers_mapping, answers_text, parse_answers
from drafter.composing import compose
from drafter.domain import imported_answers, own_outline_beside
from drafter.errors import EXIT_OK, UserError
from drafter.files import check_outputs, dump_yaml, parse_yaml, write_all
from drafter.learning import ImportResult, import_report
from drafter.library import Library, Outline, load_library

OWN_OUTLINE_HEADER = "# 由 drafter import 按报告“{source}”自身的标题生成的大纲，可手工修改。\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Import the report, write the answers (and own outline), print the summary."""
    path: Path = args.report
    target: Path = args.output or imported_answers(path)
    out.write(import_to(path, target, load_library(args.outlines), force=args.force) + "\n")
    return EXIT_OK


def import_to(path: Path, target: Path, library: Library, *, force: bool) -> str:
    """Import `path` into the answers file `target`; return the summary to print.

    Both outputs are checked before anything is written, the answers are read back and composed
    as `render` would (an import never writes a file that render refuses), and the files are
    written all or none: a refusal or a full disk leaves no half-import.
    """
    result = import_report(path, library)
    outline_path = own_outline_beside(target) if result.own_outline else None
    check_outputs([target] if outline_path is None else [target, outline_path], force=force, inputs=[path])
    files: list[tuple[Path, bytes | str]] = []
    if outline_path is not None:
        text = OWN_OUTLINE_HEADER.format(source=path.name) + dump_yaml(result.answers.outline.to_dict())
        files.append((outline_path, text))
        result.answers.outline_ref = outline_path.name  # found beside the answers file
    answers_text_ = answers_text(answers_mapping(result.answers))
    files.append((target, answers_text_))
    _check_renders(target, answers_text_, library, result.answers.outline)
    write_all(files, force=force)
    return summary(path, target, result, outline_path)


def _check_renders(target: Path, text: str, library: Library, outline: Outline) -> None:
    """Read the answers about to be written as `render` would, and compose them."""
    try:
        answers = parse_answers(parse_yaml(text, target), library, outline=outline)
        compose(answers, library)
    except UserError as exc:
        raise UserError(f"导入结果无法生成文档，未写入任何文件：{exc.message}", hint=exc.hint) from exc


def summary(path: Path, out: Path, result: ImportResult, outline_path: Path | None) -> str:
    """What `drafter import` prints: the outline and why, what was imported, what was skipped,
    and what to run next (`render` only when no required answer is missing)."""
    answers = result.answers
    sections = list(answers.walk())
    paragraphs = sum(len(s.paragraphs or []) for s in sections)
    numbers = sum(len(s.counts or {}) for s in sections)
    top = len(answers.sections or [])
    lines = [f"已导入：{path} → {out}"]
    if outline_path is not None:
        lines.append(
            f"大纲：按报告自身的标题生成，已写入 {outline_path}（答案文件的 outline 指向它）。"
        )
    else:
        lines.append(f"大纲：{answers.outline.kind}（{answers.outline.id}）。")
    lines.append(f"依据：{result.reason}")
    lines.append(
        f"内容：栏目 {len(sections)} 个（一级 {top} 个），正文 {paragraphs} 段，"
        f"识别数字 {numbers} 个（写入 numbers，改数字即更新原句）。"
    )
    lines.extend(f"提示：{note}" for note in result.notes)
    render = "" if result.missing else f"，或 drafter render {out} -o 总结.docx"
    lines.append(f"下一步：drafter new --answers {out} 更新本期内容{render}")
    return "\n".join(lines)
