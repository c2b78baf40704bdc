"""`drafter gather`: branch reports summed into their 机关党委's answers.

The reports are the three of examples/gather (某某县某某局机关第一/第二/第三党支部, written for
drafter) and small inline ones for a fictional 某某县水利局; none comes from the seed reports.
Totals are compared with sums written out by hand, or computed here from the figures the test
itself wrote into the branch reports — never with gather's own arithmetic.
"""

from __future__ import annotations

import random
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

from drafter.answers.answers import answers_mapping, read_answers
from drafter.cli import run
from drafter.composing.composer import compose
from drafter.errors import UserError
from drafter.learning.gather import gather_reports
from drafter.library.outline import Library, load_library
from drafter.reading.reader import read_report
from drafter.writers.text_writer import to_text
from tests.gather_reports import EXAMPLE_DIR, FIRST_DOCX, first_branch_docx

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "gathered.answers.yaml"
BRANCHES = [EXAMPLE_DIR / "第一党支部.docx", EXAMPLE_DIR / "第二党支部.txt", EXAMPLE_DIR / "第三党支部.answers.yaml"]
UNIT = "某某县某某局机关党委"

# The example's totals, added up by hand from the three reports (第一 + 第二 + 第三; "—" = not given).
HAND_SUMS = {
    "召开支委会": 12 + 12 + 12,
    "召开党员大会": 4 + 4 + 4,
    "召开党小组会": 24 + 20 + 12,
    "讲授党课": 2 + 3 + 3,
    "开展主题党日活动": 12 + 12 + 12,
    "开展谈心谈话": 48 + 36 + 30,
    "开展集中学习": 12 + 12 + 12,  # 第二 writes 集体学习: a synonym
    "开展专题研讨": 4 + 3 + 4,  # 第二 writes 交流研讨
    "撰写心得体会": 26 + 18 + 20,  # 第二 writes 学习心得
    "开展专题调研": 3,
    "形成调研报告": 2,
    "发展党员": 1 + 2 + 1,
    "确定入党积极分子": 2 + 1 + 2,
    "确定发展对象": 1 + 1,  # 第二: —
    "预备党员按期转正": 1,
    "收缴党费": 12_600 + 9_800 + 11_400,  # 第一 writes 1.26万元
    "开展党员教育培训": 4,
    "走访慰问困难党员和老党员": 6,
    "开展警示教育": 2,
    "开展廉政谈话": 20,
    "组织观看警示教育片": 3,
    "设立党员先锋岗": 5 + 3,  # 第二: —
    "组建党员突击队": 2,
    "开展联建共建活动": 4,
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def example(library: Library):  # type: ignore[no-untyped-def]
    return gather_reports(BRANCHES, library, UNIT)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --- the example ---------------------------------------------------------------------------------
def test_every_total_equals_the_hand_sum(example) -> None:  # type: ignore[no-untyped-def]
    assert {t.entry.name: t.value for t in example.totals} == HAND_SUMS
    assert not example.left_out


def test_a_count_a_branch_does_not_give_is_missing_not_zero(example) -> None:  # type: ignore[no-untyped-def]
    totals = {t.entry.name: t for t in example.totals}
    assert totals["确定发展对象"].missing == ["第二党支部"]
    assert "第二党支部" not in totals["确定发展对象"].by_branch
    assert totals["开展警示教育"].missing == ["第一党支部", "第三党支部"]
    figures = {b.name: b.counts for b in example.answers.gathered.branches}
    assert "确定发展对象" not in figures["第二党支部"]


def test_each_total_keeps_its_sources_in_the_answers(example) -> None:  # type: ignore[no-untyped-def]
    gathered = example.answers.gathered
    assert [(b.name, b.unit, b.source) for b in gathered.branches] == [
        ("第一党支部", "某某县某某局机关第一党支部", "第一党支部.docx"),
        ("第二党支部", "某某县某某局机关第二党支部", "第二党支部.txt"),
        ("第三党支部", "某某县某某局机关第三党支部", "第三党支部.answers.yaml"),
    ]
    for name, total in HAND_SUMS.items():
        assert sum(b.counts.get(name, 0) for b in gathered.branches) == total, name
    numbers = {k: v for s in example.answers.walk() for k, v in (s.counts or {}).items()}
    assert numbers == HAND_SUMS


def test_the_answers_are_the_organ_committee_s_annual_report(example) -> None:  # type: ignore[no-untyped-def]
    answers = example.answers
    assert (answers.unit, answers.organisation, answers.outline.id) == (UNIT, "organ_committee", "annual")
    assert (answers.year, answers.period) == (2026, "全年")
    assert [s.topic for s in answers.sections] == [
        "politics", "organization", "members", "integrity", "integration", "problems", "next_steps",
    ]


def test_shared_measures_are_said_for_the_branches_and_own_ones_are_examples(
    example, library: Library  # type: ignore[no-untyped-def]
) -> None:
    text = to_text(compose(example.answers, library))
    assert "一是严格执行“三会一课”制度。各支部全年召开支委会36次、党员大会12次、党小组会56次，讲授党课8次。" in text
    assert "第二党支部打造“初心驿站”服务品牌，在局办事大厅设立“初心驿站”" in text
    assert "第三党支部推行党员积分管理" in text
    assert "第一党支部开办“周三夜校”" in text
    # measures only some branches do are said by those branches — one branch's words never for two
    assert "一是设立党员先锋岗。第一、第三党支部全年设立党员先锋岗8个。" in text
    assert "三是加强党员日常教育管理。第二党支部组织党员参加县委党校网络培训和专题轮训，全年开展党员教育培训4次。" in text
    assert "收缴党费3.38万元" in text
    # a typical example never restates a branch's own catalogue figure
    assert "开展主题党日活动12次" not in text and "谈心谈话48人次" not in text


def test_at_most_two_examples_per_part_from_different_branches(example) -> None:  # type: ignore[no-untyped-def]
    for part in example.parts:
        assert len(part.examples) <= 2
        assert len(set(part.examples)) == len(part.examples)
    for section in example.answers.sections:
        names = [p[:5] for p in section.paragraphs or []]
        assert all(n.startswith("第") and n.endswith("党支部") for n in names), names
        assert len(names) == len(set(names)) <= 2


def test_problems_and_next_steps_are_merged_once(example, library: Library) -> None:  # type: ignore[no-untyped-def]
    problems = next(s for s in example.answers.sections if s.topic == "problems")
    items = [m.item for m in problems.measures]
    # 第一's 理论学习的深度和系统性还不够 and 第二's 理论学习深度不够 are one problem
    assert sum("理论学习" in i for i in items) == 1
    assert sum("组织生活形式" in i for i in items) == 1  # 第一 and 第三 both name it
    text = to_text(compose(example.answers, library))
    assert text.count("机关党委在以下方面") + text.count("机关党委工作还存在") + text.count("机关党委也清醒") == 1


def test_the_example_file_is_what_gather_writes(example) -> None:  # type: ignore[no-untyped-def]
    """examples/gathered.answers.yaml is gather's output with a date and the table ticked."""
    shipped = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert str(shipped.pop("date")) == "2026-12-10"
    assert shipped["gathered"].pop("table") is True
    assert shipped == answers_mapping(example.answers)


def test_the_committed_docx_is_the_helper_s_and_numbered_by_word(library: Library) -> None:
    assert FIRST_DOCX.read_bytes() == first_branch_docx()
    with zipfile.ZipFile(FIRST_DOCX) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "强化理论武装" in xml and "一、强化理论武装" not in xml  # the 一、 is Word's numbering
    assert '<w:pStyle w:val="1"/>' in xml
    lines = read_report(FIRST_DOCX).text.split("\n")
    assert "一、强化理论武装，筑牢思想根基" in lines and "六、下一步工作打算" in lines


def test_the_gathered_draft_renders_and_checks_clean(tmp_path: Path) -> None:
    out = tmp_path / "机关党委.answers.yaml"
    assert run(["gather", *map(str, BRANCHES), "-o", str(out), "--unit", UNIT]) == 0
    assert run(["check", str(out)]) == 0
    assert run(["render", str(out), "--table", "-o", str(tmp_path / "机关党委.docx")]) == 0
    assert run(["check", str(tmp_path / "机关党委.docx")]) == 0


# --- the general case ----------------------------------------------------------------------------
COUNTS = {  # catalogue name → how a branch's answers file may name it
    "召开支委会": ["召开支委会", "支委会", "支部委员会"],
    "召开党员大会": ["召开党员大会", "党员大会"],
    "讲授党课": ["讲授党课", "专题党课"],
    "开展主题党日活动": ["开展主题党日活动", "主题党日"],
    "开展集中学习": ["开展集中学习", "集体学习", "集中学习"],
    "撰写心得体会": ["撰写心得体会", "学习心得"],
    "发展党员": ["发展党员"],
    "收缴党费": ["收缴党费", "党费"],
    "开展谈心谈话": ["开展谈心谈话", "谈心谈话"],
}
TOPICS = {"召开支委会": "organization", "召开党员大会": "organization", "讲授党课": "organization",
          "开展主题党日活动": "organization", "开展谈心谈话": "organization", "开展集中学习": "politics",
          "撰写心得体会": "politics", "发展党员": "members", "收缴党费": "members"}


def branch_answers(folder: Path, n: int, figures: dict[str, int], rng: random.Random) -> Path:
    """A branch's answers file giving exactly `figures` (under names the catalogue knows)."""
    sections: dict[str, dict[str, int]] = {}
    for name, value in figures.items():
        sections.setdefault(TOPICS[name], {})[rng.choice(COUNTS[name])] = value
    headings = {"politics": "加强理论学习", "organization": "规范组织生活", "members": "加强党员管理"}
    data = {
        "schema": 1, "outline": "annual", "organisation": "branch",
        "unit": f"某某县水利局机关第{'一二三四五六七八九'[n]}党支部", "year": 2026, "period": "全年",
        "sections": [{"topic": t, "heading": headings[t], "numbers": nums} for t, nums in sections.items()],
    }
    path = folder / f"b{n}.answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", range(6))
