"""`drafter check` (核稿): clean reports give no finding; each seam gives exactly its finding.

Every fixture is written here for fictional units. A dirty fixture is a clean one with one
change, so the test also proves the rest of the report stays quiet.
"""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.checking.check import (
    RULE_NAMES,
    CheckContext,
    Finding,
    check_document,
    format_findings,
    resolve_context,
    run_check,
)
from drafter.checking.words import own_unit
from drafter.composing.sources import document_of_report
from drafter.document.model import Document, Heading, Paragraph
from drafter.library.outline import load_library
from drafter.structure.structure import parse_report
from tests.helpers import build_file_tree, mini_library_dir

ANNUAL = """
某某县档案馆党支部2025年度党建工作总结

2025年，某某县档案馆党支部在县直机关工委的领导下，坚持以习近平新时代中国特色社会主义思想为指导，围绕档案事业高质量发展，扎实推进支部各项建设，较好完成了全年党建工作任务。现将有关情况总结如下：
一、加强理论武装，筑牢思想根基
支部把理论学习作为首要政治任务，推动学习往深里走、往实里走。一是落实集中学习制度。全年开展集中学习24次、专题研讨6次，支部书记讲党课4次；二是丰富学习形式。依托馆藏红色档案开设“档案里的初心”微课堂，组织党员到县革命历史纪念馆开展现场教学2次；三是注重学用结合。围绕档案数字化、馆藏资源开发等课题形成调研报告3篇，提出的5条建议已纳入馆里年度工作计划。
二、夯实组织基础，推动支部建设规范有序
（一）严格组织生活
支部严格落实“三会一课”制度，全年召开支委会12次、党员大会4次、党小组会24次，每月固定开展主题党日活动。年底召开组织生活会，开展民主评议党员，党员之间相互批评意见做到见人见事。
（二）抓好党员发展和管理
坚持发展党员质量第一，全年确定入党积极分子2名，发展党员1名，1名预备党员按期转正。党费按月足额收缴，每半年公示一次收缴情况。
三、转变工作作风，提升服务水平
支部组织党员深入乡镇、村（社区）开展档案业务指导，帮助基层规范村级档案管理。全年上门指导38次，接待群众查档1600余人次，办结率100%。
在婚姻、学籍等民生档案查询中推行“一次办好”，群众查档等候时间明显缩短，窗口服务满意度保持在较高水平。
四、存在的问题
对照上级要求，支部工作还存在一些差距和不足：一是理论学习与业务工作结合还不够紧密；二是党员参与档案文化宣传的主动性有待提高；三是支部品牌特色还不够鲜明。
五、下一步工作打算
2026年，支部将针对上述问题，重点抓好以下工作：一是健全学用结合机制，把理论学习成果体现在档案资源开发上；二是组织党员参与“国际档案日”宣传，讲好档案里的党史故事；三是深化“档案里的初心”品牌建设，力争年内形成可推广的经验。

某某县档案馆党支部
2025年12月20日
"""

HALF_YEAR = """
某某市水务局机关党支部2025年上半年党建工作开展情况汇报

今年上半年，某某市水务局机关党支部在局党组的领导下，围绕年初确定的党建工作要点，压实责任、细化举措，各项工作有序推进。现将上半年党建工作开展情况汇报如下：
一、主要工作开展情况
（一）突出政治引领。支部坚持“第一议题”制度，上半年开展集中学习12次、专题研讨3次，组织党员赴市党史馆开展主题党日活动。
（二）规范组织生活。上半年召开支委会6次、党员大会2次，书记讲党课1次，按期完成支部委员会换届选举。
（三）服务防汛大局。汛期前组建党员突击队2支，党员带头参加堤防巡查和应急值守，累计巡查河道360公里。
二、存在的问题
党员教育的针对性还不够强，个别党员参加线上学习不够及时；支部工作与水利中心任务的结合还有待深化。
三、下半年工作打算
下半年，支部将围绕全年目标任务查漏补缺：一是持续抓好理论学习，办好“水务讲堂”；二是做好防汛抗旱工作中的党建保障；三是认真筹备年底组织生活会。

某某市水务局机关党支部
2025年7月8日
"""

