"""What drafter takes from real reports: outlines of a kind learned from several (learn), numeric
facts in prose (facts), one report turned into an answers file (importer: `drafter import`,
`new --from`), and branch reports gathered into their 机关党委's (branches, gather_parts, gather:
`drafter gather`).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.learning.facts import find_mentions
    from drafter.learning.gather import GatherResult, gather_reports
    from drafter.learning.importer import ImportResult, answers_from, import_report
    from drafter.learning.learn import run_learn

_EXPORTS = {
    "facts": ("find_mentions",),
    "gather": ("GatherResult", "gather_reports"),
    "importer": ("ImportResult", "answers_from", "import_report"),
    "learn": ("run_learn",),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "GatherResult",
    "ImportResult",
    "answers_from",
    "find_mentions",
    "gather_reports",
    "import_report",
    "run_learn",
]
