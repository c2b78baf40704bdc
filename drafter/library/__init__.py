"""What drafter knows before it asks: the outlines of each report kind (outline, on the schemas of
schemas; the office's own kinds learned from its reports, in the user's data folder: own), the knowledge under the questions — organisations, the count catalogue, phrase banks
(knowledge, loaded by knowledge_files; the choice among an item's wordings, variants) — and the rules that clean a learned point (points), with the rules of written Chinese that 核稿 holds every text to (sayable).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.library.knowledge import (
        NEXT_STEPS,
        PROBLEMS,
        CountEntry,
        Knowledge,
        Measure,
        phrase_counts,
    )
    from drafter.library.outline import (
        LEARNED_HEADER,
        OTHER,
        OTHER_NAME,
        Fact,
        Library,
        Outline,
        OutlineSection,
        OwnKind,
        Sourced,
        load_library,
        load_outline,
        load_own,
    )
    from drafter.library.own import Broken, check_name, own_path, own_root
    from drafter.library.points import (
        MAX_OWN_SENTENCE,
        MAX_POINT,
        beyond_organisation,
        check_point,
        chinese_only,
        clean_detail,
        clean_opening,
        clean_point,
        clean_prose,
        join_details,
        odd_coinage,
        says_new,
        similar,
        without_tally,
    )
    from drafter.library.sayable import (
        CLOSERS,
        MISUSES,
        PAIRS,
        clauses,
        first_unpaired,
        loose_pattern,
        mend_de,
        misused_de,
        placeholders,
        sentences,
        split_after,
    )
    from drafter.library.schemas import AUTHORED_SCHEMAS, default_outlines_dir
    from drafter.library.seams import (
        ANY_TOPIC,
        LevelTerm,
        Seams,
        fitting,
        load_seams,
        misfits,
    )
    from drafter.library.variants import choose_wording, phrases, ranked

_EXPORTS = {
    "knowledge": ("CountEntry", "Knowledge", "Measure", "NEXT_STEPS", "PROBLEMS", "phrase_counts"),
    "outline": ("Fact", "LEARNED_HEADER", "Library", "OTHER", "OTHER_NAME", "Outline", "OutlineSection", "OwnKind", "Sourced", "load_library", "load_outline", "load_own"),
    "own": ("Broken", "check_name", "own_path", "own_root"),
    "points": ("MAX_OWN_SENTENCE", "MAX_POINT", "beyond_organisation", "check_point", "clean_detail", "clean_opening", "clean_point", "clean_prose", "join_details", "odd_coinage", "says_new", "similar", "chinese_only", "without_tally"),
    "sayable": ("CLOSERS", "MISUSES", "PAIRS", "clauses", "first_unpaired", "loose_pattern", "mend_de", "misused_de", "placeholders", "sentences", "split_after"),
    "schemas": ("AUTHORED_SCHEMAS", "default_outlines_dir"),
    "seams": ("ANY_TOPIC", "LevelTerm", "Seams", "fitting", "load_seams", "misfits"),
    "variants": ("choose_wording", "phrases", "ranked"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "CLOSERS",
    "MAX_OWN_SENTENCE",
    "MAX_POINT",
    "MISUSES",
    "PAIRS",
    "clauses",
    "fitting",
    "first_unpaired",
    "mend_de",
    "misused_de",
    "placeholders",
    "split_after",
    "ANY_TOPIC",
    "AUTHORED_SCHEMAS",
    "Broken",
    "CountEntry",
    "Fact",
    "Knowledge",
    "LEARNED_HEADER",
    "Library",
    "Measure",
    "NEXT_STEPS",
    "OTHER",
    "OTHER_NAME",
    "Outline",
    "OutlineSection",
    "OwnKind",
    "PROBLEMS",
    "LevelTerm",
    "Seams",
    "Sourced",
    "beyond_organisation",
    "check_name",
    "check_point",
    "choose_wording",
    "clean_detail",
    "clean_opening",
    "clean_prose",
    "join_details",
    "clean_point",
    "odd_coinage",
    "says_new",
    "sentences",
    "similar",
    "chinese_only",
    "without_tally",
    "default_outlines_dir",
    "load_library",
    "load_outline",
    "load_own",
    "load_seams",
    "misfits",
    "loose_pattern",
    "own_path",
    "own_root",
    "phrase_counts",
    "phrases",
    "ranked",
]
