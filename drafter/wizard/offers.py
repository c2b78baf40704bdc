"""What the wizard offers for one section: measures to tick and counts to fill (pure, no prompts).

Measures: the knowledge bank of the section's topic for the organisation (drafter.library.knowledge,
`measures_for`; for 存在问题 / 下一步 the problems and next-step banks), then the learned
outline's points that `clean_point` accepts (cleaned), without duplicates. An own kind's points
(learned from the office's own reports, drafter.library.own) come first, most frequent first,
each with the detail the office wrote, and may name the office itself (`clean_point` with the
office); the bank follows. An item another
section of the report already says is not offered again: sub-sections divide their parent's
items instead of repeating its list, and no measure is written twice. A next-steps part offers
first, in the same order, the bank's next steps that answer the problems the report states
(`answering`), so that 一是…二是… of the two lists correspond.

Counts: the count catalogue of the topic for the organisation (`counts_for`, most commonly
reported first), then learned facts that `match_count` maps onto the catalogue and that fit
the organisation (asked as that entry) — never the raw learned keys (排查问题, 学习) nor
another organisation's counts (中心组 for a 党支部). An own kind's facts come first, and those
the catalogue does not know are asked as the office wrote them, with its verb (开展食品安全专项检查). A count another section already holds is
not asked again. At most `MAX_COUNTS` are asked in the first pass; the rest are offered behind
"更多数字". Counts are stored under the catalogue entry's name (召开支委会), which composition
maps back with `match_count`; last period's counts keep their own keys (see drafter.wizard.carry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from drafter.answers import SectionAnswer, section_topic
from drafter.domain import Office, has_verb
from drafter.library import (
    NEXT_STEPS,
    PROBLEMS,
    Knowledge,
    LevelTerm,
    OutlineSection,
    beyond_organisation,
    clean_point,
    fitting,
    misfits,
    odd_coinage,
    ranked,
    says_new,
)

MAX_COUNTS = 6  # counts asked per section in the first pass; the rest behind 更多数字
SHORT_DETAIL = 24  # characters: an office's own detail this short leaves its measure thin (see `fuller`)
TOGETHER = 3  # bank items a fresh part comes with ticked: their wordings avoid each other's items
MOST_TICKED = 6  # an own kind's points a fresh part comes with ticked, at most (一是 to 六是)


@dataclass(frozen=True)
class MeasureOffer:
    """An item to tick: its clause, and the bank's detail clause ("" for a learned point)."""

    text: str
    detail: str = ""


@dataclass(frozen=True)
class CountItem:
    """A count to ask: the key it is stored under, its measure word, and last period's figure.

    `carried` items come from last period's answers: `last` is their figure there (None when
    left blank) and `stated` the words of last period's text a new figure replaces
    ("集中学习82次"), "" when the text does not state it.
    """

    key: str
    unit: str
    carried: bool = False
    last: int | None = None
    stated: str = ""

    @property
    def label(self) -> str:
        """The prompt: 召开支委会（次）, 集中学习（次，上期 82）. Data, shown literally."""
        notes = [self.unit] if self.unit else []
        if self.carried:
            notes.append("上期未填" if self.last is None else f"上期 {self.last}")
        return f"{self.key}（{'，'.join(notes)}）" if notes else self.key


def topic_of(section: SectionAnswer) -> str:
    """The topic id of a section (politics_2 → politics); "" for one without a topic."""
    return section_topic(section.topic) if section.topic else ""


def answering(problems: Iterable[str], organisation: str, knowledge: Knowledge) -> list[str]:
    """The bank's next steps that answer these problems, in the problems' order (a problem
    the bank does not know, or without a next step, has none)."""
    steps = []
    for problem in problems:
        measure = knowledge.bank_measure(PROBLEMS, problem)
        step = knowledge.bank_measure(NEXT_STEPS, measure.pair) if measure and measure.pair else None
        if step is not None and step.fits(organisation) and step.text not in steps:
            steps.append(step.text)
    return steps


@dataclass(frozen=True)
class Wording:
    """Whose report the offers are for and what it says already: the bank's wordings are the
    unit's (`unit`, stable per unit) and repeat no phrase of `said` (drafter.library.variants);
    `causes` asks a problem's cause as its detail (the part's heading names 原因)."""

    unit: str = ""
    said: tuple[str, ...] = ()
    causes: bool = False


