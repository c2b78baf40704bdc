"""The small pure document model — title, headings, paragraphs, signature, date, attachments with tables — that composing
and the sources produce and every writer, check and diff consumes (model).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.document.model import Annex, Block, Document, Heading, Paragraph, Table

_EXPORTS = {
    "model": ("Annex", "Block", "Document", "Heading", "Paragraph", "Table"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "Annex",
    "Block",
    "Document",
    "Heading",
    "Paragraph",
    "Table",
]
