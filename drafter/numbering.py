"""Chinese ordinal numbering: the labels 一、（一）1.（1） and 一是/二是, both ways.

The parser reads labels back into integers to check a report's numbering; composition
writes them. Keeping both directions here means they cannot drift apart.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(DIGITS)} | {"〇": 0, "两": 2}


def to_chinese(n: int) -> str:
    """Render 1..99 as Chinese numerals the way 公文 numbering does (十, 十一, 二十一)."""
    if not 1 <= n <= 99:
        raise ValueError(f"ordinal out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int | None:
    """Read 一..九十九 back into an int; None when `text` is not such a numeral."""
    if not text:
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1:
            return None
        tens = 1 if head == "" else _VALUES.get(head)
        ones = 0 if tail == "" else _VALUES.get(tail)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1 and text in _VALUES and _VALUES[text] > 0:
        return _VALUES[text]
    return None


def heading_label(level: int, n: int) -> str:
    """The GB/T 9704 label of the n-th heading at `level`: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{to_chinese(n)}、"
    if level == 2:
        return f"（{to_chinese(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def point_ordinal(n: int) -> str:
    """The lead of the n-th point in an enumeration: 一是, 二是, …"""
    return f"{to_chinese(n)}是"
