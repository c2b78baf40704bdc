"""核稿 of a gathered report (`drafter gather`): its totals against its sources, and its branches.

A 机关党委's report drawn from its branches' reports keeps every branch's figures (the answers'
`gathered:` block, the rows of its figures table). Three things a reviewer must not find:
- a total that is no longer the sum of its sources (the total, or a branch's figure, edited by
  hand): `gathered_totals`;
- a branch the text names that is not among the reports gathered (第四党支部 when three were;
  another unit's, 县水利局第二党支部, is no branch of ours): `unknown_branches`;
- a branch missing from the table: a report left out when gathering, or a branch with no
  figures (no row): `missing_from_table`.
The rules run only when the context carries the sources (`CheckContext.gathered`).
"""

from __future__ import annotations

import re

from drafter.checking.findings import SIGNATURE, CheckContext, CheckedTotal, Finding, Spot, View

_NUMERAL = "[一二三四五六七八九十]{1,3}"
# 第二党支部, 第二支部, and 第一、第三党支部 (several ordinals, the ending said once).
_ORDINAL_BRANCHES = re.compile(rf"((?:第{_NUMERAL}、)*)(第{_NUMERAL})(?:党)?支部")
_UNIT_WORD = re.compile(r"(?:局|委|院|所|站|校|村|社区|街道|公司|中心|机关|县|市|区)$")
_UNIT_CONTEXT = 12  # characters read before an ordinal for the unit it belongs to
_UNIT_TAIL = 3  # …of which these last must stand in one of the gathered units


def _another_unit(before: str, units: tuple[str, ...]) -> bool:
    """Whether the words before an ordinal name another unit (县水利局第二党支部: not one of
    ours), not the gathered units' own (某某局机关第二党支部)."""
    if not _UNIT_WORD.search(before):
        return False
    tail = before[-_UNIT_TAIL:]
    return not any(tail in unit for unit in units)


def _branch_key(name: str) -> str:
    """A branch name as compared: 第二支部 = 第二党支部."""
    return name.replace("党支部", "支部")


def gathered_totals(view: View, context: CheckContext) -> list[Finding]:
    """A total that is not the sum of the branches' figures it was gathered from."""
    gathered = context.gathered
    if gathered is None:
        return []
    out = []
    for total in gathered.totals:
        if not total.sources:
            continue
        expected = sum(v for _, v in total.sources)
        if total.value == expected:
            continue
        spot = _spot_of(view, total)
        sources = "、".join(f"{name}{v}" for name, v in total.sources)
        at = spot.text.find(str(total.value))
        start, end = (at, at + len(str(total.value))) if at >= 0 else (0, 0)
        out.append(spot.finding(
            "gathered-total", start, end,
            f"“{total.name}”写的是{total.value}{total.unit}，各支部合计是{expected}{total.unit}（{sources}）。",
            "核对后统一：改答案文件中这一部分的数字，或改 gathered 中该支部的数字，再重新生成。",
        ))
    return out


def _spot_of(view: View, total: CheckedTotal) -> Spot:
    """The paragraph of the total's part that names the count, else the part's heading."""
    section = next((s for s in view.sections if s.heading.text == total.heading), None)
    if section is None:
        return view.title or view.texts()[0]
    named = [p for p in section.paragraphs if total.object in p.text or total.name in p.text]
    return next((p for p in named if str(total.value) in p.text), named[0] if named else section.line)


def unknown_branches(view: View, context: CheckContext) -> list[Finding]:
    """A branch named in the text (第四党支部, 第一、第四党支部) that was not gathered."""
    gathered = context.gathered
    if gathered is None:
        return []
    known = [_branch_key(n) for n in (*gathered.branches, *gathered.units)]
    out = []
    for spot in view.texts():
        if spot.path[0] == SIGNATURE:
            continue
        for m in _ORDINAL_BRANCHES.finditer(spot.text):
            if _another_unit(spot.text[max(0, m.start() - _UNIT_CONTEXT) : m.start()], gathered.units):
                continue
            ordinals = [*(o for o in m.group(1).split("、") if o), m.group(2)]
            for ordinal in ordinals:
                name = f"{ordinal}党支部"
                if any(_branch_key(name) in k for k in known):  # a name, or inside a unit
                    continue
                listed = "、".join(gathered.branches)
                out.append(spot.finding(
                    "unknown-branch", m.start(), m.end(),
                    f"文中提到的“{name}”不在汇总的支部中（{listed}）。",
                    "核对支部名称；若是另一个支部的事，请把它的报告一并汇总（drafter gather）后重新生成。",
                ))
    return out


def missing_from_table(view: View, context: CheckContext) -> list[Finding]:
    """A branch the figures table lacks: a report left out, or a branch with no figures."""
    gathered = context.gathered
    if gathered is None:
        return []
    spot = view.title or (view.texts()[0] if view.texts() else None)
    if spot is None:
        return []
    out = []
    for source, reason in gathered.left_out:
        out.append(Finding(
            "missing-branch", spot.path, spot.paragraph, source,
            f"“{source}”没有汇总进来（{reason.rstrip('。')}），统计表和各项合计中都没有这个支部。",
            "补上这个支部可以读取的报告，重新运行 drafter gather；确实不需要时，从答案文件 gathered.left_out 中删去这一项。",
            spot.order,
        ))
    for name in gathered.without_figures:
        out.append(Finding(
            "missing-branch", spot.path, spot.paragraph, name,
            f"“{name}”在汇总的支部中，但没有任何数字，统计表中没有它的一行。",
            "在答案文件 gathered.branches 中补上这个支部的数字，或重新汇总。",
            spot.order,
        ))
    return out
