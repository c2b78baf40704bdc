"""Learning outlines from hand-built parsed reports: kinds, topics, merging, shares, output files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from drafter.errors import OutputError, UserError
from drafter.files.yamlio import parse_yaml
from drafter.learning.learn import (
    GENERAL_ID,
    classify_topic,
    detect_kind,
    learn,
    load_kinds_and_topics,
    outline_yaml,
    run_learn,
)
from drafter.library.outline import LEARNED_HEADER, Outline, load_outline
from drafter.library.points import clean_point
from drafter.structure.report import ParsedReport, Point, Section
from tests.helpers import SHIPPED, build_file_tree

KINDS: list[dict[str, Any]] = [
    {"id": "duty_report", "name": "述职", "description": "述职", "title": "", "detect": {"title_any": ["述职"]}},
    {
        "id": "half_year",
        "name": "半年",
        "description": "半年",
        "title": "",
        "detect": {
            "title_any": ["上半年党建"], "title_period": ["上半年"], "opening_any": ["上半年党建工作"],
        },
    },
    {"id": "measures", "name": "举措", "description": "举措", "title": "", "detect": {"dash_share": 0.5}},
    {"id": "annual", "name": "年度", "description": "年度", "title": ""},
]
TOPICS: list[dict[str, Any]] = [
    {"id": "politics", "name": "政治", "keywords": ["理论学习", "政治建设"]},
    {"id": "organization", "name": "组织", "keywords": ["支部建设", "组织生活"]},
    {"id": "integrity", "name": "廉政", "keywords": ["廉政", "纪律"]},
    {"id": "problems", "name": "问题", "keywords": ["存在的问题", "不足"]},
    {"id": "next_steps", "name": "下一步", "keywords": ["下一步", "明年"]},
]


def sec(
    title: str,
    *children: Section,
    body: str = "",
    marker: str = "一、",
    run_in: bool = False,
    points: tuple[str, ...] = (),
) -> Section:
    """A parsed section; `points` are lead clauses."""
    return Section(
        level=1,
        marker=marker,
        title=title,
        run_in=run_in,
        body=[body] if body else [],
        points=[Point(f"{i}是", lead, lead) for i, lead in zip("一二三四五", points)],
        children=list(children),
    )


def rep(
    source: str,
    *sections: Section,
    title: str | None = None,
    opening: tuple[str, ...] = ("支部认真履行职责，各项工作扎实推进。",),
    closing: tuple[str, ...] = (),
) -> ParsedReport:
    return ParsedReport(source, title, list(opening), list(sections), list(closing))


def by_id(outlines: list[Outline]) -> dict[str, Outline]:
    return {o.id: o for o in outlines}


# --- kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "kind"),
    [
        (rep("a.txt", sec("加强理论学习"), title="某局党支部书记2024年度抓党建述职报告"), "duty_report"),
        (rep("a.txt", sec("加强理论学习"), title="某局2024年上半年党建工作情况汇报"), "half_year"),
        (
            rep("a.txt", sec("加强理论学习"), opening=("现将本局上半年党建工作开展情况汇报如下：",)),
            "half_year",
        ),
        (rep("a.txt", sec("强基础", marker="——"), sec("促融合", marker="——"), sec("问题")), "measures"),
        (rep("a.txt", sec("加强理论学习"), sec("强化纪律约束")), "annual"),
        (  # the period the title states, whatever words surround it
            rep("a.txt", sec("加强理论学习"), title="某局机关党委关于2026年上半年机关党建工作情况的报告"),
            "half_year",
        ),
        (rep("a.txt", sec("加强理论学习"), title="某局机关党委关于2026年度机关党建工作情况的报告"), "annual"),
        # the file name says nothing: content decides
        (rep("述职报告_上半年.txt", sec("加强理论学习")), "annual"),
    ],
)
def test_detect_kind(report: ParsedReport, kind: str) -> None:
    assert detect_kind(report, KINDS)["id"] == kind


def test_title_rule_reads_first_paragraph_without_title() -> None:
    report = rep("a.txt", sec("加强理论学习"), opening=("本人2024年度抓基层党建工作述职", "一年来……"))
    assert detect_kind(report, KINDS)["id"] == "duty_report"


# --- topics --------------------------------------------------------------------------------


def test_topic_named_first_in_heading_wins() -> None:
    assert classify_topic(sec("严明廉政纪律，深化理论学习"), TOPICS) == "integrity"
    assert classify_topic(sec("深化理论学习，严明廉政纪律"), TOPICS) == "politics"


def test_topic_from_body_when_heading_has_none() -> None:
    section = sec("固本强基", body="规范组织生活，推进支部建设，开展理论学习。")
    assert classify_topic(section, TOPICS) == "organization"


def test_topic_from_parent_then_other() -> None:
    assert classify_topic(sec("抓好日常工作"), TOPICS, parent="politics") == "politics"
    assert classify_topic(sec("主要工作开展"), TOPICS) == "other"
    assert classify_topic(sec("抓好日常工作"), TOPICS, parent="other") == "other"


def test_items_under_closing_topics_keep_the_parent_topic() -> None:
    assert classify_topic(sec("理论学习不够深入"), TOPICS, parent="problems") == "problems"


def test_shipped_topics_classify_typical_headings() -> None:
    _, topics = load_kinds_and_topics(SHIPPED)
    cases = {
        "坚持政治引领，筑牢理论根基": "politics",
        "严格落实“三会一课”，提升组织力": "organization",
        "做好发展党员和党费收缴工作": "members",
        "压实主体责任，营造清廉氛围": "integrity",
        "牢牢掌握意识形态工作主动权": "ideology",
        "驰而不息改进作风": "conduct",
        "发挥工会共青团作用": "mass",
        "推动党建与业务深度融合": "integration",
        "工作中存在的问题": "problems",
        "下一步工作打算": "next_steps",
    }
    assert {title: classify_topic(sec(title), topics) for title in cases} == cases


# --- merging by kind -----------------------------------------------------------------------

A = rep(
    "a.txt",
    sec(
        "加强政治建设",
        sec("抓好理论学习", marker="（一）", body="集中学习12次，专题研讨3次。", points=("坚持领导领学",)),
        sec("规范组织生活", marker="（一）"),
    ),
    sec("严明廉政纪律", body="开展廉政谈话25人次。", run_in=True),
    sec("存在的问题", sec("学习不够深入", marker="（一）"), sec("制度执行偏软", marker="（二）")),
    sec("下一步打算"),
    opening=("一年来，支部坚持围绕中心抓党建。现将全年工作总结如下：",),
)
B = rep(
    "b.txt",
    sec("推进理论学习", sec("深化理论学习", marker="（一）", points=("坚持领导领学", "开展专题研讨"))),
    sec("夯实支部建设", body="集中学习9次。"),
    sec("夯实支部建设标准", body="新发展党员2名。"),
    sec("强化纪律约束", run_in=True),
    sec("明年工作打算"),
    closing=("我们将以更加饱满的热情做好各项工作。",),
)


def test_merges_reports_of_a_kind_by_topic() -> None:
    annual = by_id(learn([A, B], KINDS, TOPICS))["annual"]
    assert annual.sources == ["a.txt", "b.txt"]
    ids = [s.id for s in annual.sections]
    # by mean relative position, problems and next steps always last
    assert ids == ["politics", "organization", "organization_2", "integrity", "problems", "next_steps"]
    shares = {s.id: s.share for s in annual.sections}
    assert shares == {
        "politics": 1.0,
        "organization": 0.5,
        "organization_2": 0.5,
        "integrity": 1.0,
        "problems": 0.5,
        "next_steps": 1.0,
    }
    politics = annual.sections[0]
    assert [t.text for t in politics.titles] == ["加强政治建设", "推进理论学习"]
    assert [(c.id, c.level, c.share) for c in politics.children] == [
        ("politics", 2, 1.0),
        ("organization", 2, 0.5),
    ]
    child = politics.children[0]
    assert [(t.text, t.sources) for t in child.titles] == [
        ("抓好理论学习", ["a.txt"]),
        ("深化理论学习", ["b.txt"]),
    ]
    # the lead seen in both reports first
    assert [(p.text, p.sources) for p in child.points] == [
        ("坚持领导领学", ["a.txt", "b.txt"]),
        ("开展专题研讨", ["b.txt"]),
    ]
    assert [(f.key, f.unit, f.example, f.sources) for f in child.facts] == [
        ("集中学习", "次", 12, ["a.txt"]),
        ("专题研讨", "次", 3, ["a.txt"]),
    ]
    problems = annual.find("problems")
    assert problems is not None
    assert [c.id for c in problems.children] == ["problems", "problems_2"]
    assert annual.find("integrity").run_in is True  # type: ignore[union-attr]
    assert [o.text for o in annual.opening] == ["现将全年工作总结如下："]
    assert [(c.text, c.sources) for c in annual.closing] == [("我们将以更加饱满的热情做好各项工作。", ["b.txt"])]


def test_unclassified_sections_are_other_with_position_ids() -> None:
    report = rep("c.txt", sec("主要工作开展", sec("加强理论学习", marker="（一）")), sec("存在的问题"))
    outline = by_id(learn([report], KINDS, TOPICS))["annual"]
    assert [s.id for s in outline.sections] == ["other_1", "problems"]
    assert outline.sections[0].topic == "其他"
    assert outline.sections[0].children[0].id == "politics"


def test_one_outline_per_kind_found_then_general() -> None:
    duty = rep("d.txt", sec("加强理论学习"), title="书记抓党建述职报告")
    outlines = learn([B, duty, A], KINDS, TOPICS)
    assert [o.id for o in outlines] == ["duty_report", "annual", GENERAL_ID]
    assert by_id(outlines)["duty_report"].titles[0].text == "书记抓党建述职报告"


# --- the general outline -------------------------------------------------------------------


def test_general_outline_merges_all_reports_by_topic() -> None:
    container = rep(
        "c.txt",
        sec("主要工作开展", sec("强化纪律约束", marker="（一）"), sec("深化理论学习", marker="（二）")),
        sec("存在的问题", sec("组织生活不规范", marker="（一）")),
        title="某局上半年党建工作情况汇报",
    )
    general = by_id(learn([A, B, container], KINDS, TOPICS))[GENERAL_ID]
    assert general.kind == "通用党建工作总结"
    assert general.sources == ["a.txt", "b.txt", "c.txt"]
    assert all(s.level == 1 and not s.children for s in general.sections)
    # the container is dropped, its children count; the problem item is not an organisation topic
    assert [(s.id, round(s.share, 3)) for s in general.sections] == [
        ("politics", 1.0),
        ("organization", 0.667),
        ("integrity", 1.0),
        ("problems", 0.667),
        ("next_steps", 0.667),
    ]
    organization = general.find("organization")
    assert organization is not None
    assert [t.text for t in organization.titles] == ["规范组织生活", "夯实支部建设", "夯实支部建设标准"]
    assert {(f.key, f.example) for f in organization.facts} == {("集中学习", 9), ("发展党员", 2)}


# --- determinism and files -----------------------------------------------------------------


def test_output_does_not_depend_on_input_order() -> None:
    first = [outline_yaml(o) for o in learn([A, B], KINDS, TOPICS)]
    second = [outline_yaml(o) for o in learn([B, A], KINDS, TOPICS)]
    assert first == second


def test_yaml_round_trip(tmp_path: Path) -> None:
    for outline in learn([A, B], KINDS, TOPICS):
        text = outline_yaml(outline)
        assert text.startswith(LEARNED_HEADER)
        loaded = Outline.from_doc(parse_yaml(text, tmp_path / f"{outline.id}.yaml"))
        assert loaded.to_dict() == outline.to_dict()


REPORT_ONE = """
某某县档案馆党支部2024年度党建工作总结

