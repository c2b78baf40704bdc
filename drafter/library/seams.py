"""The words 核稿 reads to see what a reviewer sees: `outlines/authored/seams.yaml`.

Set phrases with their garbled forms, terms above an organisation's level, time-bound
campaigns with their years, where each count may stand besides its own topic, and long names
that may recur in one paragraph — all data, so a reviewer's new observation is a line in the
file, not code. Validated like every authored file (drafter.files.schema; errors name file, line
and key) and cross-checked against the organisations, topics and count catalogue of the same
folder; loaded once per folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from drafter.files import Map, Opt, YamlDoc, load_yaml, validate_once
from drafter.library.campaigns import SEAMS_FILE, Campaign, campaigns_of
from drafter.library.knowledge import Knowledge
from drafter.library.knowledge_files import load_knowledge
from drafter.library.sayable import clauses, loose_pattern, sentences
from drafter.library.schemas import AUTHORED_SCHEMAS, default_outlines_dir

ANY_TOPIC = "*"

SEAMS_SCHEMA: dict[str, Any] = {
    "set_phrases": [{"standard": str, "wrong": [str]}],
    "above_level": [
        {"term": str, "not_for": [str], "unless": Opt([str]), "fine": Opt([str]), "why": str,
         "fix": str}
    ],
    "campaign_verbs": [str],
    "settled": [str],
    "campaigns": [{"name": str, "years": [int], "verbs": Opt([str])}],
    "count_places": Map([str]),
    "recurring": [str],
}


@dataclass(frozen=True)
class SetPhrase:
    """A set phrase's standard form and the garbled forms seen in drafts."""

    standard: str
    wrong: tuple[str, ...]


@dataclass(frozen=True)
class LevelTerm:
    """A term that does not fit the organisations in `not_for` (中心组 in a 党支部's report)."""

    term: str
    not_for: tuple[str, ...]
    unless: tuple[str, ...]  # words before it in the clause that make it another level's
    fine: tuple[str, ...]  # wider wordings holding it that do fit (层层把关)
    why: str
    fix: str


@dataclass(frozen=True)
class Seams:
    """Everything 核稿 reads besides the text: the file's sections, the folder's topics (id and
    heading keywords, in file order) and its knowledge (the count catalogue)."""

    set_phrases: tuple[SetPhrase, ...]
    level_terms: tuple[LevelTerm, ...]
    campaigns: tuple[Campaign, ...]
    settled: tuple[str, ...]
    count_places: dict[str, frozenset[str]]
    recurring: tuple[str, ...]
    topics: tuple[tuple[str, tuple[str, ...]], ...]
    topic_names: dict[str, str]
    knowledge: Knowledge


def misfits(text: str, organisation: str, terms: Sequence[LevelTerm]) -> list[tuple[LevelTerm, re.Match[str]]]:
    """The terms of `text` that do not fit the organisation (中心组 in a 党支部's report, 层层…
    in a 党支部's), unless the clause names the higher organisation it belongs to (局党组中心组)
    or the term stands in a wording that does fit (层层把关)."""
    out = []
    for term in terms:
        if organisation not in term.not_for:
            continue
        for m in re.finditer(re.escape(term.term), text):
            clause_start = max(text.rfind(ch, 0, m.start()) for ch in "，。；：！？") + 1
            before = text[clause_start : m.start()]
            if not (any(word in before for word in term.unless) or _within(text, m, term.fine)):
                out.append((term, m))
    return out


def fitting(text: str, organisation: str, terms: Sequence[LevelTerm], *, by_sentence: bool = False) -> str:
    """`text` without its clauses — with `by_sentence`, its sentences — that hold a term the
    organisation cannot say (`misfits`): the office's own text said again in this
    organisation's report, with nothing 核稿 would ask to reword."""
    pieces = sentences(text) if by_sentence else clauses(text)
    kept = "".join(p for p in pieces if not misfits(p, organisation, terms))
    return kept if by_sentence else kept.rstrip("，；")


def _within(text: str, m: re.Match[str], wordings: tuple[str, ...]) -> bool:
    """Whether the match stands inside one of `wordings` as written in `text`."""
    for wording in wordings:
        at = wording.find(m.group())
        if at >= 0 and text.startswith(wording, m.start() - at):
            return True
    return False


def load_seams(root: Path | None = None) -> Seams:
    """The seams file of an outlines folder (default: the shipped one); a folder without it
    uses the shipped file."""
    root = (root or default_outlines_dir()).resolve()
    if not (root / "authored" / SEAMS_FILE).is_file():
        root = default_outlines_dir().resolve()
    return _load(root)


@cache
def _load(root: Path) -> Seams:
    doc = load_yaml(root / "authored" / SEAMS_FILE)
    validate_once(doc, SEAMS_SCHEMA, SEAMS_FILE)
    topics_doc = load_yaml(root / "authored" / "topics.yaml")
    validate_once(topics_doc, AUTHORED_SCHEMAS["topics.yaml"], "topics.yaml")
    topics = tuple((t["id"], tuple(t["keywords"])) for t in topics_doc.data["topics"])
    knowledge = load_knowledge(root)
    data = doc.data
    return Seams(
        set_phrases=_set_phrases(doc),
        level_terms=_level_terms(doc, [o.id for o in knowledge.organisations]),
        campaigns=campaigns_of(doc),
        settled=tuple(data["settled"]),
        count_places=_count_places(doc, {t for t, _ in topics}, {c.id for c in knowledge.counts}),
        recurring=tuple(data["recurring"]),
        topics=topics,
        topic_names={t["id"]: t["name"] for t in topics_doc.data["topics"]},
        knowledge=knowledge,
    )


def _set_phrases(doc: YamlDoc) -> tuple[SetPhrase, ...]:
    out = []
    for i, item in enumerate(doc.data["set_phrases"]):
        standard = item["standard"].strip()
        wrong = tuple(w.strip() for w in item["wrong"])
        for j, form in enumerate(wrong):
            if not form or loose_pattern(form).search(standard) or loose_pattern(standard).search(form):
                raise doc.error(("set_phrases", i, "wrong", j),
                                f"错误写法“{form}”与规范写法“{standard}”互相包含，无法区分。")
        out.append(SetPhrase(standard, wrong))
    return tuple(out)


def _level_terms(doc: YamlDoc, org_ids: list[str]) -> tuple[LevelTerm, ...]:
    out = []
    for i, item in enumerate(doc.data["above_level"]):
        for j, org in enumerate(item["not_for"]):
            if org not in org_ids:
                raise doc.error(("above_level", i, "not_for", j), f"未知的组织类型“{org}”。",
                                hint=f"可用的组织类型：{'、'.join(org_ids)}（见 organisations.yaml）")
        out.append(LevelTerm(item["term"], tuple(item["not_for"]), tuple(item.get("unless") or ()),
                             tuple(item.get("fine") or ()), item["why"], item["fix"]))
    return tuple(out)


def _count_places(doc: YamlDoc, topics: set[str], count_ids: set[str]) -> dict[str, frozenset[str]]:
    out = {}
    for count_id, places in doc.data["count_places"].items():
        if count_id not in count_ids:
            raise doc.error(("count_places", str(count_id)), f"未知的计数“{count_id}”。",
                            hint="可用的计数见 counts.yaml 的 id。")
        for j, topic in enumerate(places):
            if topic != ANY_TOPIC and topic not in topics:
                raise doc.error(("count_places", str(count_id), j), f"未知的主题“{topic}”。")
        out[str(count_id)] = frozenset(places)
    return out
