"""`drafter gather 支部报告… [-o 汇总.answers.yaml] [--unit 某某局机关党委] [--csv 统计表.csv]`.

The 机关党委's report drafted from its branches' reports (drafter.learning.gather): one answers
file, and the figures table as CSV when asked. It says per branch what it read and what it could
not; every output is checked before anything is written, the answers are read back and composed
as `render` would, and the files are written all or none. Exit 0 when every report was used, 1
when one was left out (the others are gathered), 2 when none could be.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.answers import answers_mapping, answers_text, parse_answers
from drafter.composing import compose, figures_table
from drafter.errors import EXIT_CHECK_FAILED, EXIT_OK, UserError
from drafter.files import check_outputs, parse_yaml, write_all
from drafter.learning import GatherResult, gather_reports
from drafter.library import Library, load_library
from drafter.writers import csv_bytes, refuse_input_name

DEFAULT_OUTPUT = Path("汇总.answers.yaml")
SHOWN_MISSING = 3  # branches named per missing count before 等


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Gather, write, print the summary; 1 when a report was left out."""
    library = load_library(args.outlines)
    target: Path = args.output or DEFAULT_OUTPUT
    csv_path: Path | None = args.csv
    if csv_path is not None:
        refuse_input_name(csv_path)
    result = gather_reports(args.reports, library, args.unit)
    outputs = [target] if csv_path is None else [target, csv_path]
    check_outputs(outputs, force=args.force, inputs=args.reports)
    text = answers_text(answers_mapping(result.answers))
    _check_renders(target, text, library, result)
    files: list[tuple[Path, bytes | str]] = [(target, text)]
    if csv_path is not None:
        assert result.answers.gathered is not None
        files.append((csv_path, csv_bytes(figures_table(result.answers.gathered, library.knowledge, missing=""))))
    write_all(files, force=args.force)
    out.write(summary(result, target, csv_path) + "\n")
    return EXIT_CHECK_FAILED if result.left_out else EXIT_OK


def _check_renders(target: Path, text: str, library: Library, result: GatherResult) -> None:
    """Read the answers about to be written as `render` would, and compose them."""
    try:
        answers = parse_answers(parse_yaml(text, target), library, outline=result.answers.outline)
        compose(answers, library, table=True)
    except UserError as exc:
        raise UserError(f"汇总结果无法生成文档，未写入任何文件：{exc.message}", hint=exc.hint) from exc


def summary(result: GatherResult, target: Path, csv_path: Path | None) -> str:
    """What `drafter gather` prints: each branch read, each left out, the totals with their
    sources, what each part took, notes, and what to run next."""
    answers = result.answers
    organisation = f"{answers.unit}，{answers.outline.kind}，{answers.year or ''}年{answers.period or ''}"
    lines = [f"已汇总 {len(result.branches)} 份支部报告 → {target}（{organisation}）"]
    for b in result.branches:
        unit = f"，{b.unit}" if b.unit and b.unit != b.name else ""
        lines.append(f"  {b.name}：{b.source.name}{unit}，识别数字 {len(b.figures)} 项")
    if result.left_out:
        lines.append(f"未能汇总 {len(result.left_out)} 份（其余照常汇总）：")
        lines += [f"  {x.source}：{x.reason}" for x in result.left_out]
    lines.append(f"合计（{len(result.totals)} 项，各支部的数字写入答案文件的 gathered）：")
    for t in result.totals:
        parts = "、".join(f"{name}{f.value}" for name, f in t.by_branch.items())
        missing = ""
        if t.missing:
            shown = "、".join(t.missing[:SHOWN_MISSING]) + ("等" if len(t.missing) > SHOWN_MISSING else "")
            missing = f"；{shown}未写明，不计为0"
        lines.append(f"  {t.entry.name} {t.value}{t.entry.unit}（{parts}{missing}）")
    lines.append("各部分：")
    for part in result.parts:
        if part.closing:
            said = f"合并去重后 {len(part.shared)} 条"
        else:
            said = f"做法 {len(part.shared)} 条（各支部共同的，或证明合计数字的）" if part.shared else "无共同做法"
        examples = f"；典型事例：{'、'.join(part.examples)}" if part.examples else ""
        dropped = f"；另有 {part.dropped} 条未列入（每部分最多 5 条）" if part.dropped else ""
        lines.append(f"  {part.heading}：{said}{examples}{dropped}")
    lines += [f"提示：{note}。" for note in result.notes]
    if csv_path is not None:
        lines.append(f"统计表：{csv_path}（UTF-8，Excel/WPS 可直接打开）")
    lines.append(
        f"下一步：drafter new --answers {target} 修改补充（如机关党委自身的工作），"
        f"或 drafter render {target} --table -o 总结.docx（附统计表）"
    )
    return "\n".join(lines)
