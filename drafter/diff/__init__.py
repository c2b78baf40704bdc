"""What changed between two reports, part by part and sentence by sentence (diff), on a near-linear
sentence alignment (align).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.diff.diff import DiffResult, diff_documents, pair_headings

_EXPORTS = {
    "diff": ("DiffResult", "diff_documents", "pair_headings"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "DiffResult",
    "diff_documents",
    "pair_headings",
]
