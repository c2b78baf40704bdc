"""Chinese counting numerals of any size a report numbers with (一 … 九千九百九十九), both ways.

`drafter.domain.numbering` writes drafter's own labels (up to 99); reading real reports needs more:
a long list of problems may reach 一百、, and Word renders list numbers past 99 the same
way (chineseCounting: 一百零一, 一百一十). Readers and Word's list renderer share this module.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
_DIGIT_VALUES = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
# Every character a Chinese counting numeral is written with (for regex character classes).
NUMERAL_CHARS = "一二三四五六七八九十百千零〇两"
MAX_VALUE = 9999


def parse_chinese(text: str) -> int | None:
    """Read 一 … 九千九百九十九 (十一, 一百零一, 一百一十, 两百) into an int; None if malformed.

    Units must fall (千 before 百 before 十); 零 may only stand for skipped units; a bare
    leading 十 means 一十. Digit strings such as 一〇 are not counting numerals.
    """
    if not text or len(text) > 8:
        return None
    total = 0
    digit: int | None = None
    last_unit = 10_000
    zero_pending = False
    for index, ch in enumerate(text):
        if ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit or (digit is None and not (unit == 10 and index == 0)):
                return None
            if zero_pending:
                return None
            total += (1 if digit is None else digit) * unit
            last_unit, digit = unit, None
        elif ch in _DIGIT_VALUES:
            value = _DIGIT_VALUES[ch]
            if digit is not None:
                return None
            if value == 0:
                if zero_pending or index == 0 or last_unit <= 10:
                    return None
                zero_pending = True
                continue
            if ch == "两" and index == len(text) - 1 and index > 0:
                return None  # 两 is read as a digit before a unit only
            digit = value
            zero_pending = False
        else:
            return None
    if zero_pending:
        return None
    if digit is not None:
        if last_unit < 10_000 and last_unit > 10 and not _zero_before_last_digit(text):
            return None  # 一百五 is colloquial for 150; reports write 一百五十
        total += digit
    return total or None


def _zero_before_last_digit(text: str) -> bool:
    return len(text) >= 2 and text[-2] in "零〇"


def to_chinese_counting(n: int) -> str:
    """n as a Chinese counting numeral: 十, 十一, 二十, 一百零一, 一百一十, 一千零一十."""
    if not 1 <= n <= MAX_VALUE:
        return str(n)
    parts: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                parts.append("零")
            parts.append(DIGITS[digit] + name)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def to_chinese_digits(n: int) -> str:
    """n digit by digit: 一〇, 二〇二四 (Word's ideographDigital)."""
    return "".join(DIGITS[int(d)] for d in str(n))
