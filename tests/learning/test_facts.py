"""Numeric facts: keys, units, qualifiers, and what must never count (dates, titles, ranges…)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.domain import MEASURE_WORDS as UNITS
from drafter.learning import facts
from drafter.learning.facts import MAX_BOOK_TITLE, MAX_RUN, extract_facts, find_mentions


def triples(text: str) -> list[tuple[str, int | float, str]]:
    return [(m.key, m.value, m.unit) for m in find_mentions(text)]


def test_enumeration_after_fillers() -> None:
    text = "今年以来，支部累计组织集中学习15次、专题研讨4次，撰写心得体会36篇。"
    assert triples(text) == [("集中学习", 15, "次"), ("专题研讨", 4, "次"), ("撰写心得体会", 36, "篇")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至目前，已召开支委会9次。", ("支委会", 9, "次")),  # fillers and a generic verb go
        ("各党小组开展学习20次。", ("学习", 20, "次")),  # the subject before the verb goes
        ("全年共计走访困难群众37户。", ("走访困难群众", 37, "户")),
        ("青年理论小组撰写了6篇调研报告。", ("撰写调研报告", 6, "篇")),  # verb + object after
        ("为12名困难党员送去慰问品。", ("困难党员", 12, "名")),  # prepositional phrase
        ("其中3篇文章被评为优秀。", ("文章", 3, "篇")),  # nothing usable before the number
        ("每人发放200元学习资料。", ("发放学习资料", 200, "元")),
        ("开展“红色故事会”宣讲活动5场。", ("红色故事会宣讲活动", 5, "场")),  # quotes dropped
        ("召开组织生活会2次。", ("组织生活会", 2, "次")),  # 组织生活会 is a noun
        ("召开支委会１２次。", ("支委会", 12, "次")),  # full-width digits
        ("形成有分量的课题成果4项。", ("课题成果", 4, "项")),  # the clause nearest the number
        ("2024年5月至今参与活动人数累计1300人次。", ("参与活动人数", 1300, "人次")),
    ],
)
def test_keys(text: str, expected: tuple[str, int, str]) -> None:
    assert triples(text) == [expected]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("共开展谈心谈话30余人次。", "余"), ("累计参加培训近90人次。", "近"), ("收集意见建议40多条。", "多")],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    (mention,) = find_mentions(text)
    assert mention.qualifier == qualifier
    assert mention.value in (30, 90, 40)


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月，支部换届。",  # year and month
        "1－6月份按时交纳党费。",  # month range
        "2024-2026年规划已印发。",  # year range
        "党员参学率达到95%。",  # percentage
        "参学率提高了5个百分点。",
        "按照《某某县2024年党建工作要点30条》执行。",  # inside a book title
        "转发某组发〔2024〕7号文件。",  # document number
        "推行“1+3+N”工作法。",  # formula
        "第2次全体会议顺利召开。",  # ordinal
        "整改为期3个月。",  # a duration
        "召开支委会**次，研究XX项工作。",  # placeholders are not numbers
        "组织三会一课，落实两个维护。",  # Chinese numerals are slogans
    ],
)
def test_not_counts(text: str) -> None:
    assert find_mentions(text) == []


def test_extract_facts_keeps_first_mention_and_sources() -> None:
    text = "上半年集中学习8次，下半年集中学习11次，投入经费1.5万元。"
    facts = extract_facts(text, "甲.txt")
    assert [(f.key, f.unit, f.example, f.sources) for f in facts] == [
        ("集中学习", "次", 8, ["甲.txt"]),
        ("投入经费", "万元", None, ["甲.txt"]),  # not a whole number: no example
    ]


_ALPHABET = "开展集中学习研讨召开支委会党员累计共截至目前了的“”《》，。、；：0123456789次篇名余年月%-+第 "


@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_keys_are_reusable_answer_keys(text: str) -> None:
    """Whatever the text, a key is at least two Chinese characters, no punctuation, a known unit."""
    for mention in find_mentions(text):
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,}", mention.key), mention
        assert mention.unit in UNITS
        assert mention.value >= 0


def test_offsets_and_keys_do_not_depend_on_what_came_long_before() -> None:
    """Each number is read through positions in one text: a long prefix shifts the offsets and
    changes nothing else."""
    text = "今年以来，支部累计组织集中学习15次、专题研讨4次，撰写心得体会36篇。"
    prefix = "档案馆全体党员积极参与各项活动。" * 500
    plain = find_mentions(text)
    shifted = find_mentions(prefix + text)
    assert [(m.key, m.value, m.unit, m.qualifier) for m in shifted] == [
        (m.key, m.value, m.unit, m.qualifier) for m in plain
    ]
    assert [m.start for m in shifted] == [m.start + len(prefix) for m in plain]


def test_reads_a_bounded_window_around_each_number() -> None:
    """A run of Chinese longer than MAX_RUN before a number is read only up to MAX_RUN."""
    run = "档" * (MAX_RUN + 50) + "集中学习"
    (mention,) = find_mentions(run + "8次。")
    assert mention.key.endswith("集中学习")
    assert len(mention.key) <= MAX_RUN


def test_an_unclosed_book_title_does_not_hide_later_counts() -> None:
    text = "《" + "某" * (MAX_BOOK_TITLE + 10) + "。全年召开支委会12次。》"
    assert ("支委会", 12, "次") in triples(text)


def test_repeated_calls_give_independent_lists() -> None:
    text = "全年召开支委会12次。"
    first = find_mentions(text)
    first.clear()
    assert triples(text) == [("支委会", 12, "次")]


def _best_time(text: str) -> float:
    """The best of three uncached runs of find_mentions on `text`."""
    best = float("inf")
    for _ in range(3):
        facts._mentions.cache_clear()
        start = time.perf_counter()
        find_mentions(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_a_number_costs_the_same_however_much_text_surrounds_it() -> None:
    """Linear time: 5,000 counts inside a million characters cost about what the counts and
    the surrounding text cost apart. (Copying the text before and after each number, as
    find_mentions once did, made it several times as much.)"""
    counts = "学1次，" * 5_000
    padding = "。" * 500_000
    apart = _best_time(counts) + _best_time(padding + padding)
    together = _best_time(padding + counts + padding)
    assert together < 2 * apart, f"{together * 1000:.0f} ms vs {apart * 1000:.0f} ms apart"


def test_an_own_count_names_its_activity_or_is_not_asked() -> None:
    text = "开设“交通大讲堂”，全年举办6期，党员参与讲学14人次。协调解决征地拆迁、管线迁改等难题15个。"
    assert [f.key for f in extract_facts(text, "2025.txt", with_verbs=True)] == ["党员参与讲学"]
