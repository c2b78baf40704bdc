"""Counts — the one home for finding a count in text, updating it and phrasing it.

A count is an activity and its figure: 集中学习 12 次. Reports state counts inline
("全年开展集中学习12次"), answers files hold them as `numbers: {集中学习: 12}`, and composition
writes the ones the text does not state as a phrase with its verb: 召开支委会8次、党员大会4次，
开展集中学习12次. The verb table itself is data (`verbs:` in outlines/authored/topics.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from drafter.domain.chinese_numerals import NUMERAL_CHARS

# Measure words of a count, longest first so 人次 wins over 人 (the one list: facts are found
# by it in report prose, and a learned detail's tally is recognised by it).
MEASURE_WORDS = (
    "人次", "学时", "课时", "小时", "万元", "元", "次", "场", "篇", "名", "个", "项", "件", "份",
    "处", "条", "期", "家", "本", "批", "轮", "堂", "户", "位", "支", "册", "幅", "张", "人",
)
MAX_COUNT = 100_000
MAX_AMOUNT = 100_000_000  # a sum of money in 元 (收缴党费): a large 党委's dues exceed 100,000
MEASURE_WORD = "(?:" + "|".join(map(re.escape, MEASURE_WORDS)) + ")"
# A figure as a report writes it: a digit; a letter standing for one before a measure word
# (N条推进措施, X次); a Chinese numeral counting people or events (一名预备党员转正, 开展两次
# 专题研讨, 撰写心得十余篇). Not a frequency (每月一次, 每季度两次, 每月由一名党员讲一课: a 每
# earlier in the clause, see `has_figure`) or an order (第一次, 逐一), not a set phrase (两个维护,
# 四个意识, 一户一策, 一件事一次办, 五位一体: 个, 项, 户, 件 and 位 count nothing here, and 一 only
# people and writings), not 作为一名党员.
_NUMERALS = "一二两三四五六七八九十"  # what a figure in words opens with (at most 7 numerals: 三千五百余)
_CLAUSE_BREAK = re.compile("[，；。：、,;]")
_EVERY_REACH = 40  # characters before a figure in words where a 每 of its clause makes it a frequency
_FIGURE = re.compile(
    r"[0-9０-９]|(?<![A-Za-z])[A-Za-z]" + MEASURE_WORD
    + rf"|(?<![每第逐这那同某做当为是哪])(?:[{_NUMERALS[1:]}][{NUMERAL_CHARS}]{{0,6}}(?:余|多)?"
    r"(?:人次|名|篇|场|次|人)|一(?:名|篇|人次))"
)

# Keys that already open with a verb of their own take no extra one.
_OWN_VERBS = ("研究", "发展", "吸收", "完成", "发放", "走访")
# Further openings that make a key a whole activity (评选表彰优秀党员, 为群众办实事): no verb is
# added, and the key is not one "without a verb" either (see `has_verb`).
_OPENS_AS_ACTIVITY = (
    *_OWN_VERBS, "评选", "确定", "收缴", "讲授", "为群众", "组织", "参与", "参加", "解决",
    "帮助", "办理", "协调", "受理", "接待", "举办", "慰问", "培训", "收集", "征集", "排查", "调解",
    "化解", "帮扶", "结对", "设立", "组建", "表彰", "选派", "举行", "接受", "捐赠",
)


class Count(NamedTuple):
    """A count to write as a phrase: its key, value and measure word (集中学习, 12, 次)."""

    key: str
    value: int
    unit: str


def max_for(unit: str | None) -> int:
    """The largest plausible figure for a count with this measure word."""
    return MAX_AMOUNT if unit == "元" else MAX_COUNT


def has_figure(text: str) -> bool:
    """Whether a text states a figure (see `_FIGURE`): a clause of last period's report that does
    is last period's fact, not one to say again. Linear in the text: a run of numerals is read
    seven at most, and a 每 is looked for `_EVERY_REACH` characters back."""
    def clause_before(m: re.Match[str]) -> str:
        return _CLAUSE_BREAK.split(text[max(0, m.start() - _EVERY_REACH) : m.start()])[-1]

    return any(m.group()[0] not in _NUMERALS or "每" not in clause_before(m) for m in _FIGURE.finditer(text))


def is_count(value: object) -> bool:
    """A figure worth writing: a positive whole number (blank, zero and booleans are not)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def stated(key: str) -> re.Pattern[str]:
    """The key followed by its digits as a text states it: 集中学习82 (in 集中学习82次)."""
    return re.compile(re.escape(key) + r"\d+")


