"""核稿: the seams a reader notices in a draft, found before the reader does — about time (period),
structure, repetition and counts (rules), and wording (words) — over a document seen as places
(findings), run and reported by check, for a folder of files at once by batch.

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.checking.batch import (
        MAX_BYTES,
        MAX_FILES,
        FileCheck,
        batch_json,
        check_one,
        checkable,
        exit_code,
        format_batch,
    )
    from drafter.checking.check import (
        Finding,
        check_document,
        context_of_answers,
        format_findings,
        run_check,
    )

_EXPORTS = {
    "batch": ("MAX_BYTES", "MAX_FILES", "FileCheck", "batch_json", "check_one", "checkable", "exit_code", "format_batch"),
    "check": ("Finding", "check_document", "context_of_answers", "format_findings", "run_check"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "MAX_BYTES",
    "MAX_FILES",
    "FileCheck",
    "Finding",
    "batch_json",
    "check_one",
    "check_document",
    "checkable",
    "context_of_answers",
    "exit_code",
    "format_batch",
    "format_findings",
    "run_check",
]
