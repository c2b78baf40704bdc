"""Properties of answers files, in two halves that each always reach their branch.

1. Valid answers carrying hostile text (Jinja syntax, XML specials, control characters, emoji,
   line breaks of every kind, very long strings) render to a .docx that re-opens, and every
   paragraph of it says exactly what the document model says, less what XML cannot hold.
2. Malformed answers (a wrong type, a bad value, an unknown key or outline, broken YAML) fail
   with a clear UserError of one or two lines.

`hypothesis.event` labels what each example exercised; run with --hypothesis-show-statistics
to see both halves and their labels. CI (CI=true) runs more examples, within about 20 s.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from drafter.answers.answers import parse_answers, require_complete
from drafter.answers.model import SectionAnswer
from drafter.composing.composer import clean_heading, compose, says_something
from drafter.document.model import Document, Heading
from drafter.domain.counts import MAX_COUNT
from drafter.errors import UserError
from drafter.files.yaml_dump import dump_yaml
from drafter.files.yamlio import parse_yaml
from drafter.library.outline import load_library
from drafter.writers.docx_writer import docx_bytes
from drafter.writers.title_lines import title_lines
from tests.helpers import mini_library_dir

CI = bool(os.environ.get("CI"))
RENDERS = settings(max_examples=300 if CI else 60, deadline=None)
FAILURES = settings(max_examples=600 if CI else 100, deadline=None)

HOSTILE = st.sampled_from(
    [
        "{{ unit }}",
        "{% for x in y %}",
        "{{ 'a' * 10**9 }}",
        "<w:p>&amp;</w:p>",
        "]]>",
        "\x00\x07\x1b",
        "\x0b\x0c\x1c\x1d\x1e\x85",
        "\u2028\u2029",
        "\ufffe\uffff",
        "😀🇨🇳",
        "𠀀",
        "一是二是",
        "　",
        "\r\n",
        "\r",
        "\t",
        "集中学习",
        "一、",
        "（一）",
        "——",
        "'\"",
        "&nbsp;",
        "%s%d{0}",
    ]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.one_of(HOSTILE, st.text(alphabet="党建工作学习教育。，、；：", max_size=20)), max_size=6
    ).map("".join),
)
LONG = st.sampled_from(["长" * 100_000, "😀" * 20_000, "{{ x }}" * 5_000])
BODY = st.one_of(TEXT, TEXT, TEXT, LONG)
NON_BLANK = TEXT.map(lambda s: s[:60] if s.strip() else s[:60] + "学习")
MEASURE = st.one_of(
    NON_BLANK, st.fixed_dictionaries({"item": NON_BLANK}, optional={"detail": BODY})
)
NUMBERS = st.dictionaries(
    st.sampled_from(["集中学习", "撰写心得体会", "新事项"]),
    st.one_of(st.none(), st.integers(0, MAX_COUNT)),
    max_size=3,
)


def valid_sections(depth: int) -> st.SearchStrategy[list[dict[str, Any]]]:
    section = st.fixed_dictionaries(
        {"heading": NON_BLANK},
        optional={
            "topic": st.sampled_from(["politics", "problems", "politics_2"]),
            "run_in": st.booleans(),
            "measures": st.lists(MEASURE, max_size=3),
            "numbers": NUMBERS,
            "text": BODY,
            "children": valid_sections(depth - 1) if depth else st.just([]),
        },
    )
    return st.lists(section, min_size=1 if depth == 2 else 0, max_size=3)


VALID = st.fixed_dictionaries(
    {"outline": st.just("mini"), "unit": NON_BLANK, "sections": valid_sections(2)},
    optional={
        "year": st.integers(2000, 2100),
        "period": st.sampled_from(["全年", "上半年"]),
        "title": TEXT,
        "opening": BODY,
        "closing": TEXT,
        "signature": st.one_of(TEXT, st.lists(TEXT, max_size=2)),
        "date": st.sampled_from(["2025-12-05", "2025年7月5日", ""]),
    },
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    return load_library(mini_library_dir(tmp_path_factory.mktemp("outlines")))


def xml_text(text: str) -> str:
    """What a Word paragraph can hold of `text` (XML 1.0 characters), as python-docx reads it
    back: a line break of any kind is one "\\n"."""
    kept = "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or "\x20" <= ch <= "\ud7ff"
        or "\ue000" <= ch <= "\ufffd"
        or ch >= "\U00010000"
    )
    return kept.replace("\r\n", "\n").replace("\r", "\n")


def expected_paragraphs(document: Document) -> list[str]:
    # a title too wide for a line is set on two, broken by a line break (drafter.writers.title_lines)
    out = [xml_text("\n".join(title_lines(document.title))), ""] if document.title else []
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append(xml_text(block.line))
        elif block.run_in is None:
            out.append(xml_text(block.text))
        else:
            out.append(xml_text(block.run_in.sentence) + xml_text(block.text))
    closing = [*document.signature, *([document.date] if document.date else [])]
    return out + ([""] + [xml_text(line) for line in closing] if closing else [])


def answered_headings(sections: list[SectionAnswer]) -> list[str]:
    """The headings a reader sees: every section that says something (empty ones are left out)."""
    out = []
    for section in sections:
        if says_something(section):
            out.append(clean_heading(section.heading))
            out += answered_headings(section.children or [])
    return out


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def label(data: dict[str, Any]) -> None:
    """Statistics: what kinds of hostile input this example carries."""
    text = "".join(strings(data))
    for name, pattern in {
        "jinja": r"\{\{|\{%",
        "xml-special": r"<w:|&amp;|\]\]>",
        "control": "[\x00-\x08\x0b-\x1f\x85]",
        "line-separator": "[\r\u2028\u2029]",
        "astral": "[\U00010000-\U0010ffff]",
        "long": "长{1000}|😀{1000}|(\\{\\{ x \\}\\}){100}",
    }.items():
        if re.search(pattern, text):
            event(f"hostile: {name}")


@RENDERS
@given(data=VALID)
def test_valid_answers_with_hostile_text_render_and_reopen(library, data: dict[str, Any]) -> None:
    label(data)
    doc = parse_yaml(dump_yaml(data), Path("gen.answers.yaml"))
    answers = parse_answers(doc, library)
    require_complete(answers, library)
    document = compose(answers, library)
    payload = docx_bytes(document)
    event("rendered and re-opened")
    assert zipfile.ZipFile(io.BytesIO(payload)).testzip() is None
    paragraphs = [p.text for p in docx.Document(io.BytesIO(payload)).paragraphs]
    assert paragraphs == expected_paragraphs(document)
    shown, answered = [h.text for h in document.headings()], answered_headings(answers.sections or [])
    assert is_subsequence(shown, answered)
    # a section is left out only when all it says is said elsewhere: a measure another section
    # holds (no measure is written twice) and counts that go to the measure proving them
    assert len(shown) == len(answered) or not all(unique_items(answers.sections or []))


def is_subsequence(shown: list[str], answered: list[str]) -> bool:
    rest = iter(answered)
    return all(any(h == a for a in rest) for h in shown)


def unique_items(sections: list[SectionAnswer]) -> list[bool]:
    """Per measure of these sections (and their sub-sections): whether no other one has its item."""
    items = [m.item.strip() for s in sections for part in s.walk() for m in part.measures or []]
    return [items.count(i) == 1 for i in items]


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def apply(data: dict[str, Any]) -> dict[str, Any]:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data

    return apply


# (label, change to a valid answers mapping) — each makes the file one that render must refuse.
BREAKS = [
    ("sections not a list", _set(("sections",), 3)),
    ("no sections", _set(("sections",), [])),
    ("heading blank", _set(("sections", 0, "heading"), " \u3000")),
    ("heading a list", _set(("sections", 0, "heading"), ["一", "二"])),
    ("heading missing", lambda d: d["sections"][0].pop("heading") and d),
    ("count negative", _set(("sections", 0, "numbers"), {"集中学习": -1})),
    ("count too large", _set(("sections", 0, "numbers"), {"集中学习": MAX_COUNT + 1})),
    ("count text", _set(("sections", 0, "numbers"), {"集中学习": "十二"})),
    ("measures scalar", _set(("sections", 0, "measures"), 5)),
    ("unknown topic", _set(("sections", 0, "topic"), "nope")),
    ("unknown key", _set(("bogus",), 1)),
    ("unknown section key", _set(("sections", 0, "bogus"), True)),
    ("unknown outline", _set(("outline",), "unknown")),
    ("year text", _set(("year",), "二〇二五")),
    ("year out of range", _set(("year",), 1949)),
    ("unit missing", lambda d: d.pop("unit") and d),
    ("date impossible", _set(("date",), "2025-02-30")),
    ("date text", _set(("date",), "昨天")),
    ("run_in text", _set(("sections", 0, "run_in"), "是")),
]
# Changes to the YAML text itself.
TEXT_BREAKS = [
    ("alias", lambda t: t + "x: &a [1]\ny: *a\n"),
    ("tab indent", lambda t: t + "extra:\n\t- 1\n"),
    ("unclosed bracket", lambda t: t + "extra: [1, 2\n"),
    ("duplicate key", lambda t: t + "outline: mini\n"),
    ("deep nesting", lambda t: t + "extra: " + "[" * 300 + "]" * 300 + "\n"),
    ("impossible date", lambda t: t + "date: 2025-13-01\n"),
    ("huge count", lambda t: t.replace("sections:", "year: " + "9" * 5000 + "\nsections:", 1)),
    ("not a mapping", lambda t: "- " + t.replace("\n", "\n  ")),
    ("python tag", lambda t: t + "x: !!python/object/apply:os.system [ls]\n"),
]


@FAILURES
@given(data=VALID, change=st.sampled_from([*BREAKS, *TEXT_BREAKS]))
def test_malformed_answers_fail_clearly(
    library, data: dict[str, Any], change: tuple[str, Any]
) -> None:
    name, apply = change
    text = dump_yaml(apply(data)) if (name, apply) in BREAKS else apply(dump_yaml(data))
    event(f"malformed: {name}")
    with pytest.raises(UserError) as err:
        doc = parse_yaml(text, Path("gen.answers.yaml"))
        answers = parse_answers(doc, library)
        require_complete(answers, library)
        compose(answers, library)
    message = str(err.value)
    assert message.strip() and "Traceback" not in message and len(message.splitlines()) <= 2
    assert "<class" not in message and "NoneType" not in message and len(message) < 600


@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes_the_loader(library, text: str) -> None:
    try:
        doc = parse_yaml(text, Path("gen.answers.yaml"))
        parse_answers(doc, library)
        event("loaded and checked")
    except UserError:
        event("refused")
    except (
        yaml.YAMLError
    ) as exc:  # pragma: no cover - would be a bug: raw YAML errors must be wrapped
        pytest.fail(f"unwrapped YAML error: {exc}")
