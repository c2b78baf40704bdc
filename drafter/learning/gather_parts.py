"""The parts of a gathered report, drawn from its branches' parts of one topic.

- The measures branches share (one activity, `Knowledge.activity_of`, or nearly the same words)
  become the organisation-wide measures, in the bank's words when the bank has the activity,
  said by the branches that do them: 各支部 when every branch does, else by name (第一、第三党支部).
  A count no shared measure proves is said in the bank measure that proves it, by the branches
  that give it. Each measure's counts are the totals, written by composition where it proves them.
- A branch's own measure becomes a typical example named by its branch (第二党支部……), at most
  `EXAMPLES` per part from different branches, the most concrete first: figures, named activities
  (“初心驿站”), length. A clause stating a catalogue count is left out of it: that figure is in the
  totals (and in the table), and the example must not restate it with the branch's number.
- Problems and next steps: merged (one activity, or nearly the same words) and de-duplicated,
  the most widely shared first, at most `CLOSING_ITEMS` each, each with the first detail a
  branch gives; composition frames them once, for the gathering organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.answers import Measure
from drafter.learning.branches import OWNER, Branch, Item
from drafter.learning.facts import find_mentions
from drafter.library import (
    NEXT_STEPS,
    PROBLEMS,
    CountEntry,
    Knowledge,
    chinese_only,
    similar,
    without_tally,
)
from drafter.library import Measure as BankMeasure

EXAMPLES = 2
MAX_MEASURES = 5
CLOSING_ITEMS = 5
MIN_CONCRETE = 2  # an example says at least this much that is concrete (see `concreteness`)
ALL = "各支部"
FALLBACK_DETAIL = "结合实际认真抓好落实"
_ORDINAL_NAME = re.compile(r"^第[一二三四五六七八九十]{1,3}党支部$")
_QUOTED = re.compile(r"“[^”]{1,20}”|《[^》]{1,30}》")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE = re.compile(r"[^，；]+[，；]?")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")


@dataclass
class Cluster:
    """Items of several branches that stand for one activity."""

    activity: str
    items: list[tuple[Branch, Item]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(b.name for b, _ in self.items))


def cluster(entries: Sequence[tuple[Branch, Item]], topic: str, knowledge: Knowledge) -> list[Cluster]:
    """Items grouped by activity (or nearly the same words), in order of first appearance."""
    out: list[Cluster] = []
    for branch, item in entries:
        activity = _activity(item, topic, knowledge)
        home = next((c for c in out if c.activity == activity), None)
        if home is None:
            home = next((c for c in out if any(_same_words(item, i) for _, i in c.items)), None)
        if home is None:
            home = Cluster(activity)
            out.append(home)
        home.items.append((branch, item))
    return out


def _activity(item: Item, topic: str, knowledge: Knowledge) -> str:
    """The item's activity; a problem or next step may need its second clause to be known
    (理论学习的深度和系统性还不够，学用结合不够紧密 is one bank item); a measure's detail
    only says how, and the key phrases it names (志愿服务 in 把参加组织生活、志愿服务……量化为
    积分) are not its activity."""
    activity = knowledge.activity_of(item.item, topic)
    if activity.startswith("text:") and item.detail and topic in (PROBLEMS, NEXT_STEPS):
        whole = knowledge.activity_of(f"{item.item}，{item.detail}", topic)
        if not whole.startswith("text:"):
            return whole
    return activity


def _same_words(a: Item, b: Item) -> bool:
    """Nearly the same lead clause, or (both with details) nearly the same whole item."""
    if similar(chinese_only(a.item), chinese_only(b.item)):
        return True
    return bool(a.detail and b.detail) and similar(chinese_only(a.item + a.detail), chinese_only(b.item + b.detail))


def branches_phrase(names: Sequence[str], everyone: Sequence[str]) -> str:
    """Who does it: 各支部 when every branch does, else 第一、第三党支部 (in the branches' order;
    ordinals share the ending said once, other names stand whole: 第一党支部、办公室党支部)."""
    if len(everyone) > 1 and set(names) >= set(everyone):
        return ALL
    rank = {name: n for n, name in enumerate(everyone)}
    names = sorted(dict.fromkeys(names), key=lambda name: rank.get(name, len(rank)))
    if len(names) > 1 and all(_ORDINAL_NAME.match(n) for n in names):
        return "、".join(n.removesuffix("党支部") for n in names) + "党支部"
    return "、".join(names)


def bank_of(activity: str, topic: str, knowledge: Knowledge) -> BankMeasure | None:
    """The bank's measure of an activity, when it is one of this topic (activities are unique)."""
    measure = knowledge.of_activity(activity)
    return measure if measure is not None and measure.topic == topic else None


