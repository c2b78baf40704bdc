"""The bank's wordings (issue 19): several per item, chosen per unit, set phrases in their
standard form, items only for the organisations they fit, one entry per activity."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import pytest

from drafter.composing.composer import DEFAULT_FRAMING
from drafter.library import Knowledge, choose_wording, load_library, phrases, ranked
from drafter.library.knowledge_files import MIN_WORDINGS

MAIN_TOPICS = ("politics", "organization", "members", "integrity", "ideology", "conduct", "mass", "integration")


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_library().knowledge


def kind_forms() -> Iterator[tuple[str, list[str]]]:
    """Every kind's opening, closing and framing as its list of wordings (with the defaults)."""
    for kind in load_library().kinds:
        framing = kind.get("framing") or {}
        for piece in ("opening", "closing", "problems", "next_steps"):
            forms = kind.get(piece) if piece in ("opening", "closing") else framing.get(piece, DEFAULT_FRAMING[piece])
            yield f"{kind['id']} {piece}", forms if isinstance(forms, list) else [forms]


def bank_texts(kn: Knowledge) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every bank item with the organisations it is offered to: its text and every wording."""
    for m in kn.measures:
        for text in (m.text, *m.details, *m.causes):
            yield text, m.organisations
    for _, wordings in kn.effects:
        for text in wordings:
            yield text, ()


# --- choosing ---------------------------------------------------------------------------------
def test_the_order_is_stable_per_unit_and_differs_between_units() -> None:
    wordings = ["甲种说法", "乙种说法", "丙种说法"]
    assert ranked(wordings, "某某县统计局", "x") == ranked(list(wordings), "某某县统计局", "x")
    orders = {tuple(ranked(wordings, f"某某县第{n}中学", "x")) for n in range(30)}
    assert len(orders) == 3  # thirty units do not all read alike: each rotation is taken
    assert sorted(ranked(wordings, "某某县统计局", "x")) == sorted(wordings)


def test_two_units_differ_on_every_item_or_on_none() -> None:
    """The rotation is the unit's: two offices whose first wordings differ on one item differ
    on all of them (lists of one length), so most pairs share no wording at all."""
    items = [[f"第{i}条甲说法", f"第{i}条乙说法", f"第{i}条丙说法", f"第{i}条丁说法"] for i in range(40)]
    units = [f"某某县第{n}中学党支部" for n in range(12)]
    disjoint = 0
    for a in units:
        for b in units:
            if a < b:
                same = sum(ranked(w, a, str(i))[0] == ranked(w, b, str(i))[0] for i, w in enumerate(items))
                assert same in (0, len(items))
                disjoint += same == 0
    assert disjoint >= 0.6 * (len(units) * (len(units) - 1) / 2)  # about three pairs in four


def test_a_wording_that_repeats_a_phrase_of_the_report_is_skipped() -> None:
    wordings = ["与业务工作一起谋划、一起部署", "坚持经常抓、抓经常", "定期听取汇报、研究问题"]
    for unit in ("某某县统计局", "某某县档案馆", "某某市水务局"):
        chosen = choose_wording(wordings, unit, "x", ["坚持党建和业务工作一起谋划"])
        assert chosen != wordings[0]
    first = ranked(wordings, "某某县统计局", "x")[0]
    assert choose_wording(wordings, "某某县统计局", "x") == first  # nothing said yet: the unit's own


def test_terms_are_not_phrasing() -> None:
    assert phrases("把意识形态工作纳入党建工作责任制") == phrases("把意识形态工作纳入党建工作责任制")
    assert "意识形态" not in phrases("落实意识形态工作责任制")
    assert "同部署同" not in phrases("同部署、同落实")  # runs do not cross punctuation
    assert "业务工作" not in phrases("与业务工作一起安排")


def test_the_causes_of_one_report_are_led_in_by_different_leads(kn: Knowledge) -> None:
    """究其原因，…主要是…根源在于…: each cause its own lead, the comma of 究其原因， kept (主要是
    is shorter than a phrase, so a lead is looked for as it stands)."""
    problems = [m for m in kn.measures if m.topic == "problems" and m.causes][:4]
    for n in range(12):
        said: list[str] = []
        leads = []
        for problem in problems:
            cause = kn.cause_for(problem, f"某某县第{n}中学", said)
            lead = next(lead for lead in kn.cause_leads if cause.startswith(lead))
            assert cause[len(lead):] in problem.causes
            leads.append(lead)
            said += [problem.text, cause]
        assert sorted(leads) == sorted(kn.cause_leads), leads
    assert "究其原因，" in kn.cause_leads


# --- the bank's wordings ----------------------------------------------------------------------
def test_every_measure_and_cause_has_four_distinct_wordings(kn: Knowledge) -> None:
    bad = []
    for m in kn.measures:
        for what, wordings in (("detail", m.details), ("cause", m.causes)):
            if m.topic not in ("problems", "next_steps") and what == "detail" or wordings:
                if len(wordings) < MIN_WORDINGS:
                    bad.append(f"{m.text}: {len(wordings)} {what} wordings")
                bad += [f"{m.text}: {a} ~ {b}" for a, b in _too_alike(wordings)]
    assert not bad, "\n".join(bad)


def test_every_main_topic_has_four_effects_that_state_no_figures(kn: Knowledge) -> None:
    effects = dict(kn.effects)
    for topic in MAIN_TOPICS:
        assert len(effects.get(topic, ())) >= MIN_WORDINGS, topic
        assert not _too_alike(effects[topic]), topic
        for text in effects[topic]:
            assert not re.search(r"[0-9０-９]|[一二三四五六七八九十百千万]+[次个项名篇场人%]", text), text


def test_every_kind_form_has_four_wordings() -> None:
    for where, forms in kind_forms():
        if where.endswith(("opening", "closing")) or forms:
            assert len(forms) >= MIN_WORDINGS, where
            assert not _too_alike([re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", f) for f in forms]), where


def test_every_list_of_a_file_has_the_same_length(kn: Knowledge) -> None:
    """Why one length: a unit's place in every rotation is its number modulo the list's length
    (drafter.library.variants.ranked). With one length n, two offices whose numbers differ
    modulo n differ on every item at once, and n numbered branches of one body share no
    wording; lists of 3 and 4 wordings side by side would make two offices agree on the items
    of one length while differing on the others, and branches 第一 and 第四 meet again on the
    lists of three."""
    bank = {len(w) for m in kn.measures for w in (m.details, m.causes) if w}
    bank |= {len(w) for _, w in kn.effects} | {len(kn.cause_leads)}
    assert bank == {MIN_WORDINGS}, bank
    forms = {len(f) for _, f in kind_forms()} | {len(f) for f in DEFAULT_FRAMING.values()}
    assert forms == {MIN_WORDINGS}, forms


def _pieces(form: str) -> list[str]:
    """The literal pieces of a kind's form (its template fields left out)."""
    return [p for p in re.split(r"\{\{.*?\}\}|\{%.*?%\}", form) if p.strip()]


