"""Test helpers: build file trees from inline text, and a small outlines folder to compose with."""

from __future__ import annotations

import errno
import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from drafter.library.outline import Library, Outline


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: content} under root (text is dedented); return root."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


SHIPPED = Path(__file__).resolve().parents[1] / "outlines"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # ../shared/seeds beside the repo

MINI_OUTLINE = """
schema: 1
id: mini
kind: 测试用总结
description: 只有两个栏目的小大纲
sources: [a.txt]
sections:
  - id: politics
    topic: 政治建设与理论学习
    level: 1
    share: 1.0
    run_in: false
    titles:
      - text: 加强理论武装，筑牢思想根基
        sources: [a.txt]
    points:
      - lead: 坚持集中学习
        sources: [a.txt]
    facts:
      - key: 集中学习
        unit: 次
        example: 10
        sources: [a.txt]
      - key: 撰写心得体会
        unit: 篇
        sources: [a.txt]
    children: []
  - id: problems
    topic: 存在问题
    level: 1
    share: 1.0
    run_in: true
    titles:
      - text: 存在的问题
        sources: [a.txt]
    points: []
    facts: []
    children: []
"""

MINI_KINDS = """
kinds:
  - id: mini
    name: 测试用总结
    description: 测试
    title: "{{ unit }}{{ year }}年度党建工作总结"
    opening: "{{ period_phrase }}，{{ unit }}认真落实各项任务。现将有关情况总结如下："
    closing: ""
"""

MINI_TOPICS = """
verbs:
  召开: [会]
  开展: [学习]
  撰写: [体会]
topics:
  - id: politics
    name: 政治建设与理论学习
    keywords: [理论]
  - id: problems
    name: 存在问题
    keywords: [问题]
    bank: [学习的系统性还不够强]
"""

MINI_QUESTIONS = """
basics:
  - name: unit
    type: text
    prompt: 单位名称
    required: true
  - name: year
    type: int
    prompt: 报告年度
    min: 2000
    max: 2100
  - name: period
    type: select
    prompt: 报告期间
    choices: [全年, 上半年]
    default: 全年
  - name: title
    type: text
    prompt: 标题
  - name: signature
    type: text
    prompt: 署名
  - name: date
    type: date
    prompt: 日期
section:
  - name: heading
    type: autocomplete
    prompt: 标题
    choices: "@titles"
  - name: measures
    type: checkbox
    prompt: 主要做法
    choices: "@points"
    other: true
  - name: numbers
    type: int
    prompt: 数量
    each: "@facts"
    min: 0
    max: 100000
  - name: text
    type: multiline
    prompt: 亮点与案例
"""


def mini_library_dir(root: Path, *, templates_from_shipped: bool = True) -> Path:
    """A small outlines folder: one learned outline 'mini' and the authored files it needs."""
    files: dict[str, str | bytes] = {
        "learned/mini.yaml": MINI_OUTLINE,
        "authored/kinds.yaml": MINI_KINDS,
        "authored/topics.yaml": MINI_TOPICS,
        "authored/questions.yaml": MINI_QUESTIONS,
    }
    if templates_from_shipped:
        files.update(shipped_templates())
    return build_file_tree(root, files)


def shipped_templates() -> dict[str, str | bytes]:
    """drafter's own templates, as files for build_file_tree under an outlines folder."""
    return {
        f"authored/templates/{tpl.name}": tpl.read_bytes()
        for tpl in (SHIPPED / "authored" / "templates").glob("*.j2")
    }


def outline_level(paragraph) -> int | None:  # noqa: ANN001 - a python-docx Paragraph
    """The 1-based outline level of a paragraph's style (following basedOn), or None for body."""
    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if lvl is not None:
            value = int(lvl.get(qn("w:val")))
            return value + 1 if value < 9 else None  # 9 = body text
        style = style.base_style
    return None


def docx_headings(path: Path) -> list[tuple[int, str, bool]]:
    """(level, heading as printed, run_in) for every heading of a .docx, read back with python-docx.

    A run-in heading is a paragraph in a heading style whose first run (the heading sentence)
    has another character style than the body run after it.
    """
    out = []
    for paragraph in docx.Document(str(path)).paragraphs:
        level = outline_level(paragraph)
        if level is None:
            continue
        runs = [r for r in paragraph.runs if r.text]
        run_in = len(runs) > 1 and runs[0].style.style_id != runs[-1].style.style_id
        out.append((level, runs[0].text if run_in else paragraph.text, run_in))
    return out


def load_answers(path: Path, library: Library) -> tuple[dict[str, Any], Outline]:
    """An answers file as its mapping (as saved) and its resolved outline — for comparing files."""
    from drafter.answers.answers import answers_mapping, read_answers

    answers = read_answers(path, library)
    return answers_mapping(answers), answers.outline


def typed(data: dict[str, Any], library: Library, path: Path | None = None) -> Any:
    """An answers mapping typed as if it were the answers file `path` (default: ./x.answers.yaml)."""
    from drafter.answers.answers import parse_answers
    from drafter.files.yamlio import YamlDoc

    return parse_answers(YamlDoc(path or Path("x.answers.yaml").resolve(), dict(data)), library)


def compose_mapping(data: dict[str, Any], library: Library, path: Path | None = None) -> Any:
    """Compose an answers mapping (tests write answers inline as mappings)."""
    from drafter.composing.composer import compose

    return compose(typed(data, library, path), library)


def render_answers(
    data: dict[str, Any], library: Library, out: Path, *, fmt: str | None = None,
    path: Path | None = None,
) -> Path:
    """Compose an answers mapping (as the file `path`) and write it to `out`."""
    from drafter.writers.render import format_of, write_document

    write_document(compose_mapping(data, library, path), out, format_of(out, fmt))
    return out


def run_import(report: Path, out: Path, library: Library, *, force: bool) -> str:
    """`drafter import` with a given library."""
    from drafter.commands.importing import import_to

    return import_to(report, out, library, force=force)


def disk_full_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> None:
    """Make os.write fail with ENOSPC once `allowed` bytes have been written."""
    real_write = os.write
    written = [0]

    def write(fd: int, data: bytes | memoryview) -> int:
        if written[0] + len(data) > allowed:
            raise OSError(errno.ENOSPC, "No space left on device")
        written[0] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


# Where each program the tests run comes from (Debian packages; .ci/run installs them).
TOOL_PACKAGES = {
    "soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils", "tmux": "tmux",
}


def need_tools(*tools: str) -> None:
    """Skip, saying what to install, when one of these programs is missing; under CI=true fail
    instead: CI installs them, so a missing one there is a broken CI, not a reason to skip."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    packages = sorted({TOOL_PACKAGES.get(tool, tool) for tool in missing})
    reason = f"{', '.join(missing)} not installed (Debian: apt-get install {' '.join(packages)}; .ci/run installs them)"
    if os.environ.get("CI"):
        pytest.fail(f"CI=true, yet {reason}")
    pytest.skip(reason)
