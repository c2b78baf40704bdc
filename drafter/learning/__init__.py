"""What drafter takes from real reports: outlines of a kind learned from several (learn), an own
kind learned from one office's reports into its own library (own), numeric facts in prose
(facts), one report turned into an answers file (importer: `drafter import`, `new --from`), and
branch reports gathered into their 机关党委's (branches, gather_parts, gather: `drafter gather`).

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
    from drafter.learning.own import counted, own_yaml, run_learn_own, tree_lines

_EXPORTS = {
    "facts": ("find_mentions",),
    "gather": ("GatherResult", "gather_reports"),
    "importer": ("ImportResult", "answers_from", "import_report"),
    "learn": ("run_learn",),
    "own": ("counted", "own_yaml", "run_learn_own", "tree_lines"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "GatherResult",
    "ImportResult",
    "answers_from",
    "counted",
    "find_mentions",
    "gather_reports",
    "import_report",
    "own_yaml",
    "run_learn",
    "run_learn_own",
    "tree_lines",
]
