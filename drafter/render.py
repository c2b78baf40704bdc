"""Rendering answers files into documents without questions: `drafter render`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.answers import answers_stem, load_answers, require_complete
from drafter.compose import compose
from drafter.document import Document
from drafter.errors import UserError
from drafter.fsutil import check_writable, write_atomic
from drafter.outline import Library

FORMATS = ("docx", "md", "txt")


def format_of(out: Path, fmt: str | None) -> str:
    """The output format: as asked, else from the file's suffix, else docx."""
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def write_document(doc: Document, out: Path, fmt: str, *, reference_docx: Path | None = None) -> None:
    """Write the document model in one format; the only place that picks a writer."""
    if fmt == "docx":
        from drafter.docx_writer import docx_bytes

        write_atomic(out, docx_bytes(doc, reference_docx=reference_docx))
        return
    from drafter.text_writer import to_markdown, to_text

    write_atomic(out, to_markdown(doc) if fmt == "md" else to_text(doc))


def render_answers(
    data: dict[str, Any],
    library: Library,
    out: Path,
    *,
    fmt: str | None = None,
    force: bool = False,
    reference_docx: Path | None = None,
) -> Path:
    """Compose validated answers and write them to `out`; refuses to overwrite without force."""
    fmt = format_of(out, fmt)
    check_writable(out, force=force)
    write_document(compose(data, library), out, fmt, reference_docx=reference_docx)
    return out


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
    """Render one answers file to `out`, or several into the directory `out`, in one process."""
    if len(paths) == 1 and not out.is_dir():
        targets = [(paths[0], out)]
    else:
        if not out.is_dir():
            raise UserError(f"{out}：多个答案文件时 -o 应为已存在的目录。", hint="请先创建该目录。")
        kind = fmt or "docx"
        targets = [(p, output_for(p, out, kind)) for p in paths]
    written = []
    for answers_path, target in targets:
        data, _ = load_answers(answers_path, library)
        require_complete(data, library, answers_path)
        written.append(
            render_answers(data, library, target, fmt=fmt, force=force, reference_docx=reference_docx)
        )
    return written
