"""The shipped examples: every answers file renders, reads back, passes `drafter check` with no
finding, and each seed example keeps its seed's skeleton in its own words.

A seed example (seedNNN-….answers.yaml) mirrors one seed report's structure: the same sequence
of heading levels (so the same number of headings per level and the same nesting) and the
kind's marker style (—— for a 举措式 report), but headings and prose written for a fictional
unit, and one layout per heading level (the seeds mix layouts; a reader notices).

The .docx is read with python-docx the way Word's navigation pane sees it: a paragraph is a
heading when its paragraph style carries an outline level; a run-in heading is the paragraph's
first run when a body run in another character style follows it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from drafter.answers.answers import read_answers, section_topic
from drafter.answers.model import Answers, SectionAnswer
from drafter.checking.check import run_check
from drafter.composing.composer import compose
from drafter.composing.wording import bank_measure
from drafter.document.model import Document, Heading, Paragraph
from drafter.library.outline import Library, load_library
from drafter.reading.reader import read_report
from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report
from drafter.writers.render import format_of, write_document
from tests.helpers import docx_headings
from tests.seedtext import (
    FIXED_NAMES,
    MIN_COPIED,
    SEEDS_DIR,
    _pieces,
    bare_title,
    parsed_seed,
    seed_paths,
    seed_runs,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.answers.yaml"))
SEED_EXAMPLES = [p for p in EXAMPLES if p.name.startswith("seed")]

DASH = "——"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def load(path: Path, library: Library) -> Answers:
    return read_answers(path, library)


def render_answers(answers: Answers, library: Library, out: Path) -> Path:
    write_document(compose(answers, library), out, format_of(out, None))
    return out


def composed_headings(doc: Document) -> list[tuple[int, str, bool]]:
    """(level, heading as printed, run_in) from the document model, in document order."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append((block.level, block.line, False))
        elif block.run_in is not None:
            out.append((block.run_in.level, block.run_in.sentence, True))
    return out


def walk(sections: list[SectionAnswer]) -> list[SectionAnswer]:
    out = []
    for s in sections:
        out += [s, *walk(s.children or [])]
    return out


# --- the seeds ----------------------------------------------------------------------------------
def seed_for(example: Path) -> Path:
    """The seed report an example mirrors: seed003-….answers.yaml → 003_*.txt."""
    number = re.match(r"seed(\d{3})", example.name)
    assert number, f"{example.name}: a seed example's name starts with seedNNN"
    if not SEEDS_DIR.is_dir():
        pytest.skip(
            f"seed reports not found at {SEEDS_DIR} (they live in ../shared/seeds beside the repo)"
        )
    found = sorted(SEEDS_DIR.glob(f"{number[1]}_*.txt"))
    if not found:
        pytest.skip(f"seed report {number[1]}_*.txt not found in {SEEDS_DIR}")
    return found[0]


def levels(report: ParsedReport) -> list[int]:
    return [s.level for s in report.walk()]


def document_texts(doc: Document) -> list[str]:
    """Everything the document says, piece by piece: title, headings, paragraphs, signature."""
    return [doc.title, *(h.text for h in doc.headings()),
            *(b.text for b in doc.blocks if isinstance(b, Paragraph)), *doc.signature]


def copied_runs(text: str, runs: dict[str, str]) -> list[str]:
    """The longest stretches of `text` that a seed has too (each at least MIN_COPIED long)."""
    found = []
    for piece in _pieces(text):
        start = None
        for i in range(len(piece) - MIN_COPIED + 2):
            hit = i <= len(piece) - MIN_COPIED and piece[i : i + MIN_COPIED] in runs
            if hit and start is None:
                start = i
            elif not hit and start is not None:
                run = piece[start : i - 1 + MIN_COPIED]
                found.append(f"“{run}”（{runs[run[:MIN_COPIED]]}）")
                start = None
    return found


