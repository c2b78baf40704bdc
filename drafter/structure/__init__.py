"""A report's tree recovered from its text: noise (ads, paywalls, page furniture) removed, broken
lines rejoined (wrapping), headings found with their markers (headings, hidden_headings), and the
title and what is set under it (title), the opening, sections with points and closing (structure) as a ParsedReport (report); the
`drafter outline` views of it (outline_view).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.structure.outline_view import run_outline
    from drafter.structure.report import ParsedReport, Point, Section
    from drafter.structure.structure import has_ordinal, parse_report
    from drafter.structure.title import is_organisation, signs_off, unbracketed

_EXPORTS = {
    "outline_view": ("run_outline",),
    "report": ("ParsedReport", "Point", "Section"),
    "structure": ("has_ordinal", "parse_report"),
    "title": ("is_organisation", "signs_off", "unbracketed"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "ParsedReport",
    "Point",
    "Section",
    "has_ordinal",
    "is_organisation",
    "parse_report",
    "run_outline",
    "signs_off",
    "unbracketed",
]
