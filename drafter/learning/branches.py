"""One branch report as `drafter gather` sees it: its unit, period, parts by topic with their
measures, and its figures — read through the very path `drafter import` takes.

Any input — a .docx/.txt/.md report (imported as `drafter import` imports it) or an answers file
— becomes answers, is composed into the document a reader sees, and that document is parsed and
its parts classified by topic (`learn.classify_sections`), so a report written in Word and a
wizard's answers are read alike. A part is a top-level section, or the sections under a heading
that only groups them (一、主要工作 › （一）政治建设 …).

Figures are the count catalogue's (`Knowledge.match_count`: synonyms merged, units agreeing,
万元 read as 元): an answers file's own `numbers` first, then what the text states. Not taken:
rates (每季度召开党员大会1次), parts of a figure already given (其中……), and plans (存在问题,
下一步 and the closing). Several figures of one count in one sentence are added (书记讲党课1次、
支委讲党课2次); the same count given differently in two sentences keeps the larger, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.answers import Answers, paragraphs_of, read_answers, section_topic
from drafter.composing import compose, is_answers_file, kind_text, says_something
from drafter.document import Document, Heading, Paragraph
from drafter.learning.facts import find_mentions
from drafter.learning.importer import import_report
from drafter.learning.learn import TopicNode, classify_sections, detect_kind
from drafter.library import NEXT_STEPS, OTHER, PROBLEMS, CountEntry, Library
from drafter.structure import Section, parse_report

CLOSING_TOPICS = (PROBLEMS, NEXT_STEPS)
# A rate, not a tally: 每季度召开党员大会1次, 每名党员每年撰写心得体会2篇.
_RATE = re.compile(r"每(?:周|月|季度?|半年|年|天|日|次|人|名|位|个)")
_PART_OF = re.compile(r"其中|包括|含")
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")
_CLAUSE_END = "，、；。：！？"
# Who a branch report's clauses open with: 支部…, 我支部…, 本支部…, 党支部….
OWNER = re.compile(r"^(?:我们|我|本)?(?:党)?支部(?:委员会)?")
_LEAD_PUNCT = "。，；：、 　"
# A paragraph that looks ahead (a closing run into the last part): no measure of this period.
_LOOKS_AHEAD = re.compile(r"^(?:(?:19|20)\d{2}年|新的一年|下一步|今后|展望|下阶段|下一阶段)")


@dataclass
class Item:
    """A measure of a part as the report says it: its lead clause and what follows it."""

    item: str
    detail: str


@dataclass
class Part:
    """A part of a branch report: its topic (topics.yaml id, or OTHER), heading and measures."""

    topic: str
    heading: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Figure:
    """A branch's figure of one count, in the catalogue's unit; `approximate` for 60余人次."""

    value: int
    approximate: bool = False


@dataclass
class Branch:
    """One branch report read for gathering."""

    source: Path
    unit: str
    year: int | None
    period: str | None
    kind: str  # the outline id its kind has (annual, half_year …)
    parts: list[Part]
    figures: dict[str, Figure]  # by count id
    notes: list[str] = field(default_factory=list)  # Chinese: what was guessed or doubtful
    name: str = ""  # as the gathered report names it (第一党支部); set once all are read


def read_branch(path: Path, library: Library) -> Branch:
    """A branch report or answers file, read (UserError when it cannot be)."""
    own_file = is_answers_file(path)
    answers = read_answers(path, library) if own_file else import_report(path, library).answers
    report = parse_report(_lines(compose(answers, library), _closing(answers, library)), path.name)
    tree = classify_sections(report.sections, library.topics, path.name)
    _own_topics(tree, answers)
    parts: list[Part] = []
    texts = list(report.opening)
    for node in parts_of(tree):
        topic = node.topic
        parts.append(Part(topic, node.section.title, items_of(node.section)))
        if topic not in CLOSING_TOPICS:
            texts += all_paragraphs(node.section)
    figures, notes = figures_in(texts, library)
    for key, value in (_own_numbers(answers) if own_file else {}).items():
        entry = library.knowledge.match_count(key)
        if entry is not None and value:
            figures[entry.id] = Figure(value)  # an answers file's own figure wins over its text
    kind = answers.outline.id if answers.outline.id in library.outlines else detect_kind(report, library.kinds)["id"]
    return Branch(path, _unit_of(answers), answers.year, answers.period, kind, parts, figures, notes)


def _closing(answers: Answers, library: Library) -> list[str]:
    """The closing paragraphs the document ends with (the answers', else the kind's)."""
    if answers.closing is not None:
        return answers.closing
    return paragraphs_of(kind_text(answers, library, "closing"))


def _lines(doc: Document, closing: list[str]) -> str:
    """The document as the lines a reader sees (title, headings, paragraphs, signature), for
    the parser — without its closing, which is no part's and no measure."""
    lines = [doc.title] if doc.title else []
    blocks = list(doc.blocks)
    for paragraph in reversed(closing):
        last = blocks[-1] if blocks else None
        if isinstance(last, Paragraph) and last.run_in is None and last.text == paragraph:
            blocks.pop()
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(block.line)
        else:
            lines.append((block.run_in.sentence if block.run_in is not None else "") + block.text)
    return "\n".join([*lines, *doc.signature, *([doc.date] if doc.date else [])])


