"""`drafter render ANSWERS... [-o OUT]`: answers files straight to documents, no questions.

One answers file goes to `-o FILE` (or to standard output for Markdown and plain text when
`-o` is left out or is `-`); several go into the folder `-o DIR`, each named after its answers
file. Every answers file is read and checked, and every output checked (two answers files of
one name would give one output; an output may not be an input), before anything is written;
the documents are then written together, so a failure leaves no part behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.answers import read_answers, require_complete
from drafter.compose import compose
from drafter.errors import EXIT_OK, UserError
from drafter.fsutil import check_outputs, is_directory, write_all
from drafter.model import Answers
from drafter.naming import output_in
from drafter.outline import load_library
from drafter.render import document_bytes, format_of, refuse_input_name, text_of_document

STDOUT = Path("-")


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
        require_complete(answers, library)
        out.write(text_of_document(compose(answers, library), fmt))
        return EXIT_OK
    if target == STDOUT:
        raise UserError("Word 文档（.docx）不能输出到屏幕。", hint="请用 -o 给出 .docx 文件名，或加 --format md / txt。")
    fmt = fmt or "docx"
    if target is None:
        targets = [(p, output_in(Path("."), p, fmt)) for p in paths]
    elif len(paths) == 1 and not is_directory(target):
        targets = [(paths[0], target)]
    else:
        if not is_directory(target):
            raise UserError(f"{target}：多个答案文件时 -o 应为已存在的目录。", hint="请先创建该目录。")
        targets = [(p, output_in(target, p, fmt)) for p in paths]
    loaded: list[tuple[Answers, Path]] = []
    inputs: list[Path | None] = [*paths, args.reference_docx]
    for answers_path, output in targets:
        answers = read_answers(answers_path, library)
        require_complete(answers, library)
        loaded.append((answers, output))
        inputs.append(answers.outline.path)
    outputs = [output for _, output in targets]
    for output in outputs:
        refuse_input_name(output)
    check_outputs(outputs, force=args.force, inputs=inputs)
    documents: list[tuple[Path, bytes | str]] = [
        (output, document_bytes(compose(answers, library), format_of(output, fmt), reference_docx=args.reference_docx))
        for answers, output in loaded
    ]
    write_all(documents, force=args.force)
    for output in outputs:
        out.write(f"已生成：{output}\n")
    return EXIT_OK
