"""`drafter new`: the questionnaire. Questions are data (question); one module talks to questionary
(prompts), reached through the prompting helpers both askers share (asker); the interview asks
what is missing and saves after each answer (interview, session), part by part (parts,
part_questions, offers), from last period when asked (carry), then the review screen (review)
and the writing (wizard).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.wizard.wizard import run_wizard

_EXPORTS = {
    "wizard": ("run_wizard",),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "run_wizard",
]