# --- every example ------------------------------------------------------------------------------
def test_examples_exist() -> None:
    names = {p.name for p in EXAMPLES}
    assert {
        "minimal.answers.yaml",
        "complete.answers.yaml",
        "seed000-annual.answers.yaml",
        "seed001-annual.answers.yaml",
        "seed002-measures.answers.yaml",
        "seed003-half-year.answers.yaml",
        "seed004-duty-report.answers.yaml",
        "gathered.answers.yaml",
    } <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_check_finds_nothing(path: Path, library: Library) -> None:
    """`drafter check EXAMPLE` prints 未发现问题: an example shows the kind at its best."""
    text, found = run_check(path, library)
    assert not found, text
    assert "未发现问题" in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_docx_headings_read_back(path: Path, library: Library, tmp_path: Path) -> None:
    data = load(path, library)
    doc = compose(data, library)
    out = render_answers(data, library, tmp_path / "out.docx")
    expected = composed_headings(doc)
    assert expected, "an example has at least one heading"
    assert docx_headings(out) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_one_layout_per_level_in_docx(path: Path, library: Library, tmp_path: Path) -> None:
    """Every heading of one level is laid out one way: all standalone or all run-in."""
    out = render_answers(load(path, library), library, tmp_path / "out.docx")
    ways: dict[int, set[bool]] = defaultdict(set)
    for level, _text, run_in in docx_headings(out):
        ways[level].add(run_in)
    assert {level: len(w) for level, w in ways.items()} == dict.fromkeys(ways, 1), ways


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_drafter_render_accepts_example(path: Path, tmp_path: Path) -> None:
    """What `drafter render EXAMPLE -o out.docx` does, completeness check included."""
    from drafter.cli import run

    out = tmp_path / "out.docx"
    assert run(["render", str(path), "-o", str(out)]) == 0
    assert docx_headings(out)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_previews_render(path: Path, fmt: str, library: Library, tmp_path: Path) -> None:
    data = load(path, library)
    doc = compose(data, library)
    out = render_answers(data, library, tmp_path / f"out.{fmt}")
    text = out.read_text(encoding="utf-8")
    assert doc.title in text
    flat = text.replace("*", "").replace("\\", "")
    for heading in doc.headings():
        assert heading.line in flat, heading
    for block in doc.blocks:
        if isinstance(block, Paragraph) and fmt == "txt":
            assert block.text in text
    from drafter.cli import run

    assert run(["check", str(out)]) == 0  # a preview passes 核稿 as its .docx does (bold run-ins too)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_counts_are_catalogue_names_fitting_the_organisation(path: Path, library: Library) -> None:
    """Counts are keyed by the catalogue's names (召开支委会), so they are phrased with their verbs
    and grouped; they and the phrase-bank measures used fit the example's organisation — or, in
    a gathered report (drafter gather), the branches' whose figures and measures it sums."""
    data = load(path, library)
    knowledge = library.knowledge
    organisation = data.organisation or knowledge.default_organisation.id
    names = {c.name: c for c in knowledge.counts}
    ways = {organisation} | ({knowledge.default_organisation.id} if data.gathered is not None else set())
    wrong = []
    for section in walk(data.sections or []):
        for key in section.counts or {}:
            entry = names.get(key)
            if entry is None or not any(entry.fits(o) for o in ways):
                wrong.append(f"{section.heading}：计数“{key}”")
        for measure in section.measures or []:
            banked = bank_measure(measure.item, section_topic(section.topic or ""), knowledge)
            if banked is not None and not any(banked.fits(o) for o in ways):
                wrong.append(f"{section.heading}：做法“{measure.item}”")
    assert not wrong, f"not a catalogue name, or not for {organisation}: {wrong}"


def test_no_seed_text_in_examples(library: Library) -> None:
    """No run of MIN_COPIED characters of any seed in any example, headings and title included."""
    runs = seed_runs()
    copied = []
    for path in EXAMPLES:
        doc = compose(load(path, library), library)
        for text in document_texts(doc):
            copied += [f"{path.name}: {run}" for run in copied_runs(text, runs)]
    assert not copied, "text copied from the seeds:\n" + "\n".join(copied)


def test_copied_runs_finds_a_shared_run() -> None:
    """The detector itself: a 12-character run is found, an 11-character one and a fixed name
    are not."""
    runs = {"党员带头深入一线排查隐患": "s.txt"}
    assert copied_runs("全年党员带头深入一线排查隐患", runs) == ["“党员带头深入一线排查隐患”（s.txt）"]
    assert copied_runs("党员带头深入一线排查隐", runs) == []
    name = FIXED_NAMES[0]
    assert copied_runs(f"以{name}为指导", {name[:MIN_COPIED]: "s.txt"}) == []


def test_complete_example_is_report_sized(library: Library) -> None:
    """complete.answers.yaml is the benchmark input: a realistic report of about 6,000 characters
    answering every topic of the general outline, in the outline's order, with an opening,
    closing, signature and date of its own."""
    data = load(EXAMPLES_DIR / "complete.answers.yaml", library)
    doc = compose(data, library)
    chars = sum(len(re.sub(r"\s+", "", t)) for t in document_texts(doc))
    assert 5000 <= chars <= 8000, chars
    general = [s.id for s in library.outline("general").sections]
    assert [s.topic for s in data.sections or []] == general
    assert data.opening and data.closing and data.signature and data.date


# --- seed examples: the seed's skeleton, own words ----------------------------------------------
@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_seed_heading_levels(path: Path, library: Library) -> None:
    """The same sequence of heading levels as the seed: as many headings per level, same nesting."""
    seed = parsed_seed(seed_for(path))
    doc = compose(load(path, library), library)
    assert [h.level for h in doc.headings()] == levels(seed)


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_seed_marker_style(path: Path, library: Library) -> None:
    """Dashes where the seed has dashes (a 举措式 report), numbers where it has numbers."""
    seed = parsed_seed(seed_for(path))
    doc = compose(load(path, library), library)
    assert [h.label == DASH for h in doc.headings()] == [s.marker == DASH for s in seed.walk()]


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_seed_headings_are_own_words(path: Path, library: Library) -> None:
    """No heading is any seed's heading."""
    theirs = {bare_title(s.title) for seed in seed_paths() for s in parsed_seed(seed).walk()}
    doc = compose(load(path, library), library)
    same = [h.text for h in doc.headings() if bare_title(h.text) in theirs]
    assert not same, same


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_rendered_example_parses_back_to_the_seed_levels(
    path: Path, library: Library, tmp_path: Path
) -> None:
    """The plain-text rendering, read by drafter's own parser, has the seed's heading levels."""
    seed = parsed_seed(seed_for(path))
    out = render_answers(load(path, library), library, tmp_path / "out.txt")
    assert levels(parse_report(read_report(out))) == levels(seed)
