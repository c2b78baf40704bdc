"""A report file as normalised text, whatever its format or encoding: .txt/.md in any encoding the
reader takes, .docx read as Word shows it (docx_reader, word_numbering, word_styles), the .docx
package opened safely (docx_package), and the text's layout facts (reader).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.reading.docx_package import (
        check_docx_package,
        open_package,
        parse_part,
        read_xml_part,
    )
    from drafter.reading.reader import Layout, SourceText, find_placeholders, normalise, read_report

_EXPORTS = {
    "docx_package": ("check_docx_package", "open_package", "parse_part", "read_xml_part"),
    "reader": ("Layout", "SourceText", "find_placeholders", "normalise", "read_report"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "Layout",
    "SourceText",
    "check_docx_package",
    "find_placeholders",
    "normalise",
    "open_package",
    "parse_part",
    "read_report",
    "read_xml_part",
]
