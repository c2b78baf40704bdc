"""`drafter kinds`: the report kinds drafter can write — shipped and the office's own — and, with
`--remove NAME` or `--export NAME -o FILE`, an own kind removed from the library or written out
as an outline file (placed beside an answers file, it renders on a machine without the library).
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path
from typing import TextIO

from drafter.errors import EXIT_OK, OutputError, UserError, os_reason
from drafter.files import check_output, excerpt, read_input, write_atomic
from drafter.learning import counted, tree_lines
from drafter.library import Library, Outline, load_library, own_path, own_root

EXPORT_SUFFIX = ".outline.yaml"


def run(args: argparse.Namespace, out: TextIO) -> int:
    library = load_library(args.outlines)
    if args.remove is not None and args.export is not None:
        raise UserError("--remove 与 --export 不能同时使用。")
    if args.remove is not None:
        out.write(remove(library, args.remove) + "\n")
    elif args.export is not None:
        target = args.output or Path(f"{args.export.strip()}{EXPORT_SUFFIX}")
        out.write(export(library, args.export, target, force=args.force) + "\n")
    else:
        if args.output is not None:
            raise UserError("-o 只和 --export 一起使用。", hint="例如：drafter kinds --export 本单位年度总结 -o 本单位年度总结.outline.yaml")
        out.write(listing(library) + "\n")
    return EXIT_OK


def listing(library: Library) -> str:
    """Every kind with where it came from, how many reports and its heading tree."""
    shipped = [o for o in library.outlines.values() if o.own is None]
    own = library.own_outlines
    lines = [f"本单位的报告类型（{own_root()}）："]
    if not own:
        lines.append("  （还没有。用 drafter learn 往期报告… --name 本单位年度总结 从本单位的报告学习）")
    for outline in own:
        assert outline.own is not None
        points, facts = counted(outline)
        lines += [
            f"  {outline.id}：{outline.description}，{len(outline.sources)} 份报告"
            f"（{'、'.join(outline.sources)}）；做法 {points} 条，数字 {facts} 项",
            f"    单位：{'、'.join(outline.own.units) or '（报告中未写明）'}",
            *("  " + line for line in tree_lines(outline.sections)),
        ]
    lines += [f"  无法读取：{b.path.name}：{b.reason}" for b in library.broken]
    lines += ["", "自带的报告类型（drafter 从真实报告学到）："]
    for outline in shipped:
        lines += [
            f"  {outline.kind}（{outline.id}）：{len(outline.sources)} 份报告，{len(outline.sections)} 个一级栏目",
            *("  " + line for line in tree_lines(outline.sections)),
        ]
    return "\n".join(lines)


def _own(library: Library, name: str) -> Outline:
    """The own kind called `name`, or an error naming the kinds there are."""
    outline = library.outlines.get(name.strip())
    if outline is not None and outline.own is not None:
        return outline
    if outline is not None:
        raise UserError(f"“{excerpt(name)}”是 drafter 自带的报告类型，不能删除或导出。")
    known = "、".join(o.id for o in library.own_outlines) or "（还没有）"
    raise UserError(f"本单位的大纲库中没有“{excerpt(name)}”。", hint=f"本单位的报告类型：{known}；drafter kinds 查看全部。")


def remove(library: Library, name: str) -> str:
    """Delete an own kind's file from the library (a regular file of the folder only)."""
    outline = _own(library, name)
    path = outline.path or own_path(outline.id)
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{path}：不是普通文件，不删除。")
        path.unlink()
    except OSError as exc:
        raise OutputError(f"{path}：无法删除（{os_reason(exc)}）。") from exc
    return f"已删除本单位的报告类型“{outline.id}”（{path}）。"


def export(library: Library, name: str, target: Path, *, force: bool) -> str:
    """Write an own kind's outline file to `target`, to keep beside the answers that name it."""
    outline = _own(library, name)
    source = outline.path or own_path(outline.id)
    data = read_input(source, "大纲文件")
    check_output(target, force=force, inputs=[source])
    write_atomic(target, data, force=force)
    return (
        f"已导出“{outline.id}”到 {target}。把它和答案文件放在同一文件夹里，"
        f"答案文件写 outline: {outline.id} 即可在没有本单位大纲库的电脑上生成。"
    )
