"""Reports as offices have them (tests/structure/office_texts.py): heading precision, recall
and F1 over the whole set, no false heading in any trap, and each shape on its own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest

from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report
from tests.structure.office_texts import CASES, OfficeText

MIN_F1 = 0.95  # measured 1.000 (python -m tests.structure.test_office_texts prints the table)


@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def headings(report: ParsedReport) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in report.walk()]


def score(cases: tuple[OfficeText, ...]) -> Score:
    found = expected = right = 0
    for case in cases:
        got = Counter(headings(parse_report(case.text, f"{case.name}.txt")))
        want = Counter(case.headings)
        found, expected = found + sum(got.values()), expected + sum(want.values())
        right += sum((got & want).values())
    return Score(found, expected, right)


def test_heading_f1_over_the_set() -> None:
    result = score(CASES)
    summary = f"P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}"
    assert result.f1 >= MIN_F1, summary


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_text_gives_its_heading_tree(case: OfficeText) -> None:
    report = parse_report(case.text, f"{case.name}.txt")
    assert headings(report) == list(case.headings)
    if case.title is not None:
        assert report.title == case.title


@pytest.mark.parametrize("case", [c for c in CASES if c.shape == "trap"], ids=lambda case: case.name)
def test_traps_give_no_false_heading(case: OfficeText) -> None:
    got = Counter(headings(parse_report(case.text, f"{case.name}.txt")))
    assert not got - Counter(case.headings)


def main() -> None:
    """Print precision, recall and F1 per batch and per shape (the figures quoted in reports)."""
    groups: dict[str, tuple[OfficeText, ...]] = {"all": CASES}
    for batch in sorted({c.batch for c in CASES}):
        groups[f"batch {batch}"] = tuple(c for c in CASES if c.batch == batch)
    for shape in sorted({c.shape for c in CASES}):
        groups[shape] = tuple(c for c in CASES if c.shape == shape)
    for name, cases in groups.items():
        result = score(cases)
        print(
            f"{name:10} texts={len(cases):3} found={result.found:3} expected={result.expected:3} "
            f"P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}"
        )


if __name__ == "__main__":
    main()
