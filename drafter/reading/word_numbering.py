"""Word's automatic list numbering (numbering.xml), rendered into the text Word shows.

Office templates number their headings with a multilevel list: the "一、" and "（一）" are
not in the paragraph's text but computed from numbering.xml. This module reads the list
definitions (abstractNum with its levels; num instances with level and start overrides)
and counts paragraphs the way Word does, so a list paragraph reads "一、强化理论武装" as on
screen and the structure parser sees its marker.

Counting follows ECMA-376 §17.9 as Word applies it: each level starts at `start`; using a
level restarts the deeper levels (`lvlRestart` may say after which level, or never); all
instances (w:num) of one abstract list share its count, and an instance that overrides a
level's start (Word's "restart numbering") restarts that count where it is first used —
the items after it, whatever instance they name, continue from there. `lvlText` is a template ("%1、", "（%2）", "%1.%2") whose %n is level n's
current number in that level's format (all decimal under `isLgl`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.domain import to_chinese_counting, to_chinese_digits

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LEVELS = 9
MAX_START = 100_000  # a start value beyond this is damage, not numbering
BULLET = "bullet"

_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = str.maketrans("一二三四五六七八九十百千零", "壹贰叁肆伍陆柒捌玖拾佰仟零")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def format_number(n: int, fmt: str) -> str:
    """`n` in a Word numFmt (ST_NumberFormat); unknown formats fall back to decimal."""
    formatter = _FORMATS.get(fmt)
    return formatter(n) if formatter else str(n)


def _letters(n: int) -> str:
    """Word's letter numbering: A … Z, AA … ZZ, AAA … (the letter repeated, not base 26)."""
    if n < 1:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 1 <= n <= 3999:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _from_table(table: str) -> Callable[[int], str]:
    return lambda n: table[n - 1] if 1 <= n <= len(table) else str(n)


def _cycle(table: str) -> Callable[[int], str]:
    return lambda n: table[(n - 1) % len(table)] if n >= 1 else str(n)


def _legal(n: int) -> str:
    counting = to_chinese_counting(n)
    return ("一" + counting if counting.startswith("十") else counting).translate(_LEGAL)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
    "decimalEnclosedCircle": _from_table(_CIRCLED),
    "decimalEnclosedCircleChinese": _from_table(_CIRCLED),
    "decimalEnclosedParen": _from_table(_PARENTHESISED),
    "decimalEnclosedFullstop": _from_table(_FULL_STOP),
    "chineseCounting": to_chinese_counting,
    "chineseCountingThousand": to_chinese_counting,
    "japaneseCounting": to_chinese_counting,
    "taiwaneseCounting": to_chinese_counting,
    "taiwaneseCountingThousand": to_chinese_counting,
    "chineseLegalSimplified": _legal,
    "ideographLegalTraditional": _legal,
    "ideographDigital": to_chinese_digits,
    "taiwaneseDigital": to_chinese_digits,
    "japaneseDigitalTenThousand": to_chinese_digits,
    "ideographTraditional": _cycle(_TRADITIONAL),
    "ideographZodiac": _cycle(_ZODIAC),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}


@dataclass(frozen=True)
class Level:
    """One level of a list definition (w:lvl)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""  # lvlText template, e.g. "（%2）"
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # isLgl: every %n in decimal
    suffix: str = "tab"  # what follows the number: tab, space or nothing
    style: str | None = None  # pStyle: the paragraph style this level belongs to


@dataclass
class _Instance:
    """A w:num: which abstract list it uses and what it overrides."""

    abstract_id: str
    levels: dict[int, Level] = field(default_factory=dict)  # whole-level overrides
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level


@dataclass
class Numbering:
    """The lists of one document and the counters of paragraphs numbered so far."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, _Instance] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId → numbering style
    _counters: dict[str, list[int | None]] = field(default_factory=dict, init=False)
    _overridden: set[tuple[str, int]] = field(default_factory=set, init=False)  # applied once

    def levels_of(self, num_id: str, style_num: Callable[[str], str | None]) -> dict[int, Level]:
        """The effective levels of list instance `num_id` (overrides and style links applied).

        `style_num` maps a numbering style id to the num id it points at (numStyleLink).
        """
        instance = self.instances.get(num_id)
        if instance is None:
            return {}
        levels = dict(self.abstracts.get(self._abstract_id(instance, style_num), {}))
        levels.update(instance.levels)
        return levels

    def _abstract_id(self, instance: _Instance, style_num: Callable[[str], str | None]) -> str:
        """The abstract list an instance counts in, following a numStyleLink."""
        abstract_id = instance.abstract_id
        linked = self.style_links.get(abstract_id)
        if linked is not None and not self.abstracts.get(abstract_id):
            target = style_num(linked)
            target_instance = self.instances.get(target) if target else None
            if target_instance is not None:
                abstract_id = target_instance.abstract_id
        return abstract_id

    def style_level(self, num_id: str, style_id: str, style_num: Callable[[str], str | None]) -> int | None:
        """The level of `num_id`'s list that is linked to paragraph style `style_id`, if any."""
        for ilvl, level in self.levels_of(num_id, style_num).items():
            if level.style == style_id:
                return ilvl
        return None

    def render(self, num_id: str, ilvl: int, style_num: Callable[[str], str | None]) -> str | None:
        """Count one paragraph of list `num_id` at level `ilvl`; the number text Word shows
        there (with its separator), or None for a bullet, an empty or an undefined level."""
        levels = self.levels_of(num_id, style_num)
        level = levels.get(ilvl)
        instance = self.instances.get(num_id)
        if level is None or instance is None or not 0 <= ilvl < LEVELS:
            return None
        counters = self._counters.setdefault(self._abstract_id(instance, style_num), [None] * LEVELS)
        starts = {i: instance.starts.get(i, lvl.start) for i, lvl in levels.items()}
        overrides = ilvl in instance.starts or ilvl in instance.levels
        if overrides and (num_id, ilvl) not in self._overridden:  # "restart numbering" here
            self._overridden.add((num_id, ilvl))
            counters[ilvl] = None
        current = counters[ilvl]
        counters[ilvl] = starts.get(ilvl, 1) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            if _restarts(levels.get(deeper), ilvl):
                counters[deeper] = None
        if level.fmt == BULLET or not level.text:
            return None
        text = _fill(level, levels, counters, starts)
        if not text.strip():
            return None
        return text + _separator(level.suffix, text)