DUTY = """
某某区图书馆党支部书记2024年度抓基层党建工作述职报告

2024年，本人作为某某区图书馆党支部书记，认真履行抓基层党建第一责任人职责，带头学理论、抓班子、带队伍，推动支部建设与公共文化服务深度融合。现将一年来履职情况报告如下：
一、履行职责情况
（一）带头抓理论武装。本人坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要任务，全年讲党课3次，主持支部集中学习20次，撰写学习体会4篇。
（二）带头抓组织建设。严格落实“三会一课”制度，全年召开支委会12次、党员大会4次。认真整改2023年度组织生活会查摆的问题，整改事项全部按期完成。
（三）带头抓融合发展。结合《某某区“十四五”公共文化服务体系建设规划（2021—2025年）》，组织党员志愿者开展“悦读进社区”活动26场，服务读者4800余人次，较2023年增长两成。
二、存在的不足
本人抓党建的思路还不够宽，对青年党员的培养用力不够均衡，支部品牌的影响力还有提升空间。
三、下一步打算
2025年，本人将继续履行第一责任人职责：一是抓实理论学习，推动学习成果转化为服务效能；二是抓好青年党员培养，让青年党员在阅读推广中挑大梁；三是擦亮“书香党建”品牌，提升支部建设整体水平。

某某区图书馆党支部
2025年1月10日
"""

MEASURES = """
某某县自然资源局机关党支部2025年度党建工作总结

2025年，某某县自然资源局机关党支部聚焦支部建设中的薄弱环节，以“强基础、提能力、优服务”三项举措为抓手，推动党建工作与自然资源管理工作相互促进。现将主要举措及成效总结如下：
——强基础。支部修订完善支部工作制度5项，全年召开支委会12次、党员大会4次，开展主题党日活动12次，组织生活的规范化水平明显提升。
——提能力。围绕国土空间规划、耕地保护等业务，组织党员开展业务大讲堂8期，选派3名青年党员到乡镇自然资源所跟班学习。
——优服务。推行不动产登记“一窗受理、并行办理”，设立党员先锋岗4个，群众办事平均时间由5个工作日缩短至2个工作日。
下一步，支部将持续深化上述举措，把党建成效体现在耕地保护和服务群众的实际工作中。

某某县自然资源局机关党支部
2025年12月18日
"""

CLEAN = {"annual": ANNUAL, "half_year": HALF_YEAR, "duty": DUTY, "measures": MEASURES}

ONE = "一、加强理论武装，筑牢思想根基"
TWO = "二、夯实组织基础，推动支部建设规范有序"
TWO_ONE = (TWO, "（一）严格组织生活")
TWO_TWO = (TWO, "（二）抓好党员发展和管理")
THREE = "三、转变工作作风，提升服务水平"
FOUR = "四、存在的问题"
FIVE = "五、下一步工作打算"


def doc_of(text: str) -> Document:
    return document_of_report(parse_report(textwrap.dedent(text).strip()))


Place = tuple[str, tuple[str, ...], int]  # rule, heading path, paragraph


def places(text: str, context: CheckContext | None = None) -> list[Place]:
    return [(f.rule, f.path, f.paragraph) for f in check_document(doc_of(text), context)]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- clean reports ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_reports_have_no_finding(name: str) -> None:
    findings = check_document(doc_of(CLEAN[name]))
    assert findings == [], format_findings(findings)


