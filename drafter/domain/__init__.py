"""The rules of the report's own vocabulary, each in one home, with no files and no I/O: Chinese
numerals (chinese_numerals), heading labels 一、（一）1. and 一是 (numbering), dates as 公文 prints
them (dates), report periods and their words (periods), counts found, updated and phrased in text
(counts), the file names drafter derives (naming), and the units a report names: the office
itself, its superiors, other units (units).

The names other packages use are exported here and imported from their module on first use
(drafter.lazy_exports), so importing the package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_exports

if TYPE_CHECKING:
    from drafter.domain.chinese_numerals import (
        NUMERAL_CHARS,
        parse_chinese,
        to_chinese_counting,
        to_chinese_digits,
    )
    from drafter.domain.counts import (
        MEASURE_WORD,
        MEASURE_WORDS,
        Count,
        apply_counts,
        has_figure,
        has_verb,
        is_count,
        max_for,
        phrase_counts,
        stated_counts,
    )
    from drafter.domain.dates import format_date, parse_date
    from drafter.domain.naming import (
        DEFAULT_OUTPUT,
        answers_beside,
        imported_answers,
        output_in,
        own_outline_beside,
    )
    from drafter.domain.numbering import from_chinese, heading_label, point_ordinal
    from drafter.domain.periods import (
        PERIODS,
        WHOLE_YEAR,
        YEAR_IN_TEXT,
        Period,
        dated_phrases,
        report_year,
        shift_years,
        stated_period,
    )
    from drafter.domain.units import (
        Office,
        UnitMention,
        bare_name,
        organisation_of,
        title_unit,
        unit_mentions,
    )

_EXPORTS = {
    "chinese_numerals": ("NUMERAL_CHARS", "parse_chinese", "to_chinese_counting", "to_chinese_digits"),
    "counts": (
        "MEASURE_WORD", "MEASURE_WORDS", "Count", "apply_counts", "has_figure", "has_verb", "is_count",
        "max_for", "phrase_counts", "stated_counts",
    ),
    "dates": ("format_date", "parse_date"),
    "naming": ("DEFAULT_OUTPUT", "answers_beside", "imported_answers", "output_in", "own_outline_beside"),
    "numbering": ("from_chinese", "heading_label", "point_ordinal"),
    "units": ("Office", "UnitMention", "bare_name", "organisation_of", "title_unit", "unit_mentions"),
    "periods": ("PERIODS", "Period", "WHOLE_YEAR", "YEAR_IN_TEXT", "dated_phrases", "report_year", "shift_years", "stated_period"),
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "Count",
    "DEFAULT_OUTPUT",
    "MEASURE_WORD",
    "MEASURE_WORDS",
    "NUMERAL_CHARS",
    "Office",
    "PERIODS",
    "Period",
    "UnitMention",
    "WHOLE_YEAR",
    "YEAR_IN_TEXT",
    "answers_beside",
    "apply_counts",
    "bare_name",
    "dated_phrases",
    "format_date",
    "from_chinese",
    "has_figure",
    "has_verb",
    "heading_label",
    "imported_answers",
    "is_count",
    "max_for",
    "organisation_of",
    "output_in",
    "own_outline_beside",
    "parse_chinese",
    "parse_date",
    "phrase_counts",
    "point_ordinal",
    "report_year",
    "shift_years",
    "stated_counts",
    "stated_period",
    "title_unit",
    "to_chinese_counting",
    "to_chinese_digits",
    "unit_mentions",
]
