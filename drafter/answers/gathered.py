"""The `gathered:` block of an answers file: the branch reports a gathered report sums.

Written by `drafter gather` (docs/formats.md): each branch with its name, unit, source file and
figures (by the count catalogue's names), and the reports left out. Read and checked here, once:
names given and unique, every count a catalogue count, every figure a whole number within the
count's bounds. Answers files without the block (every file before it existed) stay valid.
"""

from __future__ import annotations

from typing import Any

from drafter.answers.model import BranchFigures, Gathered, SkippedReport
from drafter.domain import max_for
from drafter.files import Map, Opt, YamlDoc, excerpt
from drafter.library import Library

SCHEMA: dict[str, Any] = {
    "table": Opt(bool),
    "branches": Opt([{"name": str, "unit": Opt(str), "source": Opt(str), "counts": Opt(Map(int))}]),
    "left_out": Opt([{"source": str, "reason": Opt(str)}]),
}


def parse_gathered(doc: YamlDoc, raw: dict[str, Any], library: Library) -> Gathered:
    """The typed block (already validated against SCHEMA), its names and figures checked."""
    here = ("gathered",)
    branches: list[BranchFigures] = []
    seen: set[str] = set()
    for i, branch in enumerate(raw.get("branches") or []):
        at = here + ("branches", i)
        name = str(branch["name"]).strip()
        if not name:
            raise doc.error(at + ("name",), "支部名称不能为空。")
        if name in seen:
            raise doc.error(at + ("name",), f"支部“{excerpt(name)}”出现了两次。", hint="每个支部只列一次。")
        seen.add(name)
        counts: dict[str, int] = {}
        for key, value in (branch.get("counts") or {}).items():
            entry = library.knowledge.match_count(str(key))
            if entry is None:
                raise doc.error(
                    at + ("counts", str(key)), f"“{excerpt(str(key))}”不是计数目录中的数字。",
                    hint="请用计数目录的名称（如“召开支委会”“收缴党费”），见 outlines/authored/counts.yaml。",
                )
            if not 0 <= value <= max_for(entry.unit):
                raise doc.error(at + ("counts", str(key)), f"数值 {value} 超出允许的范围（0～{max_for(entry.unit)}）。")
            counts[str(key)] = value
        branches.append(BranchFigures(name, str(branch.get("unit") or ""), str(branch.get("source") or ""), counts))
    left_out = [
        SkippedReport(str(item["source"]), str(item.get("reason") or "")) for item in raw.get("left_out") or []
    ]
    return Gathered(branches, left_out, raw.get("table"))


def gathered_mapping(gathered: Gathered) -> dict[str, Any]:
    """The block as an answers file holds it (empty parts left out)."""
    data: dict[str, Any] = {}
    if gathered.table is not None:
        data["table"] = gathered.table
    data["branches"] = [
        {
            "name": b.name,
            **({"unit": b.unit} if b.unit else {}),
            **({"source": b.source} if b.source else {}),
            "counts": dict(b.counts),
        }
        for b in gathered.branches
    ]
    if gathered.left_out:
        data["left_out"] = [{"source": x.source, "reason": x.reason} for x in gathered.left_out]
    return data