def _restarts(level: Level | None, used: int) -> bool:
    """Whether using level `used` restarts `level` (a deeper one)."""
    if level is None or level.restart is None:
        return True
    return level.restart != 0 and used < level.restart


def _fill(level: Level, levels: dict[int, Level], counters: list[int | None], starts: dict[int, int]) -> str:
    """lvlText with each %n replaced by level n's number (its start when not yet used)."""
    out: list[str] = []
    text = level.text
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            ref = int(text[i + 1]) - 1
            value = counters[ref]
            number = starts.get(ref, 1) if value is None else value
            ref_level = levels.get(ref, Level())
            fmt = "decimal" if level.legal and ref_level.fmt != "none" else ref_level.fmt
            out.append(format_number(number, fmt if fmt != BULLET else "decimal"))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _separator(suffix: str, text: str) -> str:
    """Word puts a tab (default) or a space after the number; "nothing" runs it into the text.

    A number ending in a digit ("1.1") gets a space even then, so that it stays a marker.
    """
    if suffix in ("tab", "space") or text[-1:].isdigit():
        return " "
    return ""


# --- reading numbering.xml -------------------------------------------------------------------
def read_numbering(root: _Element | None) -> Numbering:
    """The lists defined in a numbering.xml part (an empty Numbering when there is none)."""
    numbering = Numbering()
    if root is None:
        return numbering
    for abstract in root.iterchildren(f"{W}abstractNum"):
        abstract_id = abstract.get(f"{W}abstractNumId")
        if abstract_id is None:
            continue
        numbering.abstracts[abstract_id] = dict(_levels(abstract.iterchildren(f"{W}lvl")))
        link = abstract.find(f"{W}numStyleLink")
        if link is not None and link.get(f"{W}val"):
            numbering.style_links[abstract_id] = link.get(f"{W}val", "")
    for num in root.iterchildren(f"{W}num"):
        num_id = num.get(f"{W}numId")
        ref = num.find(f"{W}abstractNumId")
        if num_id is None or ref is None or ref.get(f"{W}val") is None:
            continue
        instance = _Instance(ref.get(f"{W}val", ""))
        for override in num.iterchildren(f"{W}lvlOverride"):
            ilvl = _int(override.get(f"{W}ilvl"), -1)
            if not 0 <= ilvl < LEVELS:
                continue
            start = override.find(f"{W}startOverride")
            if start is not None:
                instance.starts[ilvl] = _bounded_start(start.get(f"{W}val"))
            whole = override.find(f"{W}lvl")
            if whole is not None:
                for _, level in _levels([whole], default_ilvl=ilvl):
                    instance.levels[ilvl] = level
        numbering.instances[num_id] = instance
    return numbering


def _levels(elements: Iterable[_Element], default_ilvl: int = -1) -> Iterable[tuple[int, Level]]:
    for lvl in elements:
        ilvl = _int(lvl.get(f"{W}ilvl"), default_ilvl)
        if not 0 <= ilvl < LEVELS:
            continue
        yield ilvl, _level(lvl)


def _level(lvl: _Element) -> Level:
    restart = _child_val(lvl, "lvlRestart")
    legal = lvl.find(f"{W}isLgl")
    return Level(
        start=_bounded_start(_child_val(lvl, "start")),
        fmt=_number_format(lvl),
        text=_child_val(lvl, "lvlText") or "",
        restart=None if restart is None else _int(restart, 0),
        legal=legal is not None and legal.get(f"{W}val") not in ("0", "false", "off"),
        suffix=_child_val(lvl, "suff") or "tab",
        style=_child_val(lvl, "pStyle"),
    )


def _number_format(lvl: _Element) -> str:
    """numFmt, looking inside mc:AlternateContent: a Choice's custom format (Word 2010's
    "01, 02, 03") is not rendered, so its Fallback is used then."""
    direct = _child_val(lvl, "numFmt")
    if direct is not None:
        return direct
    for alternate in lvl.iterchildren(f"{MC}AlternateContent"):
        for branch in alternate:
            fmt = _child_val(branch, "numFmt")
            if fmt is not None and fmt != "custom":
                return fmt
    return "decimal"


def _child_val(element: _Element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return None if child is None else child.get(f"{W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _bounded_start(value: str | None) -> int:
    start = _int(value, 1)
    return start if 0 <= start <= MAX_START else 1
