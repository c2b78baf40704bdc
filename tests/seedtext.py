"""The seed reports as text, for the tests that keep drafter's own words apart from theirs.

The seeds are real reports: the project learns their structure but never copies their sentences
(examples, phrase banks, templates). These helpers give their sentences and runs of MIN_COPIED
characters; everything here returns nothing (or skips) when ../shared/seeds is absent.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from drafter.reading.reader import read_report
from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


# A heading's number or dash as printed, in any of the forms reports use.
_MARKER = re.compile(
    r"^\s*(?:——|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.、．])\s*"
)


_END_PUNCT = "。．.；;，,：: \u3000"


# A run of this many characters shared with a seed is copying, not a common phrase.
MIN_COPIED = 12


# Names every report cites word for word (a doctrine's name is not a sentence to rewrite);
# a shared run that only these make long enough is not copying.
FIXED_NAMES = ("习近平新时代中国特色社会主义思想",)


def bare_title(text: str) -> str:
    """A heading without its marker and end punctuation: what two headings compare."""
    return _MARKER.sub("", text.strip()).rstrip(_END_PUNCT)


def seed_paths() -> list[Path]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS_DIR}")
    return sorted(SEEDS_DIR.glob("*.txt"))


@cache
def parsed_seed(path: Path) -> ParsedReport:
    return parse_report(read_report(path))


def _pieces(text: str) -> list[str]:
    """A text without whitespace, cut where a fixed name stands (so no run spans one)."""
    flat = re.sub(r"\s+", "", text)
    return [p for p in re.split("|".join(map(re.escape, FIXED_NAMES)), flat) if p]


@cache
def seed_runs() -> dict[str, str]:
    """Every run of MIN_COPIED characters in the seeds (headings included) → its seed file."""
    out: dict[str, str] = {}
    for path in seed_paths():
        for piece in _pieces(read_report(path).text):
            for i in range(len(piece) - MIN_COPIED + 1):
                out.setdefault(piece[i : i + MIN_COPIED], path.name)
    return out


def seed_sentences() -> dict[str, str]:
    """Every sentence of every seed longer than MIN_COPIED characters, except headings; value:
    the seed file it came from (tests/test_knowledge.py screens the phrase banks with it)."""
    if not SEEDS_DIR.is_dir():
        return {}
    out: dict[str, str] = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        titles = {bare_title(s.title) for s in parsed_seed(path).walk()}
        for piece in re.split(r"[。！？；\n]", read_report(path).text):
            sentence = re.sub(r"\s+", "", piece)
            if len(sentence) > MIN_COPIED and bare_title(sentence) not in titles:
                out[sentence] = path.name
    return out