def test_the_period_is_read_from_title_or_opening() -> None:
    assert resolve_context(doc_of(ANNUAL), CheckContext()).year == 2025
    assert resolve_context(doc_of(HALF_YEAR), CheckContext()).period == "上半年"
    duty = resolve_context(doc_of(DUTY), CheckContext())
    assert (duty.year, duty.period) == (2024, "全年")
    untitled = Document("", [Paragraph("2025年，支部认真落实各项任务。")])
    resolved = resolve_context(untitled, CheckContext())
    assert (resolved.year, resolved.period) == (2025, "全年")
    undated = Document("", [Paragraph("今年以来，支部工作有序推进。")])
    assert resolve_context(undated, CheckContext(kind="half_year")).period == "上半年"
    annual = Document("", [Paragraph("一年来，支部在上半年完成换届，下半年开展专项整治。")])
    assert resolve_context(annual, CheckContext()).period == "全年"


def test_the_report_converter_keeps_labels_layout_and_signature() -> None:
    doc = doc_of(HALF_YEAR)
    assert doc.title == "某某市水务局机关党支部2025年上半年党建工作开展情况汇报"
    assert doc.signature == ["某某市水务局机关党支部"]
    assert doc.date == "2025年7月8日"
    run_in = [b.run_in for b in doc.blocks if isinstance(b, Paragraph) and b.run_in]
    lines = ["（一）突出政治引领", "（二）规范组织生活", "（三）服务防汛大局"]
    assert [h.line for h in run_in] == lines
    assert [h.level for h in run_in] == [2, 2, 2]
    assert doc.headings()[0] == Heading(1, "一、", "主要工作开展情况")


# --- one seam, one finding --------------------------------------------------------------------
DIRTY = [
    ("placeholder", "全年召开支委会12次", "全年召开支委会XX次", TWO_ONE, 1),
    ("placeholder", "2025年12月20日", "20XX年12月20日", ("落款",), 2),
    ("date-outside-period", "2025年12月20日", "2024年12月20日", ("落款",), 2),
    ("other-unit", "已纳入馆里年度工作计划", "已纳入我局年度工作计划", (ONE,), 1),
    ("other-unit", "在县直机关工委的领导下", "在区委的领导下", ("开头",), 1),
    ("other-place", "到县革命历史纪念馆", "到临江县革命历史纪念馆", (ONE,), 1),
    ("other-year", "全年召开支委会12次", "2024年召开支委会12次", TWO_ONE, 1),
    ("other-period", "2025年，某某县档案馆", "今年上半年，某某县档案馆", ("开头",), 1),
    ("other-period", "2026年，支部将针对", "下半年，支部将针对", (FIVE,), 1),
    ("other-period", "五、下一步工作打算", "五、下半年工作打算", ("五、下半年工作打算",), 0),
    (
        "empty-section", "三、转变工作作风", "（三）加强阵地建设\n三、转变工作作风",
        (TWO, "（三）加强阵地建设"), 0,
    ),
    ("heading-numbering", "五、下一步工作打算", "六、下一步工作打算", ("六、下一步工作打算",), 0),
    (
        "heading-numbering", "（二）抓好党员发展", "（一）抓好党员发展",
        (TWO, "（一）抓好党员发展和管理"), 0,
    ),
    ("heading-style", "（二）抓好党员发展", "(二)抓好党员发展", (TWO, "(二)抓好党员发展和管理"), 0),
    ("heading-layout", "发展和管理\n坚持", "发展和管理。坚持", TWO_TWO, 0),
    (
        "lone-point", "紧密；二是党员参与档案文化宣传的主动性有待提高；三是支部品牌特色还不够鲜明。",
        "紧密。", (FOUR,), 1,
    ),
    ("point-numbering", "三是支部品牌", "四是支部品牌", (FOUR,), 1),
    ("list-punctuation", "；三是支部品牌", "。三是支部品牌", (FOUR,), 1),
    (
        "repeated-sentence", "满意度保持在较高水平。",
        "满意度保持在较高水平。党费按月足额收缴，每半年公示一次收缴情况。", (THREE,), 2,
    ),
    ("same-opening", "在婚姻、学籍等民生档案", "支部组织在婚姻、学籍等民生档案", (THREE,), 2),
    ("count-without-verb", "、党员大会4次、党小组", "，党员大会4次、党小组", TWO_ONE, 1),
    (
        "orphan-count", "\n五、下一步工作打算",
        "\n今年以来，累计召开支委会12次、党员大会4次。\n五、下一步工作打算", (FOUR,), 2,
    ),
    ("repeated-clause", "1名预备党员按期转正。", "1名预备党员按期转正，全年确定入党积极分子2名。", TWO_TWO, 1),
    ("same-measure", "在婚姻、学籍等民生档案", "严格执行“三会一课”制度，在婚姻、学籍等民生档案", (THREE,), 2),
    ("extra-ciwai", "按期转正。党费", "按期转正。此外，支部加强党员日常管理。此外，党费", TWO_TWO, 1),
    ("count-topic", "开展主题党日活动。", "开展主题党日活动，党员撰写心得体会16篇。", TWO_ONE, 1),
    ("set-phrase", "推动学习往深里走", "坚持学原著、读原文、悟原理，推动学习往深里走", (ONE,), 1),
    ("above-level", "支部把理论学习", "支部中心组把理论学习", (ONE,), 1),
    ("campaign-year", "支部把理论学习", "支部扎实开展党纪学习教育，把理论学习", (ONE,), 1),
    ("half-width", "档案数字化、馆藏资源开发", "档案数字化,馆藏资源开发", (ONE,), 1),
    ("stray-space", "全年召开支委会12次", "全年召开支委会 12 次", TWO_ONE, 1),
    ("straight-quote", "开设“档案里的初心”微课堂", '开设"档案里的初心"微课堂', (ONE,), 1),
    ("unbalanced", "开设“档案里的初心”微课堂", "开设“档案里的初心微课堂", (ONE,), 1),
    ("de-de-di", "结合还不够紧密", "结合的还不够紧密", (FOUR,), 1),
]


