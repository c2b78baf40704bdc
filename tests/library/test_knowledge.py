"""The knowledge layer: organisations, the count catalogue, phrase banks, and how they load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.errors import UserError, YamlError
from drafter.library.knowledge import (
    CountEntry,
    Knowledge,
    phrase_counts,
)
from drafter.library.knowledge_files import load_knowledge
from drafter.library.outline import load_library, load_outline
from drafter.library.points import DIAGNOSIS_WORDS, MEASURE_VERBS
from drafter.reading.reader import read_report
from tests.helpers import SEEDS, SHIPPED, build_file_tree
from tests.seedtext import MIN_COPIED, seed_sentences

TOPICS = [
    "politics", "organization", "members", "integrity", "ideology",
    "conduct", "mass", "integration", "problems", "next_steps",
]
BODY_TOPICS = TOPICS[:-2]
ORGS = ["branch", "general_branch", "organ_committee", "party_committee", "party_group"]
PLACEHOLDER = re.compile(r"\*|X{2}|x{2}|×|某某|…|\.{3}")
YEAR = re.compile(r"\d{4}|[〇零一二三四五六七八九]{4}年")
UNIT_WORDS = ("我市", "我区", "我县", "我局", "我委", "本局", "全市", "全区", "全县", "市委", "区委", "县委")


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_knowledge()


def entry(count_id: str, verb: str, obj: str, unit: str = "次", group: str = "") -> CountEntry:
    return CountEntry(count_id, verb, obj, unit, "organization", group=group)


# --- organisations -------------------------------------------------------------------------------
def test_organisations_and_default(kn: Knowledge) -> None:
    assert [o.id for o in kn.organisations] == ORGS
    assert [o.name for o in kn.organisations] == ["党支部", "党总支", "机关党委", "党委", "党组"]
    assert kn.default_organisation.id == "branch"
    assert all(o.help for o in kn.organisations)


def test_unknown_organisation_is_a_user_error(kn: Knowledge) -> None:
    with pytest.raises(UserError, match="未知的组织类型“党小组”") as info:
        kn.counts_for("organization", "党小组")
    assert "branch（党支部）" in info.value.hint


# --- the count catalogue --------------------------------------------------------------------------
def test_catalogue_is_large_and_well_formed(kn: Knowledge) -> None:
    assert len(kn.counts) >= 30
    assert len({c.id for c in kn.counts}) == len(kn.counts)
    units = {"次", "名", "篇", "元", "人次", "个", "件", "份", "期", "场", "户", "支", "项", "条"}
    for c in kn.counts:
        assert c.verb and c.object and c.unit in units, c
        assert c.topic in BODY_TOPICS, c
        assert set(c.organisations) <= set(ORGS), c
    # every topic of the body has counts for a 党支部
    assert all(kn.counts_for(topic, "branch") for topic in BODY_TOPICS)


@pytest.mark.parametrize(
    "required",
    [
        "召开支委会", "召开党员大会", "召开党小组会", "讲授党课", "开展主题党日活动", "开展集中学习",
        "开展专题研讨", "开展谈心谈话", "发展党员", "确定入党积极分子", "预备党员按期转正", "收缴党费",
        "开展警示教育", "开展廉政谈话", "开展志愿服务", "为群众办实事", "形成调研报告", "评选表彰优秀党员",
        "组织理论学习中心组集体学习",
    ],
)
def test_catalogue_has_the_usual_counts(kn: Knowledge, required: str) -> None:
    assert required in {c.name for c in kn.counts}


def test_counts_are_ordered_most_common_first(kn: Knowledge) -> None:
    assert [c.id for c in kn.counts_for("organization", "branch")][:5] == [
        "committee_meeting", "members_meeting", "group_meeting", "party_lecture", "theme_day",
    ]
    assert kn.counts_for("organization", "party_group")[0].id == "leading_group_meeting"
    assert kn.counts_for("politics", "party_group")[0].id == "centre_group"
    assert kn.counts_for("politics", "branch")[0].id == "study_sessions"


# --- organisation filtering ----------------------------------------------------------------------
def test_a_branch_is_never_asked_about_centre_group_or_party_group(kn: Knowledge) -> None:
    offered = {c.id for topic in BODY_TOPICS for c in kn.counts_for(topic, "branch")}
    assert {"centre_group", "first_topic", "leading_group_meeting", "ideology_research"}.isdisjoint(
        offered
    )
    assert {"committee_meeting", "members_meeting", "dues", "new_members"} <= offered
    texts = {m.text for topic in TOPICS for m in kn.measures_for(topic, "branch")}
    assert not [t for t in texts if "中心组" in t or "第一议题" in t or "所属" in t]


def test_a_party_group_is_not_asked_about_branch_life(kn: Knowledge) -> None:
    offered = {c.id for topic in BODY_TOPICS for c in kn.counts_for(topic, "party_group")}
    assert {"centre_group", "first_topic", "leading_group_meeting"} <= offered
    branch_only = {"committee_meeting", "members_meeting", "group_meeting", "dues", "new_members"}
    assert branch_only.isdisjoint(offered)


def test_guiding_branches_only_above_a_branch(kn: Knowledge) -> None:
    guide = "加强对所属党支部的指导督导"
    have = {o for o in ORGS if guide in {m.text for m in kn.measures_for("organization", o)}}
    assert have == {"general_branch", "organ_committee", "party_committee", "party_group"}


def test_every_organisation_has_a_usable_bank(kn: Knowledge) -> None:
    for org in ORGS:
        for topic in TOPICS:
            assert len(kn.measures_for(topic, org)) >= 8, (org, topic)


# --- phrases --------------------------------------------------------------------------------------
def test_phrase(kn: Knowledge) -> None:
    assert kn.count("committee_meeting").phrase(12) == "召开支委会12次"
    assert kn.count("talks").phrase(60) == "开展谈心谈话60人次"
    assert kn.count("new_members").phrase(2) == "发展党员2名"
    assert kn.count("practical_matters").phrase(8) == "为群众办实事8件"
    assert kn.count("committee_meeting").phrase(0) == ""
    assert kn.count("committee_meeting").phrase(None) == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12000, "收缴党费1.2万元"),
        (10000, "收缴党费1万元"),
        (35600, "收缴党费3.56万元"),
        (12345, "收缴党费12345元"),
        (5000, "收缴党费5000元"),
        (3560.5, "收缴党费3560.5元"),
    ],
)
def test_money_reads_naturally(kn: Knowledge, value: float, text: str) -> None:
    assert kn.count("dues").phrase(value) == text


def test_negative_count_is_a_bug(kn: Knowledge) -> None:
    with pytest.raises(ValueError):
        kn.count("dues").phrase(-1)


def test_phrase_counts_groups_by_verb(kn: Knowledge) -> None:
    c = kn.count
    assert (
        phrase_counts(
            [(c("committee_meeting"), 12), (c("members_meeting"), 4), (c("theme_day"), 12)]
        )
        == "召开支委会12次、党员大会4次，开展主题党日活动12次"
    )
    # a later count of an earlier verb joins its group; blanks and zeros leave nothing behind
    assert (
        phrase_counts(
            [
                (c("committee_meeting"), 12),
                (c("party_lecture"), 2),
                (c("group_meeting"), None),
                (c("members_meeting"), 4),
                (c("theme_day"), 0),
            ]
        )
        == "召开支委会12次、党员大会4次，讲授党课2次"
    )
    assert phrase_counts([(c("committee_meeting"), None), (c("theme_day"), 0)]) == ""
    assert (
        phrase_counts(
            [(c("outstanding_members"), 5), (c("advanced_branches"), 2), (c("dues"), 24000)]
        )
        == "评选表彰优秀党员5名、先进基层党组织2个，收缴党费2.4万元"
    )


def test_group_overrides_the_verb() -> None:
    a = entry("a", "开展", "集中学习")
    b = entry("b", "开展", "志愿服务", group="service")
    c = entry("c", "组织开展", "专题研讨", group="开展")
    assert phrase_counts([(a, 3), (b, 2), (c, 1)]) == "开展集中学习3次、专题研讨1次，开展志愿服务2次"


def test_detail_text(kn: Knowledge) -> None:
    three = next(m for m in kn.measures_for("organization", "branch") if "三会一课" in m.text)
    values = {"committee_meeting": 12, "members_meeting": 4, "group_meeting": 0, "party_lecture": 2}
    assert three.detail_text(values, "全年", prose=False) == "全年召开支委会12次、党员大会4次，讲授党课2次。"
    assert three.detail_text(values, "上半年") == (
        three.detail + "，上半年召开支委会12次、党员大会4次，讲授党课2次。"
    )
    assert three.detail_text({}, "全年") == three.detail + "。"
    assert three.detail_text({}, "全年", prose=False) == ""


# --- measures -------------------------------------------------------------------------------------
def test_every_topic_has_ten_measures(kn: Knowledge) -> None:
    for topic in TOPICS:
        assert len([m for m in kn.measures if m.topic == topic]) >= 10, topic


def _verb_at_start(text: str) -> bool:
    """A measure opens with its verb, at most after a short adverb (常态化开展…, 驰而不息纠治…)."""
    return any(0 <= text.find(verb) <= 4 for verb in MEASURE_VERBS)


def test_every_measure_is_a_complete_clause(kn: Knowledge) -> None:
    bad = []
    for m in kn.measures:
        words = DIAGNOSIS_WORDS if m.topic == "problems" else MEASURE_VERBS
        if m.topic != "problems" and not _verb_at_start(m.text):
            bad.append(f"{m.text}: no verb at its start")
        if not any(word in m.text for word in words):
            bad.append(f"{m.text}: no predicate")
        for text, limit in ((m.text, 30), *((d, 60) for d in (*m.details, *m.causes))):
            if len(text) > limit:
                bad.append(f"{text}: longer than {limit}")
            if PLACEHOLDER.search(text) or YEAR.search(text) or "《" in text or "》" in text:
                bad.append(f"{text}: placeholder, year or document title")
            if any(word in text for word in UNIT_WORDS):
                bad.append(f"{text}: names a unit or place")
            if text.endswith(("。", "；", "，")) or re.search(r"[,;:()]", text):
                bad.append(f"{text}: end or half-width punctuation")
            if text.count("“") != text.count("”"):
                bad.append(f"{text}: unbalanced quotes")
    assert not bad, "\n".join(bad)


def test_measure_texts_are_distinct(kn: Knowledge) -> None:
    texts = [(m.topic, m.text) for m in kn.measures]
    assert len(set(texts)) == len(texts)


def test_problems_pair_with_next_steps(kn: Knowledge) -> None:
    problems = [m for m in kn.measures if m.topic == "problems"]
    steps = {m.text: m for m in kn.measures if m.topic == "next_steps"}
    assert sum(bool(p.pair) for p in problems) >= 10
    for p in problems:
        if p.pair:
            assert steps[p.pair].pair == p.text


def test_counts_named_by_measures_fit_the_measure(kn: Knowledge) -> None:
    for m in kn.measures:
        for c in m.counts:
            assert not m.organisations or not c.organisations or set(m.organisations) & set(
                c.organisations
            ), (m.text, c.id)


def test_library_gives_its_knowledge() -> None:
    assert load_library().knowledge is load_knowledge()


# --- learned facts → catalogue --------------------------------------------------------------------
# Every fact key the seeds teach (outlines/learned), and the catalogue entry it stands for.
MAPPED = {
    "支委会": "committee_meeting", "党员大会": "members_meeting", "组织生活会": "org_life_meeting",
    "讲党课": "party_lecture", "主题党日": "theme_day", "主题党日活动": "theme_day",
    "专题研究党建工作": "party_building_research",
    "集中学习": "study_sessions", "集体学习": "study_sessions", "专题学习": "study_sessions",
    "全局干部职工学习例会": "study_sessions",
    "专题研讨": "seminars", "集中研讨": "seminars", "集中交流研讨": "seminars",
    "中心组集体学习": "centre_group", "局党组理论学习中心组": "centre_group",
    "调研": "research", "走访调研": "research", "调研报告": "research_reports",
    "发展入党预备党员": "new_members", "吸收入党积极分子": "activists", "吸纳入党积极分子": "activists",
    "优秀党员": "outstanding_members",
    "廉政谈话": "integrity_talks",
    "分析研判": "ideology_analysis", "研究部署意识形态工作": "ideology_research",
    "撰写相关信息": "publicity",
    "排查问题": "issues_found", "检视查摆问题": "issues_found", "机关制度": "rules_revised",
    "完成为民办实事事项": "practical_matters",
}
UNMAPPED = {"三会一课", "学习", "党员", "谈话", "问题", "解决", "新增", "核减", "修订", "党务工作者",
            "干部职工学习", "节前集体廉政谈话会议", "用餐次数", "车队驾驶员", "发放慰问金"}


def learned_facts() -> dict[str, str]:
    facts = {}
    for path in sorted((SHIPPED / "learned").glob("*.yaml")):
        for top in load_outline(path).sections:
            for section in top.walk():
                facts.update({f.key: f.unit for f in section.facts})
    return facts


def test_learned_facts_map_by_synonym(kn: Knowledge) -> None:
    facts = learned_facts()
    assert set(MAPPED) | UNMAPPED <= set(facts), "the learned outlines changed: update this table"
    got = {key: (e.id if (e := kn.match_count(key, unit)) else None) for key, unit in facts.items()}
    assert {k: v for k, v in got.items() if v} == MAPPED
    assert all(got[key] is None for key in UNMAPPED)


def test_match_count_strips_owners_and_verbs_and_checks_units(kn: Knowledge) -> None:
    assert kn.match_count("支部召开党员大会").id == "members_meeting"  # type: ignore[union-attr]
    assert kn.match_count("“第一议题”").id == "first_topic"  # type: ignore[union-attr]
    assert kn.match_count("党费", "万元").id == "dues"  # type: ignore[union-attr]
    assert kn.match_count("支委会", "名") is None
    assert kn.match_count("为民办实事", "项").id == "practical_matters"  # type: ignore[union-attr]
    assert kn.match_count("书法比赛") is None


# --- originality ----------------------------------------------------------------------------------
def authored_texts(kn: Knowledge) -> list[str]:
    texts = [t for m in kn.measures for t in (m.text, *m.details, *m.causes, *m.same) if t]
    texts += [t for _, wordings in kn.effects for t in wordings]
    return texts + [c.name for c in kn.counts] + [o.help for o in kn.organisations]


def test_no_seed_sentence_in_the_knowledge(kn: Knowledge) -> None:
    sentences = seed_sentences()
    if not sentences:
        pytest.skip(f"seed reports not found at {SEEDS}")
    data = "\n".join(
        (SHIPPED / "authored" / name).read_text(encoding="utf-8")
        for name in ("organisations.yaml", "counts.yaml", "measures.yaml")
    )
    data = re.sub(r"\s+", "", data)
    copied = [f"“{s}”（{src}）" for s, src in sentences.items() if s in data]
    assert not copied, "sentences copied from the seeds:\n" + "\n".join(copied)


def test_no_long_run_of_seed_text_in_the_knowledge(kn: Knowledge) -> None:
    """Stricter: no MIN_COPIED characters in a row of any bank item stand in a seed report."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip(f"seed reports not found at {SEEDS}")
    corpus = "\n".join(re.sub(r"\s+", "", read_report(p).text) for p in seeds)
    runs = {
        text[i : i + MIN_COPIED]
        for text in authored_texts(kn)
        for i in range(len(text) - MIN_COPIED + 1)
    }
    assert not sorted(r for r in runs if r in corpus)


