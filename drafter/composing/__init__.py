"""Answers to the document: the wording of each part (wording), the title, opening, parts and closing
(composer), a gathered report's figures table (figures), the wording templates rendered plainly or by a bounded Jinja (templating,
plain_templates, jinja_templates, template_limits), and any source on the command line — a
report or an answers file — as the document its reader sees (sources).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.composing.composer import (
        base_context,
        clean_heading,
        compose,
        fixed_texts,
        kind_run_in_levels,
        kind_text,
        templates,
    )
    from drafter.composing.figures import MISSING, figures_annex, figures_table, table_columns
    from drafter.composing.jinja_templates import question_environment
    from drafter.composing.sources import (
        composed_answers,
        document_of,
        is_answers_file,
        split_signature,
    )
    from drafter.composing.wording import learned_proofs, proven_by, says_something

_EXPORTS = {
    "composer": ("base_context", "clean_heading", "compose", "fixed_texts", "kind_run_in_levels", "kind_text", "templates"),
    "figures": ("MISSING", "figures_annex", "figures_table", "table_columns"),
    "jinja_templates": ("question_environment",),
    "sources": ("composed_answers", "document_of", "is_answers_file", "split_signature"),
    "wording": ("learned_proofs", "proven_by", "says_something"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "MISSING",
    "base_context",
    "clean_heading",
    "compose",
    "composed_answers",
    "document_of",
    "figures_annex",
    "figures_table",
    "fixed_texts",
    "is_answers_file",
    "kind_run_in_levels",
    "kind_text",
    "learned_proofs",
    "proven_by",
    "question_environment",
    "says_something",
    "split_signature",
    "table_columns",
    "templates",
]
