"""Where each count is said: in the part whose measure it proves, else in a part of its topic.

A wizard asks counts part by part, and an answers file may hold a count wherever its writer put
it; a reader expects each figure beside the work it proves. So before any part is worded, every
count not already stated in its part's own text goes to its place:
- a part whose measures prove the count (the bank measure lists it, or the measure names it: 主题党日
  asked under the 三会一课 sub-part goes to the sub-part that ticked 规范开展主题党日活动);
- else, when the catalogue gives it a topic other than its part's, the first part of that topic
  (撰写心得体会 typed under 组织建设 goes to 理论学习);
- else it stays where it was answered.
A count already answered in the part it would move to is not said twice (that part's own wins).
A part that says nothing but its counts keeps them: moving them would leave its heading with
nothing under it, and the heading would drop out of the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import NamedTuple

from drafter.answers import SectionAnswer, section_topic
from drafter.composing.wording import Answered, count_id, proven_by, says_something
from drafter.domain import apply_counts
from drafter.library import NEXT_STEPS, PROBLEMS, Knowledge

_CLOSING = {PROBLEMS, NEXT_STEPS}


class Placed(NamedTuple):
    """A part's paragraphs with its own counts updated in place, and the counts left to word."""

    paragraphs: list[str]
    counts: list[Answered]


def _walk(sections: list[SectionAnswer]) -> Iterator[SectionAnswer]:
    for s in sections:
        yield s
        yield from _walk(s.children or [])


def place_counts(
    sections: list[SectionAnswer],
    knowledge: Knowledge,
    unit_of: Callable[[str], str],
    learned: Mapping[str, frozenset[str]] | None = None,
) -> dict[int, Placed]:
    """{id(section): Placed} for every section of the tree, counts moved to where they belong
    (`learned`: an own kind's points and the counts the office stated with them)."""
    parts = list(_walk(sections))
    topic = {id(s): section_topic(s.topic or "") for s in parts}
    claims: dict[int, set[str]] = {}
    prover: dict[str, SectionAnswer] = {}
    first_of_topic: dict[str, SectionAnswer] = {}
    for s in parts:
        ids: set[str] = set()
        for m in s.measures or []:
            ids |= proven_by(m, topic[id(s)], knowledge, learned)
        claims[id(s)] = ids
        for key in ids:
            prover.setdefault(key, s)
        if topic[id(s)] and topic[id(s)] not in _CLOSING:
            first_of_topic.setdefault(topic[id(s)], s)
    placed: dict[int, Placed] = {}
    moved: dict[int, list[Answered]] = {id(s): [] for s in parts}
    for s in parts:
        paragraphs, leftover = apply_counts(s.paragraphs or [], s.counts, unit_of)
        kept: list[Answered] = []
        only_counts = not says_something(replace(s, counts=None))
        for c in leftover:
            answered = Answered(c.key, c.value, c.unit, knowledge.match_count(c.key))
            home = s if only_counts else _home(answered, s, topic, claims, prover, first_of_topic)
            (kept if home is s else moved[id(home)]).append(answered)
        placed[id(s)] = Placed(paragraphs, kept)
    for s in parts:
        own = placed[id(s)]
        have = {count_id(c) for c in own.counts}
        arriving = [c for c in moved[id(s)] if count_id(c) not in have]
        placed[id(s)] = Placed(own.paragraphs, own.counts + _unique(arriving))
    return placed


def _home(
    count: Answered,
    part: SectionAnswer,
    topic: dict[int, str],
    claims: dict[int, set[str]],
    prover: dict[str, SectionAnswer],
    first_of_topic: dict[str, SectionAnswer],
) -> SectionAnswer:
    """The part where `count` is said (see the module docstring)."""
    entry, key = count.entry, count_id(count)
    if key in claims[id(part)] or topic[id(part)] in _CLOSING:
        return part
    if key in prover:
        return prover[key]
    if entry is None:
        return part
    mine = topic[id(part)]
    if mine and mine != entry.topic and entry.topic in first_of_topic:
        return first_of_topic[entry.topic]
    return part


def _unique(counts: list[Answered]) -> list[Answered]:
    """The first of each count (one count typed in two parts is said once)."""
    seen: set[str] = set()
    out = []
    for c in counts:
        if count_id(c) not in seen:
            seen.add(count_id(c))
            out.append(c)
    return out