def measure_offers(
    topic: str,
    learned: OutlineSection | None,
    organisation: str,
    knowledge: Knowledge,
    taken: Iterable[str] = (),
    problems: Iterable[str] = (),
    wording: Wording | None = None,
    office: Office | None = None,
    level_terms: Sequence[LevelTerm] = (),
) -> list[MeasureOffer]:
    """The items offered for a section: bank first, then cleaned learned points; none that
    another section already has (`taken`), and one per activity (严格执行 / 严格落实“三会一课”
    制度 are one measure). For next steps, those `answering` the report's `problems` come first.
    Each bank item comes with the detail wording of `wording`'s unit. With `office` (an own
    kind's section), the learned points come first with their own details (a point the office
    gave none takes the bank's detail of the same activity; a clause with a term that does not
    fit the organisation, of `level_terms`, is left out)."""
    if office is not None:
        own = own_points(learned, organisation, office, level_terms)
        wording = wording or Wording()
        office_said = (*wording.said, *(text for o in own for text in (o.text, o.detail) if text))
        bank_offers = measure_offers(
            topic, None, organisation, knowledge, taken, problems, replace(wording, said=office_said)
        )
        of_activity = {knowledge.activity_of(m.text, topic): m for m in knowledge.measures_for(topic, organisation)}
        part_said = [o.detail for o in own if o.detail]
        fuller_own = []
        for o in own:
            m = of_activity.get(knowledge.activity_of(o.text, topic))
            fuller_own.append(fuller(o, ranked(m.details, wording.unit, m.text) if m else [], part_said))
            part_said.append(fuller_own[-1].detail)  # a wording added is said in the part too
        return _unique(fuller_own + bank_offers, topic, knowledge, taken)
    bank = knowledge.measures_for(topic, organisation) if topic else []
    if topic == NEXT_STEPS:
        first = answering(problems, organisation, knowledge)
        bank.sort(key=lambda m: first.index(m.text) if m.text in first else len(first))
    points = [
        point
        for p in (learned.points if learned else [])
        if not beyond_organisation(p.text, organisation)
        and (point := clean_point(p.text))
        and not odd_coinage(point, knowledge.vocabulary)
    ]
    wording = wording or Wording()
    said = [*wording.said, *(m.text for m in bank[:TOGETHER])]  # ticked together by default
    candidates = []
    for m in bank:
        detail = knowledge.cause_for(m, wording.unit, said) if wording.causes else m.detail_for(wording.unit, said)
        said += [m.text, detail]
        candidates.append(MeasureOffer(m.text, detail))
    candidates += [MeasureOffer(p) for p in points if p]
    return _unique(candidates, topic, knowledge, taken)


def own_points(
    learned: OutlineSection | None, organisation: str, office: Office, level_terms: Sequence[LevelTerm] = ()
) -> list[MeasureOffer]:
    """An own kind's points as offers, in the outline's order (most frequent first): cleaned
    for this office, with the detail it wrote without a clause whose terms do not fit the
    organisation (层层签订…… in a 党支部's: 核稿 would ask to reword it); none of another
    organisation's level, or with such a term in its lead."""
    out = []
    for point in learned.points if learned else []:
        text = clean_point(point.text, office)
        if text and not beyond_organisation(point.text, organisation) and not misfits(text, organisation, level_terms):
            out.append(MeasureOffer(text, fitting(point.detail, organisation, level_terms)))
    return out


def fuller(offer: MeasureOffer, wordings: Sequence[str], said: Sequence[str] = ()) -> MeasureOffer:
    """An office's point with the bank's detail of the same activity when the office said
    little of it (under SHORT_DETAIL characters, none at all included): the first of the bank's
    `wordings` (in the unit's order) that tells something neither its own detail nor the part's
    other details (`said`) do (`says_new`), the general how before the office's particular
    (……按期开会、按时讲课；会议记录规范完整) — 用好主题党日活动载体 comes with how, not bare,
    and no word of the part is said twice."""
    if len(offer.detail) >= SHORT_DETAIL:
        return offer
    how = next((w for w in wordings if says_new(w, [offer.detail, *said])), "")
    return MeasureOffer(offer.text, "；".join(d for d in (how, offer.detail) if d)) if how else offer


def usual_count(learned: OutlineSection | None) -> int:
    """How many points the office writes in a part: the most that one of its reports wrote
    there (0 for a part without learned points)."""
    per_report = Counter(s for p in learned.points for s in set(p.sources)) if learned else Counter()
    return max(per_report.values(), default=0)


