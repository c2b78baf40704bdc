""".docx reading: Word's list numbering, heading styles, every wrapper's text, tables, notes.

Each document is WordprocessingML written here as Word or WPS writes it (tests/wordml.py),
about a fictional unit; the tree the parser recovers from it is asserted whole.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from drafter.reading.reader import read_report
from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report
from tests.wordml import (
    CHINESE_LEVELS,
    HEADING_STYLES,
    abstract_num,
    level,
    num,
    numbering,
    p,
    package,
    r,
    save,
    start_override,
    style,
    styles,
)

BODY = "支部全年开展集中学习12次，党员参学率达到百分之百。"


def read(tmp_path: Path, body: str, **parts: str) -> list[str]:
    return read_report(save(tmp_path, package(body, **parts))).text.split("\n")


def parsed(tmp_path: Path, body: str, **parts: str) -> ParsedReport:
    return parse_report(read_report(save(tmp_path, package(body, **parts))))


def tree(report: ParsedReport) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in report.walk()]


# --- automatic numbering ------------------------------------------------------------------


def chinese_list_document() -> str:
    return "".join([
        p("某某县档案馆党支部2024年党建工作总结"),
        p("今年以来，支部坚持以党建引领档案业务。现将有关情况总结如下："),
        p("强化理论武装", num=(1, 0)),
        p("抓实集中学习", num=(1, 1)),
        p("坚持每月学习", num=(1, 2)),
        p("制定学习计划", num=(1, 3)),
        p(BODY),
        p("落实学习制度", num=(1, 3)),
        p(BODY),
        p("开展专题研讨", num=(1, 2)),
        p(BODY),
        p("创新学习方式", num=(1, 1)),
        p(BODY),
        p("加强组织建设", num=(1, 0)),
        p("规范组织生活", num=(1, 1)),
        p(BODY),
    ])


def test_chinese_multilevel_list_on_body_paragraphs(tmp_path: Path) -> None:
    parts = {"numbering": numbering(abstract_num(0, *CHINESE_LEVELS), num(1, 0)), "styles": styles()}
    lines = read(tmp_path, chinese_list_document(), **parts)
    assert lines[2:6] == ["一、强化理论武装", "（一）抓实集中学习", "1.坚持每月学习", "（1）制定学习计划"]
    assert tree(parsed(tmp_path, chinese_list_document(), **parts)) == [
        (1, "一、", "强化理论武装"),
        (2, "（一）", "抓实集中学习"),
        (3, "1.", "坚持每月学习"),
        (4, "（1）", "制定学习计划"),
        (4, "（2）", "落实学习制度"),
        (3, "2.", "开展专题研讨"),
        (2, "（二）", "创新学习方式"),
        (1, "二、", "加强组织建设"),
        (2, "（一）", "规范组织生活"),
    ]


def test_office_template_headings_numbered_through_their_styles(tmp_path: Path) -> None:
    """Heading 1/2 carry the list (numPr in the style, pStyle in the level): paragraphs only
    name their style, as Word's multilevel list linked to headings writes them."""
    levels = (
        level(0, "chineseCountingThousand", "%1、", style="1", suffix="nothing"),
        level(1, "chineseCounting", "（%2）", style="2", suffix="nothing"),
    )
    heading_styles = (
        style("1", "heading 1", based_on="a", outline=0, num=(3, 0)),
        style("2", "heading 2", based_on="a", outline=1, num=(3, 1)),
    )
    body = "".join([
        p("强化理论武装", style="1"), p("抓实集中学习", style="2"), p(BODY),
        p("创新学习方式", style="2"), p(BODY),
        p("加强组织建设", style="1"), p("规范组织生活", style="2"), p(BODY),
    ])
    report = parsed(
        tmp_path, body, styles=styles(*heading_styles),
        numbering=numbering(abstract_num(7, *levels), num(3, 7)),
    )
    assert tree(report) == [
        (1, "一、", "强化理论武装"), (2, "（一）", "抓实集中学习"), (2, "（二）", "创新学习方式"),
        (1, "二、", "加强组织建设"), (2, "（一）", "规范组织生活"),
    ]


