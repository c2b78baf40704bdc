"""Synthetic inputs for the growth benchmarks: bigger answers files and long reports.

The text is written for the benchmark (a fictional county archive); nothing is taken from real
reports. Every paragraph is different (identical lines would be dropped as repeated noise), and
the counts vary, so `import` finds mentions whose keys recur with other numbers, as in a long
real report.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ACTIVITIES = [
    "集中学习",
    "专题研讨",
    "走访调研",
    "主题党日",
    "支委会",
    "党员大会",
    "谈心谈话",
    "警示教育",
    "志愿服务",
    "现场教学",
    "业务培训",
    "档案开放审核",
    "查档接待",
    "红色档案展览",
    "廉政提醒",
    "党课辅导",
    "读书分享",
    "结对共建",
    "意见征集",
    "督办检查",
]
UNITS = ["次", "场", "人次", "篇", "项", "件", "期", "个"]
CLAUSES = [
    "围绕年度重点任务，支部第{k}轮组织党员{a}{n}{u}，参与面不断扩大",
    "结合馆藏资源开发，在{k}号库房周边开展{a}{n}{u}，形成工作记录{m}份",
    "按照“月初谋划、月中推进、月末复盘”的节奏，累计{a}{n}{u}",
    "针对群众反映的问题，第{k}组逐项建立台账，开展{a}约{n}{u}",
    "全馆干部职工积极参与{a}，全年共{n}{u}，比上年增加{m}{u}",
    "以问题为导向推动整改落实，{a}{n}{u}，办结率保持较高水平",
]


def _paragraph(k: int, changed: bool) -> str:
    """Paragraph k: four clauses with counts; `changed` alters its numbers and last clause."""
    parts = []
    for j in range(4):
        clause = CLAUSES[(k + j) % len(CLAUSES)]
        n = (k * 7 + j * 13) % 97 + 2 + (5 if changed else 0)
        parts.append(
            clause.format(
                k=k,
                a=ACTIVITIES[(k * 3 + j) % len(ACTIVITIES)],
                n=n,
                u=UNITS[(k + j) % len(UNITS)],
                m=(k + j) % 9 + 1,
            )
        )
    tail = "下一步将持续巩固成效" if changed else "各项工作取得新进展"
    return "，".join(parts) + f"，{tail}（第{k}段）。"


def report_without_headings(size: int, *, changed_every: int = 0) -> str:
    """A report of about `size` bytes (UTF-8) with no recognisable headings.

    `changed_every` = N alters every N-th paragraph (numbers and a clause), for `diff`.
    """
    lines = ["2024年，某某县档案馆党支部认真落实党建工作责任制，推动党建与档案业务深度融合。"]
    total, k = len(lines[0].encode()), 0
    while total < size:
        k += 1
        line = _paragraph(k, bool(changed_every) and k % changed_every == 0)
        lines.append(line)
        total += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


# Headings are numbered 一..九十九: more top-level sections than this cannot be rendered.
MAX_TOP_SECTIONS = 99


class _WrittenOut(yaml.SafeDumper):
    """Repeated content written out each time: drafter refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def scaled_answers(source: Path, factor: int, target: Path) -> str:
    """`source` made `factor` times longer, written to `target`; returns how ("80 sections").

    The sections are repeated while their number stays within MAX_TOP_SECTIONS (a heading
    label goes up to 九十九); the rest of the factor repeats each section's measures and text.
    """
    data = yaml.safe_load(source.read_text("utf-8"))
    sections = data["sections"]
    repeat = factor
    while len(sections) * repeat > MAX_TOP_SECTIONS:
        repeat //= 2
    content = factor // repeat
    scaled = []
    for _ in range(repeat):
        for section in sections:
            section = dict(section)
            section["measures"] = list(section.get("measures") or []) * content
            text = str(section.get("text") or "").strip()
            section["text"] = "\n".join([text] * content) + "\n" if text else ""
            scaled.append(section)
    data["sections"] = scaled
    text = yaml.dump(data, Dumper=_WrittenOut, allow_unicode=True, sort_keys=False)
    target.write_text(text, "utf-8")
    return f"{len(scaled)} sections" + (f", text ×{content}" if content > 1 else "")


def renamed_answers(source: Path, index: int, target: Path) -> None:
    """`source` for another (fictional) unit: the same answers with the unit numbered."""
    data = yaml.safe_load(source.read_text("utf-8"))
    unit = str(data.get("unit") or "")
    text = source.read_text("utf-8")
    if unit:
        text = text.replace(unit, f"{unit.removesuffix('党支部')}第{index}党支部")
    target.write_text(text, "utf-8")
