"""Campaigns and events that belong to a year (seams.yaml `campaigns`): 党纪学习教育 ran in 2024,
党的二十大开幕式 was in 2022. 核稿 flags one presented as the work of another year's report
(drafter.checking.seams), and learning leaves out an office's own text naming one, which was
that report's year's work only (`names_campaign`). A sentence that consolidates it (巩固……成果,
seams.yaml `settled`) names it rightly in any year.

Kept apart from drafter.library.seams, which needs the knowledge bank, so that cleaning learned
text (drafter.library.points) can ask without importing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter.files import YamlDoc, load_yaml
from drafter.library.sayable import loose_pattern
from drafter.library.schemas import default_outlines_dir

SEAMS_FILE = "seams.yaml"


@dataclass(frozen=True)
class Campaign:
    """A time-bound campaign: its name, the years it ran, the verbs that present it as current."""

    name: str
    first: int
    last: int
    verbs: tuple[str, ...]


def campaigns_of(doc: YamlDoc) -> tuple[Campaign, ...]:
    """The campaigns of a seams file (its schema is checked where 核稿 loads it, drafter.library.seams)."""
    default_verbs = tuple(doc.data["campaign_verbs"])
    out = []
    for i, item in enumerate(doc.data["campaigns"]):
        years = item["years"]
        if len(years) != 2 or years[0] > years[1]:
            raise doc.error(("campaigns", i, "years"), "years 须写成 [起始年, 结束年]，起始年不晚于结束年。")
        verbs = item.get("verbs")
        out.append(Campaign(item["name"], years[0], years[1],
                            default_verbs if verbs is None else tuple(verbs)))
    return tuple(out)


def names_campaign(text: str) -> bool:
    """Whether `text` names a campaign or event of the shipped seams file other than to
    consolidate it. In an office's own report any such mention is a matter of that report's
    year only (集中收看党的二十大开幕式, 对照党纪学习教育中查摆的问题): not offered for another
    year's draft. 核稿 is narrower (a campaign only after a verb presenting it as current)."""
    settled, patterns = _shipped()
    return not any(word in text for word in settled) and any(p.search(text) for p in patterns)


@cache
def _shipped() -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    """The shipped file's settling words and campaign patterns (calendar facts, one set for
    every outlines folder)."""
    doc = load_yaml(default_outlines_dir() / "authored" / SEAMS_FILE)
    return tuple(doc.data["settled"]), tuple(loose_pattern(c.name) for c in campaigns_of(doc))
