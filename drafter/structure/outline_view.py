"""The `drafter outline REPORT...` views: a readable Chinese tree, or JSON for tools.

The tree is what a user checks before trusting drafter to learn from a report: whether
headings, levels, run-in headings and points were recognised, and what was thrown away.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from drafter.reading import read_report
from drafter.structure.report import ParsedReport, Section
from drafter.structure.structure import parse_report

INDENT = "    "
INDENT_JSON = "  "
_ENCODER = json.JSONEncoder(ensure_ascii=False)  # numbers, true/false/null (and errors)
_encode_string = json.encoder.encode_basestring  # the C string encoder json.dumps uses
SUMMARY_CHARS = 40  # opening/closing paragraphs are shown as their first characters


def run_outline(paths: Sequence[Path], as_json: bool, verbose: bool) -> str:
    """What `drafter outline` prints for these reports; raises InputFileError on bad input."""
    reports = [parse_report(read_report(path)) for path in paths]
    if as_json:
        return outline_json(reports)
    return "\n\n".join(render_tree(report, verbose=verbose) for report in reports)


def outline_json(reports: Sequence[ParsedReport]) -> str:
    """The reports' trees in drafter's public JSON format (Chinese kept readable).

    The text is exactly `json.dumps(..., ensure_ascii=False, indent=2)`; see `pretty_json`.
    """
    return pretty_json([report.to_json() for report in reports])


def pretty_json(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, in less time.

    With an indent the json module takes its pure-Python encoder, one generator step per
    value. Here strings go straight to the C string encoder, scalars and lists of strings
    are written inline, and only containers recurse.
    """
    out: list[str] = []
    _layout(value, out, "\n")
    return "".join(out)


def _layout(value: object, out: list[str], newline: str) -> None:
    """Append `value` laid out with two-space indents; `newline` is a line break plus the
    current indent."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + INDENT_JSON
        if all(isinstance(item, str) for item in value.values()):  # a point: one join
            pairs = (_encode_string(_key(k)) + ": " + _encode_string(v) for k, v in value.items())
            out.append("{" + inner + ("," + inner).join(pairs) + newline + "}")
            return
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator + _encode_string(_key(key)) + ": ")
            if isinstance(item, str):
                out.append(_encode_string(item))
            else:
                _layout(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + INDENT_JSON
        if all(isinstance(item, str) for item in value):
            out.append("[" + inner + ("," + inner).join(map(_encode_string, value)) + newline + "]")
            return
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _layout(item, out, inner)
            separator = "," + inner
        out.append(newline + "]")
    else:
        out.append(_ENCODER.encode(value))


def _key(key: object) -> str:
    """A dict key as json.dumps writes it (true/false/null and numbers become strings)."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool | int | float):
        return _ENCODER.encode(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def render_tree(report: ParsedReport, *, verbose: bool = False) -> str:
    """One report as an indented tree; `verbose` lists each dropped line with its reason."""
    lines = [f"【{report.source}】" if report.source else "【报告】"]
    lines.append(f"标题：{report.title or '（无）'}")
    lines.append(f"开头：{_summary(report.opening)}")
    if report.sections:
        lines.append("结构：")
        for section in report.sections:
            lines.extend(_section_lines(section, depth=1))
    else:
        lines.append("结构：（未识别到标题）")
    lines.append(f"结尾：{_summary(report.closing)}")
    if report.placeholders:
        lines.append(f"占位符：{'  '.join(report.placeholders)}")
    lines.extend(_noise_lines(report, verbose))
    if report.warnings:
        lines.append("警告：")
        lines.extend(f"{INDENT}! {warning}" for warning in report.warnings)
    return "\n".join(lines)


def _section_lines(section: Section, depth: int) -> list[str]:
    """A heading line with its points and children, indented by nesting depth."""
    pad = INDENT * depth
    tag = "（引领式）" if section.run_in else ""
    lines = [f"{pad}{section.marker}{section.title}{tag}"]
    lines.extend(f"{pad}{INDENT}· {point.ordinal} {point.lead}" for point in section.points)
    for child in section.children:
        lines.extend(_section_lines(child, depth + 1))
    return lines


def _summary(paragraphs: Sequence[str]) -> str:
    """First characters of the first paragraph and how many paragraphs there are."""
    if not paragraphs:
        return "（无）"
    first = paragraphs[0]
    shown = first if len(first) <= SUMMARY_CHARS else first[:SUMMARY_CHARS] + "…"
    return f"{shown}（共{len(paragraphs)}段）"


def _noise_lines(report: ParsedReport, verbose: bool) -> list[str]:
    """The dropped-text section: a count, or every line and its reason when verbose."""
    if not report.noise:
        return []
    if not verbose:
        return [f"已删除的无关内容：{len(report.noise)}处（加 --verbose 查看）"]
    lines = [f"已删除的无关内容：{len(report.noise)}处"]
    for item in report.noise:
        text = item.text if len(item.text) <= SUMMARY_CHARS else item.text[:SUMMARY_CHARS] + "…"
        lines.append(f"{INDENT}第{item.line}行 {item.reason}：{text}")
    return lines
