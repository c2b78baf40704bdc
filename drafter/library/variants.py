"""Choosing among a bank item's wordings, so that offices differ and no report repeats itself.

A bank detail, 成效 sentence, cause or kind's framing form may have several wordings. Which one
a report uses is decided by a stable hash of the unit's name and the item (zlib.crc32, never
Python's salted `hash`): the same office gets the same draft on every run and machine, two
offices mostly get different ones everywhere (`ranked`). Within one report a wording is skipped when it
would say again a phrase of four characters or more that the report already says (`choose_wording`), so
that 同部署…同部署 or 究其原因…究其原因 never stand in one draft.

Terms of the trade (意识形态, 党员干部, 三会一课 …) are names, not phrasing: a report must be able
to say them again and again, so a four-character run lying inside one of `TERMS` is no phrase.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

from drafter.domain import NUMERAL_CHARS, parse_chinese

PHRASE = 4  # characters: a run this long said twice reads as a repetition

# Names a report says as often as its subject needs: no phrasing of the bank, never "repeated".
TERMS = (
    "习近平新时代中国特色社会主义思想", "全面从严治党", "党风廉政建设", "意识形态工作", "意识形态",
    "党员干部", "干部职工", "党建工作", "业务工作", "三会一课", "主题党日", "组织生活", "党内政治生活",
    "理论学习", "中心组", "第一议题", "党的创新理论", "党组织", "党支部", "党小组", "党务干部",
    "入党积极分子", "发展党员", "党员教育", "教育管理", "先锋模范", "党风廉政", "廉政风险",
    "警示教育", "廉政党课", "纪检监察", "八项规定", "形式主义", "官僚主义", "作风建设", "四风",
    "志愿服务", "群众满意", "急难愁盼", "我为群众办实事", "党建与业务", "党建和业务", "党建品牌",
    "先锋岗", "突击队", "民主集中制", "民主生活会", "组织生活会", "谈心谈话", "党费收缴", "流动党员",
    "组织关系", "党员档案", "预备党员", "一岗双责", "主体责任", "责任清单", "第一责任人",
    "评先评优", "重点任务", "中心工作", "存在问题", "下一步", "工作总结", "上级党组织", "管党治党",
    "党建工作责任制", "学习教育", "专题学习", "集中学习", "调查研究", "党的建设", "班子成员",
    "支委会", "党员大会", "思想动态", "网络舆情", "宣传思想", "统战工作", "民族团结", "工会",
    "共青团", "妇委会", "职工之家", "青年干部", "党员先锋", "党建引领", "高质量发展", "业务融合",
    "党员群众", "政治建设", "整改落实", "问题清单", "整改台账", "党员突击队", "抓党建", "党建工作",
    "干事创业", "服务对象", "责任人", "思想政治工作", "社会主义核心价值观", "核心价值观", "请示报告",
    "党性分析", "所属党组织", "纪检监察机关", "庸懒散慢", "民族团结进步", "述职评议", "发展党员工作",
    "请销假", "全国党员管理信息系统",
)
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Every place a term starts, the longest term there (alternatives longest first; the lookahead
# finds terms that overlap, as 意识形态工作 and 工作总结 may).
_TERM_AT = re.compile("(?=(" + "|".join(re.escape(t) for t in sorted(TERMS, key=len, reverse=True)) + "))")


# A numbered branch of a 机关 (机关第二党支部, 第3党小组, 三支部): the branches of one body are read
# side by side by the 机关党委, so their number, not their hash, sets their place in the rotation.
_BRANCH = re.compile(rf"第?([{NUMERAL_CHARS}]{{1,3}}|\d{{1,3}})(?=党?支部|党小组|党总支)")


def unit_number(unit: str) -> int:
    """The unit's place in every rotation: crc32 of its name, except that a numbered branch
    takes its body's number plus its own ordinal, so the first n branches of one body (n
    wordings per item) never share a wording."""
    match = _BRANCH.search(unit)
    if match:
        ordinal = int(match[1]) if match[1].isdigit() else parse_chinese(match[1])
        if ordinal is not None:
            body = unit[: match.start()] + "#" + unit[match.end() :]
            return zlib.crc32(body.encode()) + ordinal
    return zlib.crc32(unit.encode())


def ranked(variants: Sequence[str], unit: str, item: str) -> list[str]:
    """The wordings in this unit's order: a rotation of the list starting at crc32(unit) +
    crc32(item), the same on every run and machine.

    Rotating by the unit's own number (rather than shuffling each item by its own hash) makes
    two offices differ on every item at once: with n wordings per item, two units either take
    the same wording everywhere (their numbers agree modulo n, one pair in n) or nowhere, so
    most pairs of offices share no sentence at all instead of every pair sharing a third, and
    numbered branches of one body share none (`unit_number`)."""
    n = len(variants)
    start = (unit_number(unit) + zlib.crc32(item.encode())) % n if n else 0
    return [variants[(start + k) % n] for k in range(n)]


@lru_cache(maxsize=4096)
def phrases(text: str) -> frozenset[str]:
    """The runs of `PHRASE` Chinese characters in `text` that are phrasing, not a term: runs
    do not cross punctuation, and a run lying mostly inside one occurrence of a term (the term,
    or the term and the character joining it on: 组织生活的) is left out."""
    out: set[str] = set()
    for segment in _CJK.findall(text):
        spans = [(m.start(), m.start() + len(m[1])) for m in _TERM_AT.finditer(segment)]
        for i in range(len(segment) - PHRASE + 1):
            if not any(min(b, i + PHRASE) - max(a, i) >= PHRASE - 1 for a, b in spans):
                out.add(segment[i : i + PHRASE])
    return frozenset(out)


def choose_wording(variants: Sequence[str], unit: str, item: str, said: Iterable[str] = ()) -> str:
    """The wording a report uses: the first in this unit's order that repeats no phrase the
    report already says (`said`); when every one would, the one repeating fewest. "" for none."""
    if not variants:
        return ""
    order = ranked(variants, unit, item)
    said_phrases: set[str] = set().union(*(phrases(s) for s in said))
    return min(order, key=lambda v: len(phrases(v) & said_phrases))
