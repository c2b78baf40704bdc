"""What `drafter check` (核稿) works on: findings, the check context, and a document seen as places.

The rules (`check_words`, `check_rules`) never walk a `Document` themselves: `build_view` turns it
once into `Spot`s — the title, every heading line, every paragraph, the signature — each knowing
where it is (its heading path and paragraph number), and `SectionView`s for the heading tree.
A rule reads the view and returns `Finding`s; the place a finding names comes from its spot.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from drafter.document import Document, Heading, Paragraph

TITLE = "标题"
OPENING = "开头"
SIGNATURE = "落款"
QUOTE_CONTEXT = 10  # characters kept on each side of the offending text in a finding's quote
CJK_RANGE = "\u3400-\u9fff"

_FORWARD_HEADING = re.compile(
    r"下一步|下阶段|下一阶段|今后|打算|思路|计划|展望|方向|工作重点|重点工作|明年|新的一年|下半年"
    r"|要点|安排"
)


@dataclass(frozen=True)
class CheckedTotal:
    """A total a gathered report states, with the branches' figures it should sum."""

    heading: str  # the part that answers it (heading without label)
    name: str  # the catalogue count's name: 召开支委会
    object: str  # how a text names it after its verb: 支委会
    unit: str
    value: int
    sources: tuple[tuple[str, int], ...]  # (branch, figure), in the branches' order


@dataclass(frozen=True)
class GatheredFigures:
    """What a gathered report (`drafter gather`) is held to: its branches (names and units),
    the totals it states with their sources, the branches with no figures (no row in the
    table) and the reports left out (source, reason)."""

    branches: tuple[str, ...]
    units: tuple[str, ...]
    totals: tuple[CheckedTotal, ...]
    without_figures: tuple[str, ...] = ()
    left_out: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """What is known about the report besides its text.

    `numbers` maps a section's heading text (without label) to the counts answered for it, so
    the text can be compared with the answers. Year, period and unit are inferred from the title,
    opening and signature when not given, the organisation from the unit, signature or title
    (see `check.resolve_context`).
    """

    year: int | None = None
    period: str | None = None  # 全年, 上半年, 下半年, 第一季度 …
    unit: str = ""
    kind: str = ""  # the kind id (annual, half_year, duty_report, measures) when known
    organisation: str = ""  # organisations.yaml id (branch, general_branch …); "" when unknown
    numbers: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    gathered: GatheredFigures | None = None  # a gathered report's sources (drafter gather)
    # The names the office's own reports give it, when the library has an own kind of this
    # unit (drafter.library.own): other units named in the report are then pointed out.
    office: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One place to check: which rule, where, the text in question, what is wrong and the fix.

    `path` is ("标题",), ("开头",), ("落款",) or the heading lines from the top down to the
    section; `paragraph` counts the paragraphs under that heading from 1, 0 being the heading
    (or title) line itself.
    """

    rule: str
    path: tuple[str, ...]
    paragraph: int
    quote: str
    message: str
    fix: str
    order: int = field(default=0, compare=False)  # position in the document, for sorting


@dataclass(eq=False)
class Spot:
    """One checked line: the title, a heading (without label), a paragraph or a signature line."""

    order: int
    path: tuple[str, ...]
    paragraph: int
    text: str
    section: SectionView | None = None  # the section it belongs to; None before the first heading
    is_heading: bool = False

    def finding(self, rule: str, start: int, end: int, message: str, fix: str) -> Finding:
        """A finding about `text[start:end]` of this spot, quoted with some context."""
        quote = excerpt(self.text, start, end)
        return Finding(rule, self.path, self.paragraph, quote, message, fix, self.order)


@dataclass(eq=False)
class SectionView:
    """A heading with its own paragraphs and its sub-sections."""

    heading: Heading
    line: Spot  # the heading line (text without label)
    run_in: bool
    parent: SectionView | None
    paragraphs: list[Spot] = field(default_factory=list)
    children: list[SectionView] = field(default_factory=list)

    @property
    def forward(self) -> bool:
        """Whether this section or one above it is about what comes next (下一步, 打算…)."""
        section: SectionView | None = self
        while section is not None:
            if _FORWARD_HEADING.search(section.heading.text):
                return True
            section = section.parent
        return False


@dataclass
class View:
    """A document as the rules see it."""

    title: Spot | None
    opening: list[Spot]
    sections: list[SectionView]  # every section, in document order
    signature: list[Spot]

    @property
    def top(self) -> list[SectionView]:
        return [s for s in self.sections if s.parent is None]

    def body_groups(self) -> list[list[Spot]]:
        """The opening and each section's own paragraphs: the runs of text between headings."""
        groups = [self.opening] if self.opening else []
        return groups + [s.paragraphs for s in self.sections if s.paragraphs]

    def paragraphs(self) -> list[Spot]:
        """Every body paragraph in document order."""
        return sorted((p for group in self.body_groups() for p in group), key=lambda s: s.order)

    def texts(self) -> list[Spot]:
        """Every spot with text: title, headings, paragraphs and signature, in document order."""
        spots = [self.title] if self.title else []
        spots += self.paragraphs() + [s.line for s in self.sections] + self.signature
        return sorted(spots, key=lambda s: s.order)


def build_view(doc: Document) -> View:
    """Walk the document once: number paragraphs per heading, nest headings by level."""
    counter = _Counter()
    title = Spot(counter.next(), (TITLE,), 0, doc.title) if doc.title.strip() else None
    opening: list[Spot] = []
    sections: list[SectionView] = []
    stack: list[SectionView] = []
    for block, heading, depth in doc.walk():
        if heading is not None:
            del stack[depth:]
            parent = stack[-1] if stack else None
            path = (parent.line.path if parent else ()) + (heading.line,)
            line = Spot(counter.next(), path, 0, heading.text, is_heading=True)
            section = SectionView(heading, line, isinstance(block, Paragraph), parent)
            line.section = section
            if parent:
                parent.children.append(section)
            sections.append(section)
            stack.append(section)
        if isinstance(block, Paragraph):
            owner = stack[-1] if stack else None
            group = owner.paragraphs if owner else opening
            path = owner.line.path if owner else (OPENING,)
            group.append(Spot(counter.next(), path, len(group) + 1, block.text, owner))
    lines = [*doc.signature, doc.date] if doc.date else list(doc.signature)
    signature = [
        Spot(counter.next(), (SIGNATURE,), n, text) for n, text in enumerate(lines, start=1) if text
    ]
    return View(title, opening, sections, signature)


class _Counter:
    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


def excerpt(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> str:
    """`text[start:end]` with up to `context` characters each side, … where cut."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def is_cjk(ch: str) -> bool:
    """A Chinese character (CJK unified ideographs and extension A)."""
    return "\u3400" <= ch <= "\u9fff"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where “…” and 《…》 stand in `text`: names and titles, quoted as they are."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], index: int) -> bool:
    return any(lo <= index < hi for lo, hi in spans)


_QUOTED = re.compile(r"“[^”]*”|《[^》]*》")
