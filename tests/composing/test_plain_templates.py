"""Plain rendering gives exactly what Jinja gives, and drafter's own templates never need Jinja.

The differential property builds templates from the part of the language plain_templates knows
(and from what lies just outside it: unknown names, `loop`, filters it does not have, `+`/`-`
whitespace control, stray braces, CRLF line ends, ideographic spaces) and renders each both ways
with drafter's trusted Jinja settings. Where the plain renderer answers, the text must be
Jinja's, character for character; where it declines (None, Unsupported), Jinja renders it in
drafter. `hypothesis.event` shows how often each happened.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from drafter.answers.model import Answers
from drafter.composing.composer import FILTERS, base_context, kind_text
from drafter.composing.jinja_templates import environment
from drafter.composing.plain_templates import Unsupported, parse
from drafter.library.outline import load_library

REPO = Path(__file__).resolve().parents[2]

CONTEXT: dict[str, Any] = {
    "unit": "某某县 档案馆",
    "year": 2025,
    "items": ["一", " 二 ", "\n三"],
    "section": {"paragraphs": ["甲。", "乙。"], "heading": "学习", "items": "键"},
    "empty": "",
    "nothing": None,
    "p": "外",
}
FILTER_MAP = dict(FILTERS)

EXPRESSIONS = [
    "unit", "year", "items", "section.paragraphs", "section.heading", "section.items",
    "unit.endswith('馆')", 'unit.startswith("某")', "items | join_list", "items | join_and",
    "unit | sentence", "section.paragraphs | join_list", "p", "empty", "nothing",
    # just outside the part: left to Jinja
    "missing", "section.nope", "loop.index", "none", "unit.upper()", "year.bit_length()",
    "unit | upper", "items[0]", "unit ~ p", "单位",
]
CONDITIONS = [
    "unit", "not unit", "empty", "not not empty", "nothing", "unit.endswith('党支部')",
    "not unit.endswith('馆')", "section.paragraphs", "items | join_list", "missing", "p == '外'",
]
ITERABLES = ["items", "section.paragraphs", "unit", "section", "nothing", "year", "missing"]
TEXTS = [
    "", " ", "  ", "\t", "\n", "\r\n", "\r", "\u3000", "文字", "“引号”", "{", "}", "%", "#",
    "a\n  ", "\n\n", "-", " \n\t",
]

signs = st.sampled_from(["", "-", "+"])
pads = st.sampled_from(["", " ", "  ", "\n"])


@st.composite
def tags(draw: st.DrawFn, kind: str, inner: str) -> str:
    close = draw(st.sampled_from(["", "-"] if kind == "{" else ["", "-", "+"]))
    ends = {"{": "}}", "%": "%}", "#": "#}"}
    return "{" + kind + draw(signs) + draw(pads) + inner + draw(pads) + close + ends[kind]


def leaves() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(TEXTS),
        st.sampled_from(EXPRESSIONS).flatmap(lambda e: tags("{", e)),
        st.sampled_from(["说明", "", " {{ x }} "]).flatmap(lambda c: tags("#", c)),
    )


def statements(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def for_loop(draw: st.DrawFn) -> str:
        target = draw(st.sampled_from(["p", "q", "unit"]))
        head = draw(tags("%", f"for {target} in {draw(st.sampled_from(ITERABLES))}"))
        return head + draw(inner) + draw(tags("%", "endfor"))

    def if_block(draw: st.DrawFn) -> str:
        text = draw(tags("%", "if " + draw(st.sampled_from(CONDITIONS)))) + draw(inner)
        for _ in range(draw(st.integers(0, 2))):
            text += draw(tags("%", "elif " + draw(st.sampled_from(CONDITIONS)))) + draw(inner)
        if draw(st.booleans()):
            text += draw(tags("%", "else")) + draw(inner)
        return text + draw(tags("%", "endif"))

    return st.one_of(st.composite(for_loop)(), st.composite(if_block)())


templates = st.recursive(
    leaves(),
    lambda inner: st.lists(st.one_of(inner, statements(inner)), max_size=5).map("".join),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def jinja_env(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return environment(tmp_path_factory.mktemp("templates"), sandboxed=False, filters=FILTERS)


def jinja_render(env: Any, source: str) -> str | type[BaseException]:
    try:
        return str(env.from_string(source).render(CONTEXT))
    except Exception as exc:  # noqa: BLE001 - the outcome compared is the exception's type
        return type(exc)


@settings(max_examples=400, deadline=None)
@given(source=templates)
def test_plain_rendering_is_jinja_rendering(jinja_env: Any, source: str) -> None:
    expected = jinja_render(jinja_env, source)
    plain = parse(source)
    if plain is None:
        event("left to Jinja: outside the part")
        return
    try:
        got: str | type[BaseException] = plain.render(CONTEXT, FILTER_MAP)
    except Unsupported:
        event("left to Jinja: this render")
        return
    except Exception as exc:  # noqa: BLE001 - a filter's own error must be Jinja's too
        got = type(exc)
    event("rendered plainly")
    assert got == expected, source


@pytest.mark.parametrize(
    "source",
    [
        "{% for p in items %}\n{{ p }}\n{% endfor %}",
        "  {% if unit %}\n甲\n  {% else %}\n乙\n  {% endif %}\n",
        "a  {%- if unit -%}  b  {%+ endif +%}\n c",
        "{# 注释 #}\n{{ unit }}\r\n  {#- x -#}  {{ year }}\n\n",
        "\u3000{% if empty %}x{% endif %}\u3000\n",
        "{{ unit }}{% if not unit.endswith('党支部') %}党支部{% endif %}书记{{ year }}年度",
        "{% for p in section.paragraphs %}{% for q in items %}{{ p }}{{ q }}{% endfor %}{% endfor %}",
    ],
)
def test_whitespace_control_and_nesting_as_jinja(jinja_env: Any, source: str) -> None:
    plain = parse(source)
    assert plain is not None
    assert plain.render(CONTEXT, FILTER_MAP) == jinja_render(jinja_env, source)


@pytest.mark.parametrize(
    "source",
    [
        "{% raw %}{{ unit }}{% endraw %}",
        "{% set x = 1 %}{{ x }}",
        "{{ '}}' }}",
        "{{ unit ~ year }}",
        "{% for p in items if p %}{{ p }}{% endfor %}",
        "{% for p in items %}{{ p }}{% else %}无{% endfor %}",
        "{% if unit %}{{ unit }}",
        "{{ unit | upper }}",  # parses; rendering declines (no such drafter filter)
    ],
)
def test_the_rest_is_left_to_jinja(source: str) -> None:
    plain = parse(source)
    if plain is not None:
        with pytest.raises(Unsupported):
            plain.render(CONTEXT, FILTER_MAP)


def test_every_shipped_form_and_template_renders_plainly() -> None:
    """drafter's own kinds and section template stay within the part: a render needs no Jinja."""
    library = load_library()
    for template in sorted(library.templates_dir.glob("*.j2")):
        assert parse(template.read_text(encoding="utf-8")) is not None, template.name
    for kind in library.kinds:
        pieces = [kind.get(p) for p in ("title", "opening", "closing")]
        pieces += list((kind.get("framing") or {}).values())
        forms = [f for piece in pieces for f in (piece if isinstance(piece, list) else [piece])]
        for form in forms:
            if form:
                assert parse(form) is not None, (kind["id"], form)
    for outline_id in library.outlines:
        for unit in ("某某县档案馆", "某某县档案馆党支部"):
            answers = Answers(library.outlines[outline_id], outline_id, unit=unit, year=2026)
            ctx = base_context(answers, library)
            plain = kind_text(answers, library, "title", ctx)
            env = environment(library.templates_dir, sandboxed=False, filters=FILTERS)
            assert plain == env.from_string(library.kind(outline_id).get("title") or "").render(ctx).strip()


def test_a_render_imports_neither_jinja_nor_the_report_reader(tmp_path: Path) -> None:
    """What a one-document render costs: the modules it does not need are not imported.

    Only what drafter itself loads counts: an environment may load some of these at start-up
    (a .pth file importing certifi brings importlib.resources), which is not the render's doing.
    """
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "from drafter.cli import main\n"
        f"code = main(['render', {str(REPO / 'examples' / 'complete.answers.yaml')!r},"
        f" '-o', {str(tmp_path / 'out.docx')!r}])\n"
        "loaded = [m for m in ('jinja2', 'drafter.structure.structure', 'drafter.reading.reader', 'importlib.resources')"
        " if m in sys.modules and m not in before]\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []"
