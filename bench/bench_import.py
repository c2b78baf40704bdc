"""Import speed: one 20,000-character report read, parsed, classified and turned into answers.

Run: python bench/bench_import.py [REPEATS]. Prints seconds per import (goal: ≤ 0.2 s).
The report is synthetic (a fictional county archive), built from varied sections with three
heading levels, run-in headings, 一是…… points and counts, so every importer path runs:
kind detection, topic classification, outline mapping, count extraction and the sign-off.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from drafter.importer import import_report
from drafter.numbering import heading_label, point_ordinal
from drafter.outline import load_library

TARGET_CHARS = 20_000
TOPICS = [
    "强化理论武装，筑牢思想根基",
    "夯实组织基础，规范组织生活",
    "加强党员教育管理，发挥先锋作用",
    "压实管党治党责任，深化清廉建设",
    "守牢意识形态阵地，凝聚思想共识",
    "锤炼过硬作风，提升服务效能",
    "推动党建与业务融合，服务发展大局",
    "关心关爱干部职工，做好群团工作",
]
SUBHEADINGS = [
    "抓实集中学习",
    "创新学习方式",
    "规范三会一课",
    "做好党员发展",
    "开展警示教育",
    "推行预约查档",
]
SENTENCES = [
    "支部全年组织集中学习{n}次，开展专题研讨{m}次，党员参学率保持在较高水平。",
    "围绕档案资源开发，组织党员深入乡镇开展走访调研{n}次，形成调研报告{m}篇。",
    "严格执行民主集中制，召开支委会{n}次、党员大会{m}次，党内政治生活更加规范。",
    "推行预约查档、跨馆出证，全年接待查档群众{n}人次，办结查档事项{m}件。",
    "结合馆藏红色档案开展现场教学，引导党员在岗位上亮身份、作表率，服务群众的意识不断增强。",
    "建立问题清单和责任清单，逐项明确整改时限，确保各项任务按期落实到位。",
]


def paragraph(seed: int, sentences: int) -> str:
    return "".join(
        SENTENCES[(seed + k) % len(SENTENCES)].format(n=seed % 40 + 2 + k, m=seed % 7 + 1)
        for k in range(sentences)
    )


def build_report() -> str:
    """A report of about TARGET_CHARS characters: title, opening, sections, sign-off."""
    lines = [
        "某某县档案馆党支部2024年度党建工作总结",
        "2024年，某某县档案馆党支部坚持以习近平新时代中国特色社会主义思想为指导，统筹推进党建与档案业务各项工作。现将全年工作总结如下：",
    ]
    n = 0
    while sum(map(len, lines)) < TARGET_CHARS:
        n += 1
        lines.append(f"{heading_label(1, n)}{TOPICS[(n - 1) % len(TOPICS)]}")
        for k in range(1, 4):
            seed = n * 10 + k
            lines.append(
                f"{heading_label(2, k)}{SUBHEADINGS[seed % len(SUBHEADINGS)]}。{paragraph(seed, 3)}"
            )
            points = "".join(
                f"{point_ordinal(p)}{SUBHEADINGS[(seed + p) % len(SUBHEADINGS)]}。{paragraph(seed + p, 2)}"
                for p in range(1, 4)
            )
            lines.append(
                f"{heading_label(3, 1)}{SUBHEADINGS[(seed + 1) % len(SUBHEADINGS)]}。{points}"
            )
    lines += ["某某县档案馆党支部", "2024年12月20日"]
    return "\n".join(lines) + "\n"


def count(sections: list[dict]) -> int:
    return sum(1 + count(s.get("children") or []) for s in sections)


def main(repeats: int) -> None:
    library = load_library()
    text = build_report()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(text, encoding="utf-8")
        import_report(path, library)  # warm-up: imports, regex compilation, template caches
        start = time.perf_counter()
        for _ in range(repeats):
            result = import_report(path, library)
        elapsed = time.perf_counter() - start
    print(
        f"report: {len(text)} characters, {count(result.answers['sections'])} sections, outline {result.outline.id}"
    )
    print(f"{repeats} imports: {elapsed / repeats:.4f} s per import (goal ≤ 0.2 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