# --- loading and validation -----------------------------------------------------------------------
TOPICS_YAML = """
topics:
  - id: organization
    name: 组织
    keywords: [支部]
  - id: problems
    name: 问题
    keywords: [问题]
  - id: next_steps
    name: 下一步
    keywords: [下一步]
"""
ORGS_YAML = """
organisations:
  - id: branch
    name: 党支部
    help: 党支部
    default: true
  - id: party_group
    name: 党组
    help: 党组
"""
COUNTS_YAML = """
counts:
  - id: committee_meeting
    verb: 召开
    object: 支委会
    unit: 次
    topic: organization
    organisations: [branch]
  - id: leading_group_meeting
    verb: 召开
    object: 党组会议
    unit: 次
    topic: organization
    organisations: [party_group]
"""
MEASURES_YAML = """
measures:
  organization:
    - text: 严格执行支部议事规则
      detail: 重要事项集体研究
      counts: [committee_meeting]
problems:
  - problem: 会议质量还不够高
    next_step: 提高会议质量
"""


def folder(tmp_path: Path, **overrides: str) -> Path:
    files: dict[str, str | bytes] = {
        "authored/topics.yaml": TOPICS_YAML,
        "authored/organisations.yaml": ORGS_YAML,
        "authored/counts.yaml": COUNTS_YAML,
        "authored/measures.yaml": MEASURES_YAML,
    }
    files.update({f"authored/{name}.yaml": text for name, text in overrides.items()})
    return build_file_tree(tmp_path, files)


