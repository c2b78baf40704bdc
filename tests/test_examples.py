"""The shipped examples: every answers file renders, its .docx reads back with the composed
headings, each seed example reproduces its seed's heading tree, and the prose is original.

The .docx is read with python-docx the way Word's navigation pane sees it: a paragraph is a
heading when its paragraph style carries an outline level; a run-in heading is the paragraph's
first run when a body run in another character style follows it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from drafter.answers import read_answers
from drafter.compose import compose
from drafter.document import Document, Heading, Paragraph
from drafter.model import Answers
from drafter.outline import Library, load_library
from drafter.reader import read_report
from drafter.render import format_of, write_document
from drafter.report import ParsedReport
from drafter.structure import parse_report
from tests.helpers import docx_headings

REPO = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO / "examples"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.answers.yaml"))
SEED_EXAMPLES = [p for p in EXAMPLES if p.name.startswith("seed")]

# A heading's number or dash as printed, in any of the forms reports use.
_MARKER = re.compile(
    r"^\s*(?:——|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.、．])\s*"
)
_END_PUNCT = "。．.；;，,：: \u3000"
# Sentences are split on these (and on line ends); shorter pieces are too generic to prove copying.
_SENTENCE_BREAK = re.compile(r"[。！？；\n]")
MIN_COPIED = 12

Tree = list[tuple[int, str]]


def bare_title(text: str) -> str:
    """A heading without its marker and end punctuation: what two trees compare."""
    return _MARKER.sub("", text.strip()).rstrip(_END_PUNCT)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def load(path: Path, library: Library) -> Answers:
    return read_answers(path, library)


def render_answers(answers: Answers, library: Library, out: Path) -> Path:
    write_document(compose(answers, library), out, format_of(out, None))
    return out


# --- reading the .docx back ---------------------------------------------------------------------
def composed_headings(doc: Document) -> list[tuple[int, str, bool]]:
    """The same triples from the document model: standalone lines and run-in sentences."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append((block.level, block.line, False))
        elif block.run_in is not None:
            out.append((block.run_in.level, block.run_in.sentence, True))
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


@cache
def parsed_seed(path: Path) -> ParsedReport:
    return parse_report(read_report(path))


def seed_tree(report: ParsedReport) -> list[tuple[int, str, bool]]:
    return [(s.level, bare_title(s.title), s.run_in) for s in report.walk()]


def seed_sentences() -> dict[str, str]:
    """Every sentence of every seed longer than MIN_COPIED characters, except headings;
    value: the seed file it came from."""
    if not SEEDS_DIR.is_dir():
        return {}
    out: dict[str, str] = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        titles = {bare_title(s.title) for s in parsed_seed(path).walk()}
        for piece in _SENTENCE_BREAK.split(read_report(path).text):
            sentence = re.sub(r"\s+", "", piece)
            if len(sentence) > MIN_COPIED and bare_title(sentence) not in titles:
                out[sentence] = path.name
    return out


def body_text(doc: Document) -> str:
    """Everything the document says except its headings, without whitespace."""
    parts = [doc.title, *(b.text for b in doc.blocks if isinstance(b, Paragraph)), *doc.signature]
    return re.sub(r"\s+", "", "\n".join(parts))


# --- tests --------------------------------------------------------------------------------------
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
    } <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_docx_headings_read_back(path: Path, library: Library, tmp_path: Path) -> None:
    data = load(path, library)
    doc = compose(data, library)
    out = render_answers(data, library, tmp_path / "out.docx")
    assert out.exists()
    expected = composed_headings(doc)
    assert expected, "an example has at least one heading"
    assert docx_headings(out) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_drafter_render_accepts_example(path: Path, library: Library, tmp_path: Path) -> None:
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


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_seed_heading_tree(path: Path, library: Library) -> None:
    """Level and title of every heading, in order, as the parser recovers them from the seed."""
    seed = parsed_seed(seed_for(path))
    doc = compose(load(path, library), library)
    want: Tree = [(level, title) for level, title, _ in seed_tree(seed)]
    got: Tree = [(h.level, bare_title(h.text)) for h in doc.headings()]
    assert got == want


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_seed_heading_tree_in_docx(path: Path, library: Library, tmp_path: Path) -> None:
    """The same tree read back from the rendered .docx, standalone vs run-in included."""
    seed = parsed_seed(seed_for(path))
    out = render_answers(load(path, library), library, tmp_path / "out.docx")
    got = [(level, bare_title(text), run_in) for level, text, run_in in docx_headings(out)]
    assert got == seed_tree(seed)


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_rendered_example_parses_back_to_the_seed_tree(
    path: Path, library: Library, tmp_path: Path
) -> None:
    """The plain-text rendering, read by drafter's own parser, has the seed's heading tree."""
    seed = parsed_seed(seed_for(path))
    out = render_answers(load(path, library), library, tmp_path / "out.txt")
    mine = parse_report(read_report(out))
    assert seed_tree(mine) == seed_tree(seed)


def test_no_seed_sentence_in_examples(library: Library) -> None:
    sentences = seed_sentences()
    if not sentences:
        pytest.skip(f"seed reports not found at {SEEDS_DIR}")
    copied = []
    for path in EXAMPLES:
        text = body_text(compose(load(path, library), library))
        copied += [f"{path.name}: “{s}”（{src}）" for s, src in sentences.items() if s in text]
    assert not copied, "sentences copied from the seeds:\n" + "\n".join(copied)


def test_complete_example_is_report_sized(library: Library) -> None:
    """complete.answers.yaml is the benchmark input: a realistic report of about 6,000 characters
    answering every topic of the general outline, in the outline's order."""
    data = load(EXAMPLES_DIR / "complete.answers.yaml", library)
    doc = compose(data, library)
    chars = len(body_text(doc)) + sum(len(h.line) for h in doc.headings())
    assert 5000 <= chars <= 8000, chars
    general = [s.id for s in library.outline("general").sections]
    assert [s.topic for s in data.sections or []] == general