def test_no_wording_repeats_what_is_said_with_it_anyway(kn: Knowledge) -> None:
    """A wording that repeats a phrase of its own item, of the items ticked with it by default
    (the first three of its topic) or of a kind's opening, closing or framing is skipped for
    every unit that says it: all those units fall back to the same next wording, and offices
    whose rotations differ hand in the same sentence."""
    always = {p for _, forms in kind_forms() for f in forms for piece in _pieces(f) for p in phrases(piece)}
    organisations = [o.id for o in kn.organisations]
    bad = []
    for m in kn.measures:
        ticked = {t.text for org in organisations if m.fits(org) for t in kn.measures_for(m.topic, org)[:3]}
        said = always | {p for t in ticked | {m.text} for p in phrases(t)}
        bad += [f"{m.text}: “{w}” repeats {sorted(phrases(w) & said)}"
                for w in (*m.details, *m.causes) if phrases(w) & said]
    for topic, wordings in kn.effects:
        bad += [f"成效 {topic}: “{w}” repeats {sorted(phrases(w) & always)}" for w in wordings if phrases(w) & always]
    assert not bad, "\n".join(bad)


def _too_alike(wordings: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """Pairs of wordings that differ in a word or two only."""
    return [
        (a, b) for i, a in enumerate(wordings) for b in wordings[i + 1 :]
        if difflib.SequenceMatcher(None, a, b).ratio() > 0.75
    ]


# --- set phrases ------------------------------------------------------------------------------
# Standard set phrases (提法) the bank may use, each with garbled forms a reviewer marks as wrong.
SET_PHRASES = {
    "读原著、学原文、悟原理": ("学原著、读原文", "原原本本学原著", "读原文、悟原理", "学原文、读原著"),
    "学思用贯通、知信行统一": ("知行信统一", "学用思贯通", "思学用贯通"),
    "守土有责、守土负责、守土尽责": ("守土尽责、守土负责", "守土负责、守土有责"),
    "政治性、时代性、原则性、战斗性": ("原则性、时代性", "时代性、政治性", "战斗性、原则性"),
    "知敬畏、存戒惧、守底线": ("存敬畏、知戒惧", "知戒惧、存敬畏"),
    "不信谣、不传谣": ("不传谣、不信谣",),
    "以案为鉴、以案促改": ("以案促改、以案为鉴",),
    "交往交流交融": ("交流交往交融", "交融交流交往"),
    "急难愁盼": ("急难盼愁", "急愁难盼", "急盼难愁"),
    "我为群众办实事": ("我为群众做实事", "我为群众干实事"),
    "抓早抓小、防微杜渐": ("抓小抓早",),
}


def test_set_phrases_stand_in_their_standard_form(kn: Knowledge) -> None:
    texts = [t for t, _ in bank_texts(kn)] + [f for _, forms in kind_forms() for f in forms]
    bad = [
        f"“{text}”: “{garble}” (standard: {standard})"
        for text in texts
        for standard, garbles in SET_PHRASES.items()
        for garble in garbles
        if garble in text
    ]
    assert not bad, "\n".join(bad)
    assert any("读原著、学原文、悟原理" in t for t in texts)


# --- levels -----------------------------------------------------------------------------------
BELOW = ("general_branch", "organ_committee", "party_committee", "party_group")  # have 支部 below
# A term and the organisations an item saying it fits: a 党支部 has no layers, 基层 or 所属
# organisations below it; only 党委 and 党组 have a 中心组, a 班子 and 民主生活会.
LEVELS = {
    "层层": BELOW,
    "基层": BELOW,
    "所属": BELOW,
    "各支部": BELOW,
    "中心组": ("party_committee", "party_group"),
    "民主生活会": ("party_committee", "party_group"),
    "班子成员": BELOW,
    "党组会": ("party_group",),
}


def test_items_are_offered_only_to_the_organisations_they_fit(kn: Knowledge) -> None:
    bad = []
    for text, organisations in bank_texts(kn):
        for term, fit in LEVELS.items():
            if term in text and (not organisations or not set(organisations) <= set(fit)):
                bad.append(f"“{text}” says {term} but is offered to {organisations or 'every organisation'}")
    assert not bad, "\n".join(bad)


def test_a_branch_is_offered_no_layers(kn: Knowledge) -> None:
    for topic in (*MAIN_TOPICS, "problems", "next_steps"):
        for m in kn.measures_for(topic, "branch"):
            for text in (m.text, *m.details, *m.causes):
                assert not any(w in text for w in ("层层", "为基层减负", "中心组", "所属")), text


# --- activities -------------------------------------------------------------------------------
def test_every_measure_names_its_activity_once(kn: Knowledge) -> None:
    activities = [m.activity for m in kn.measures if m.topic in MAIN_TOPICS]
    assert all(activities) and len(set(activities)) == len(activities)


@pytest.mark.parametrize(
    ("text", "topic", "same_as"),
    [
        ("严格落实“三会一课”制度", "organization", "严格执行“三会一课”制度"),
        ("认真落实“三会一课”制度", "organization", "严格执行“三会一课”制度"),
        ("深入开展调查研究", "politics", "扎实开展专题调查研究"),
        ("党务干部工作能力需要提升", "problems", "党务干部业务能力有待提升，培训不够经常"),
    ],
)
def test_wordings_of_one_activity_are_one_measure(kn: Knowledge, text: str, topic: str, same_as: str) -> None:
    assert kn.activity_of(text, topic) == kn.activity_of(same_as, topic)


def test_different_work_is_not_merged(kn: Knowledge) -> None:
    assert kn.activity_of("加强中心组意识形态专题学习") != kn.activity_of("常态化开展专题学习")
    assert kn.activity_of("落实意识形态工作责任制") != kn.activity_of("落实党建工作责任制")
    # a problem about 三会一课 is not the measure 严格执行“三会一课”制度
    assert kn.activity_of("“三会一课”落实不够严格", "problems") != kn.activity_of("严格执行“三会一课”制度")
