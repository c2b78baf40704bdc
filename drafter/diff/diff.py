"""What changed between two reports: `drafter diff OLD NEW` (exit 0 when identical, 1 when not).

Both sides become the same document model first (`sources.document_of`): a report is parsed, an
answers file is composed exactly as `render` writes it — so a document and its own answers are
identical, and every difference shown is one a reader would see. Sections are then paired level
by level by heading similarity, so a renamed heading or a moved section is still one section.
For each pair the output shows a changed heading, changed counts ("集中学习：82 → 90") and the
sentences added, removed or changed, a changed sentence compactly with its edits marked in
place ("…开展集中学习[82→90]次…"). A count already shown is not shown again as a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafter.diff.align import align
from drafter.document import Document, Paragraph
from drafter.domain import apply_counts, stated_counts
from drafter.learning import find_mentions

# Headings this similar (difflib ratio) are the same section reworded.
MIN_HEADING_SIMILARITY = 0.5
# Sentences this similar are shown as one changed sentence rather than removed + added.
MIN_SENTENCE_SIMILARITY = 0.5
CONTEXT = 10  # unchanged characters kept on each side of an edit in a changed sentence
MAX_SHOWN = 80  # an added or removed sentence longer than this is cut with …
PATH_SEPARATOR = " › "
INDENT = "  "
NONE = "（无）"

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]*")


@dataclass
class TextDiff:
    """Sentence-level changes of one text: lines "新增句：…", "删除句：…", "改动句：…"."""

    lines: list[str] = field(default_factory=list)


@dataclass
class SectionDiff:
    """One section that differs: added, removed, or changed (heading, counts, sentences)."""

    status: str  # "新增栏目" | "删除栏目" | "修改"
    path: str  # headings from the top: "加强理论武装 › 抓实集中学习"
    heading: tuple[str, str] | None = None  # (old, new) when the heading changed
    numbers: list[str] = field(default_factory=list)  # "集中学习：82 → 90"
    text: TextDiff = field(default_factory=TextDiff)
    descendants: int = 0  # sub-sections that come and go with an added or removed section


@dataclass
class DocSection:
    """A section of a document as a reader meets it: heading, paragraphs, sub-sections."""

    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list[DocSection] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """The counts its text states, as `drafter import` would read them."""
        text = "\n".join(self.paragraphs)
        return stated_counts(self.paragraphs, [(m.key, m.value) for m in find_mentions(text)])


@dataclass
class DiffResult:
    """Every difference between two reports, in reading order."""

    old: str
    new: str
    basics: list[str] = field(default_factory=list)  # "标题：… → …"
    opening: TextDiff = field(default_factory=TextDiff)
    sections: list[SectionDiff] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.basics or self.opening.lines or self.sections)

    def to_text(self) -> str:
        """The readable Chinese report printed by `drafter diff`."""
        lines = [f"旧：{self.old}", f"新：{self.new}"]
        if not self.differs:
            lines.append("两份报告内容相同。")
            return "\n".join(lines)
        if self.basics:
            lines.append("基本信息：")
            lines.extend(INDENT + b for b in self.basics)
        if self.opening.lines:
            lines.append("开头：")
            lines.extend(INDENT + line for line in self.opening.lines)
        for s in self.sections:
            tail = f"（含下级栏目 {s.descendants} 个）" if s.descendants else ""
            lines.append(f"{s.status}：{s.path}{tail}")
            if s.heading:
                lines.append(f"{INDENT}标题：{s.heading[0]} → {s.heading[1]}")
            if s.numbers:
                lines.append(f"{INDENT}数字：{'；'.join(s.numbers)}")
            lines.extend(INDENT + line for line in s.text.lines)
        counts = {
            status: sum(s.status == status for s in self.sections)
            for status in ("新增栏目", "删除栏目", "修改")
        }
        lines.append(
            f"共计：新增栏目 {counts['新增栏目']} 个，删除栏目 {counts['删除栏目']} 个，"
            f"修改栏目 {counts['修改']} 个。"
        )
        return "\n".join(lines)


def diff_documents(old: Document, new: Document, old_name: str, new_name: str) -> DiffResult:
    """Compare two documents as a reader would (see the module docstring)."""
    result = DiffResult(old_name, new_name)
    for name, a, b in (
        ("标题", old.title, new.title),
        ("落款", "；".join(old.signature), "；".join(new.signature)),
        ("成文日期", old.date, new.date),
    ):
        if a.strip() != b.strip():
            result.basics.append(f"{name}：{a or NONE} → {b or NONE}")
    old_opening, old_sections = sections_of(old)
    new_opening, new_sections = sections_of(new)
    result.opening = text_diff(old_opening, new_opening)
    result.sections = _sections_diff(old_sections, new_sections, "")
    return result


def sections_of(doc: Document) -> tuple[list[str], list[DocSection]]:
    """The paragraphs before the first heading, and the heading tree with each body.

    Paragraphs after the last section's body (a closing) stay with that section: both sides of
    a comparison are laid out the same way, so they compare alike.
    """
    opening: list[str] = []
    top: list[DocSection] = []
    stack: list[DocSection] = []
    for block, heading, depth in doc.walk():
        if heading is not None:
            section = DocSection(heading.text, heading.level)
            del stack[depth:]
            (stack[-1].children if stack else top).append(section)
            stack.append(section)
        if isinstance(block, Paragraph):
            (stack[-1].paragraphs if stack else opening).append(block.text)
    return opening, top


# --- sections ------------------------------------------------------------------------------------
def _sections_diff(old: list[DocSection], new: list[DocSection], parent: str) -> list[SectionDiff]:
    """Pair sibling sections and describe every difference, recursively, in the new order."""
    pairs = pair_sections(old, new)
    by_new = {j: i for i, j in pairs.items()}
    out: list[SectionDiff] = []
    for j, section in enumerate(new):
        path = parent + PATH_SEPARATOR * bool(parent) + _heading(section)
        if j not in by_new:
            out.append(SectionDiff("新增栏目", path, descendants=_count(section.children)))
            continue
        out.extend(_section_diff(old[by_new[j]], section, path))
    for i, section in enumerate(old):
        if i not in pairs:
            path = parent + PATH_SEPARATOR * bool(parent) + _heading(section)
            out.append(SectionDiff("删除栏目", path, descendants=_count(section.children)))
    return out


def _section_diff(old: DocSection, new: DocSection, path: str) -> list[SectionDiff]:
    """The differences of one paired section (if any) followed by those of its children."""
    change = SectionDiff("修改", path)
    if _heading(old) != _heading(new):
        change.heading = (_heading(old), _heading(new))
    old_numbers, new_numbers = old.counts, new.counts
    change.numbers = _numbers_diff(old_numbers, new_numbers)
    # Counts already reported are applied to the old text, so they do not show again as sentences.
    old_text, _ = apply_counts(old.paragraphs, dict(new_numbers), lambda _key: "")
    change.text = text_diff(old_text, new.paragraphs)
    out = [change] if change.heading or change.numbers or change.text.lines else []
    return out + _sections_diff(old.children, new.children, path)


def pair_sections(old: list[DocSection], new: list[DocSection]) -> dict[int, int]:
    """old index → new index for sibling sections (see `pair_headings`)."""
    return pair_headings([(None, s.heading) for s in old], [(None, s.heading) for s in new])


def pair_headings(
    old: list[tuple[str | None, str]], new: list[tuple[str | None, str]]
) -> dict[int, int]:
    """old index → new index of (topic, heading) siblings: same topic first, then equal headings
    (both in order), then the most similar headings."""
    def same_topic(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
        return a[0] is not None and a[0] == b[0]

    def same_heading(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
        return a[1] == b[1]

    pairs: dict[int, int] = {}
    for same in (same_topic, same_heading):
        for j, section in enumerate(new):
            if j in pairs.values():
                continue
            match = next((i for i, s in enumerate(old) if i not in pairs and same(s, section)), None)
            if match is not None:
                pairs[match] = j
    taken = set(pairs.values())
    scored = sorted(
        (
            (SequenceMatcher(None, a[1], b[1]).ratio(), i, j)
            for i, a in enumerate(old)
            if i not in pairs
            for j, b in enumerate(new)
            if j not in taken
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for ratio, i, j in scored:
        if ratio >= MIN_HEADING_SIMILARITY and i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _heading(section: DocSection) -> str:
    return section.heading.strip()


def _count(children: list[DocSection]) -> int:
    return sum(1 + _count(c.children) for c in children)


def _numbers_diff(old: dict[str, int], new: dict[str, int]) -> list[str]:
    out = []
    for key in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(key), new.get(key)
        if a != b:
            out.append(f"{key}：{NONE if a is None else a} → {NONE if b is None else b}")
    return out


# --- sentences -----------------------------------------------------------------------------------
def sentences(paragraphs: list[str]) -> list[str]:
    """The sentences of some paragraphs, each with its end punctuation, spaces trimmed."""
    return [s.strip() for p in paragraphs for s in _SENTENCE.findall(p) if s.strip()]


def text_diff(old: list[str], new: list[str]) -> TextDiff:
    """Sentences removed, added and changed between two texts, in reading order."""
    a, b = sentences(old), sentences(new)
    lines = []
    for tag, i1, i2, j1, j2 in align(a, b):
        if tag == "equal":
            continue
        removed, added = a[i1:i2], b[j1:j2]
        while removed and added and _similar(removed[0], added[0]):
            lines.append(f"改动句：{marked(removed.pop(0), added.pop(0))}")
        lines.extend(f"删除句：{_cut(s)}" for s in removed)
        lines.extend(f"新增句：{_cut(s)}" for s in added)
    return TextDiff(lines)


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= MIN_SENTENCE_SIMILARITY


def marked(old: str, new: str) -> str:
    """A changed sentence with its edits in place: [旧→新], [-删去的], [+加上的]; long unchanged
    stretches are shortened to … around CONTEXT characters."""
    parts = []
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.append(_elide(old[i1:i2], first=k == 0, last=k == len(opcodes) - 1))
        elif tag == "replace":
            parts.append(f"[{old[i1:i2]}→{new[j1:j2]}]")
        elif tag == "delete":
            parts.append(f"[-{old[i1:i2]}]")
        else:
            parts.append(f"[+{new[j1:j2]}]")
    return "".join(parts)


def _elide(text: str, *, first: bool, last: bool) -> str:
    """Unchanged text between edits: CONTEXT characters next to each edit, … for the rest."""
    keep_left = 0 if first else CONTEXT
    keep_right = 0 if last else CONTEXT
    if len(text) <= keep_left + keep_right + 1:
        return text
    return text[:keep_left] + "…" + (text[len(text) - keep_right :] if keep_right else "")


def _cut(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SHOWN else sentence[:MAX_SHOWN] + "…"