def apply_counts(
    paragraphs: list[str], counts: Mapping[str, int | None] | None, unit_of: Callable[[str], str]
) -> tuple[list[str], list[Count]]:
    """Put each count into the text: in place where the text already states it, else as a Count.

    A report carried over from last period says "集中学习82次"; answering 集中学习: 90 must
    update that figure rather than add a second sentence. Counts the text does not mention come
    back for the template to phrase; blank and zero counts give nothing.
    """
    leftover = []
    for key, value in (counts or {}).items():
        if not is_count(value):
            continue
        assert isinstance(value, int)
        pattern = stated(key) if any(key in p for p in paragraphs) else None
        if pattern is not None and any(pattern.search(p) for p in paragraphs):
            paragraphs = [pattern.sub(f"{key}{value}", p) for p in paragraphs]
        else:
            leftover.append(Count(key, value, unit_of(key)))
    return paragraphs, leftover


def stated_counts(paragraphs: list[str], mentions: list[tuple[str, int | float]]) -> dict[str, int]:
    """The counts of a text that `apply_counts` can update in place, from its (key, value) mentions.

    A count qualifies when every occurrence of its key followed by digits carries exactly that
    number, so re-applying it leaves the text unchanged. Each key's occurrences are gathered in
    one pass over the text.
    """
    text = "\n".join(paragraphs)
    candidates: dict[str, int] = {}
    for key, value in mentions:
        if key not in candidates and isinstance(value, int) and 0 < value <= MAX_COUNT:
            candidates[key] = value
    if not candidates:
        return {}
    keys = sorted(candidates, key=len, reverse=True)
    seen: dict[str, set[str]] = {key: set() for key in keys}
    alternatives = "|".join(re.escape(k) for k in keys)
    for m in re.finditer(rf"(?=({alternatives})(\d+))", text):
        seen[m.group(1)].add(m.group(2))
    # The lookahead visits every position, so a key inside a longer one (学习 in 集中学习82)
    # is seen too; at one position only one key can be followed by digits.
    return {key: value for key, value in candidates.items() if seen[key] == {str(value)}}


def verb_for(key: str, verbs: Mapping[str, list[str]]) -> str:
    """The verb a count noun takes in a sentence (支委会 → 召开), "" when it has one already.

    The longest matching ending decides, so 心得体会 goes with 撰写 (体会), not 召开 (会).
    """
    if key.startswith(tuple(verbs)) or key.startswith(_OWN_VERBS):
        return ""
    matches = [(len(e), verb) for verb, endings in verbs.items() for e in endings if key.endswith(e)]
    return max(matches)[1] if matches else ""


def has_verb(key: str, verbs: Mapping[str, list[str]]) -> bool:
    """Whether a count key reads as an activity: it takes a verb from the table or opens with one."""
    return key.startswith((*verbs, *_OPENS_AS_ACTIVITY)) or bool(verb_for(key, verbs))


def phrase_counts(counts: list[Count], verbs: Mapping[str, list[str]]) -> str:
    """召开支委会8次、党员大会4次，开展集中学习12次: counts grouped by verb, the verb said once."""
    groups: dict[str, list[str]] = {}
    for c in counts:
        groups.setdefault(verb_for(c.key, verbs), []).append(f"{c.key}{c.value}{c.unit}")
    return "，".join(verb + "、".join(items) for verb, items in groups.items())
