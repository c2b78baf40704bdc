"""Learning outlines from real reports: `drafter learn REPORT... -o outlines/learned`.

Each report is recognised as one kind (authored/kinds.yaml: from its title, opening and heading
style, never from its file name), and every heading is classified into a topic
(authored/topics.yaml). Reports of the same kind are then merged section by section: the k-th
section of a topic among its siblings in one report meets the k-th section of that topic in the
others, so an outline keeps duplicated topics apart (integration, integration_2) and nests
children the same way. One general outline merges every report's sections by topic alone.

`learn` is pure; `run_learn` reads the files, writes the YAML and returns the terminal summary.
The output is a function of the reports' contents and file names only, so regenerating it gives
identical bytes.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean
from typing import Any

from drafter.domain import Office, stated_period
from drafter.errors import OutputError, UserError, os_reason
from drafter.files import check_outputs, dump_yaml, is_directory, load_yaml, validate, write_all
from drafter.learning.facts import extract_facts
from drafter.learning.own_points import OwnPoints, own_prose
from drafter.library import (
    AUTHORED_SCHEMAS,
    LEARNED_HEADER,
    OTHER,
    OTHER_NAME,
    Fact,
    Outline,
    OutlineSection,
    Sourced,
    check_point,
    chinese_only,
    clean_point,
    default_outlines_dir,
    similar,
)
from drafter.reading import read_report
from drafter.structure import ParsedReport, Section, parse_report

# Topics that close a report: kept last, in this order, and their sub-headings are items of the
# same list (one problem, one next step) whatever area they touch.
CLOSING_TOPICS = ("problems", "next_steps")
GENERAL_ID = "general"
GENERAL_KIND = "通用党建工作总结"
GENERAL_DESCRIPTION = "综合全部样本报告、按主题归并的通用提纲，适用于各类党建工作总结"
DASH_MARKER = "——"
# A sentence that frames the report: 现将……总结如下：
_FRAMING = re.compile(r"现将|(总结|汇报|报告|述职)如下[：:]?$")
_SENTENCE_END = re.compile(r"(?<=[。！？；：:])")


@dataclass
class TopicNode:
    """A report's section with the topic it was classified into: what merging works on."""

    topic: str
    section: Section
    source: str
    children: list[TopicNode] = field(default_factory=list)


def kind_evidence(report: ParsedReport, kind: dict[str, Any]) -> list[str]:
    """What in the report matches a kind's detect rule, in words; empty when nothing does.

    A rule matches when any of its conditions holds: a title_any word in the title (in the first
    opening paragraph when the report has no title), a title_period period stated there (上半年
    in “……关于2026年上半年机关党建工作情况的报告”), an opening_any word in the opening, or a
    share of —— headings of at least dash_share.
    """
    rule = kind.get("detect") or {}
    head = report.title or (report.opening[0] if report.opening else "")
    opening = "\n".join(report.opening)
    evidence = []
    if words := [w for w in rule.get("title_any") or [] if w in head]:
        evidence.append(f"{'标题' if report.title else '开头'}含“{'”“'.join(words)}”")
    if (period := stated_period(head)[1]) in (rule.get("title_period") or []):
        evidence.append(f"{'标题' if report.title else '开头'}所写期间为“{period}”")
    if words := [w for w in rule.get("opening_any") or [] if w in opening]:
        evidence.append(f"开头含“{'”“'.join(words)}”")
    headings = report.walk()
    share = rule.get("dash_share")
    if share is not None and headings:
        dashes = sum(s.marker.startswith(DASH_MARKER) for s in headings) / len(headings)
        if dashes >= share:
            evidence.append("多数标题以“——”开头")
    return evidence