def _common_wording(c: Cluster) -> str:
    texts = [i.item for _, i in c.items]
    return max(dict.fromkeys(texts), key=texts.count)


def _plain_detail(c: Cluster) -> str:
    """What the branches' details say without their own figures: clauses with no digits."""
    for _, item in c.items:
        kept = [m.group() for m in _CLAUSE.finditer(item.detail) if not _NUMBER.search(m.group())]
        text = OWNER.sub("", "".join(kept)).strip("，；")
        if len(text) >= 6:
            return text
    return ""


# --- main parts ----------------------------------------------------------------------------------
@dataclass
class MainPart:
    """A main part of the gathered report: its measures (with the branches that do them) and
    its typical examples, one paragraph each."""

    measures: list[Measure]
    examples: list[str]
    shared: list[str]  # the measures' texts, for the summary
    example_branches: list[str]


def main_part(
    entries: Sequence[tuple[Branch, Item]],
    topic: str,
    counts: dict[str, list[str]],
    everyone: Sequence[str],
    knowledge: Knowledge,
    unit: str,
) -> MainPart:
    """The measures and examples of one part; `counts` maps each count id totalled in this part
    to the branches that give it.

    Who does a measure is said once in a row: a measure with counts says only who (its counts
    follow: 各支部全年召开支委会36次…), or, done by one branch, who and that branch's own words;
    the next measure of the same branches says nothing more than its counts. A measure without
    counts says who and how: one branch's own words, else the bank's (words of the trade, no
    branch's facts), else the first branch's detail without its figures."""
    clusters = cluster(entries, topic, knowledge)
    shared = sorted((c for c in clusters if len(c.names) > 1), key=lambda c: -len(c.names))
    chosen: list[tuple[str, Cluster | None, BankMeasure | None, set[str]]] = []
    claimed: set[str] = set()
    for group in shared[:MAX_MEASURES]:
        bank = bank_of(group.activity, topic, knowledge)
        text = bank.text if bank is not None else _common_wording(group)
        proves = ({e.id for e in bank.counts} if bank is not None else set()) & set(counts)
        proves |= {i for i in counts if any(n in text for n in _names(knowledge.count(i)))}
        chosen.append((text, group, bank, proves - claimed))
        claimed |= proves
    for bank, ids in _provers(counts, claimed, topic, knowledge):
        if len(chosen) < MAX_MEASURES and bank.text not in (t for t, *_ in chosen):
            home = next((c for c in clusters if c.activity == bank.activity), None)
            chosen.append((bank.text, home, bank, set(ids)))
    measures: list[Measure] = []
    previous = ""
    for text, home, bank, proves in chosen:
        names = list(dict.fromkeys([*(home.names if home else []), *(n for i in proves for n in counts[i])]))
        who = branches_phrase(names, everyone)
        # a branch's own words say what that one branch does: never said for several
        own = _own_words(home, knowledge) if home is not None and len(names) == 1 else ""
        if proves:
            detail = who + own if own or who != previous else ""
        else:
            said = [m.detail or "" for m in measures]
            bank_words = bank.detail_for(unit, said) if bank and bank.details else ""
            plain = _plain_detail(home) if home is not None else ""
            detail = who + (own or bank_words or plain or FALLBACK_DETAIL)
        previous = who
        measures.append(Measure(text, detail))
    taken = {home.activity for _, home, _, _ in chosen if home is not None}
    own_clusters = [c for c in clusters if len(c.names) == 1 and c.activity not in taken]
    examples = typical_examples(own_clusters, knowledge)
    return MainPart(measures, [text for _, text in examples], [m.item for m in measures], [n for n, _ in examples])


def _own_words(c: Cluster, knowledge: Knowledge) -> str:
    """How the first branch that says how does a measure: its detail's clauses before the first
    that states a catalogue count (the totals follow them; what follows a branch's own figure
    is about that figure)."""
    for _, item in c.items:
        words = without_counts(item.detail, knowledge, before_first=True)
        if words:
            return words
    return ""


