"""Chinese ordinal numbering: the labels 一、（一）1.（1） and 一是/二是, both ways.

The parser reads labels back into integers to check a report's numbering; composition
writes them. Keeping both directions here means they cannot drift apart. Numbers go on
past 九十九 the way they are read aloud: 一百、一百零一、一百一十、一千零一、一万……
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_SMALL_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_GROUP_UNITS = ((10**8, "亿"), (10**4, "万"))


def to_chinese(n: int) -> str:
    """Render a positive integer as Chinese numerals the way 公文 numbering does.

    十, 十一, 二十一, 一百, 一百零一, 一百一十, 一千零五, 一万, 十万零三.
    """
    if n < 1:
        raise ValueError(f"ordinal out of range: {n}")
    text = _grouped(n)
    return text[1:] if text.startswith("一十") else text


def _grouped(n: int) -> str:
    """n ≥ 1 in groups of four digits (万, 亿), with 零 for a gap inside the number."""
    for size, unit in _GROUP_UNITS:
        if n >= size:
            high, low = divmod(n, size)
            if not low:
                return _grouped(high) + unit
            gap = "零" if low < size // 10 else ""
            return _grouped(high) + unit + gap + _grouped(low)
    return _under_10000(n)


def _under_10000(n: int) -> str:
    """1..9999 with 千百十, 零 for each run of missing places (一千零五, 一千零五十)."""
    out, gap = "", False
    for size, unit in _SMALL_UNITS:
        digit = n // size % 10
        if digit:
            out += ("零" if gap else "") + DIGITS[digit] + unit
            gap = False
        elif out:
            gap = True
    ones = n % 10
    if ones:
        out += ("零" if gap else "") + DIGITS[ones]
    return out


def from_chinese(text: str) -> int | None:
    """Read a Chinese numeral back into an int; None when `text` is not one.

    Accepts what `to_chinese` writes and its common variants (〇 for 零, 两 for 二, 一十 for 十);
    anything else, such as 十十 or 二十零, is not a numeral.
    """
    if not text:
        return None
    value = _parse(text)
    if value is None or value < 1:
        return None
    canonical = text.replace("〇", "零").replace("两", "二")
    if canonical.startswith("一十"):
        canonical = canonical[1:]
    return value if to_chinese(value) == canonical else None


def _parse(text: str) -> int | None:
    """The value of a numeral written with 零…九, 十百千 and 万亿; None on a stray character."""
    yi, wan, section, digit = 0, 0, 0, None
    for ch in text:
        if ch in _VALUES:
            if digit:
                return None  # two digits in a row: 一二
            digit = _VALUES[ch]
        elif ch in _UNIT_VALUES:
            section += (1 if digit is None else digit) * _UNIT_VALUES[ch]
            digit = None
        elif ch == "万":
            wan = (section + (digit or 0)) * 10**4
            section, digit = 0, None
        elif ch == "亿":
            yi = (yi + wan + section + (digit or 0)) * 10**8
            wan, section, digit = 0, 0, None
        else:
            return None
    return yi + wan + section + (digit or 0)


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
    """The lead of the n-th point in an enumeration: 一是, 二是, …, 一百是."""
    return f"{to_chinese(n)}是"