def test_decimal_scheme_with_heading_styles(tmp_path: Path) -> None:
    levels = (
        level(0, "decimal", "%1.", style="1"),
        level(1, "decimal", "%1.%2", style="2"),
        level(2, "decimal", "%1.%2.%3", style="3"),
    )
    heading_styles = (
        style("1", "heading 1", based_on="a", outline=0, num=(1, 0)),
        style("2", "heading 2", based_on="a", outline=1, num=(1, 1)),
        style("3", "heading 3", based_on="a", outline=2, num=(1, 2)),
    )
    body = "".join([
        p("总体要求", style="1"), p(BODY),
        p("学习教育", style="2"), p("集中学习", style="3"), p(BODY), p("个人自学", style="3"), p(BODY),
        p("组织建设", style="2"), p(BODY),
        p("工作保障", style="1"), p("经费保障", style="2"), p(BODY),
    ])
    parts = {"styles": styles(*heading_styles), "numbering": numbering(abstract_num(0, *levels), num(1, 0))}
    assert read(tmp_path, body, **parts)[:4] == ["1. 总体要求", BODY, "1.1 学习教育", "1.1.1 集中学习"]
    assert tree(parsed(tmp_path, body, **parts)) == [
        (1, "1.", "总体要求"),
        (2, "1.1", "学习教育"), (3, "1.1.1", "集中学习"), (3, "1.1.2", "个人自学"),
        (2, "1.2", "组织建设"),
        (1, "2.", "工作保障"), (2, "2.1", "经费保障"),
    ]


def test_start_values_overrides_and_restarts(tmp_path: Path) -> None:
    definitions = numbering(
        abstract_num(0, level(0, "chineseCounting", "%1、", start=3),
                     level(1, "chineseCounting", "（%2）", restart=0)),
        abstract_num(1, level(0, "decimal", "%1.")),
        num(1, 0),
        num(2, 1),
        num(3, 1, start_override(0, 1)),  # "restart numbering at 1"
        num(4, 1, '<w:lvlOverride w:ilvl="0">' + level(0, "upperRoman", "%1.") + "</w:lvlOverride>"),
    )
    body = "".join([
        p("甲", num=(1, 0)), p("乙", num=(1, 1)), p("丙", num=(1, 0)), p("丁", num=(1, 1)),
        p("戊", num=(2, 0)), p("己", num=(2, 0)), p("庚", num=(3, 0)), p("辛", num=(2, 0)),
        p("壬", num=(2, 0)), p("癸", num=(4, 0)), p("子", num=(4, 0)),
    ])
    assert read(tmp_path, body, numbering=definitions) == [
        "三、 甲", "（一） 乙", "四、 丙", "（二） 丁",  # level 2 never restarts (lvlRestart 0)
        "1. 戊", "2. 己",
        "1. 庚", "2. 辛", "3. 壬",  # num 3 restarts the list; num 2's items continue from it
        "I. 癸", "II. 子",  # a whole level replaced by an override (a restart too)
    ]


def test_numbering_removed_by_num_id_zero_and_bullets_are_not_markers(tmp_path: Path) -> None:
    definitions = numbering(
        abstract_num(0, level(0, "chineseCounting", "%1、")),
        abstract_num(1, level(0, "bullet", "\uf06c")),
        num(1, 0), num(2, 1),
    )
    styled = styles(style("10", "List Paragraph", based_on="a", num=(1, 0)))
    body = p("不编号", style="10", num_id_only=0) + p("要点", num=(2, 0)) + p("编号", style="10")
    assert read(tmp_path, body, numbering=definitions, styles=styled) == ["不编号", "要点", "一、 编号"]


def test_headings_numbered_past_ninety_nine(tmp_path: Path) -> None:
    definitions = numbering(abstract_num(0, level(0, "chineseCounting", "%1、", start=99, suffix="nothing")), num(1, 0))
    body = "".join(p(title, num=(1, 0)) + p(BODY) for title in ("甲项工作", "乙项工作", "丙项工作"))
    report = parsed(tmp_path, body, numbering=definitions)
    assert tree(report) == [(1, "九十九、", "甲项工作"), (1, "一百、", "乙项工作"), (1, "一百零一、", "丙项工作")]


# --- heading styles and paragraphs --------------------------------------------------------