def detect_kind(report: ParsedReport, kinds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The first kind whose detect rule matches the report; the last kind when none does."""
    return next((kind for kind in kinds if kind_evidence(report, kind)), kinds[-1])


def classify_topic(
    section: Section, topics: Sequence[dict[str, Any]], parent: str | None = None
) -> str:
    """The topic id of a section, or "other".

    Under a closing topic (problems, next_steps) the parent's topic. Otherwise the topic named
    first in the heading (the longer keyword at the same place); failing that, the topic whose
    keywords weigh most in the body (occurrences × length); failing that, the parent's topic.
    """
    if parent in CLOSING_TOPICS:
        return parent
    in_title: list[tuple[int, int, int, str]] = [
        (pos, -len(word), rank, topic["id"])
        for rank, topic in enumerate(topics)
        for word in topic["keywords"]
        if (pos := section.title.find(word)) >= 0
    ]
    if in_title:
        return min(in_title)[3]
    body = "\n".join(section.body)
    weights: list[tuple[int, int, str]] = [
        (sum(body.count(word) * len(word) for word in topic["keywords"]), -rank, topic["id"])
        for rank, topic in enumerate(topics)
    ]
    best = max(weights, default=(0, 0, OTHER))
    if best[0] > 0:
        return best[2]
    return parent if parent and parent != OTHER else OTHER


def learn(
    reports: Sequence[ParsedReport],
    kinds: Sequence[dict[str, Any]],
    topics: Sequence[dict[str, Any]],
) -> list[Outline]:
    """One outline per kind found (in kinds.yaml order), then the general outline."""
    ordered = sorted(reports, key=lambda r: r.source)
    trees = {r.source: classify_sections(r.sections, topics, r.source) for r in ordered}
    names = {t["id"]: t["name"] for t in topics}
    outlines = []
    for kind in kinds:
        members = [r for r in ordered if detect_kind(r, kinds)["id"] == kind["id"]]
        if members:
            sections = _merge_siblings([trees[r.source] for r in members], len(members), 1, names)
            outlines.append(
                _outline(kind["id"], kind["name"], kind["description"], members, sections)
            )
    general = _general_sections([trees[r.source] for r in ordered], len(ordered), names)
    outlines.append(_outline(GENERAL_ID, GENERAL_KIND, GENERAL_DESCRIPTION, ordered, general))
    return outlines


def classify_sections(
    sections: Sequence[Section],
    topics: Sequence[dict[str, Any]],
    source: str,
    parent: str | None = None,
) -> list[TopicNode]:
    """A report's heading tree with every section classified into a topic."""
    out = []
    for section in sections:
        topic = classify_topic(section, topics, parent)
        children = classify_sections(section.children, topics, source, topic)
        out.append(TopicNode(topic, section, source, children))
    return out


def _sort_key(topic: str, mean_position: float, names: dict[str, str]) -> tuple[int, float, int]:
    """Closing topics last (problems, then next steps); the rest by where reports put them."""
    closing = CLOSING_TOPICS.index(topic) + 1 if topic in CLOSING_TOPICS else 0
    rank = list(names).index(topic) if topic in names else len(names)
    return closing, mean_position, rank


def _merge_siblings(
    groups: Sequence[Sequence[TopicNode]],
    n_reports: int,
    level: int,
    names: dict[str, str],
    office: Office | None = None,
) -> list[OutlineSection]:
    """Merge sibling lists (one per report) slot by slot: (topic, k-th of that topic).
    `office`: the reports are that office's own (see `_section`)."""
    slots: dict[tuple[str, int], list[tuple[float, TopicNode]]] = {}
    for siblings in groups:
        seen: Counter[str] = Counter()
        for i, node in enumerate(siblings):
            seen[node.topic] += 1
            position = (i + 0.5) / len(siblings)
            slots.setdefault((node.topic, seen[node.topic]), []).append((position, node))
    order = sorted(
        slots,
        key=lambda s: (*_sort_key(s[0], fmean(p for p, _ in slots[s]), names), s[1]),
    )
    out = []
    for index, (topic, nth) in enumerate(order, start=1):
        nodes = [node for _, node in slots[(topic, nth)]]
        if topic == OTHER:
            section_id = f"{OTHER}_{index}"
        else:
            section_id = topic if nth == 1 else f"{topic}_{nth}"
        children = _merge_siblings([n.children for n in nodes], n_reports, level + 1, names, office)
        name = names.get(topic, OTHER_NAME)
        out.append(_section(section_id, name, level, nodes, n_reports, children, office))
    return out


def _topic_units(nodes: Iterable[TopicNode]) -> Iterator[TopicNode]:
    """A report's topical sections in reading order, for the general outline.

    Unclassified headings are dropped but their children kept (一、主要工作开展 is only a
    container); children of problems / next steps are items of those lists, not topics.
    """
    for node in nodes:
        if node.topic != OTHER:
            yield node
        if node.topic not in CLOSING_TOPICS:
            yield from _topic_units(node.children)


def _general_sections(
    trees: Sequence[Sequence[TopicNode]], n_reports: int, names: dict[str, str]
) -> list[OutlineSection]:
    """One level-1 section per topic seen, ordered by its mean first position in the reports."""
    nodes: dict[str, list[TopicNode]] = {}
    first_positions: dict[str, list[float]] = {}
    for tree in trees:
        units = list(_topic_units(tree))
        for i, node in enumerate(units):
            if node.topic not in nodes or nodes[node.topic][-1].source != node.source:
                first_positions.setdefault(node.topic, []).append((i + 0.5) / len(units))
            nodes.setdefault(node.topic, []).append(node)
    order = sorted(nodes, key=lambda t: _sort_key(t, fmean(first_positions[t]), names))
    return [_section(t, names[t], 1, nodes[t], n_reports, []) for t in order]


def _section(
    section_id: str,
    topic_name: str,
    level: int,
    nodes: Sequence[TopicNode],
    n_reports: int,
    children: list[OutlineSection],
    office: Office | None = None,
) -> OutlineSection:
    """An outline section from the report sections merged into it.

    Reports of one `office` (an own kind) keep more of what they say, for that office only:
    points naming the office or its superiors, each point's own detail and counts
    (drafter.learning.own_points), and the verb before each count (开展食品安全专项检查)."""
    run_in_votes = sum(1 if n.section.run_in else -1 for n in nodes)
    closing = any(n.topic in CLOSING_TOPICS for n in nodes)
    own = OwnPoints([(n.section.points, n.source) for n in nodes], office, closing) if office else None
    section = OutlineSection(
        id=section_id,
        topic=topic_name,
        level=level,
        share=len({n.source for n in nodes}) / n_reports,
        run_in=run_in_votes > 0,
        titles=_ranked((n.section.title, n.source) for n in nodes),
        points=_ranked(
            own.sightings if own else
            ((lead, n.source) for n in nodes for p in n.section.points if (lead := clean_point(p.lead)))
        ),
        facts=_merged_facts(
            (
                fact
                for n in nodes
                for fact in extract_facts("\n".join(n.section.body), n.source, with_verbs=office is not None)
            ),
            reworded=office is not None,
        ),
        children=children,
    )
    if own is not None and office is not None:
        section.text = own_prose((n.section.body for n in nodes), office) or own.results
        for point in section.points:
            point.detail = own.details.get(point.text, "")
            keys = [_known_as(k, section.facts) for k in own.counts.get(point.text, [])]
            point.counts = list(dict.fromkeys(keys))
    return section


def _ranked(seen: Iterable[tuple[str, str]]) -> list[Sourced]:
    """Distinct texts with their sources: the most widely seen first, ties in order of sight."""
    sources: dict[str, set[str]] = {}
    for text, source in seen:
        sources.setdefault(text, set()).add(source)
    order = sorted(sources, key=lambda t: -len(sources[t]))  # stable: ties keep first sight
    return [Sourced(t, sorted(sources[t])) for t in order]


def _merged_facts(facts: Iterable[Fact], reworded: bool = False) -> list[Fact]:
    """Facts merged by key and unit (the first example kept), the most widely seen first. With
    `reworded` (one office's reports, newest first), a key worded a little differently from one
    report to the next (为林农解决实际困难 / 解决林农实际困难) is the first key seen."""
    merged: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        key = _known_as(fact.key, [f for f in merged.values() if f.unit == fact.unit]) if reworded else fact.key
        known = merged.get((key, fact.unit))
        if known is None:
            merged[(key, fact.unit)] = Fact(key, fact.unit, fact.sources, fact.example)
        else:
            known.sources = sorted(set(known.sources) | set(fact.sources))
    return sorted(merged.values(), key=lambda f: -len(f.sources))


_SAME_ACTIVITY = 4  # characters two count keys may end in alike: one activity (……巡山护林)


def _known_as(key: str, facts: Sequence[Fact]) -> str:
    """The key of `facts` that `key` is, says nearly the same as (`similar`), or ends alike
    with (参与巡山护林 / 组织党员巡山护林: another verb, one activity); else `key`."""
    def same(known: str) -> bool:
        a, b = chinese_only(known), chinese_only(key)
        return similar(a, b) or (len(a) > _SAME_ACTIVITY < len(b) and a[-_SAME_ACTIVITY:] == b[-_SAME_ACTIVITY:])

    return next((f.key for f in facts if f.key == key), None) or next((f.key for f in facts if same(f.key)), key)


def _outline(
    outline_id: str,
    kind_name: str,
    description: str,
    reports: Sequence[ParsedReport],
    sections: list[OutlineSection],
) -> Outline:
    return Outline(
        id=outline_id,
        kind=kind_name,
        description=description,
        sources=[r.source for r in reports],
        sections=sections,
        titles=_ranked((r.title, r.source) for r in reports if r.title),
        opening=_ranked((s, r.source) for r in reports for s in _framing_sentences(r.opening)),
        closing=_ranked((p, r.source) for r in reports for p in r.closing if p.strip()),
    )


def _framing_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The sentences of an opening that frame the report (现将……总结如下：), not its praise."""
    sentences = (s.strip() for p in paragraphs for s in _SENTENCE_END.split(p))
    return [s for s in sentences if s and _FRAMING.search(s)]


def load_kinds_and_topics(root: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The validated authored kinds and topics of an outlines folder (all learning needs)."""
    loaded = []
    for name in ("kinds.yaml", "topics.yaml"):
        doc = load_yaml(root / "authored" / name)
        validate(doc, AUTHORED_SCHEMAS[name])
        loaded.append(doc.data[name.removesuffix(".yaml")])
    kinds, topics = loaded
    if not kinds:
        raise UserError(f"{root / 'authored' / 'kinds.yaml'}：至少需要一种报告类型。")
    return kinds, topics


def outline_yaml(outline: Outline) -> str:
    """The text of a learned outline file."""
    return LEARNED_HEADER + dump_yaml(outline.to_dict())


def run_learn(
    paths: Sequence[Path], out_dir: Path, outlines_root: Path | None = None, verbose: bool = False
) -> str:
    """Learn from report files, write one YAML per kind found plus general.yaml into out_dir.

    Learned files in out_dir that this run no longer produces are removed, so the folder always
    equals the learner's output. Returns the summary printed on the terminal.
    """
    kinds, topics = load_kinds_and_topics(outlines_root or default_outlines_dir())
    reports, notes = parsed_reports(paths, "请给出含“一、（一）1.”或“——”等标题的党建工作总结。")
    outlines = learn(reports, kinds, topics)
    _prepare_dir(out_dir)
    files: list[tuple[Path, bytes | str]] = [
        (out_dir / f"{outline.id}.yaml", outline_yaml(outline)) for outline in outlines
    ]
    check_outputs([path for path, _ in files], force=True, inputs=paths)
    write_all(files, force=True)  # all outlines or none: a full disk leaves the old set whole
    removed = _remove_stale(out_dir, {path.name for path, _ in files})
    return _summary(reports, outlines, kinds, topics, out_dir, notes, removed, verbose)


def parsed_reports(paths: Sequence[Path], hint: str) -> tuple[list[ParsedReport], list[str]]:
    """The reports to learn from (each file once, those with headings) and a note for each
    file skipped; none at all is a user error with `hint`."""
    reports, notes = [], []
    for path in _distinct(paths):
        report = parse_report(read_report(path), path.name)
        if report.sections:
            reports.append(report)
        else:
            notes.append(f"跳过 {path.name}：未识别到任何标题，无法学习结构。")
    if not reports:
        raise UserError("没有可学习的报告。", hint=hint)
    return reports, notes


def _distinct(paths: Sequence[Path]) -> list[Path]:
    """The paths sorted by file name, each once; two different files with one name are an error."""
    by_name: dict[str, Path] = {}
    for path in paths:
        known = by_name.setdefault(path.name, path)
        if known.resolve() != path.resolve():
            raise UserError(
                f"两份报告的文件名相同：{known} 与 {path}。",
                hint="大纲只记录文件名作为来源，请先给其中一份改名。",
            )
    return [by_name[name] for name in sorted(by_name)]


def _prepare_dir(out_dir: Path) -> None:
    if os.path.lexists(out_dir) and not is_directory(out_dir):
        raise OutputError(f"{out_dir}：不是目录。", hint="-o 应给出存放大纲 YAML 的目录。")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}：无法创建目录（{os_reason(exc)}）。") from exc


