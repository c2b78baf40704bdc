"""What an office's own points keep (an own kind, `drafter learn --name`): the lead, the detail
as the office wrote it, and the counts it stated.

A shipped outline keeps only a point's lead clause, cleaned for every unit. The office's own
reports are kept more fully, for that office alone (`OwnPoints`):
- the lead: the lead clause, or — where that clause is no measure or diagnosis on its own
  (部分党员长期在林区一线，参加集中组织生活的时间难以保证) — the point's first sentence, when
  that is short enough to offer; one point reworded from one report to the next (一线党员参加
  组织生活的时间难以保证) is one point, in the newest wording, seen in both;
- the detail: what followed the lead, without last period's figures, years and period words
  (drafter.library.points.clean_detail), two reports' different details joined;
- the counts: the keys of the facts the point stated, so that this period's figures of them are
  that point's again (drafter.composing.wording.learned_proofs);
- the section's prose (`own_prose`): the paragraphs the office wrote besides its enumerations,
  else the result sentences that close them (`split_result`: 通过系统学习，……明显增强) —
  the part's text by default, instead of the bank's 成效 sentence or, in a part written as
  prose, the bank's measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from drafter.domain import Office
from drafter.learning.facts import extract_facts
from drafter.library import (
    MAX_OWN_SENTENCE,
    MAX_POINT,
    chinese_only,
    clauses,
    clean_detail,
    clean_point,
    clean_prose,
    join_details,
    sentences,
    similar,
    split_after,
)
from drafter.structure import Point, has_ordinal

_SEPARATORS = "，。；：:;, "
MIN_SAME_OPENING = 6  # characters of an opening clause two points share to be one point


def own_lead(point: Point, office: Office, whole: bool = False) -> tuple[str | None, str]:
    """The point's lead as it may be offered to the office (None when it may not) and the rest
    of the point after it. With `whole` (a problem or a next step, which the bank words as one
    sentence too: ……不够紧密，学用结合有待加强), the first sentence when it may be offered."""
    text = point.text[len(point.ordinal):]
    lead = clean_point(point.lead, office)
    first = split_after(text, "。；！？")[0].rstrip("。；！？") if (lead is None or whole) and text.strip() else ""
    if first and first != point.lead and (sentence := clean_point(first, office, MAX_OWN_SENTENCE if whole else MAX_POINT)):
        return sentence, text[len(first):].lstrip(_SEPARATORS)
    return lead, text.removeprefix(point.lead).lstrip(_SEPARATORS)


# How the sentence after a part's last point opens when it says what the part's work achieved
# (通过系统学习，党员干部……明显增强): the part's result, not that point's detail.
_RESULT_OPENER = re.compile(r"^(?:通过|经过|由此|这些|上述|以上|一系列)")


def split_result(rest: str) -> tuple[str, str]:
    """A point's rest and the result sentence it ends with ("" when it ends with none)."""
    said = sentences(rest)
    if len(said) >= 2 and _RESULT_OPENER.match(said[-1].strip()):
        return "".join(said[:-1]), said[-1].strip()
    return rest, ""


def own_prose(bodies: Iterable[Sequence[str]], office: Office) -> list[str]:
    """The office's prose of one section: the paragraphs of the newest report that has any
    besides its 一是……二是…… enumerations, each cleaned (`clean_prose`)."""
    for body in bodies:
        paragraphs = [clean_prose(p, office) for p in body if not has_ordinal(p)]
        if kept := [p for p in paragraphs if p]:
            return kept
    return []


class OwnPoints:
    """The points of one section of the office's reports, newest report first."""

    def __init__(
        self, seen: Iterable[tuple[Sequence[Point], str]], office: Office, whole: bool = False
    ) -> None:
        """`whole`: the points are problems or next steps (see `own_lead`)."""
        self.sightings: list[tuple[str, str]] = []  # (lead, source), as `_ranked` takes them
        said: dict[str, list[str]] = {}
        counts: dict[str, list[str]] = {}
        self.results: list[str] = []  # the newest report's result sentences (`split_result`)
        for points, source in seen:
            results = []
            for point in points:
                lead, rest = own_lead(point, office, whole)
                if not lead:
                    continue
                rest, result = split_result(rest)
                if result and (cleaned := clean_prose(result, office)):
                    results.append(cleaned)
                lead = self._wording(lead)
                self.sightings.append((lead, source))
                if detail := beyond_lead(clean_detail(rest, office), lead):
                    said.setdefault(lead, []).append(detail)
                keys = counts.setdefault(lead, [])
                keys += [f.key for f in extract_facts(point.text, source, with_verbs=True) if f.key not in keys]
            self.results = self.results or results
        self.details = {lead: join_details(details) for lead, details in said.items()}
        self.counts = {lead: keys for lead, keys in counts.items() if keys}

    def _wording(self, lead: str) -> str:
        """The wording a lead is offered in: the first seen (the newest) that says the same —
        nearly the same words, or the same opening clause (严格落实“三会一课”制度，加强…… and
        ……，提升……: one plan, said on to another end from year to year)."""
        return next((known for known, _ in self.sightings if _same_point(known, lead)), lead)


def beyond_lead(detail: str, lead: str) -> str:
    """The detail without the sentences that only say the lead again (……持续巩固学习教育成果
    after the lead 持续巩固学习教育成果, once the clauses before it are left out)."""
    kept = (s for s in sentences(detail) if chinese_only(s) not in chinese_only(lead))
    return "".join(kept).rstrip("。；，")


def _same_point(a: str, b: str) -> bool:
    """Whether two leads are one point (see `OwnPoints._wording`)."""
    if similar(chinese_only(a), chinese_only(b)):
        return True
    first_a, first_b = (chinese_only(clauses(x)[0]) for x in (a, b))
    return len(first_a) >= MIN_SAME_OPENING and first_a == first_b