def office_suggestions(
    own: list[str], fallback: list[str], holds_children: bool, usual: int = TOGETHER
) -> list[str]:
    """What an own kind's part comes with ticked: as many of the office's points, most
    frequent first, as it writes in the part (`usual`, at least TOGETHER and at most
    MOST_TICKED), made up to TOGETHER from `fallback` (the bank's suggestions) when it wrote
    fewer; none from the bank in a part whose work the office writes in its sub-parts."""
    many = min(max(usual, TOGETHER), MOST_TICKED)
    if holds_children or len(own) >= TOGETHER:
        return own[:many]
    if not own:
        return fallback
    return (own + [t for t in fallback if t not in own])[:TOGETHER]


def _unique(
    candidates: list[MeasureOffer], topic: str, knowledge: Knowledge, taken: Iterable[str]
) -> list[MeasureOffer]:
    """The candidates in order, without those `taken` and one per activity."""
    seen = set(taken)
    activities = {knowledge.activity_of(t, topic) for t in seen}
    offers = []
    for offer in candidates:
        activity = knowledge.activity_of(offer.text, topic)
        if offer.text not in seen and activity not in activities:
            seen.add(offer.text)
            activities.add(activity)
            offers.append(offer)
    return offers


def repeated_activities(
    sections: Iterable[SectionAnswer], knowledge: Knowledge
) -> list[tuple[str, str, str]]:
    """Items whose activity an earlier top-level part already says, as (item, that part's
    heading, its item): 严格执行“三会一课”制度 in 二、 and 严格落实“三会一课”制度 in 三、 are one
    measure written twice. Within one part composition merges them; across parts the review
    says so."""
    owner: dict[str, tuple[str, str]] = {}
    repeated = []
    for part in sections:
        mine: dict[str, str] = {}
        for section in part.walk():
            for m in section.measures or []:
                if m.item.strip():
                    mine.setdefault(knowledge.activity_of(m.item, topic_of(section)), m.item)
        for activity, item in mine.items():
            if activity in owner:
                repeated.append((item, *owner[activity]))
            else:
                owner[activity] = (part.heading, item)
    return repeated


def count_key_id(key: str, knowledge: Knowledge) -> str:
    """What a stored count stands for: its catalogue entry's id, else the key itself."""
    entry = knowledge.match_count(key)
    return entry.id if entry is not None else key


def count_offers(
    topic: str,
    learned: OutlineSection | None,
    organisation: str,
    knowledge: Knowledge,
    taken: Iterable[str] = (),
    verbs: Mapping[str, list[str]] | None = None,
    catalogue: bool = True,
) -> list[CountItem]:
    """The catalogue counts of a section, most common first; none another section holds
    (`taken`: catalogue ids or keys, see `count_key_id`). With `verbs` (an own kind's section:
    the library's verb table), the section's learned facts come first, and one the catalogue
    does not know is asked under its own key when that names an activity with its verb; without
    `catalogue`, only those (an own kind's part whose counts its sub-parts hold)."""
    skip = set(taken)
    own: list[CountItem] = []
    if verbs is not None:
        for fact in learned.facts if learned else []:
            entry = knowledge.match_count(fact.key, fact.unit)
            if entry is not None:
                item = CountItem(entry.name, entry.unit) if entry.fits(organisation) else None
            else:
                item = CountItem(fact.key, fact.unit) if has_verb(fact.key, verbs) else None
            if item is not None and count_key_id(item.key, knowledge) not in skip and item not in own:
                own.append(item)
    entries = knowledge.counts_for(topic, organisation) if topic and catalogue else []
    for fact in learned.facts if learned else []:
        entry = knowledge.match_count(fact.key, fact.unit)
        if entry is not None and entry.fits(organisation) and entry not in entries:
            entries.append(entry)
    rest = [CountItem(e.name, e.unit) for e in entries if e.id not in skip and e.name not in skip]
    return own + [i for i in rest if i not in own]


def taken_measures(sections: Iterable[SectionAnswer]) -> set[str]:
    """The items these sections already say."""
    return {m.item for s in sections for m in s.measures or []}


def said_in(sections: Iterable[SectionAnswer]) -> list[str]:
    """What these sections say: their items, details and paragraphs (for `Wording.said`)."""
    out: list[str] = []
    for s in sections:
        for m in s.measures or []:
            out += [m.item, m.detail or ""]
        out += s.paragraphs or []
    return [t for t in out if t]


def stated_problems(sections: Iterable[SectionAnswer]) -> list[str]:
    """The problems these sections state, in order (the items of problems parts)."""
    return [m.item for s in sections if topic_of(s) == PROBLEMS for m in s.measures or []]


def taken_counts(sections: Iterable[SectionAnswer], knowledge: Knowledge) -> set[str]:
    """The counts these sections already hold, as catalogue ids (or keys)."""
    return {count_key_id(key, knowledge) for s in sections for key in s.counts or {}}