def _remove_stale(out_dir: Path, written: set[str]) -> list[str]:
    """Delete learned outlines (files starting with the learned header) not written this run."""
    removed = []
    for path in sorted(out_dir.glob("*.yaml")):
        if path.name in written:
            continue
        try:
            stale = path.read_text(encoding="utf-8").startswith(LEARNED_HEADER)
        except (OSError, UnicodeDecodeError):
            continue
        if stale:
            path.unlink()
            removed.append(path.name)
    return removed


def _summary(
    reports: Sequence[ParsedReport],
    outlines: Sequence[Outline],
    kinds: Sequence[dict[str, Any]],
    topics: Sequence[dict[str, Any]],
    out_dir: Path,
    notes: Sequence[str],
    removed: Sequence[str],
    verbose: bool,
) -> str:
    """The Chinese terminal summary: what was written; with verbose, how each report was read."""
    lines = [f"已从 {len(reports)} 份报告学习大纲，写入 {out_dir}："]
    for outline in outlines:
        what = "个主题" if outline.id == GENERAL_ID else "个一级栏目"
        lines.append(
            f"  {outline.id}.yaml  {outline.kind}（{len(outline.sources)} 份报告，"
            f"{len(outline.sections)} {what}）"
        )
    lines.extend(f"  已删除过时的大纲：{name}" for name in removed)
    lines.extend(f"  {note}" for note in notes)
    if verbose:
        names = {t["id"]: t["name"] for t in topics}
        for report in sorted(reports, key=lambda r: r.source):
            lines.append("")
            lines.append(f"【{report.source}】→ {detect_kind(report, kinds)['name']}")
            tree = classify_sections(report.sections, topics, report.source)
            lines.extend(_tree_lines(tree, names))
            lines.extend(_point_lines(report.walk()))
    return "\n".join(lines)


def _point_lines(sections: Iterable[Section]) -> list[str]:
    """The points of a report that were dropped or generalised before being offered, and why."""
    lines = []
    for section in sections:
        for point in section.points:
            checked = check_point(point.lead) if point.lead else None
            if checked is None or not checked.reason:
                continue
            if checked.text is None:
                lines.append(f"    舍弃要点“{point.lead}”：{checked.reason}")
            else:
                lines.append(f"    改写要点“{point.lead}”→“{checked.text}”：{checked.reason}")
    return ["  要点清理："] + lines if lines else []


def _tree_lines(nodes: Sequence[TopicNode], names: dict[str, str], depth: int = 1) -> list[str]:
    """Each heading with the topic it was classified into, indented by level."""
    lines = []
    for node in nodes:
        heading = f"{node.section.marker}{node.section.title}"
        lines.append(f"{'  ' * depth}{heading} → {names.get(node.topic, OTHER_NAME)}")
        lines.extend(_tree_lines(node.children, names, depth + 1))
    return lines
