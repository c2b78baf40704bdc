"""An own kind learned from one office's reports: `drafter learn 报告… --name 本单位年度总结`.

The reports are the office's own — last year's summary, the year before's — so they are learned
as one kind whatever their titles say, and more of them is kept than for the shipped outlines:
- the office's names, from the reports' titles and sign-offs (`Office`): a point that names the
  office itself or its superior bodies (组织县市场监管局全体党员……) is kept for this office;
  one naming another unit (市发改委) is still dropped;
- each point's detail as the office wrote it, without last period's figures, years and period
  words, and the counts it stated (drafter.learning.own_points), and each count with the verb
  the office wrote before it;
- the opening of the newest report that has one, without last period's figures
  (`clean_opening`), with the year and period it speaks of: drafts of that period open with it,
  its years moved (drafter.composing.composer.own_opening);
- the shipped kind the reports are (`base`: 年度总结 …), whose title and closing forms the
  drafts use (and its opening, where the office's cannot be said again); ties go to the kind
  listed first in kinds.yaml.
Reports are read newest first (by the year their titles state), so where two reports word a
heading or a detail differently, the latest wording is offered first.

The kind is written into the own library (drafter.library.own) as one YAML file, replacing a
kind of that name learned before; nothing is written into the installed package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import drafter
from drafter.domain import Office, stated_period, title_unit
from drafter.errors import OutputError, os_reason
from drafter.files import check_output, dump_yaml, is_directory, write_atomic
from drafter.learning.learn import (
    GENERAL_ID,
    GENERAL_KIND,
    _merge_siblings,
    _outline,
    classify_sections,
    detect_kind,
    load_kinds_and_topics,
    parsed_reports,
)
from drafter.library import (
    Outline,
    OutlineSection,
    OwnKind,
    check_name,
    clean_opening,
    default_outlines_dir,
    own_path,
    own_root,
)
from drafter.structure import ParsedReport, is_organisation

OWN_HEADER = "# 由 drafter learn --name 从本单位的报告学到；drafter kinds 查看、导出或删除。\n"


def office_of(reports: Sequence[ParsedReport]) -> Office:
    """The office the reports are written for: the units their titles name (before the year),
    then the organisations that sign them off."""
    names = [title_unit(r.title) for r in reports if r.title]
    names += [line for r in reports for line in (*r.closing, *r.byline) if is_organisation(line)]
    return Office.of(n for n in names if n)


def newest_first(reports: Sequence[ParsedReport]) -> list[ParsedReport]:
    """The reports by the year their titles state, the latest first; then by file name."""
    def year(report: ParsedReport) -> int:
        return stated_period(report.title or "")[0] or 0

    return sorted(sorted(reports, key=lambda r: r.source), key=year, reverse=True)


def learn_own(
    reports: Sequence[ParsedReport],
    name: str,
    kinds: Sequence[dict[str, Any]],
    topics: Sequence[dict[str, Any]],
) -> Outline:
    """The own kind `name` learned from one office's reports (see the module docstring)."""
    ordered = newest_first(reports)
    office = office_of(ordered)
    found = Counter(detect_kind(r, kinds)["id"] for r in ordered)
    order = [k["id"] for k in kinds]
    base = max(found, key=lambda k: (found[k], -order.index(k)))
    trees = [classify_sections(r.sections, topics, r.source) for r in ordered]
    names = {t["id"]: t["name"] for t in topics}
    sections = _merge_siblings(trees, len(ordered), 1, names, office)
    base_name = next(k["name"] for k in kinds if k["id"] == base)
    description = f"从本单位的报告学到（{base_name}）"
    outline = _outline(name, name, description, ordered, sections)
    opened = next((r for r in ordered if clean_opening(r.opening, office)), None)
    year, period = stated_period(opened.title or "") if opened else (None, None)
    opening = tuple(clean_opening(opened.opening, office)) if opened and period else ()
    outline.own = OwnKind(base, office.names, opening, year if opening else None, period if opening else None)
    return outline


def own_yaml(outline: Outline) -> str:
    """The text of an own kind's file."""
    return OWN_HEADER + dump_yaml(outline.to_dict())


def run_learn_own(
    paths: Sequence[Path], name: str, outlines_root: Path | None = None, library_root: Path | None = None
) -> str:
    """Learn the own kind `name` from report files into the own library; the terminal summary."""
    kinds, topics = load_kinds_and_topics(outlines_root or default_outlines_dir())
    reserved = (GENERAL_ID, GENERAL_KIND, *(k["id"] for k in kinds), *(k["name"] for k in kinds))
    name = check_name(name, reserved)
    reports, notes = parsed_reports(paths, "请给出本单位往期含“一、（一）1.”或“——”等标题的党建工作总结。")
    outline = learn_own(reports, name, kinds, topics)
    root = library_root or own_root()
    target = own_path(name, root)
    existed = target.exists()
    _prepare(root)
    check_output(target, force=True, inputs=paths)
    write_atomic(target, own_yaml(outline), force=True)
    return _summary(outline, target, existed, notes)


def _prepare(root: Path) -> None:
    """The library folder, made when missing; never inside the installed package."""
    package = Path(drafter.__file__).resolve().parent
    if root.resolve().is_relative_to(package):
        raise OutputError(
            f"{root}：在 drafter 的安装目录中，不能写入。",
            hint="请把环境变量 DRAFTER_HOME 设为安装目录以外的文件夹。",
        )
    if root.exists() and not is_directory(root):
        raise OutputError(f"{root}：不是目录，无法保存本单位的报告类型。", hint="请移走该文件，或设置 DRAFTER_HOME。")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{root}：无法创建目录（{os_reason(exc)}）。", hint="请设置 DRAFTER_HOME 为可写的文件夹。") from exc


def tree_lines(sections: Sequence[OutlineSection], depth: int = 1) -> list[str]:
    """An own kind's heading tree as `drafter kinds` and `learn` show it: each part's first
    title (its topic's name when it has none), indented by level."""
    from drafter.domain import heading_label

    lines = []
    for n, section in enumerate(sections, start=1):
        title = section.titles[0].text if section.titles else section.topic
        lines.append(f"{'  ' * depth}{heading_label(min(depth, 4), n)}{title}")
        lines.extend(tree_lines(section.children, depth + 1))
    return lines


def counted(outline: Outline) -> tuple[int, int]:
    """How many points and facts an outline holds, over its whole tree."""
    walked = [s for top in outline.sections for s in top.walk()]
    return sum(len(s.points) for s in walked), sum(len(s.facts) for s in walked)


def _summary(outline: Outline, target: Path, existed: bool, notes: Sequence[str]) -> str:
    assert outline.own is not None
    points, facts = counted(outline)
    done = "已更新" if existed else "已学到"
    lines = [
        f"{done}本单位的报告类型“{outline.id}”：{outline.description}，{len(outline.sources)} 份报告，"
        f"保存在 {target}",
        f"  单位：{'、'.join(outline.own.units) or '（报告中未写明）'}",
        f"  标题结构（{len(outline.sections)} 个一级栏目；做法 {points} 条，数字 {facts} 项）：",
        *tree_lines(outline.sections),
        *(f"  {note}" for note in notes),
        f"在 drafter new 中选“{outline.id}”即可按本单位的报告起草；drafter kinds 查看全部报告类型。",
    ]
    return "\n".join(lines)
