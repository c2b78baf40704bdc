"""The document to a file: .docx laid out as a 公文 (docx_writer on the fixed parts of docx_layout,
a unit's own styles by docx_reference, titles broken by title_lines), Markdown and text
(text_writer), PDF through LibreOffice (pdf), a table as CSV (table_csv), and the one place that
picks the writer and writes (render).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.writers.render import (
        check_document_output,
        document_bytes,
        format_of,
        made_as,
        pdf_documents,
        refuse_input_name,
        text_of_document,
        write_document,
    )
    from drafter.writers.table_csv import csv_bytes
    from drafter.writers.text_writer import to_text

_EXPORTS = {
    "render": (
        "check_document_output", "document_bytes", "format_of", "made_as", "pdf_documents",
        "refuse_input_name", "text_of_document", "write_document",
    ),
    "table_csv": ("csv_bytes",),
    "text_writer": ("to_text",),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "check_document_output",
    "csv_bytes",
    "document_bytes",
    "format_of",
    "made_as",
    "pdf_documents",
    "refuse_input_name",
    "text_of_document",
    "to_text",
    "write_document",
]