def test_a_small_folder_loads(tmp_path: Path) -> None:
    kn = load_knowledge(folder(tmp_path))
    assert [c.id for c in kn.counts_for("organization", "party_group")] == ["leading_group_meeting"]
    [measure] = kn.measures_for("organization", "branch")
    assert measure.detail_text({"committee_meeting": 6}, "全年") == "重要事项集体研究，全年召开支委会6次。"
    assert [m.pair for m in kn.measures_for("problems", "branch")] == ["提高会议质量"]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("measures", "counts: [committee_meeting]", "counts: [committee]",
         r"measures\.yaml：第5行.*measures\.organization\[0\]\.counts\[0\]：未知的计数“committee”"),
        ("measures", "  organization:", "  organisation:",
         r"measures\.organisation：未知的主题“organisation”"),
        ("measures", "      counts: [committee_meeting]", "      organisations: [党支部]",
         r"measures\.organization\[0\]\.organisations\[0\]：未知的组织类型“党支部”"),
        ("measures", "      counts: [committee_meeting]",
         "      counts: [committee_meeting]\n      organisations: [party_group]",
         r"计数“committee_meeting”不适用于本条做法的任何组织类型"),
        ("measures", "严格执行支部议事规则", "严格执行2024年度议事规则", r"text：.*含年份“2024年度”"),
        ("measures", "严格执行支部议事规则", "通过议事规则", r"text：.*没有谓语动词"),
        ("measures", "严格执行支部议事规则", "严格执行XX局议事规则", r"含占位符“XX”"),
        ("measures", "    next_step: 提高会议质量", "    next_step: 会议质量", r"next_step：.*没有谓语动词"),
        ("measures", "  - problem: 会议质量还不够高\n    next_step: 提高会议质量", "  - organisations: [branch]",
         r"problems\[0\]：至少要写 problem"),
        ("counts", "    topic: organization\n    organisations: [branch]",
         "    topic: organisation\n    organisations: [branch]",
         r"counts\[0\]\.topic：未知的主题“organisation”"),
        ("counts", "    object: 党组会议", "    object: 支委会", r"名称“召开支委会”已属于计数 committee_meeting"),
        ("counts", "    unit: 次\n    topic: organization\n    organisations: [branch]",
         "    unit: 次\n    topic: organization\n    organisations: [branch]\n    synonyms: [党组会议]",
         r"名称“党组会议”已属于计数"),
        ("organisations", "    help: 党组\n", "    help: 党组\n    default: true\n", r"有且只有一种组织类型"),
        ("counts", "    unit: 次\n    topic: organization\n    organisations: [branch]",
         "    unit: 次\n    topic: organization\n    organisations: [branch]\n    verbs: 召开",
         r"counts\[0\]\.verbs：未知的键“verbs”"),
    ],
)
def test_errors_name_file_line_and_key(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    base = {"measures": MEASURES_YAML, "counts": COUNTS_YAML, "organisations": ORGS_YAML}[file]
    assert old in base
    with pytest.raises(YamlError, match=message) as info:
        load_knowledge(folder(tmp_path, **{file: base.replace(old, new, 1)}))
    assert info.value.line is not None


def test_a_folder_without_knowledge_uses_the_shipped_one(tmp_path: Path) -> None:
    root = build_file_tree(tmp_path, {"authored/topics.yaml": TOPICS_YAML})
    assert load_knowledge(root) is load_knowledge()


def test_a_folder_with_part_of_the_knowledge_is_an_error(tmp_path: Path) -> None:
    root = folder(tmp_path)
    (root / "authored" / "counts.yaml").unlink()
    with pytest.raises(UserError, match="counts.yaml：缺少此文件"):
        load_knowledge(root)


def test_a_copy_of_the_shipped_knowledge_is_the_shipped_knowledge(tmp_path: Path) -> None:
    """An outlines folder that copies drafter's knowledge files loads the shipped knowledge
    (parsed and checked once per content); one changed byte makes it its own."""
    import shutil

    from drafter.library.knowledge_files import load_knowledge
    from drafter.library.schemas import default_outlines_dir

    own = tmp_path / "outlines"
    shutil.copytree(default_outlines_dir(), own)
    assert load_knowledge(own) is load_knowledge()
    path = own / "authored" / "organisations.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# 本单位\n", encoding="utf-8")
    assert load_knowledge(own) is not load_knowledge()


