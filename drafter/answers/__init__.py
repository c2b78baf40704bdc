"""One report's answers: the typed model (model) and answers files parsed and validated once into it,
checked for completeness and written back readably (answers).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.answers.answers import (
        BUILT_IN_BASICS,
        answers_mapping,
        answers_text,
        basic_value,
        missing_required,
        paragraphs_of,
        parse_answers,
        read_answers,
        require_complete,
        section_topic,
        text_of,
        write_answers,
    )
    from drafter.answers.model import (
        SCHEMA_VERSION,
        Answers,
        BranchFigures,
        Gathered,
        Measure,
        SectionAnswer,
        SkippedReport,
    )

_EXPORTS = {
    "answers": ("BUILT_IN_BASICS", "answers_mapping", "answers_text", "basic_value", "missing_required", "paragraphs_of", "parse_answers", "read_answers", "require_complete", "section_topic", "text_of", "write_answers"),
    "model": ("Answers", "BranchFigures", "Gathered", "SkippedReport", "Measure", "SCHEMA_VERSION", "SectionAnswer"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "Answers",
    "BUILT_IN_BASICS",
    "BranchFigures",
    "Gathered",
    "SkippedReport",
    "Measure",
    "SCHEMA_VERSION",
    "SectionAnswer",
    "answers_mapping",
    "answers_text",
    "basic_value",
    "missing_required",
    "paragraphs_of",
    "parse_answers",
    "read_answers",
    "require_complete",
    "section_topic",
    "text_of",
    "write_answers",
]
