"""The benchmark baselines write the same document as `drafter render`, and the check can tell.

bench/bench_render.py compares drafter with python-docx and docxtpl scripts; a ratio only means
something if those scripts write drafter's document: same paragraphs and text, same effective
fonts, sizes, spacing, indents, page setup and footers (bench/_docx_compare.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import _layout  # noqa: E402 - bench/ is put on sys.path above
import baseline_python_docx  # noqa: E402
from _docx_compare import differences  # noqa: E402

from drafter.cli import main  # noqa: E402

# complete: every basic and section field; seed000: run-in headings at two levels.
EXAMPLES = ["complete.answers.yaml", "seed000-annual.answers.yaml"]


def drafter_docx(example: str, tmp_path: Path) -> Path:
    out = tmp_path / f"{example}.docx"
    assert main(["render", str(REPO / "examples" / example), "-o", str(out)]) == 0
    return out


def python_docx_copy(drafted: Path, out: Path) -> Path:
    baseline_python_docx.build(_layout.paragraphs_of_docx(drafted)).save(str(out))
    return out


@pytest.mark.parametrize("example", EXAMPLES)
def test_python_docx_baseline_writes_drafters_document(example: str, tmp_path: Path) -> None:
    drafted = drafter_docx(example, tmp_path)
    kinds = {p.kind for p in _layout.paragraphs_of_docx(drafted)}
    assert {"title", "body", "signature"} <= kinds
    assert differences(drafted, python_docx_copy(drafted, tmp_path / "baseline.docx")) == []


@pytest.mark.parametrize("example", EXAMPLES)
def test_docxtpl_baseline_writes_drafters_document(example: str, tmp_path: Path) -> None:
    pytest.importorskip("docxtpl", reason="docxtpl is not installed (pip install docxtpl)")
    import baseline_docxtpl

    drafted = drafter_docx(example, tmp_path)
    spec, template, out = tmp_path / "spec.json", tmp_path / "template.docx", tmp_path / "t.docx"
    _layout.save_spec(_layout.paragraphs_of_docx(drafted), spec)
    baseline_docxtpl.make_template(template)
    manifest = tmp_path / "jobs.json"
    manifest.write_text(json.dumps({"template": str(template), "jobs": [[str(spec), str(out)]]}))
    baseline_docxtpl.main([str(manifest)])
    assert differences(drafted, out) == []


def test_run_in_headings_are_compared(tmp_path: Path) -> None:
    drafted = drafter_docx("seed000-annual.answers.yaml", tmp_path)
    assert any(p.kind == "runin" for p in _layout.paragraphs_of_docx(drafted))


def test_a_different_line_pitch_is_a_difference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted = drafter_docx("complete.answers.yaml", tmp_path)
    monkeypatch.setattr(_layout, "LINE_PITCH", 560)
    found = differences(drafted, python_docx_copy(drafted, tmp_path / "b.docx"))
    assert any("spacing" in d for d in found)
    assert any("docGrid" in d for d in found)


def test_a_different_font_or_text_is_a_difference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted = drafter_docx("complete.answers.yaml", tmp_path)
    paragraphs = _layout.paragraphs_of_docx(drafted)
    paragraphs[2] = _layout.Para(paragraphs[2].kind, paragraphs[2].text + "。")
    monkeypatch.setattr(_layout, "FONT_BODY", "宋体")
    out = tmp_path / "b.docx"
    baseline_python_docx.build(paragraphs).save(str(out))
    found = differences(drafted, out)
    assert any("paragraph 3 text" in d for d in found)
    assert any("runs" in d and "宋体" in d for d in found)


def test_a_missing_footer_is_a_difference(tmp_path: Path) -> None:
    drafted = drafter_docx("complete.answers.yaml", tmp_path)
    doc = baseline_python_docx.build(_layout.paragraphs_of_docx(drafted))
    doc.sections[0].even_page_footer.is_linked_to_previous = True
    doc.save(str(tmp_path / "b.docx"))
    assert any("footer even" in d for d in differences(drafted, tmp_path / "b.docx"))


def test_scaled_answers_render(tmp_path: Path) -> None:
    """bench_growth's longer answers files are files drafter accepts (no YAML aliases)."""
    import _corpus

    scaled = tmp_path / "x16.answers.yaml"
    assert _corpus.scaled_answers(REPO / "examples" / "complete.answers.yaml", 16, scaled)
    assert "*id" not in scaled.read_text(encoding="utf-8")
    assert main(["render", str(scaled), "-o", str(tmp_path / "x16.docx")]) == 0
