"""Writing a composed document in one of drafter's formats — the one place that picks a writer."""

from __future__ import annotations

from pathlib import Path

from drafter.document import Document
from drafter.fsutil import write_atomic

FORMATS = ("docx", "md", "txt")


def format_of(out: Path | None, fmt: str | None) -> str:
    """The output format: as asked, else from the file's suffix, else docx."""
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    return suffix if suffix in FORMATS else "docx"


def text_of_document(doc: Document, fmt: str) -> str:
    """The Markdown (md) or plain-text (txt) preview of a document."""
    from drafter.text_writer import to_markdown, to_text

    return to_markdown(doc) if fmt == "md" else to_text(doc)


def write_document(doc: Document, out: Path, fmt: str, *, reference_docx: Path | None = None) -> None:
    """Write the document model to `out` in one format, atomically."""
    if fmt == "docx":
        from drafter.docx_writer import docx_bytes

        write_atomic(out, docx_bytes(doc, reference_docx=reference_docx))
        return
    write_atomic(out, text_of_document(doc, fmt))