def _own_topics(tree: list[TopicNode], answers: Answers) -> None:
    """An answers file's own topics for its parts, where its parts and the parsed ones pair up."""
    said = [s for s in answers.sections or [] if says_something(s)]
    if len(said) != len(tree):
        return
    for node, section in zip(tree, said, strict=True):
        if section.topic:
            node.topic = section_topic(section.topic)


def _own_numbers(answers: Answers) -> dict[str, int]:
    """The counts an answers file itself gives (an imported report's are only what its text
    states, read from the text with the rules above instead)."""
    out: dict[str, int] = {}
    for section in answers.walk():
        if section_topic(section.topic or "") in CLOSING_TOPICS:
            continue
        for key, value in (section.counts or {}).items():
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                out.setdefault(key, value)
    return out


def _unit_of(answers: Answers) -> str:
    """The unit as the report names it: its unit answer, else its signature's first line."""
    if answers.unit:
        return answers.unit.strip()
    return next((line.strip() for line in answers.signature or [] if line.strip()), "")


def parts_of(nodes: list[TopicNode]) -> list[TopicNode]:
    """The parts of a report: its top-level sections, except one whose sub-sections are of two
    or more topics (or it has none of its own) — it only groups them, they are the parts."""
    out: list[TopicNode] = []
    for node in nodes:
        topics = {c.topic for c in node.children if c.topic != OTHER}
        if node.children and (len(topics) >= 2 or (node.topic == OTHER and topics)):
            out += parts_of(node.children)
        else:
            out.append(node)
    return out


def items_of(section: Section, *, own_text: bool = True) -> list[Item]:
    """The measures of a part: its 一是…… points, its other paragraphs (first clause, and the
    rest), its sub-sections (a sub-section without points is one measure: its heading and its
    text); lead-in sentences (……如下：) are none. Leading owners (支部, 我支部) are dropped."""
    items: list[Item] = []
    for point in section.points:
        body = point.text[len(point.ordinal):]
        rest = body[len(point.lead):] if body.startswith(point.lead) else body
        items.append(Item(point.lead, _detail(rest)))
    for paragraph in section.body if own_text else []:
        text = paragraph.strip()
        if not text or text.endswith(("：", ":")) or _LOOKS_AHEAD.match(text) or any(p.text in text for p in section.points):
            continue
        first = text.split("。")[0]
        lead, _, rest = text.partition("，") if "，" in first else text.partition("。")
        items.append(Item(lead, _detail(rest)))
    for child in section.children:
        if not child.points:
            items.append(Item(child.title, _detail("".join(p.strip() for p in child.body))))
        items += items_of(child, own_text=bool(child.points))
    cleaned = [Item(OWNER.sub("", i.item.strip()).strip(_LEAD_PUNCT), i.detail) for i in items]
    return [i for i in cleaned if i.item]


def _detail(text: str) -> str:
    return OWNER.sub("", text.strip(_LEAD_PUNCT)).strip(_LEAD_PUNCT).rstrip("。；;，,")


def all_paragraphs(section: Section) -> list[str]:
    """Every paragraph of a section and its sub-sections, in order."""
    out = list(section.body)
    for child in section.children:
        out += all_paragraphs(child)
    return out


# --- figures -------------------------------------------------------------------------------------
@dataclass
class _Seen:
    value: float
    approximate: bool
    sentence: int


def figures_in(texts: list[str], library: Library) -> tuple[dict[str, Figure], list[str]]:
    """The catalogue counts stated in these texts (see the module docstring), and notes."""
    knowledge = library.knowledge
    by_entry: dict[str, list[_Seen]] = {}
    entries: dict[str, CountEntry] = {}
    sentence_no = 0
    for text in texts:
        for sentence in _SENTENCE.findall(text):
            if not sentence.strip():
                continue
            sentence_no += 1
            for mention in find_mentions(sentence):
                entry = knowledge.match_count(mention.key, mention.unit)
                if entry is None or _not_a_tally(sentence, mention.start):
                    continue
                value = mention.value * (10_000 if mention.unit == "万元" and entry.unit == "元" else 1)
                if entry.unit != "元" and not float(value).is_integer():
                    continue
                entries[entry.id] = entry
                by_entry.setdefault(entry.id, []).append(_Seen(value, bool(mention.qualifier), sentence_no))
    figures: dict[str, Figure] = {}
    notes: list[str] = []
    for entry_id, seen in by_entry.items():
        per_sentence: dict[int, _Seen] = {}
        for s in seen:
            if s.sentence in per_sentence:  # 书记讲党课1次、支委讲党课2次: one figure in parts
                first = per_sentence[s.sentence]
                per_sentence[s.sentence] = _Seen(first.value + s.value, first.approximate or s.approximate, s.sentence)
            else:
                per_sentence[s.sentence] = s
        values = sorted({round(s.value) for s in per_sentence.values()})
        best = max(per_sentence.values(), key=lambda s: s.value)
        figures[entry_id] = Figure(round(best.value), best.approximate)
        if len(values) > 1:
            entry = entries[entry_id]
            shown = "、".join(entry.amount(v) for v in values)
            notes.append(f"“{entry.name}”写了不同的数（{shown}），按最大的{entry.amount(round(best.value))}计")
    return figures, notes


def _not_a_tally(sentence: str, start: int) -> bool:
    """A rate (每月…1次) or a part of a figure already given (其中……) in the clause before it."""
    clause_start = max(sentence.rfind(ch, 0, start) for ch in _CLAUSE_END) + 1
    before = sentence[clause_start:start]
    return bool(_RATE.search(before) or _PART_OF.search(before))