@pytest.mark.parametrize(
    ("rule", "old", "new", "path", "paragraph"), DIRTY, ids=[d[0] for d in DIRTY]
)
def test_each_seam_gives_exactly_its_finding(
    rule: str, old: str, new: str, path: tuple[str, ...], paragraph: int
) -> None:
    assert places(edit(ANNUAL, old, new)) == [(rule, path, paragraph)]


def test_every_rule_has_a_name_and_a_dirty_fixture() -> None:
    # named-unit needs the office's own library: tests/checking/test_check_units.py
    tested = {d[0] for d in DIRTY} | {"repeated-framing", "number-mismatch", "empty-body", "named-unit"}
    tested |= {"gathered-total", "unknown-branch", "missing-branch"}  # tests/checking/test_check_gathered.py
    assert tested == set(RULE_NAMES)


@pytest.mark.parametrize(("first", "second", "found"), [
    ("支部坚持把学习放在首位。", "支部坚持抓早抓小。", True),
    ("2025年，支部召开会议。", "2025年，支部开展活动。", True),
    ("某某县档案馆党支部严格执行制度。", "某某县档案馆党支部注重关心党员。", False),
    ("党员干部带头学习。", "党员干部积极参与。", False),
])
def test_paragraphs_opening_alike(first: str, second: str, found: bool) -> None:
    doc = Document("", [Heading(1, "一、", "主要做法"), Paragraph(first), Paragraph(second)])
    expected = [("same-opening", ("一、主要做法",), 2)] if found else []
    assert [(f.rule, f.path, f.paragraph) for f in check_document(doc)] == expected


def test_a_sentence_repeated_in_one_paragraph() -> None:
    sentence = "群众查档满意率逐年提高，窗口形象明显改善。"
    text = edit(ANNUAL, "满意度保持在较高水平。", "满意度保持在较高水平。" + sentence * 2)
    assert places(text) == [("repeated-sentence", (THREE,), 2)]


