"""The figures table of a gathered report (`drafter gather`): one row per branch, one column per
count any branch gives, a totals row — the 附件 `render --table` appends and `gather --csv` writes.

A figure a branch does not give is shown as MISSING, never as 0, and the totals add up only the
figures given (the note under the table says so). A branch with no figures at all has no row:
`drafter check` names it (drafter.checking.gathered).
"""

from __future__ import annotations

from drafter.answers import Answers, Gathered
from drafter.document import Annex, Table
from drafter.domain import WHOLE_YEAR, Period
from drafter.library import CountEntry, Knowledge, Library

MISSING = "—"
FIRST_HEADER = "党支部"
TOTALS = "合计"


def table_columns(gathered: Gathered, knowledge: Knowledge) -> list[CountEntry]:
    """The counts any branch gives, in the catalogue's order (topic by topic)."""
    given = {e.id for b in gathered.branches for k in b.counts if (e := knowledge.match_count(k))}
    return [entry for entry in knowledge.counts if entry.id in given]


def figures_table(gathered: Gathered, knowledge: Knowledge, *, missing: str = MISSING) -> Table:
    """Branch × count with a totals row; each header cell is the count's name and unit."""
    columns = table_columns(gathered, knowledge)
    header = (FIRST_HEADER, *(f"{e.name}\n（{e.unit}）" for e in columns))
    rows: list[tuple[str, ...]] = []
    totals = [0] * len(columns)
    for branch in gathered.branches:
        figures = _by_id(branch.counts, knowledge)
        if not figures:
            continue
        cells = [branch.name]
        for n, entry in enumerate(columns):
            value = figures.get(entry.id)
            cells.append(missing if value is None else str(value))
            totals[n] += value or 0
        rows.append(tuple(cells))
    return Table(header, tuple(rows), (TOTALS, *(str(t) for t in totals)) if rows else ())


def _by_id(counts: dict[str, int], knowledge: Knowledge) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in counts.items():
        entry = knowledge.match_count(key)
        if entry is not None:
            out.setdefault(entry.id, value)
    return out


def figures_annex(answers: Answers, library: Library) -> Annex | None:
    """The 附件 of a gathered report: its figures table titled by the period, with a note on
    figures not given and reports left out; None for answers that gathered nothing."""
    gathered = answers.gathered
    if gathered is None:
        return None
    knowledge = library.knowledge
    table = figures_table(gathered, knowledge)
    period = Period(answers.year or 0, answers.period or WHOLE_YEAR)
    title = f"{period.name if answers.year else ''}各党支部党建工作主要数据统计表"
    notes = []
    if any(MISSING in row for row in table.rows):
        notes.append(f"“{MISSING}”表示该支部报告中未写明此项，合计只计写明的支部")
    notes += [f"{x.source}未能汇总（{x.reason.rstrip('。')}），不在本表中" for x in gathered.left_out]
    note = f"注：{'；'.join(notes)}。" if notes else ""
    return Annex(title, (table,), note)
