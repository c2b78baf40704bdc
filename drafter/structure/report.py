"""The tree recovered from one real report: what the parser produces and learning consumes.

`to_json()` is drafter's public `outline --json` format (see README); keep it stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Point:
    """One item of a 一是……二是…… enumeration inside a section's body."""

    ordinal: str  # as found: "一是"
    lead: str  # the lead clause, without ordinal and end punctuation: "灵活开展学习教育"
    text: str  # the whole point as written, ordinal included


@dataclass
class Section:
    """A heading with the body that follows it and its sub-sections."""

    level: int  # 1 = outermost, from the nesting this report uses
    marker: str  # as found: "一、", "（一）", "(一)", "1.", "1、", "（1）", "——"
    title: str  # the heading sentence without marker and end punctuation
    run_in: bool  # True when body text follows the heading on the same line
    body: list[str] = field(default_factory=list)  # paragraphs; for run-in, [0] is the rest of the line
    points: list[Point] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    line: int = 0  # 1-based line in the cleaned source

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "marker": self.marker,
            "title": self.title,
            "run_in": self.run_in,
            "body": list(self.body),
            "points": [{"ordinal": p.ordinal, "lead": p.lead, "text": p.text} for p in self.points],
            "children": [c.to_json() for c in self.children],
        }

    def walk(self) -> list[Section]:
        """This section and all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Noise:
    """A line dropped because it is not part of the report, with the rule that dropped it."""

    line: int
    text: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass
class ParsedReport:
    """One report's structure: title, opening, heading tree, closing, and what was dropped."""

    source: str
    title: str | None
    opening: list[str]
    sections: list[Section]
    closing: list[str] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)  # under the title: its date, a sign-off
    warnings: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # distinct placeholder tokens seen

    def walk(self) -> list[Section]:
        """Every section of the tree, depth first."""
        out: list[Section] = []
        for s in self.sections:
            out.extend(s.walk())
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "opening": "\n".join(self.opening),
            "sections": [s.to_json() for s in self.sections],
            "closing": "\n".join(self.closing),
            "noise": [n.to_json() for n in self.noise],
            "warnings": list(self.warnings),
            "placeholders": list(self.placeholders),
        }