def test_styled_headings_are_never_joined_with_the_next_paragraph(tmp_path: Path) -> None:
    body = "".join([
        p("六、部署方式、服务成本与运维成本分析", style="1"),
        p("6.1 部署所需的基础资源", style="2"),
        p("本节说明部署所需的服务器与网络资源，以及相应的运维安排。"),
        p("6.2 服务成本", style="2"),
        p("本节说明服务成本。"),
    ])
    report = parsed(tmp_path, body, styles=styles(*HEADING_STYLES))
    assert tree(report) == [
        (1, "六、", "部署方式、服务成本与运维成本分析"),
        (2, "6.1", "部署所需的基础资源"),
        (2, "6.2", "服务成本"),
    ]


def test_unnumbered_heading_styles_give_levels(tmp_path: Path) -> None:
    body = "".join([
        p("工作开展情况", style="1"), p("理论学习", style="2"), p(BODY),
        p("1.集中学习", ), p(BODY), p("2.个人自学"), p(BODY),
        p("组织建设", style="2"), p(BODY),
        p("下一步打算", outline=0), p(BODY),
    ])
    report = parsed(tmp_path, body, styles=styles(*HEADING_STYLES))
    assert tree(report) == [
        (1, "", "工作开展情况"), (2, "", "理论学习"), (3, "1.", "集中学习"), (3, "2.", "个人自学"),
        (2, "", "组织建设"), (1, "", "下一步打算"),
    ]


@pytest.mark.parametrize("shift", [True, False])
def test_a_title_broken_by_enter_or_shift_enter_is_one_title(tmp_path: Path, shift: bool) -> None:
    lines = ("某某市气象局机关党支部", "2026年度党建工作总结")
    head = p(lines[0], "<w:r><w:br/></w:r>", lines[1]) if shift else p(lines[0]) + p(lines[1])
    body = head + p("一年来，支部坚持党建引领，各项工作取得新进展。") + p("一、主要工作", style="1") + p(BODY)
    report = parsed(tmp_path, body, styles=styles(*HEADING_STYLES))
    assert report.title == "".join(lines)
    assert report.opening == ["一年来，支部坚持党建引领，各项工作取得新进展。"]


def test_paragraphs_broken_mid_sentence_stay_apart(tmp_path: Path) -> None:
    """Text pasted from a PDF into Word keeps its lines as paragraphs: never rejoined."""
    pieces = ["支部全年开展集中学习十二次，组织党员", "深入基层档案室开展业务指导和安全", "检查工作，发现问题及时整改到位。"]
    lines = read(tmp_path, "".join(p(piece) for piece in pieces * 3))
    assert lines == pieces * 3
    report = parse_report(read_report(save(tmp_path, package("".join(p(x) for x in pieces * 3)))))
    assert report.opening == pieces * 3


# --- wrappers -------------------------------------------------------------------------------


def test_tracked_insertion_and_smart_tag_keep_the_whole_sentence(tmp_path: Path) -> None:
    paragraph = (
        '<w:p><w:ins w:id="1" w:author="张某" w:date="2024-12-01T09:00:00Z">'
        + r("全年召开党员大会4次，")
        + "</w:ins>" + r("在")
        + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        + r("县委党校") + "</w:smartTag>" + r("举办党务培训班1期。") + "</w:p>"
    )
    assert read(tmp_path, paragraph) == ["全年召开党员大会4次，在县委党校举办党务培训班1期。"]


@pytest.mark.parametrize(
    ("wrapped", "kept"),
    [
        ('<w:hyperlink r:id="rId9" w:history="1">{}</w:hyperlink>', "超链接"),
        ('<w:fldSimple w:instr=" DOCPROPERTY Company ">{}</w:fldSimple>', "简单域"),
        ("<w:sdt><w:sdtPr><w:alias w:val=\"单位\"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>", "内容控件"),
        ('<w:customXml w:element="unit">{}</w:customXml>', "自定义标记"),
        ('<w:moveTo w:id="3" w:author="张某">{}</w:moveTo>', "移入"),
        ('<w:dir w:val="ltr">{}</w:dir>', "方向"),
        (('<w:ins w:id="4" w:author="张某"><w:smartTag w:element="x"><w:hyperlink r:id="rId9">{}'
         "</w:hyperlink></w:smartTag></w:ins>"), "层层嵌套"),
    ],
    ids=["hyperlink", "fldSimple", "sdt-inline", "customXml-inline", "moveTo", "dir", "nested"],
)
def test_inline_wrappers_keep_their_text(tmp_path: Path, wrapped: str, kept: str) -> None:
    paragraph = "<w:p>" + r("前文") + wrapped.format(r(kept)) + r("后文。") + "</w:p>"
    assert read(tmp_path, paragraph) == [f"前文{kept}后文。"]