def test_half_width_brackets_in_labels_are_one_finding() -> None:
    text = edit(ANNUAL, "（二）抓好党员发展和管理", "(二)抓好党员发展和管理")
    messages = [f.message for f in check_document(doc_of(text))]
    assert messages == ["第2级标题编号“(二)”用了半角括号。"]


def test_a_framing_sentence_repeated_under_a_sub_heading() -> None:
    framing = "对照上级要求，支部工作还存在一些差距和不足："
    sub = f"{framing}\n（一）学习方面\n{framing}"
    text = edit(ANNUAL, "四、存在的问题\n" + framing, "四、存在的问题\n" + sub)
    assert places(text) == [("repeated-framing", (FOUR, "（一）学习方面"), 1)]


def test_period_words_of_a_half_year_report() -> None:
    text = edit(HALF_YEAR, "上半年召开支委会6次", "一年来召开支委会6次")
    assert places(text) == [("other-period", (*_half_year_path(), "（二）规范组织生活"), 1)]
    looking_back = edit(HALF_YEAR, "下半年，支部将围绕", "下半年以来，支部围绕")
    assert places(looking_back) == [("other-period", ("三、下半年工作打算",), 1)]


def _half_year_path() -> tuple[str]:
    return ("一、主要工作开展情况",)


def test_years_that_belong_are_left_alone() -> None:
    """Next year in a plan sentence, a comparison, a start year, last year's meeting, a title."""
    body = (
        "2025年，支部认真落实各项任务。较2024年，发展党员增加1名。2021年以来，支部连续获评先进。"
        "支部认真整改2024年度组织生活会查摆的问题。学习《某某县2021—2025年档案事业发展规划》。"
        "支部计划2026年建成党员活动室。"
    )
    doc = Document("某某县档案馆党支部2025年度党建工作总结", [Paragraph(body)])
    assert [f for f in check_document(doc) if f.rule != "empty-body"] == []
    later_text = "明确2024—2026年三年目标。支部在2026年下半年将建成阅览室。"
    later = Document(doc.title, [Paragraph(later_text)])
    assert [f for f in check_document(later) if f.rule != "empty-body"] == []
    stale = Document(doc.title, [Paragraph("2026年，支部召开支委会12次。")])
    assert [f.rule for f in check_document(stale) if f.rule != "empty-body"] == ["other-year"]


def test_numbers_that_disagree_with_the_answers() -> None:
    context = CheckContext(numbers={"严格组织生活": {"支委会": 10, "党员大会": 4}})
    assert places(ANNUAL, context) == [("number-mismatch", TWO_ONE, 1)]
    finding = check_document(doc_of(ANNUAL), context)[0]
    assert finding.message == "文中“支委会”是12次，答案中填的是10。"
    assert places(ANNUAL, CheckContext(numbers={"严格组织生活": {"支委会": 12}})) == []


def test_heading_labels_written_two_ways() -> None:
    doc = Document("", [
        Heading(1, "一、", "主要做法"),
        Heading(2, "1.", "抓学习"), Paragraph("支部开展集中学习12次。"),
        Heading(2, "2.", "抓组织"), Paragraph("支部召开支委会12次。"),
        Heading(2, "3、", "抓作风"), Paragraph("支部开展作风建设专项行动。"),
    ])
    found = check_document(doc)
    assert [(f.rule, f.path) for f in found] == [("heading-style", ("一、主要做法", "3、抓作风"))]


def test_other_unit_when_the_unit_is_not_named() -> None:
    """Without a unit name, the self-reference the report uses most is the unit's own."""
    doc = Document("", [Paragraph("我中心召开会议。本中心推进工作。我局开展检查。")])
    found = [(f.rule, f.quote) for f in check_document(doc)]
    assert found == [("other-unit", "…议。本中心推进工作。我局开展检查。")]


