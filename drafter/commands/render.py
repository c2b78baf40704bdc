"""`drafter render ANSWERS... [-o OUT]`: answers files straight to documents, no questions.

One answers file goes to `-o FILE` (or to standard output for Markdown and plain text when
`-o` is left out or is `-`); a PDF is the .docx printed by LibreOffice, every document of a
batch in one LibreOffice run, once every output has been checked; several go into the folder `-o DIR`, each named after its answers
file. Every answers file is read and checked, and every output checked (two answers files of
one name would give one output; an output may not be an input), before anything is put in
place; the documents are then put in place together, so a failure leaves no part behind. In
a batch, each document's temporary is written as soon as it is made (drafter.files.writes.Staging),
while the next ones are being made.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, TextIO

from drafter.composing import composed_answers
from drafter.domain import output_in
from drafter.errors import EXIT_OK, UserError
from drafter.files import BACKGROUND_FROM, Staging, check_outputs, is_directory
from drafter.library import Library, load_library
from drafter.writers import (
    document_bytes,
    format_of,
    made_as,
    pdf_documents,
    refuse_input_name,
    text_of_document,
)

STDOUT = Path("-")
Job = tuple[Path, str, bool]  # an answers file, the output format, whether to append the figures table
PER_WORKER = 8  # below this many documents per core, worker processes cost more than they save


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Render every answers file named; print where each document went."""
    library = load_library(args.outlines)
    paths: list[Path] = args.answers
    target: Path | None = args.output
    fmt = args.format or (format_of(target, None) if target not in (None, STDOUT) else None)
    if target in (None, STDOUT) and fmt in ("md", "txt"):
        if len(paths) > 1:
            raise UserError("多个答案文件不能一起输出到屏幕。", hint="请用 -o 给出输出目录。")
        out.write(text_of_document(composed_answers(paths[0], library, table=args.table)[1], fmt))
        return EXIT_OK
    if target == STDOUT:
        if fmt == "pdf":
            raise UserError("PDF 不能输出到屏幕。", hint="请用 -o 给出 .pdf 文件名，或加 --format md / txt。")
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
    outputs = [output for _, output in targets]
    for output in outputs:
        refuse_input_name(output)
    formats = [format_of(output, fmt) for output in outputs]
    jobs = [(answers_path, made_as(f), args.table) for (answers_path, _), f in zip(targets, formats, strict=True)]
    printed = [n for n, f in enumerate(formats) if f == "pdf"]  # made as .docx, then printed
    with Staging(force=args.force, background=len(jobs) >= BACKGROUND_FROM and not printed) as staging:
        outlines: list[Path | None] = []
        to_print: list[bytes] = []
        made_all = _documents(jobs, library, args.reference_docx)
        for output, made, f in zip(outputs, made_all, formats, strict=True):
            outlines.append(Path(made.outline) if made.outline else None)
            if f == "pdf":
                to_print.append(made.content)
            else:
                staging.stage(output, made.content)
        # Inputs first (their messages come first), then every output, before anything is put
        # in place (and before LibreOffice is started); the outlines the answers name are inputs too.
        check_outputs(outputs, force=args.force, inputs=[*paths, args.reference_docx, *outlines])
        for n, pdf in zip(printed, pdf_documents(to_print) if to_print else [], strict=True):
            staging.stage(outputs[n], pdf)
        staging.commit()
    for output in outputs:
        out.write(f"已生成：{output}\n")
    return EXIT_OK


class _Made(NamedTuple):
    """One document made from one answers file: its bytes and the outline file it used."""

    content: bytes
    outline: str | None


def _documents(
    jobs: list[Job], library: Library, reference_docx: Path | None
) -> Iterator[_Made]:
    """Every answers file read, checked and made into a document, in order; the first that fails
    stops the command with its own message. Many are made by worker processes, one per core
    (drafter.commands.workers), the library already in memory; the bytes are the same either way.
    """
    from drafter.commands.workers import in_order

    def make(index: int) -> _Made | _Failed:
        return _make(jobs[index], library, reference_docx)

    for result in in_order(make, len(jobs), per_worker=PER_WORKER):
        yield _made(result)


def _made(result: _Made | _Failed) -> _Made:
    """A made document, or the user error its answers file gave."""
    if isinstance(result, _Failed):
        raise UserError(result.message, hint=result.hint)
    return result


class _Failed(NamedTuple):
    """A user error in a worker, as text (exceptions with their own fields do not pickle back)."""

    message: str
    hint: str


def _make(job: Job, library: Library, reference_docx: Path | None) -> _Made | _Failed:
    path, fmt, table = job
    try:
        answers, doc = composed_answers(path, library, table=table)
        content = document_bytes(doc, fmt, reference_docx=reference_docx)
    except UserError as exc:
        return _Failed(exc.message, exc.hint)
    return _Made(content, str(answers.outline.path) if answers.outline.path else None)
