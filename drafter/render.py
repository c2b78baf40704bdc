"""Rendering answers files into documents without questions: `drafter render`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.answers import answers_stem, load_answers, require_complete
from drafter.compose import compose
from drafter.document import Document
from drafter.errors import MissingAnswersError, OutputError, UserError
from drafter.fsutil import check_output, check_outputs, is_directory, write_all, write_atomic
from drafter.outline import Library

FORMATS = ("docx", "md", "txt")
# Suffixes of the files drafter reads: a document written under one would pass for one.
INPUT_SUFFIXES = (".yaml", ".yml")


def format_of(out: Path, fmt: str | None) -> str:
    """The output format: as asked, else from the file's suffix, else docx."""
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def document_bytes(doc: Document, fmt: str, *, reference_docx: Path | None = None) -> bytes:
    """The document model in one format; the only place that picks a writer."""
    if fmt == "docx":
        from drafter.docx_writer import docx_bytes

        return docx_bytes(doc, reference_docx=reference_docx)
    from drafter.text_writer import to_markdown, to_text

    return (to_markdown(doc) if fmt == "md" else to_text(doc)).encode("utf-8")


def write_document(
    doc: Document, out: Path, fmt: str, *, reference_docx: Path | None = None, force: bool = True
) -> None:
    """Write the document model in one format (exclusively created unless `force`)."""
    write_atomic(out, document_bytes(doc, fmt, reference_docx=reference_docx), force=force)


def render_answers(
    data: dict[str, Any],
    library: Library,
    out: Path,
    *,
    fmt: str | None = None,
    force: bool = False,
    reference_docx: Path | None = None,
    inputs: Iterable[Path | None] = (),
) -> Path:
    """Compose validated answers and write them to `out`.

    Refuses, before composing, to overwrite without force, to write onto anything but a
    regular file, and to write onto one of the command's inputs: the answers file (`inputs`),
    the outline it uses, the reference .docx.
    """
    fmt = format_of(out, fmt)
    check_document_output(out, force=force, inputs=[*inputs, *_own_inputs(data, library, reference_docx)])
    write_document(compose(data, library), out, fmt, reference_docx=reference_docx, force=force)
    return out


def check_document_output(out: Path, *, force: bool, inputs: Iterable[Path | None]) -> None:
    """`check_output`, and no document under an answers/outline file's name (x.answers.yaml)."""
    _refuse_input_name(out)
    check_output(out, force=force, inputs=inputs)


def _refuse_input_name(out: Path) -> None:
    if out.name.lower().endswith(INPUT_SUFFIXES):
        raise OutputError(
            f"{out}：这是答案或大纲文件的文件名，生成的文档不能用它。",
            hint="请用 -o 给出 .docx（或 .md、.txt）文件名。",
        )


def _own_inputs(data: dict[str, Any], library: Library, reference_docx: Path | None) -> list[Path | None]:
    """The files a render of `data` reads besides the answers: its outline and the reference .docx."""
    outline = library.outline(data["outline"]) if data.get("outline") else None
    return [reference_docx, outline.path if outline is not None else None]


def output_for(answers_path: Path, out_dir: Path, fmt: str) -> Path:
    """x.answers.yaml → DIR/x.docx (or .md/.txt)."""
    return out_dir / f"{answers_stem(answers_path)}.{fmt}"


def render_files(
    paths: list[Path],
    library: Library,
    out: Path,
    *,
    fmt: str | None = None,
    force: bool = False,
    reference_docx: Path | None = None,
) -> list[Path]:
    """Render one answers file to `out`, or several into the directory `out`: all or none.

    Every answers file is read and checked, and every output checked (two answers files of
    one name would give one output; an output may not be an input), before anything is
    written; the documents are then written together, so a failure leaves no part behind.
    """
    if len(paths) == 1 and not is_directory(out):
        targets = [(paths[0], out)]
    else:
        if not is_directory(out):
            raise UserError(f"{out}：多个答案文件时 -o 应为已存在的目录。", hint="请先创建该目录。")
        kind = fmt or "docx"
        targets = [(p, output_for(p, out, kind)) for p in paths]
    loaded = []
    inputs: list[Path | None] = [*paths]
    for answers_path, target in targets:
        data, _ = load_answers(answers_path, library)
        try:
            require_complete(data, library, answers_path)
        except MissingAnswersError as exc:
            raise exc.for_command("render") from None
        loaded.append((data, target))
        inputs += _own_inputs(data, library, reference_docx)
    outputs = [target for _, target in targets]
    for target in outputs:
        _refuse_input_name(target)
    check_outputs(outputs, force=force, inputs=inputs)
    documents: list[tuple[Path, bytes | str]] = [
        (target, document_bytes(compose(data, library), format_of(target, fmt), reference_docx=reference_docx))
        for data, target in loaded
    ]
    write_all(documents, force=force)
    return outputs
