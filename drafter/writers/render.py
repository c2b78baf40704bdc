"""Writing a composed document in one of drafter's formats — the one place that picks a writer.

PDF is the .docx printed by LibreOffice (drafter.writers.pdf); `pdf_documents` prints many in
one LibreOffice run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from drafter.document import Document
from drafter.errors import OutputError
from drafter.files import check_output, write_atomic

FORMATS = ("docx", "md", "txt", "pdf")
# Suffixes of the files drafter reads: a document written under one would pass for one.
INPUT_SUFFIXES = (".yaml", ".yml")


def format_of(out: Path | None, fmt: str | None) -> str:
    """The output format: as asked, else from the file's suffix, else docx."""
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    return suffix if suffix in FORMATS else "docx"


def text_of_document(doc: Document, fmt: str) -> str:
    """The Markdown (md) or plain-text (txt) preview of a document."""
    from drafter.writers.text_writer import to_markdown, to_text

    return to_markdown(doc) if fmt == "md" else to_text(doc)


def document_bytes(doc: Document, fmt: str, *, reference_docx: Path | None = None) -> bytes:
    """The document model in one format; the only place that picks a writer."""
    if fmt in ("docx", "pdf"):
        from drafter.writers.docx_writer import docx_bytes

        data = docx_bytes(doc, reference_docx=reference_docx)
        return pdf_documents([data])[0] if fmt == "pdf" else data
    return text_of_document(doc, fmt).encode("utf-8")


def made_as(fmt: str) -> str:
    """The format a document is made in before it is written: a PDF is made as .docx first."""
    return "docx" if fmt == "pdf" else fmt


def pdf_documents(documents: list[bytes]) -> list[bytes]:
    """Several .docx (bytes) printed to PDF in one LibreOffice run, in order."""
    from drafter.writers.pdf import pdf_of_docx

    return pdf_of_docx(documents)


def write_document(
    doc: Document, out: Path, fmt: str, *, reference_docx: Path | None = None, force: bool = True
) -> None:
    """Write the document model in one format (created exclusively unless `force`)."""
    write_atomic(out, document_bytes(doc, fmt, reference_docx=reference_docx), force=force)


def check_document_output(out: Path, *, force: bool, inputs: Iterable[Path | None]) -> None:
    """`fsutil.check_output`, and no document under an answers or outline file's name."""
    refuse_input_name(out)
    check_output(out, force=force, inputs=inputs)


def refuse_input_name(out: Path) -> None:
    """A document may not be written as x.answers.yaml or x.outline.yaml: it would pass for one."""
    if out.name.lower().endswith(INPUT_SUFFIXES):
        raise OutputError(
            f"{out}：这是答案或大纲文件的文件名，生成的文档不能用它。",
            hint="请用 -o 给出 .docx（或 .md、.txt）文件名。",
        )