def test_gathered_totals_of_generated_answers_files(seed: int, tmp_path: Path, library: Library) -> None:
    """Branches built from answers files with known counts (some left out, under synonyms)."""
    rng = random.Random(seed)
    given: list[dict[str, int]] = []
    paths = []
    for n in range(rng.randint(2, 6)):
        figures = {
            name: (rng.randint(1, 400) * 100 if name == "收缴党费" else rng.randint(1, 60))
            for name in COUNTS if rng.random() < 0.8
        }
        figures.setdefault("召开支委会", rng.randint(1, 24))
        given.append(figures)
        paths.append(branch_answers(tmp_path, n, figures, rng))
    result = gather_reports(paths, library, "某某县水利局机关党委")
    expected: dict[str, int] = {}
    for figures in given:
        for name, value in figures.items():
            expected[name] = expected.get(name, 0) + value
    assert {t.entry.name: t.value for t in result.totals} == expected
    for t in result.totals:
        assert t.missing == [f"第{'一二三四五六七八九'[n]}党支部" for n, f in enumerate(given) if t.entry.name not in f]
    out = tmp_path / "out.answers.yaml"
    assert run(["gather", *map(str, paths), "-o", str(out), "--unit", "某某县水利局机关党委"]) == 0
    assert run(["check", str(out)]) == 0
    answered = {k: v for s in read_answers(out, library).walk() for k, v in (s.counts or {}).items()}
    assert answered == expected