@pytest.mark.parametrize(("item", "topic", "activity"), [
    ("用好主题党日活动载体", "organization", "theme_day"),
    ("认真开好年度组织生活会", "organization", "org_life_meeting"),
    ("做好发展党员工作", "members", "member_development"),
    ("常态开展警示教育", "integrity", "warning_education"),
    ("组建防汛抢险党员突击队", "integration", "commando_teams"),
    ("推动党建与业务工作互融互促", "integration", "integration"),
    ("坚持每月集中学习", "politics", "collective_study"),
    ("落实党风廉政建设责任", "integrity", "main_responsibility"),
])
def test_an_offices_wording_of_a_bank_activity_is_that_activity(
    kn: Knowledge, item: str, topic: str, activity: str
) -> None:
    """The key phrases (`same`) know the common activities however an office words them, so
    its point takes the bank's detail and the bank does not offer the activity twice."""
    assert kn.activity_of(item, topic) == activity


@pytest.mark.parametrize(("item", "topic", "activity"), [
    ("改进组织生活方式", "organization", "org_life_forms"),  # 组织生活, not 组织生活会
    ("推行党员积分管理", "members", "text:推行党员积分管理"),
    ("开展“林下课堂”学习活动", "politics", "text:林下课堂学习活动"),  # its core, the verb off
])
def test_distinct_work_is_not_taken_for_another_activity(kn: Knowledge, item: str, topic: str, activity: str) -> None:
    assert kn.activity_of(item, topic) == activity