def _provers(
    counts: dict[str, list[str]], claimed: set[str], topic: str, knowledge: Knowledge
) -> list[tuple[BankMeasure, list[str]]]:
    """For the counts no shared measure proves: the bank measure (for a branch) proving each,
    with the counts it proves, in the order of the counts."""
    default = knowledge.default_organisation.id
    out: dict[str, tuple[BankMeasure, list[str]]] = {}
    for count_id in counts:
        if count_id in claimed:
            continue
        entry = knowledge.count(count_id)
        bank = next((m for m in knowledge.measures_for(entry.topic, default) if entry in m.counts), None)
        if bank is not None and bank.topic == topic:
            out.setdefault(bank.text, (bank, []))[1].append(count_id)
    return list(out.values())


def _names(entry: CountEntry) -> list[str]:
    return [n for n in (entry.name, *entry.synonyms, entry.object) if len(n) >= 3]


# --- typical examples ----------------------------------------------------------------------------
def concreteness(text: str) -> int:
    """How concrete a measure reads: its figures, twice its named activities (“…”, 《…》), and
    one more when it says enough (40 characters)."""
    return len(_NUMBER.findall(text)) + 2 * len(_QUOTED.findall(text)) + (len(text) >= 40)


def without_counts(detail: str, knowledge: Knowledge, *, before_first: bool = False) -> str:
    """A detail without the clauses that state a catalogue count (`before_first`: only what
    precedes the first of them; a clause that says how keeps it without its closing tally), and from its second sentence on without a sentence that opens
    with the branch again (支部……: a statement of its own)."""
    sentences = []
    for n, sentence in enumerate(_SENTENCE.findall(detail)):
        if n and OWNER.match(sentence.strip()):
            break
        kept, counted = [], False
        for m in _CLAUSE.finditer(sentence):
            piece = m.group()
            body = piece.rstrip("，；。 ")
            if (bare := without_tally(body)) != body:  # 在……服务中组建党员突击队2支: how, its tally off
                piece = bare + piece[len(body):]
            counted = any(knowledge.match_count(x.key, x.unit) for x in find_mentions(piece))
            if counted and before_first:
                break
            if not counted:
                kept.append(piece)
        text = "".join(kept).strip("，；。 ")
        if text:
            sentences.append(text)
        if counted and before_first:
            break
    return OWNER.sub("", "。".join(sentences)).strip("，；。")


def example_text(branch: Branch, item: Item, knowledge: Knowledge) -> str:
    """第二党支部 + the measure and its detail, without the clauses stating catalogue counts."""
    detail = without_counts(item.detail, knowledge)
    body = f"{item.item.rstrip('，；。')}，{detail}" if detail else item.item.rstrip("，；。")
    return f"{branch.name}{body}。"


def typical_examples(own: Sequence[Cluster], knowledge: Knowledge) -> list[tuple[str, str]]:
    """(branch name, paragraph) of the most concrete own measures, one per branch."""
    scored = []
    for order, c in enumerate(own):
        branch, item = c.items[0]
        if not item.detail:
            continue
        text = example_text(branch, item, knowledge)
        score = concreteness(text[len(branch.name):])
        if score >= MIN_CONCRETE:
            scored.append((-score, order, branch.name, text))
    out: list[tuple[str, str]] = []
    for _, _, name, text in sorted(scored):
        if name not in (n for n, _ in out) and len(out) < EXAMPLES:
            out.append((name, text))
    return out


# --- problems and next steps ---------------------------------------------------------------------
_WILL = re.compile(r"^(?:将|要|会)")


def closing_items(
    entries: Sequence[tuple[Branch, Item]], topic: str, knowledge: Knowledge
) -> tuple[list[Measure], int]:
    """The merged problems (or next steps), most widely shared first, and how many were left
    out over CLOSING_ITEMS."""
    clusters = sorted(cluster(entries, topic, knowledge), key=lambda c: -len(c.names))
    out = []
    for c in clusters[:CLOSING_ITEMS]:
        bank = bank_of(c.activity, topic, knowledge)
        text = bank.text if bank is not None else _common_wording(c)
        clauses = [chinese_only(piece) for piece in re.split("[，；]", text)]
        detail = next(
            (i.detail for _, i in c.items if i.detail and not any(similar(chinese_only(i.detail), k) for k in clauses)), ""
        )
        out.append(Measure(text, _WILL.sub("", detail) if topic == NEXT_STEPS else detail))
    return out, max(0, len(clusters) - CLOSING_ITEMS)