def test_synonyms_merge_and_wan_yuan_is_read_as_yuan(tmp_path: Path, library: Library) -> None:
    a = write(tmp_path, "甲.txt", """
        某某县水利局机关第一党支部2026年度党建工作总结
        一、加强理论学习
        支部坚持集中学习，全年开展集体学习10次。
        二、加强党员管理
        党员按月交纳党费，全年收缴党费1.2万元。
    """)
    b = write(tmp_path, "乙.txt", """
        某某县水利局机关第二党支部2026年度党建工作总结
        一、加强理论学习
        支部坚持理论学习，全年开展集中学习8次。
        二、加强党员管理
        全年收缴党费3650元。
    """)
    totals = {t.entry.name: t.value for t in gather_reports([a, b], library).totals}
    assert totals == {"开展集中学习": 18, "收缴党费": 15_650}


def test_rates_parts_and_several_figures_of_one_count(tmp_path: Path, library: Library) -> None:
    path = write(tmp_path, "丙.txt", """
        某某县水利局机关第三党支部2026年度党建工作总结
        一、规范组织生活
        支部每季度召开党员大会1次，全年召开党员大会4次。全年召开支委会12次，其中专题支委会3次。
        支部书记讲党课1次、支委讲党课2次。
        二、加强理论学习
        全年开展集中学习10次。年底统计，全年开展集中学习12次。
        三、下一步工作打算
        力争发展党员2名。
    """)
    result = gather_reports([path], library)
    assert {t.entry.name: t.value for t in result.totals} == {
        "召开支委会": 12, "召开党员大会": 4, "讲授党课": 3, "开展集中学习": 12,
    }
    assert any("开展集中学习" in note and "10次、12次" in note for note in result.notes)