def test_deletions_and_field_instructions_are_not_text(tmp_path: Path) -> None:
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.org" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("档案馆网站")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    nested_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("9")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "甲" "乙"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("乙")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    paragraph = (
        "<w:p>" + r("访问") + complex_field + r("查档，")
        + '<w:del w:id="5" w:author="张某"><w:r><w:delText>已删除的话，</w:delText></w:r></w:del>'
        + '<w:moveFrom w:id="6" w:author="张某">' + r("移走的话，") + "</w:moveFrom>"
        + nested_field + r("方案。") + "</w:p>"
    )
    assert read(tmp_path, paragraph) == ["访问档案馆网站查档，乙方案。"]


def test_block_content_control_holding_a_whole_section(tmp_path: Path) -> None:
    section = p("二、加强组织建设") + p("支部规范开展“三会一课”，全年召开支部委员会12次。")
    body = (
        p("一、强化理论武装") + p(BODY)
        + f"<w:sdt><w:sdtPr><w:id w:val=\"7\"/></w:sdtPr><w:sdtContent>{section}</w:sdtContent></w:sdt>"
        + '<w:customXml w:element="part">' + p("三、推进业务融合") + p(BODY) + "</w:customXml>"
    )
    report = parsed(tmp_path, body)
    assert [s.title for s in report.sections] == ["强化理论武装", "加强组织建设", "推进业务融合"]
    assert report.sections[1].body == ["支部规范开展“三会一课”，全年召开支部委员会12次。"]


def test_body_wrapped_in_one_content_control(tmp_path: Path) -> None:
    body = f"<w:sdt><w:sdtContent>{p('一、强化理论武装') + p(BODY)}</w:sdtContent></w:sdt>"
    assert read(tmp_path, body) == ["一、强化理论武装", BODY]


TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent>'
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_box_is_read_once_and_is_not_a_picture(tmp_path: Path) -> None:
    box = TEXT_BOX.format(content=p("专栏：支部书记讲党课") + p("书记带头讲党课2次。"))
    source = read_report(save(tmp_path, package(p("一、强化理论武装") + p(box) + p(BODY))))
    assert source.text.split("\n") == ["一、强化理论武装", "", "专栏：支部书记讲党课", "书记带头讲党课2次。", BODY]
    assert source.skipped == []
    assert source.notes == ["文本框1个：文字已作为单独段落读入"]


def test_legacy_vml_text_box(tmp_path: Path) -> None:
    box = f'<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p("框中文字。")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
    assert read(tmp_path, p("正文。", box)) == ["正文。", "框中文字。"]


def test_hidden_text_is_left_out_and_counted(tmp_path: Path) -> None:
    paragraph = p("可见文字。", r("隐藏文字。", props="<w:vanish/>"))
    source = read_report(save(tmp_path, package(paragraph)))
    assert source.text == "可见文字。"
    assert source.skipped == ["隐藏文字1处未读入"]


# --- tables, notes, pictures --------------------------------------------------------------


def cell(*paragraphs: str) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{''.join(paragraphs)}</w:tc>"


def test_table_cells_are_paragraphs_in_order(tmp_path: Path) -> None:
    inner = f"<w:tbl><w:tr>{cell(p('内表甲'))}{cell(p('内表乙'))}</w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        f"<w:tr>{cell(p('项目'))}{cell(p('次数'))}</w:tr>"
        f"<w:tr>{cell(p('集中学习'))}{cell(p('12'))}</w:tr>"
        f"<w:tr>{cell(p('说明'), inner)}{cell(p('3'))}</w:tr></w:tbl>"
    )
    source = read_report(save(tmp_path, package(p("一、强化理论武装") + table + p(BODY))))
    assert source.text.split("\n") == [
        "一、强化理论武装", "项目", "次数", "集中学习", "12", "说明", "内表甲", "内表乙", "3", BODY,
    ]
    assert source.notes == ["表格2个：单元格文字已按行逐段读入"]
    report = parse_report(source)
    assert report.noise == []  # "12" and "3" in cells are data, not page numbers
    assert report.sections[0].body[:4] == ["项目", "次数", "集中学习", "12"]


