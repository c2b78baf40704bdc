"""`drafter render ANSWERS... [-o OUT]`: answers files straight to documents, no questions.

One answers file goes to `-o FILE` (or to standard output for Markdown and plain text when
`-o` is left out or is `-`); several go into the folder `-o DIR`, each named after its answers
file. Every answers file is read and checked, and every output name decided, before anything
is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.answers import read_answers, require_complete
from drafter.compose import compose
from drafter.errors import EXIT_OK, UserError
from drafter.fsutil import check_writable
from drafter.naming import output_in
from drafter.outline import load_library
from drafter.render import format_of, text_of_document, write_document

STDOUT = Path("-")
_COMPLETE_HINT = "请在答案文件中补全后再生成，或用 drafter new --answers 答案文件 交互补填。"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Render every answers file named; print where each document went."""
    library = load_library(args.outlines)
    paths: list[Path] = args.answers
    target: Path | None = args.output
    fmt = args.format or (format_of(target, None) if target not in (None, STDOUT) else None)
    if target in (None, STDOUT) and fmt in ("md", "txt"):
        if len(paths) > 1:
            raise UserError("多个答案文件不能一起输出到屏幕。", hint="请用 -o 给出输出目录。")
        answers = read_answers(paths[0], library)
        require_complete(answers, library, hint=_COMPLETE_HINT)
        out.write(text_of_document(compose(answers, library), fmt))
        return EXIT_OK
    if target == STDOUT:
        raise UserError("Word 文档（.docx）不能输出到屏幕。", hint="请用 -o 给出 .docx 文件名，或加 --format md / txt。")
    fmt = fmt or "docx"
    if target is None:
        targets = [(p, output_in(Path("."), p, fmt)) for p in paths]
    elif len(paths) == 1 and not target.is_dir():
        targets = [(paths[0], target)]
    else:
        if not target.is_dir():
            raise UserError(f"{target}：多个答案文件时 -o 应为已存在的目录。", hint="请先创建该目录。")
        targets = [(p, output_in(target, p, fmt)) for p in paths]
    prepared = []
    for answers_path, output in targets:
        answers = read_answers(answers_path, library)
        require_complete(answers, library, hint=_COMPLETE_HINT)
        check_writable(output, force=args.force)
        prepared.append((answers, output))
    for answers, output in prepared:
        write_document(
            compose(answers, library), output, fmt, reference_docx=args.reference_docx
        )
        out.write(f"已生成：{output}\n")
    return EXIT_OK
