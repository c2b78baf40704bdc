"""Word list numbers: every number format, lvlText templates, counting and restarts."""

from __future__ import annotations

import pytest
from lxml import etree

from drafter.reading.word_numbering import format_number, read_numbering
from tests.wordml import abstract_num, level, num, numbering, start_override


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("decimal", ["1", "2", "10", "11", "100"]),
        ("decimalZero", ["01", "02", "10", "11", "100"]),
        ("decimalFullWidth", ["１", "２", "１０", "１１", "１００"]),
        ("decimalEnclosedCircle", ["①", "②", "⑩", "⑪", "100"]),
        ("decimalEnclosedParen", ["⑴", "⑵", "⑽", "⑾", "100"]),
        ("chineseCounting", ["一", "二", "十", "十一", "一百"]),
        ("chineseCountingThousand", ["一", "二", "十", "十一", "一百"]),
        ("japaneseCounting", ["一", "二", "十", "十一", "一百"]),
        ("chineseLegalSimplified", ["壹", "贰", "壹拾", "壹拾壹", "壹佰"]),
        ("ideographDigital", ["一", "二", "一〇", "一一", "一〇〇"]),
        ("ideographTraditional", ["甲", "乙", "癸", "甲", "癸"]),
        ("ideographZodiac", ["子", "丑", "酉", "戌", "卯"]),
        ("upperLetter", ["A", "B", "J", "K", "VVVV"]),
        ("lowerLetter", ["a", "b", "j", "k", "vvvv"]),
        ("upperRoman", ["I", "II", "X", "XI", "C"]),
        ("lowerRoman", ["i", "ii", "x", "xi", "c"]),
        ("none", ["", "", "", "", ""]),
        ("someFutureFormat", ["1", "2", "10", "11", "100"]),
    ],
)
def test_formats(fmt: str, expected: list[str]) -> None:
    assert [format_number(n, fmt) for n in (1, 2, 10, 11, 100)] == expected


def counted(xml: str, sequence: list[tuple[str, int]]) -> list[str | None]:
    lists = read_numbering(etree.fromstring(xml.encode()))
    return [lists.render(num_id, ilvl, lambda _: None) for num_id, ilvl in sequence]


def test_templates_with_several_levels_and_legal_numbering() -> None:
    xml = numbering(
        abstract_num(
            0,
            level(0, "chineseCounting", "第%1章", suffix="space"),
            level(1, "decimal", "%1.%2", suffix="nothing"),
            level(2, "decimal", "%1.%2.%3", legal=True),
        ),
        num(1, 0),
    )
    assert counted(xml, [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 0), ("1", 2)]) == [
        "第一章 ", "一.1 ", "1.1.1 ", "1.1.2 ", "一.2 ", "第二章 ", "2.1.1 ",
    ]


def test_restart_after_a_given_level() -> None:
    """Level 3 restarts only after level 1 (lvlRestart 1), not after level 2."""
    xml = numbering(
        abstract_num(0, level(0, "decimal", "%1."), level(1, "decimal", "%2)"),
                     level(2, "lowerLetter", "%3)", restart=1)),
        num(1, 0),
    )
    assert counted(xml, [("1", 0), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 2)]) == [
        "1. ", "a) ", "1) ", "b) ", "2. ", "a) ",
    ]


def test_instances_share_a_count_and_a_start_override_restarts_it() -> None:
    """Word's "restart numbering": the first item names an instance with a start override,
    the items after it keep naming the original instance and continue from the restart."""
    xml = numbering(
        abstract_num(0, level(0, "decimal", "%1.")),
        num(1, 0), num(2, 0), num(3, 0, start_override(0, 5)),
    )
    assert counted(xml, [("1", 0), ("2", 0), ("1", 0), ("3", 0), ("1", 0), ("3", 0), ("9", 0)]) == [
        "1. ", "2. ", "3. ", "5. ", "6. ", "7. ", None,
    ]


def test_damaged_definitions_are_ignored() -> None:
    xml = numbering(
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"/><w:lvl w:ilvl="12"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="-5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%9%1."/></w:lvl>'
        "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"/>',
    )
    assert counted(xml, [("1", 0), ("1", 5), ("2", 0)]) == ["11. ", None, None]