今年以来，支部坚持围绕中心抓党建。现将全年工作总结如下：
一、加强政治建设，筑牢思想根基
支部坚持每月集中学习，全年集中学习12次，专题研讨4次。
二、严格组织生活，夯实支部基础
全年召开支委会12次，党员大会4次。
三、存在的问题
一是学习深度不够。二是创新意识不强。
四、下一步工作打算
我们将持续巩固学习成果。
"""

REPORT_TWO = """
——强基础。支部规范“三会一课”，召开支委会10次。
——严纪律。开展廉政谈话30余人次，筑牢廉洁防线。
——促融合。推动党建与业务同频共振。
"""


def write_reports(root: Path) -> list[Path]:
    build_file_tree(root, {"r1.txt": REPORT_ONE, "r2.txt": REPORT_TWO})
    return [root / "r2.txt", root / "r1.txt"]


def test_run_learn_writes_files_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "learned"
    summary = run_learn(write_reports(tmp_path / "in"), out, verbose=True)
    assert sorted(p.name for p in out.iterdir()) == ["annual.yaml", "general.yaml", "measures.yaml"]
    assert "已从 2 份报告学习大纲" in summary
    assert "【r2.txt】→ 举措式党建工作总结" in summary
    annual = Outline.from_doc(parse_yaml((out / "annual.yaml").read_text("utf-8"), out / "annual.yaml"))
    assert annual.sources == ["r1.txt"]  # file names only, never paths
    assert [s.id for s in annual.sections] == ["politics", "organization", "problems", "next_steps"]


def test_run_learn_is_byte_for_byte_repeatable(tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "in")
    run_learn(paths, tmp_path / "one")
    run_learn(list(reversed(paths)), tmp_path / "two")
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


def test_run_learn_removes_only_stale_learned_files(tmp_path: Path) -> None:
    out = build_file_tree(
        tmp_path / "learned",
        {"half_year.yaml": LEARNED_HEADER + "schema: 1\n", "mine.yaml": "# 手写\nschema: 1\n"},
    )
    summary = run_learn(write_reports(tmp_path / "in"), out)
    assert not (out / "half_year.yaml").exists()
    assert (out / "mine.yaml").exists()
    assert "已删除过时的大纲：half_year.yaml" in summary


def test_run_learn_rejects_two_files_with_one_name(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"x/r.txt": REPORT_ONE, "y/r.txt": REPORT_TWO})
    with pytest.raises(UserError, match="文件名相同"):
        run_learn([tmp_path / "x" / "r.txt", tmp_path / "y" / "r.txt"], tmp_path / "out")


def test_run_learn_skips_reports_without_headings(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"flat.txt": "支部全年工作平稳有序。\n"})
    with pytest.raises(UserError, match="没有可学习的报告"):
        run_learn([tmp_path / "flat.txt"], tmp_path / "out")
    paths = [*write_reports(tmp_path), tmp_path / "flat.txt"]
    assert "跳过 flat.txt" in run_learn(paths, tmp_path / "out")


def test_run_learn_output_must_be_a_directory(tmp_path: Path) -> None:
    target = build_file_tree(tmp_path, {"out": "not a dir"}) / "out"
    with pytest.raises(OutputError):
        run_learn(write_reports(tmp_path / "in"), target)


# --- cleaning learned points ---------------------------------------------------------------

MESSY = rep(
    "m.txt",
    sec(
        "加强理论学习",
        points=(
            "开展了集中学习",  # generalised: 了
            "按照《党员教育管理工作条例》规范党员管理",  # generalised: the document goes
            "上半年组织专题研讨",  # generalised: the period word goes
            "组织XX局干部参观学习",  # dropped: placeholder
            "在深入调研的基础上",  # dropped: fragment
            "通过线上线下相结合的方式",  # dropped: adverbial only
            "推动全体党员干部在各自岗位上立足本职、积极作为、争当先锋、勇于担当",  # dropped: > 30
        ),
    ),
)


def test_learn_offers_only_cleaned_points() -> None:
    outline = by_id(learn([MESSY], KINDS, TOPICS))["annual"]
    assert [p.text for p in outline.sections[0].points] == ["开展集中学习", "规范党员管理", "组织专题研讨"]


def test_learn_verbose_lists_dropped_points_and_why(tmp_path: Path) -> None:
    report = """
    一、加强理论学习
    一是开展了集中学习。二是组织XX局干部参观学习。三是在深入调研的基础上。
    二、存在的问题
    学习不够深入。
    """
    build_file_tree(tmp_path, {"m.txt": report})
    summary = run_learn([tmp_path / "m.txt"], tmp_path / "out", verbose=True)
    assert "改写要点“开展了集中学习”→“开展集中学习”：去掉“了”" in summary
    assert "舍弃要点“组织XX局干部参观学习”：含占位符“XX”" in summary
    assert "舍弃要点“在深入调研的基础上”：以“的基础上”结尾，是半句话" in summary
    assert "要点清理" not in run_learn([tmp_path / "m.txt"], tmp_path / "out")


_PLACEHOLDER = re.compile(r"\*|X{2}|x{2}|×|某某|…")
_YEAR = re.compile(r"\d{4}")
_FRAGMENT_END = ("的基础上", "的同时", "方面", "等形式")
_ADVERBIAL_ONLY = re.compile(r"^(通过|结合|为进一步|为了)")


def test_shipped_learned_points_are_clean() -> None:
    bad = []
    for path in sorted((SHIPPED / "learned").glob("*.yaml")):
        for top in load_outline(path).sections:
            for section in top.walk():
                for point in section.points:
                    text = point.text
                    if (
                        _PLACEHOLDER.search(text)
                        or _YEAR.search(text)
                        or "《" in text
                        or text.endswith(_FRAGMENT_END)
                        or _ADVERBIAL_ONLY.match(text)
                        or len(text) > 30
                        or clean_point(text) != text
                    ):
                        bad.append(f"{path.name}: {text}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("point", "cleaned"),
    [
        ("制定2025年度学习计划", "制定年度学习计划"),
        ("2025年度制定学习计划", "制定学习计划"),
        ("今年以来持续深化理论武装", "持续深化理论武装"),
        ("根据《机关党建工作要点》要求推进支部建设", "推进支部建设"),
        ("围绕中心工作开展调研", "围绕中心工作开展调研"),
        ("为群众办实事", "为群众办实事"),
        ("坚持学用结合", "坚持学用结合"),
        ("学习的系统性还不够", "学习的系统性还不够"),
        ("走访某某社区困难党员", None),
        ("深入学习《某某手册》", None),
        ("服务全市发展大局", None),
        ("配合市档案局开展检查", None),
        ("为更好地服务群众", None),
        ("支部结合工作实际", None),
        ("“党建+志愿服务”", None),
        ("持之以恒", None),
        ("党员教育方面", None),
        ("动员部署", None),  # a campaign's stage, not a measure
        ("高标准谋划", None),  # a fragment
    ],
)
def test_clean_point(point: str, cleaned: str | None) -> None:
    assert clean_point(point) == cleaned