def test_footnotes_comments_and_pictures_are_counted(tmp_path: Path) -> None:
    picture = (
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
        'drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    paragraph = p(
        "全年学习12次", '<w:r><w:footnoteReference w:id="1"/></w:r>', "。",
        '<w:r><w:commentReference w:id="0"/></w:r>', picture,
    )
    source = read_report(save(tmp_path, package(paragraph)))
    assert source.text == "全年学习12次。"
    assert source.skipped == ["跳过图片1张", "脚注1处未读入正文", "批注1处未读入正文"]


def test_table_of_contents_by_style_and_by_field(tmp_path: Path) -> None:
    toc_styles = styles(style("11", "toc 1", based_on="a"))
    field_start = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    body = (
        p("目录") + p(field_start, "一、强化理论武装\t1") + p("二、加强组织建设\t2", style="11")
        + p('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + p("一、强化理论武装") + p(BODY) + p("二、加强组织建设") + p(BODY)
    )
    source = read_report(save(tmp_path, package(body, styles=toc_styles)))
    assert source.text.split("\n") == ["目录", "一、强化理论武装", BODY, "二、加强组织建设", BODY]
    assert source.skipped == ["跳过目录2行（目录重复各级标题）"]


def test_strict_open_xml_namespaces_are_read(tmp_path: Path) -> None:
    strict = package(p("一、强化理论武装") + p(BODY))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item).replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
            dst.writestr(item, data)
    assert read_report(save(tmp_path, buffer.getvalue())).text == f"一、强化理论武装\n{BODY}"


# --- cost -----------------------------------------------------------------------------------


def test_style_lookups_are_linear(tmp_path: Path) -> None:
    """4,000 styles, each based on the one before, and 4,000 paragraphs: read in seconds
    (issue 10 measured 57 s for a flatter file with a lookup that scanned every style)."""
    count = 4000
    chain = "".join(style(f"S{i}", f"Style {i}", based_on=f"S{i - 1}" if i else "a") for i in range(count))
    body = "".join(p(f"支部第{i}次学习。", style=f"S{(i * 7919) % count}") for i in range(count))
    path = save(tmp_path, package(body, styles=styles(chain)))
    start = time.perf_counter()
    source = read_report(path)
    elapsed = time.perf_counter() - start
    assert source.text.count("\n") == count - 1
    assert elapsed < 5, f"{elapsed:.2f} s"


def test_unnumbered_first_heading_above_numbered_ones_is_the_title(tmp_path: Path) -> None:
    body = "".join([
        p("某某县档案馆党支部2024年党建工作总结", style="1"), p("今年以来，支部坚持学习。"),
        p("一、强化理论武装", style="1"), p(BODY), p("二、加强组织建设", style="1"), p(BODY),
    ])
    report = parsed(tmp_path, body, styles=styles(*HEADING_STYLES))
    assert report.title == "某某县档案馆党支部2024年党建工作总结"
    assert tree(report) == [(1, "一、", "强化理论武装"), (1, "二、", "加强组织建设")]


def test_unfilled_content_controls_charts_and_smartart_are_counted(tmp_path: Path) -> None:
    unfilled = (
        '<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder>'
        f'<w:showingPlcHdr/></w:sdtPr><w:sdtContent>{r("单击或点击此处输入文字。")}</w:sdtContent></w:sdt>'
    )
    graphics = (
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="c">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId7"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="d">'
        '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId8"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    source = read_report(save(tmp_path, package(p("填报单位：", unfilled) + p(BODY, graphics))))
    assert source.text == f"填报单位：\n{BODY}"
    assert source.skipped == [
        "跳过图表1个", "跳过 SmartArt 图形1个（其中的文字未读入）", "未填写的内容控件1个：只有占位提示文字，未读入",
    ]
