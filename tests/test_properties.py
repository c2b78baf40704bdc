"""Property: any answers file either renders to a .docx that re-opens, or fails with a clear UserError.

Generated files mix well-formed answers with hostile text (Jinja syntax, XML specials, control
characters, emoji, very long strings) and with wrong shapes and types. 2,000 examples in CI.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from drafter.answers import parse_answers, require_complete
from drafter.compose import compose
from drafter.docx_writer import docx_bytes
from drafter.errors import UserError
from drafter.outline import load_library
from drafter.yamlio import dump_yaml, parse_yaml
from tests.helpers import mini_library_dir

HOSTILE = st.sampled_from(
    ["{{ unit }}", "{% for x in y %}", "<w:p>&amp;</w:p>", "\x00\x07\x1b", "😀🇨🇳", "一是二是", "　", "\r\n", "]]>"]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(HOSTILE, st.text(alphabet="党建工作学习教育。，、；：", max_size=20)), max_size=5).map("".join),
    st.just("长" * 100_000),
)
SCALAR = st.one_of(TEXT, st.integers(-10, 10**7), st.booleans(), st.none(), st.floats(allow_nan=False))
MEASURE = st.one_of(TEXT, st.fixed_dictionaries({"item": TEXT}, optional={"detail": st.one_of(TEXT, SCALAR)}))


def sections(depth: int) -> st.SearchStrategy[list[dict]]:
    children = sections(depth - 1) if depth else st.just([])
    section = st.fixed_dictionaries(
        {"heading": st.one_of(TEXT, SCALAR)},
        optional={
            "topic": st.sampled_from(["politics", "problems", "politics_2", "nope", 3]),
            "run_in": st.one_of(st.booleans(), TEXT),
            "measures": st.one_of(st.lists(MEASURE, max_size=4), SCALAR),
            "numbers": st.one_of(
                st.dictionaries(st.sampled_from(["集中学习", "撰写心得体会", "新事项"]), st.one_of(st.none(), SCALAR)),
                SCALAR,
            ),
            "text": st.one_of(TEXT, SCALAR),
            "children": children,
            "bogus": SCALAR,
        },
    )
    return st.lists(section, max_size=3)


ANSWERS = st.fixed_dictionaries(
    {"outline": st.sampled_from(["mini", "mini", "mini", "unknown"])},
    optional={
        "unit": st.one_of(TEXT, SCALAR),
        "year": st.one_of(st.integers(1990, 2110), SCALAR),
        "period": st.one_of(st.sampled_from(["全年", "上半年"]), TEXT),
        "title": TEXT,
        "opening": TEXT,
        "closing": TEXT,
        "signature": st.one_of(TEXT, st.lists(TEXT, max_size=2)),
        "date": st.one_of(st.sampled_from(["2025-12-05", "2025年7月5日", "2025-02-30", "昨天"]), TEXT),
        "sections": st.one_of(sections(2), SCALAR),
    },
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    return load_library(mini_library_dir(tmp_path_factory.mktemp("outlines")))


@given(data=ANSWERS)
def test_renders_or_fails_clearly(library, data: dict) -> None:
    text = dump_yaml(data)
    try:
        doc = parse_yaml(text, Path("gen.answers.yaml"))
        answers = parse_answers(doc, library)
        require_complete(answers, library)
        document = compose(answers, library)
        payload = docx_bytes(document)
    except UserError as exc:
        message = str(exc)
        assert message.strip() and "Traceback" not in message and len(message.splitlines()) <= 2
        assert "<class" not in message and "NoneType" not in message
        return
    assert zipfile.ZipFile(io.BytesIO(payload)).testzip() is None
    reopened = docx.Document(io.BytesIO(payload))
    texts = "".join(p.text for p in reopened.paragraphs)
    assert document.title.replace("\x00", "")[:20] in texts or not document.title.strip()


@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes_the_loader(library, text: str) -> None:
    try:
        doc = parse_yaml(text, Path("gen.answers.yaml"))
        parse_answers(doc, library)
    except UserError:
        pass
    except yaml.YAMLError as exc:  # pragma: no cover - would be a bug: raw YAML errors must be wrapped
        pytest.fail(f"unwrapped YAML error: {exc}")