def test_unreadable_and_figureless_reports_are_left_out_and_said(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "第四党支部.docx"
    bad.write_bytes(b"not a zip")
    empty = write(tmp_path, "第五党支部.txt", """
        某某县某某局机关第五党支部工作总结
        一、加强学习
        支部坚持学习，效果较好。
    """)
    out = tmp_path / "out.answers.yaml"
    code = run(["gather", *map(str, BRANCHES), str(bad), str(empty), str(tmp_path / "无.txt"), "-o", str(out)])
    assert code == 1
    printed = capsys.readouterr().out
    assert "未能汇总 3 份" in printed
    assert "第四党支部.docx：" in printed and "无.txt：文件不存在" in printed
    assert "第五党支部.txt：没有识别到计数目录中的任何数字" in printed
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [x["source"] for x in data["gathered"]["left_out"]] == ["第四党支部.docx", "第五党支部.txt", "无.txt"]
    assert len(data["gathered"]["branches"]) == 3
    assert data["unit"] == UNIT  # guessed from what the branches' units share


def test_none_readable_is_exit_2_and_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.answers.yaml"
    assert run(["gather", str(tmp_path / "无.txt"), "-o", str(out)]) == 2
    assert "没有可以汇总的支部报告" in capsys.readouterr().err
    assert not out.exists()


def test_the_same_branch_twice_is_gathered_once(tmp_path: Path, library: Library) -> None:
    twin = tmp_path / "第二党支部（修改稿）.txt"
    twin.write_bytes(BRANCHES[1].read_bytes())
    result = gather_reports([*BRANCHES, twin], library, UNIT)
    assert [b.name for b in result.branches] == ["第一党支部", "第二党支部", "第三党支部"]
    assert "同一个支部" in result.left_out[0].reason
    assert {t.entry.name: t.value for t in result.totals} == HAND_SUMS


def test_names_from_units_without_ordinals_and_from_file_names(tmp_path: Path, library: Library) -> None:
    a = write(tmp_path, "a.txt", "某某县水利局办公室党支部2026年度党建工作总结\n一、组织生活\n全年召开支委会12次。\n")
    b = write(tmp_path, "b.txt", "某某县水利局工程科党支部2026年度党建工作总结\n一、组织生活\n全年召开支委会10次。\n")
    c = write(tmp_path, "水文站党支部.txt", "一、组织生活\n全年召开支委会6次。\n")
    result = gather_reports([a, b, c], library, "某某县水利局机关党委")
    assert [x.name for x in result.branches] == ["办公室党支部", "工程科党支部", "水文站党支部"]


def test_outputs_are_checked_before_anything_is_written(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "汇总.answers.yaml"
    target.write_text("old", encoding="utf-8")
    csv = tmp_path / "统计表.csv"
    assert run(["gather", *map(str, BRANCHES), "-o", str(target), "--csv", str(csv)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old" and not csv.exists()
    assert run(["gather", str(BRANCHES[0]), str(BRANCHES[1]), "-o", str(BRANCHES[0])]) == 2


def test_csv_is_the_table_with_a_bom(tmp_path: Path) -> None:
    csv = tmp_path / "统计表.csv"
    assert run(["gather", *map(str, BRANCHES), "-o", str(tmp_path / "x.answers.yaml"), "--csv", str(csv)]) == 0
    data = csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = [line.split(",") for line in data.decode("utf-8-sig").split("\r\n") if line]
    assert rows[0][:3] == ["党支部", "召开支委会（次）", "召开党员大会（次）"]
    assert [r[0] for r in rows[1:]] == ["第一党支部", "第二党支部", "第三党支部", "合计"]
    column = rows[0].index("确定发展对象（名）")
    assert [r[column] for r in rows[1:]] == ["1", "", "1", "2"]  # missing is empty, not 0
    dues = rows[0].index("收缴党费（元）")
    assert rows[-1][dues] == str(HAND_SUMS["收缴党费"])


def test_no_report_given_by_error_message_names_it(tmp_path: Path, library: Library) -> None:
    with pytest.raises(UserError, match="没有可以汇总的支部报告"):
        gather_reports([tmp_path / "无.docx"], library)


def test_branches_are_named_in_their_order() -> None:
    from drafter.learning.gather_parts import branches_phrase

    everyone = ["第一党支部", "第二党支部", "第三党支部", "第四党支部"]
    assert branches_phrase(["第四党支部", "第一党支部"], everyone) == "第一、第四党支部"
    assert branches_phrase(everyone[::-1], everyone) == "各支部"
    assert branches_phrase(["办公室党支部", "第一党支部"], [*everyone[:1], "办公室党支部", "财务科党支部"]) == "第一党支部、办公室党支部"
    assert branches_phrase(["第二党支部"], everyone) == "第二党支部"
