"""Reading and parsing stay linear: a 5 MB text report in at most ~6× the time of 1 MB.

Run: python bench/bench_reading.py [REPEATS]. Builds synthetic reports (a fictional county
archive) of 1 MB and 5 MB of UTF-8 text, with headings (一、（一）1. and 一是… points) and
without (plain paragraphs), and prints for each the seconds `read_report` + `parse_report`
take (best of REPEATS), the 5 MB / 1 MB ratio, the seconds of `plausibility` on 5 MB, and
those of the `outline --json` text against `json.dumps(indent=2)`.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from drafter.domain.numbering import heading_label
from drafter.reading.reader import plausibility, read_report
from drafter.structure.outline_view import outline_json
from drafter.structure.structure import parse_report

MB = 1024 * 1024
SENTENCES = [
    "支部全年组织集中学习{n}次，开展专题研讨{m}次，党员参学率保持在较高水平。",
    "围绕档案资源开发，组织党员深入乡镇开展走访调研{n}次，形成调研报告{m}篇。",
    "一是严格执行民主集中制，召开支委会{n}次；二是规范党员大会{m}次，党内政治生活更加规范。",
    "推行预约查档、跨馆出证，全年接待查档群众{n}人次，办结查档事项{m}件。",
]


def paragraph(i: int) -> str:
    return "".join(SENTENCES[(i + k) % len(SENTENCES)].format(n=i % 90 + 3, m=k + 2) for k in range(3))


def report(size: int, *, headings: bool) -> str:
    """About `size` bytes of report text."""
    lines = ["某某县档案馆党支部党建工作总结", "今年以来，支部坚持以党建引领档案业务。现将有关情况总结如下："]
    total, i = 0, 0
    while total < size:
        if headings and i % 12 == 0:
            lines.append(f"{heading_label(1, i // 12 % 99 + 1)}强化理论武装，筑牢思想根基")
        if headings and i % 4 == 0:
            lines.append(f"{heading_label(2, i // 4 % 3 + 1)}抓实集中学习")
        if headings and i % 2 == 0:
            lines.append(f"{heading_label(3, i // 2 % 2 + 1)}规范三会一课。{paragraph(i)}")
        else:
            lines.append(paragraph(i))
        total += len(lines[-1].encode())
        i += 1
    return "\n".join(lines) + "\n"


def best(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    folder = Path(tempfile.mkdtemp())
    for headings in (True, False):
        seconds = {}
        for size in (1, 5):
            path = folder / f"r{size}{headings}.txt"
            path.write_text(report(size * MB, headings=headings), encoding="utf-8")
            seconds[size] = best(lambda path=path: parse_report(read_report(path)), repeats)
        kind = "with headings" if headings else "no headings"
        print(f"{kind:>13}: 1 MB {seconds[1]:.2f} s, 5 MB {seconds[5]:.2f} s, ratio {seconds[5] / seconds[1]:.1f}")
    text = report(5 * MB, headings=True)
    print(f"plausibility, 5 MB: {best(lambda: plausibility(text), repeats):.3f} s")
    parsed = [parse_report(read_report(folder / "r5True.txt"))]
    data = [r.to_json() for r in parsed]
    ours = best(lambda: outline_json(parsed), repeats)
    stdlib = best(lambda: json.dumps(data, ensure_ascii=False, indent=2), repeats)
    print(f"outline --json, 5 MB report: {ours:.3f} s (json.dumps with indent: {stdlib:.3f} s)")


if __name__ == "__main__":
    main()