@pytest.mark.parametrize(("names", "org", "level", "place"), [
    (["某某县档案馆党支部"], "馆", "县", "某某"),
    (["中共某某市统计局机关支部委员会"], "局", "市", "某某"),
    (["区市政中心"], "中心", "区", None),
    (["市政府投资项目建设中心机关党支部书记"], "中心", "市", None),
    (["某某镇中心小学党支部"], "校", "镇", "某某"),
])
def test_own_unit(names: list[str], org: str, level: str, place: str | None) -> None:
    own = own_unit(names)
    assert (own.org, own.level, own.place) == (org, level, place)


@pytest.mark.parametrize("text", [
    "会议于10:30开始，参会率达到98.5%，共收集意见1,200条。",
    "支部制作课件（PPT）12套，访问www.example.gov.cn查询。",
    "抓得实、落实得好、扎实地开展各项工作，取得了明显的成效，营造了良好的氛围。",
    "经过认真的学习和讨论，各项任务得到全面的落实。",
    "统一是前提。只有一项工作的时候，不用列举。",
    "全年共收缴党费2.36万元，按时足额上缴。",
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    context = CheckContext(year=2025, period="全年")
    assert check_document(Document("", [Paragraph(text)]), context) == []


# --- output and the command's entry point ---------------------------------------------------------
def test_format_groups_findings_by_place() -> None:
    text = edit(ANNUAL, "全年召开支委会12次", "全年召开支委会XX次")
    text = edit(text, "档案数字化、馆藏", "档案数字化,馆藏")
    out = format_findings(check_document(doc_of(text)))
    assert out.splitlines()[0] == f"【{ONE}】"
    assert f"【{TWO} › （一）严格组织生活】" in out
    assert "  第1段 · 占位符：“…制度，全年召开支委会XX次、党员大会4次、党…”" in out
    assert "    改法：填上实际内容，或删去这部分文字。" in out
    assert out.endswith("共发现2处需要核对的地方。")
    assert format_findings([]) == "未发现问题。"


def test_findings_name_where_they_are() -> None:
    finding = check_document(doc_of(edit(ANNUAL, "结合还不够紧密", "结合的还不够紧密")))[0]
    assert finding == Finding(
        "de-de-di", (FOUR,), 1, "…是理论学习与业务工作结合的还不够紧密；二是党员参与档…",
        "“结合的还不够”中的“的”用错了。", "改为“结合得还不够”。",
    )


def test_run_check_on_report_files(tmp_path: Path) -> None:
    library = load_library()
    dirty = edit(ANNUAL, "三是支部品牌", "四是支部品牌")
    build_file_tree(tmp_path, {"clean.txt": ANNUAL, "dirty.txt": dirty})
    text, found = run_check(tmp_path / "clean.txt", library)
    assert (text, found) == ("核稿：clean.txt（按2025年全年核对）\n\n未发现问题。", False)
    text, found = run_check(tmp_path / "dirty.txt", library)
    assert found and text.endswith("共发现1处需要核对的地方。")


def test_run_check_on_a_word_document(tmp_path: Path) -> None:
    word = docx.Document()
    for line in textwrap.dedent(DUTY).strip().splitlines():
        word.add_paragraph(line)
    word.save(str(tmp_path / "述职.docx"))
    text, found = run_check(tmp_path / "述职.docx", load_library())
    assert (found, text.splitlines()[-1]) == (False, "未发现问题。")


def test_run_check_on_an_answers_file(tmp_path: Path) -> None:
    library = load_library(mini_library_dir(tmp_path / "outlines"))
    build_file_tree(tmp_path, {"x.answers.yaml": """
        outline: mini
        unit: 某某县档案馆党支部
        year: 2025
        date: 2025-12-20
        sections:
          - topic: politics
            heading: 加强理论武装，筑牢思想根基
            numbers:
              集中学习: 12
            text: |
              支部坚持每月开展集中学习共10次，引导党员在档案工作中当好表率。
    """})
    text, found = run_check(tmp_path / "x.answers.yaml", library)
    assert found
    assert "文中“集中学习”是10次，答案中填的是12。" in text
    assert text.startswith("核稿：x.answers.yaml（按2025年全年核对）")


def test_checking_a_long_report_is_fast() -> None:
    """A 20,000-character report: all rules in well under 0.1 s (linear passes)."""
    one = doc_of(ANNUAL)
    doc = Document(one.title, one.blocks * 28, one.signature, one.date)
    size = sum(len(b.text) for b in doc.blocks if isinstance(b, Paragraph))
    assert size >= 20_000
    best = min(_timed(doc) for _ in range(3))
    assert best < 0.1, f"{best:.3f} s for {size} characters"


def _timed(doc: Document) -> float:
    # CPU time: the work done, not how busy the machine is
    start = time.process_time()
    check_document(doc)
    return time.process_time() - start


def test_the_seeds_are_checked(seeds: list[Path]) -> None:
    """The seeds are messy on purpose: the numbering gap of one and the 的/得 slip of another."""
    library = load_library()
    found = {}
    for path in seeds:
        doc = document_of_report(parse_report(path.read_text(encoding="utf-8"), path.name))
        found[path.name[:3]] = check_document(doc)
        assert run_check(path, library)[1]  # every seed keeps placeholders
    assert any(f.rule == "heading-numbering" and f.path[0].startswith("四、") for f in found["003"])
    assert any(f.rule == "de-de-di" and f.paragraph == 0 for f in found["001"])
    assert {f.rule for f in found["004"]} == {"placeholder", "heading-style"}


_PIECES = st.sampled_from([
    "支部", "召开支委会", "12次", "、", "，", "。", "；", "：", "一是", "二是", "“", "”", "（",
    "）",
    "《", "》", "(", ")", ",", '"', "2024年", "2026年", "上半年", "下半年", "XX", "我局", "区委",
    "临江县", "落实的好", "党员大会4次", "今年以来，累计", " ", "\n", "a", "1.5",
])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@given(st.lists(st.tuples(st.integers(0, 4), _TEXTS), max_size=12), _TEXTS)
def test_any_document_is_checked_without_error(blocks: list[tuple[int, str]], title: str) -> None:
    """Whatever the text, every finding names a known rule, a place and a quote."""
    doc = Document(title, [
        Heading(level, "一、", text) if level else Paragraph(text) for level, text in blocks
    ], ["某某县档案馆党支部"])
    findings = check_document(doc)
    assert all(f.rule in RULE_NAMES and f.path and f.paragraph >= 0 for f in findings)
    assert format_findings(findings).endswith("处需要核对的地方。" if findings else "未发现问题。")


def test_a_report_with_no_part_is_flagged() -> None:
    from drafter.checking.check import check_document
    from drafter.document.model import Document, Paragraph

    doc = Document(
        title="某某县档案馆党支部2025年度党建工作总结",
        blocks=[Paragraph("一年来，支部认真落实各项任务。现将有关情况总结如下："), Paragraph("2026年，支部将继续努力。")],
        signature=["某某县档案馆党支部"],
        date="2025年12月5日",
    )
    assert [f.rule for f in check_document(doc)] == ["empty-body"]


def test_spaces_beside_english_words_are_not_stray() -> None:
    text = edit(ANNUAL, "开设“档案里的初心”微课堂", "开设“档案里的初心”微课堂，用 PPT 讲解 WPS 操作")
    assert not [p for p in places(text) if p[0] == "stray-space"]


def test_a_finding_reached_twice_is_said_once() -> None:
    """The same measure read as a point's lead and as the paragraph's first clause: one finding."""
    doc = doc_of(
        """
        某某县农业农村局机关党支部2026年度党建工作总结

        一、加强理论学习
        一是严格执行“三会一课”制度。二是坚持集中学习。

        二、加强组织建设
        一是严格落实“三会一课”制度。二是规范党费收缴。
        """
    )
    findings = check_document(doc)
    assert len(findings) == len(set(findings))
    assert sum(f.rule == "same-measure" for f in findings) == 1
