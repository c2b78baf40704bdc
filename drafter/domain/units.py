"""Units named in a report: which is the office's own, which a superior body, which another unit.

A unit is named by its level (省 市 州 县 区) and what follows up to the word that ends a unit's
name (局 委 厅 中心 馆 院 公司 …): 县市场监管局, 市发改委, 县直机关工委, 县委. An office's
reports name it in their titles and sign-offs (某某县市场监督管理局机关党支部); in the body
they call it by shorter names (县市场监管局, 市场监管局). So `Office` keeps the names the
reports give, and a unit named in a text is
- the office itself when it is the office's name at the office's level, or any abbreviation of
  that name (the same characters in order, first and last kept: 市场监管局 of 市场监督管理局);
- a superior body when it is a leading body of any level (县委, 县直机关工委, 市纪委, 县政府
  办公室) or the office's own system one level up or more (市市场监管局 above a county bureau);
- another unit otherwise (市发改委 in a 市场监管局's report): a phrase carried in from another
  unit's material, which the points gate drops and `drafter check` points out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

_CJK = "\u3400-\u9fff"
# Words inside a run of text that cannot be inside a unit's name: 县委和县直机关工委 is two.
_NOT_IN_NAME = "和与及的在对向为了是从把将被等并或至到由于赴同跟给"
LEVELS = "省市州县区"
_RANK = {"乡": 0, "镇": 0, "县": 1, "区": 1, "市": 2, "州": 2, "省": 3}
_ENDINGS = ("办公室", "委员会", "局", "委", "厅", "中心", "馆", "院", "公司", "集团")
MAX_NAME = 10  # characters between the level and the ending
_MENTION = re.compile(
    rf"[{LEVELS}]([^\W\d_{_NOT_IN_NAME}A-Za-z]{{0,{MAX_NAME}}}?)(?:{'|'.join(_ENDINGS)})"
)
# What follows the level in a leading body's name: 县委, 县直机关工委, 市纪委, 县政府办公室.
_LEADING = ("委", "纪委", "直机关", "直属机关", "政府", "人大", "政协", "委员会")
# The Party organisation words that end an office's name (…局机关党支部) and 中共 before it.
PARTY_TAIL = re.compile(
    r"(?:机关)?(?:第[一二三四五六七八九十]+)?(?:党支部|党总支|总支部委员会|支部委员会|机关党委|党委|"
    r"党组|支部|党工委)(?:书记)?$|书记$"
)
# Where the unit's name ends in a title: before its year, 关于, or the report's own words.
TITLE_UNIT_END = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年|关于|党建|工作|述职|总结|汇报|报告")
_PLACE = re.compile(rf"^(?:[{_CJK}]{{2,4}}?(?=[省市州县区镇乡]))?([省市州县区镇乡])")
# The words naming a Party organisation in a unit's name, and its organisations.yaml id.
_ORG_WORD = re.compile(r"机关党委|机关委员会|党总支|总支部?|党支部|支部|党委|党组")
_ORG_IDS = {
    "机关党委": "organ_committee", "机关委员会": "organ_committee", "党总支": "general_branch",
    "总支": "general_branch", "总支部": "general_branch", "党支部": "branch", "支部": "branch",
    "党委": "party_committee", "党组": "party_group",
}


def organisation_of(name: str) -> str:
    """The organisation type (organisations.yaml id) a unit's name ends in by its last
    organisation word (某某局机关第一党支部 → branch, 中共某某局机关委员会 → organ_committee);
    "" when it names none."""
    words = _ORG_WORD.findall(name)
    return _ORG_IDS[words[-1]] if words else ""


@dataclass(frozen=True)
class UnitMention:
    """A unit named in a text: where, its level character and the rest of its name."""

    start: int
    end: int
    level: str  # 县 of 县市场监管局
    rest: str  # 市场监管局

    @property
    def text(self) -> str:
        return self.level + self.rest


def unit_mentions(text: str) -> Iterator[UnitMention]:
    """The units a text names, in reading order (see the module docstring)."""
    for m in _MENTION.finditer(text):
        yield UnitMention(m.start(), m.end(), m.group()[0], m.group()[1:])


def bare_name(name: str) -> str:
    """A unit's name without 中共 before it and its Party organisation after it:
    中共某某县市场监督管理局机关党支部 → 某某县市场监督管理局."""
    return PARTY_TAIL.sub("", name.strip().removeprefix("中共")).strip()


def title_unit(title: str) -> str:
    """The unit a title names, before its year or the report's own words ("" when none)."""
    end = TITLE_UNIT_END.search(title)
    return (title[: end.start()] if end else title).strip()


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is `full` or an abbreviation of it: its characters in order, the first
    and the last the same (市场监管局 of 市场监督管理局; 发改委 is no abbreviation of it)."""
    if len(short) < 2 or len(short) > len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    chars = iter(full)
    return all(ch in chars for ch in short)


@dataclass(frozen=True)
class Office:
    """The unit an office's reports are written for, from the names they give it."""

    names: tuple[str, ...]

    @classmethod
    def of(cls, names: Iterable[str]) -> Office:
        """The office named by these names (unit answers, title units, sign-offs), each once."""
        kept = [n.strip() for n in names if bare_name(n)]
        return cls(tuple(dict.fromkeys(kept)))

    @cached_property
    def _parts(self) -> tuple[tuple[str, str], ...]:
        """Each name as (level, the name after its place): (县, 市场监督管理局)."""
        out = []
        for name in self.names:
            bare = bare_name(name)
            m = _PLACE.match(bare)
            if m and len(bare) > m.end():
                out.append((m.group(1), bare[m.end():]))
            elif bare:
                out.append(("", bare))
        return tuple(dict.fromkeys(out))

    @property
    def level(self) -> str:
        """The office's level character (县), "" when its names give none."""
        return next((level for level, _ in self._parts if level), "")

    def is_own(self, mention: UnitMention) -> bool:
        """Whether the unit named is the office itself (县市场监管局, 市场监管局, 我局's full name)."""
        return any(
            _same(mention.text, core) or (level == mention.level and _same(mention.rest, core))
            for level, core in self._parts
        )

    def is_superior(self, mention: UnitMention) -> bool:
        """Whether the unit named is a leading body (县委, 县直机关工委) or the office's own system
        at a higher level (市市场监管局 above 县市场监管局)."""
        if mention.rest.startswith(_LEADING):
            return True
        return any(
            _RANK.get(mention.level, -1) > _RANK.get(level, 9) and _same(mention.rest, core)
            for level, core in self._parts
        )

    def names_it(self, name: str) -> bool:
        """Whether `name` (a unit answer, a title's unit, a sign-off) is this office's."""
        bare = bare_name(name)
        if bare and bare in {bare_name(n) for n in self.names}:
            return True
        return any(self.is_own(m) and m.end == len(bare) for m in unit_mentions(bare))

    def others(self, text: str) -> list[UnitMention]:
        """The units `text` names that are neither the office nor a superior body."""
        return [m for m in unit_mentions(text) if not self.is_own(m) and not self.is_superior(m)]

    def allows_place(self, level: str, *, self_reference: bool) -> bool:
        """Whether a place word of `level` fits the office: 我县 or 本县 only at its own level,
        全县, 县委 or 县直 at its own level or above."""
        own = self.level
        if not own:
            return False
        if level == own:
            return True
        return not self_reference and _RANK.get(level, -1) > _RANK.get(own, 9)


def _same(name: str, core: str) -> bool:
    """One name abbreviates the other (the office's names are long or short as it wrote them)."""
    return abbreviates(name, core) or abbreviates(core, name)
