"""The .docx writer: 公文 layout as python-docx reads it back, literal text, reference .docx."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter.document.model import Document, Heading, Paragraph
from drafter.errors import InputFileError
from drafter.reading.reader import read_report
from drafter.structure.structure import parse_report
from drafter.writers.docx_writer import docx_bytes
from drafter.writers.render import write_document

H1 = Heading(1, "一、", "主要做法及成效")
H2_RUN_IN = Heading(2, "（一）", "坚持理论武装，筑牢思想根基")
H2 = Heading(2, "（二）", "严格组织生活")
H3 = Heading(3, "1.", "落实“三会一课”制度")
H4 = Heading(4, "（1）", "按期召开支部委员会")
DASH = Heading(1, "——", "聚焦主责主业，推动党建与业务深度融合")


def sample() -> Document:
    """A short fictional report using every kind of block."""
    return Document(
        title="某某县档案馆党支部2025年度党建工作总结",
        blocks=[
            Paragraph("2025年，某某县档案馆党支部坚持以党的政治建设为统领，现将全年工作总结如下："),
            H1,
            Paragraph("支部全年开展集中学习12次、专题研讨4次。", run_in=H2_RUN_IN),
            H2,
            H3,
            Paragraph("全年召开党员大会4次、支部委员会12次、党小组会24次，讲党课2次。"),
            H4,
            Paragraph("每月第一个周五召开支部委员会，研究馆藏数字化等重点工作。"),
            DASH,
            Paragraph("以“档案进社区”为载体，组织党员志愿服务6次。"),
        ],
        signature=["中共某某县档案馆支部委员会"],
        date="2025年12月5日",
    )


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered() -> docx.document.Document:
    return reopen(docx_bytes(sample()))


def style(d: docx.document.Document, style_id: str) -> ParagraphStyle:
    """The style with `style_id` (typed as a paragraph style: character styles share `font`)."""
    matches = [s for s in d.styles if s.style_id == style_id]
    assert matches, f"style {style_id} missing"
    return cast(ParagraphStyle, matches[0])


def style_of(item: DocxParagraph | Run) -> str:
    """The style id of a paragraph or run ("" when it has none)."""
    return item.style.style_id if item.style is not None else ""


def east_asia_font(st: ParagraphStyle) -> str | None:
    rfonts = st.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


# --- page ---------------------------------------------------------------------------------------
def test_page_is_a4_with_gongwen_margins(rendered: docx.document.Document) -> None:
    section = rendered.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    assert section.page_width == pytest.approx(Mm(210), abs=Mm(0.1))
    assert section.top_margin == Twips(2098) and section.bottom_margin == Twips(1984)
    assert section.left_margin == Twips(1587) and section.right_margin == Twips(1474)
    assert section.gutter == 0


def test_line_grid_matches_exact_line_spacing(rendered: docx.document.Document) -> None:
    grid = rendered.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert grid.get(qn("w:linePitch")) == "579"
    body = style(rendered, "GongwenBody").paragraph_format
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.line_spacing == Twips(579) == Pt(28.95)
    assert body.space_before == 0 and body.space_after == 0


# --- styles -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("style_id", "font", "size"),
    [
        ("GongwenTitle", "方正小标宋简体", 22),
        ("GongwenBody", "仿宋_GB2312", 16),
        ("GongwenBodyChar", "仿宋_GB2312", 16),
        ("GongwenHeading1", "黑体", 16),
        ("GongwenHeading1Char", "黑体", 16),
        ("GongwenHeading2", "楷体_GB2312", 16),
        ("GongwenHeading2Char", "楷体_GB2312", 16),
        ("GongwenHeading3", "仿宋_GB2312", 16),
        ("GongwenHeading4", "仿宋_GB2312", 16),
        ("GongwenSignature", "仿宋_GB2312", 16),
        ("GongwenFooter", "宋体", 14),
    ],
)
def test_style_fonts(rendered: docx.document.Document, style_id: str, font: str, size: int) -> None:
    st = style(rendered, style_id)
    assert east_asia_font(st) == font
    assert st.font.size == Pt(size)
    assert st.font.name == ("宋体" if style_id == "GongwenFooter" else "Times New Roman")
    assert not st.font.bold


def test_no_theme_fonts_colour_or_heading_spacing_in_styles() -> None:
    styles = part_xml(docx_bytes(sample()), "word/styles.xml")
    assert not re.search(r"w:\w+Theme=", styles)
    assert "<w:color" not in styles
    assert 'w:eastAsia="zh-CN"' in styles
    assert re.findall(r'w:before="(\d+)"', styles) == ["0"] * len(re.findall(r"w:before=", styles))


def test_headings_have_outline_levels(rendered: docx.document.Document) -> None:
    for level in range(1, 5):
        ppr = style(rendered, f"GongwenHeading{level}").element.find(qn("w:pPr"))
        assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
    assert (
        style(rendered, "GongwenBody").element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is None
    )


def test_body_and_headings_are_indented_and_justified(rendered: docx.document.Document) -> None:
    body = style(rendered, "GongwenBody").paragraph_format
    assert body.first_line_indent == Twips(640)
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    for level in range(1, 5):
        heading = style(rendered, f"GongwenHeading{level}")
        assert heading.base_style is not None and heading.base_style.style_id == "GongwenBody"
        assert heading.paragraph_format.first_line_indent is None  # inherited from the body


# --- document -----------------------------------------------------------------------------------
def test_title_centred_then_blank_line(rendered: docx.document.Document) -> None:
    title, blank = rendered.paragraphs[:2]
    assert title.text == sample().title and style_of(title) == "GongwenTitle"
    title_style = style(rendered, "GongwenTitle")
    fmt = title_style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.CENTER and fmt.first_line_indent == 0
    assert title_style.font.size == Pt(22) and title_style.font.bold is False
    assert blank.text == ""


LONG_TITLE = "某某市气象局机关党支部2026年度党建工作总结"  # 21 ems of 二号: one line holds 20


def test_a_long_title_is_one_paragraph_broken_where_its_words_stay_whole(tmp_path: Path) -> None:
    doc = Document(title=LONG_TITLE, blocks=[Paragraph("支部全年开展集中学习。")])
    data = docx_bytes(doc)
    title = reopen(data).paragraphs[0]
    assert title.text == "某某市气象局机关党支部\n2026年度党建工作总结"
    assert len(title.runs) == 1 and style_of(title) == "GongwenTitle"
    path = tmp_path / "long.docx"
    path.write_bytes(data)
    assert parse_report(read_report(path)).title == LONG_TITLE  # drafter reads it back whole
    with_reference = docx_bytes(doc, reference_docx=make_reference(tmp_path / "ref.docx"))
    assert reopen(with_reference).paragraphs[0].text == LONG_TITLE  # their page, their wrap


def test_a_flush_paragraph_has_no_first_line_indent() -> None:
    doc = Document(title="题", blocks=[Paragraph("市直机关工委：", flush=True), Paragraph("正文。")])
    addressee, body = reopen(docx_bytes(doc)).paragraphs[2:4]
    assert addressee.paragraph_format.first_line_indent == 0
    assert body.paragraph_format.first_line_indent is None  # the body style's two characters


def test_headings_use_their_level_style(rendered: docx.document.Document) -> None:
    by_text = {p.text: style_of(p) for p in rendered.paragraphs}
    assert by_text["一、主要做法及成效"] == "GongwenHeading1"
    assert by_text["（二）严格组织生活"] == "GongwenHeading2"
    assert by_text["1.落实“三会一课”制度"] == "GongwenHeading3"
    assert by_text["（1）按期召开支部委员会"] == "GongwenHeading4"
    assert by_text["——聚焦主责主业，推动党建与业务深度融合"] == "GongwenHeading1"


def test_run_in_heading_is_a_heading_paragraph_with_two_runs(
    rendered: docx.document.Document,
) -> None:
    para = next(p for p in rendered.paragraphs if p.text.startswith("（一）"))
    assert style_of(para) == "GongwenHeading2"  # outline level: shows in the nav pane
    head, body = para.runs
    assert head.text == "（一）坚持理论武装，筑牢思想根基。"
    assert style_of(head) == "GongwenHeading2Char"
    assert body.text == "支部全年开展集中学习12次、专题研讨4次。"
    assert style_of(body) == "GongwenBodyChar"
    keep = para._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    assert keep is not None and keep.get(qn("w:val")) == "0"


def test_fonts_live_in_styles_not_runs() -> None:
    document = part_xml(docx_bytes(sample()), "word/document.xml")
    assert not re.search(r"<w:rFonts [^>]*w:(ascii|eastAsia|hAnsi)=", document)
    assert "<w:sz " not in document


def test_hint_on_runs_with_shared_punctuation(rendered: docx.document.Document) -> None:
    hinted = {
        p.text
        for p in rendered.paragraphs
        if p.runs and p.runs[0]._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None
    }
    assert "1.落实“三会一课”制度" in hinted
    assert "一、主要做法及成效" not in hinted


def test_signature_and_date_right_aligned_after_blank_line(
    rendered: docx.document.Document,
) -> None:
    *_, blank, signature, date = rendered.paragraphs
    assert blank.text == "" and style_of(blank) == "GongwenBody"
    assert (signature.text, date.text) == ("中共某某县档案馆支部委员会", "2025年12月5日")
    fmt = style(rendered, "GongwenSignature").paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert fmt.right_indent == Twips(640) and fmt.first_line_indent == 0
    assert style_of(signature) == style_of(date) == "GongwenSignature"


def test_document_without_title_or_closing() -> None:
    d = reopen(docx_bytes(Document(title="", blocks=[Paragraph("正文")])))
    assert [p.text for p in d.paragraphs] == ["正文"]


def test_heading_level_out_of_range_is_a_bug() -> None:
    with pytest.raises(ValueError, match=r"1\.\.4"):
        docx_bytes(Document(title="t", blocks=[Heading(5, "", "x")]))


# --- footers ------------------------------------------------------------------------------------
def test_odd_and_even_footers_hold_page_field(rendered: docx.document.Document) -> None:
    assert rendered.settings.odd_and_even_pages_header_footer
    section = rendered.sections[0]
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        assert not footer.is_linked_to_previous
        (para,) = footer.paragraphs
        assert para.text == "— 1 —"
        assert para.alignment == align
        indent = (
            para.paragraph_format.right_indent
            if side == "right"
            else para.paragraph_format.left_indent
        )
        assert indent == Twips(280)
        assert para.style.style_id == "GongwenFooter"
        kinds = [el.get(qn("w:fldCharType")) for el in para._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert [el.text for el in para._p.iter(qn("w:instrText"))] == [" PAGE "]
        texts = [t.text for t in para._p.iter(qn("w:t"))]
        assert texts == ["— ", "1", " —"]


# --- literal text -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("{{ unit }} {% if x %}", "{{ unit }} {% if x %}"),
        ("<w:p>&amp;</w:p> \"'", "<w:p>&amp;</w:p> \"'"),
        ("前\x00\x07\x0b\x0c\x1b\ufffe后", "前后"),
        ("党员先锋岗🚩⭐", "党员先锋岗🚩⭐"),
        ("  前后空格  ", "  前后空格  "),
        ("第一行\n第二行\t制表", "第一行\n第二行\t制表"),
        ("回车\r\n换行", "回车\n换行"),
    ],
)
def test_text_renders_literally(given: str, shown: str) -> None:
    doc = Document(
        title=given, blocks=[Paragraph(given), Paragraph(given, run_in=H2)], signature=[given]
    )
    texts = [p.text for p in reopen(docx_bytes(doc)).paragraphs]
    assert texts == [shown, "", shown, H2.sentence + shown, "", shown]


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_text_round_trips(text: str) -> None:
    """Whatever the answer, python-docx reads back the same text, less XML-illegal characters."""
    expected = re.sub("\r\n?", "\n", re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text))
    d = reopen(docx_bytes(Document(title="", blocks=[Paragraph(text, run_in=H2)])))
    assert d.paragraphs[0].text == H2.sentence + expected


def test_hundred_thousand_character_paragraph() -> None:
    long = ("加强基层党组织建设" * 10_000)[:100_000] + "🚩"
    d = reopen(docx_bytes(Document(title="长", blocks=[Paragraph(long)])))
    assert d.paragraphs[2].text == long


def test_same_document_gives_same_bytes() -> None:
    assert docx_bytes(sample()) == docx_bytes(sample())


def test_core_properties_carry_title(rendered: docx.document.Document) -> None:
    assert rendered.core_properties.title == sample().title


def test_write_docx_writes_a_readable_file(tmp_path: Path) -> None:
    out = tmp_path / "总结.docx"
    write_document(sample(), out, "docx")
    assert reopen(out.read_bytes()).paragraphs[0].text == sample().title
    assert [p.name for p in tmp_path.iterdir()] == ["总结.docx"]


# --- reference .docx ----------------------------------------------------------------------------
def make_reference(path: Path, *, body_font: str = "") -> Path:
    """A unit's .docx from python-docx's default template: 25 mm margins, maybe a GongwenBody."""
    ref = docx.Document()
    ref.sections[0].left_margin = Mm(25)
    ref.sections[0].right_margin = Mm(25)
    if body_font:
        from docx.enum.style import WD_STYLE_TYPE

        body = ref.styles.add_style("单位正文", WD_STYLE_TYPE.PARAGRAPH)
        body.element.set(qn("w:styleId"), "GongwenBody")
        body.font.size = Pt(15)
        rfonts = body.element.get_or_add_rPr().get_or_add_rFonts()
        rfonts.set(qn("w:eastAsia"), body_font)
    ref.save(str(path))
    return path


def test_reference_styles_and_margins_are_used(tmp_path: Path) -> None:
    ref = make_reference(tmp_path / "ref.docx", body_font="楷体")
    data = docx_bytes(sample(), reference_docx=ref)
    d = reopen(data)
    body = style(d, "GongwenBody")
    assert east_asia_font(body) == "楷体" and body.font.size == Pt(15)  # theirs wins
    assert east_asia_font(style(d, "GongwenHeading1")) == "黑体"  # ours merged in
    assert style(d, "Heading1").name == "Heading 1"  # their own styles kept
    assert sum(1 for s in d.styles if s.style_id == "Normal") == 1
    section = d.sections[0]
    assert section.left_margin == pytest.approx(Mm(25), abs=Emu(700))
    assert section.page_width == Twips(12240)  # python-docx's template is US Letter
    assert section.even_page_footer.paragraphs[0].text == "— 1 —"
    assert "word/theme/theme1.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_reference_page_setup_values_are_escaped(tmp_path: Path) -> None:
    """Attribute values copied from a reference's page setup stay well-formed whatever they hold."""
    ref = docx.Document()
    odd = 'a"b&c<d>\te'
    ref.sections[0]._sectPr.get_or_add_pgSz().set(qn("w:code"), odd)
    ref.save(str(tmp_path / "odd.docx"))
    data = docx_bytes(sample(), reference_docx=tmp_path / "odd.docx")
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert root.find(f".//{qn('w:pgSz')}").get(qn("w:code")) == odd


def test_writing_a_document_imports_nothing_heavy() -> None:
    """docx_writer escapes XML itself: xml.sax.saxutils would pull in urllib, http and email."""
    code = (
        "import sys\n"
        "from drafter.document.model import Document, Paragraph\n"
        "from drafter.writers.docx_writer import docx_bytes\n"
        "docx_bytes(Document(title='题', blocks=[Paragraph('正文 & <>')]))\n"
        "heavy = ('xml.sax', 'urllib.request', 'http.client', 'email', 'docx', 'lxml')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_reference_without_our_styles_gets_all_of_them(tmp_path: Path) -> None:
    d = reopen(docx_bytes(sample(), reference_docx=make_reference(tmp_path / "plain.docx")))
    for style_id in ("GongwenTitle", "GongwenBody", "GongwenSignature", "GongwenHeading4Char"):
        style(d, style_id)
    assert east_asia_font(style(d, "GongwenBody")) == "仿宋_GB2312"


def test_reference_is_reread_when_it_changes(tmp_path: Path) -> None:
    ref = make_reference(tmp_path / "ref.docx", body_font="楷体")
    docx_bytes(sample(), reference_docx=ref)
    make_reference(ref, body_font="黑体")
    os.utime(ref, ns=(1, 2_000_000_000_000_000_000))
    assert (
        east_asia_font(style(reopen(docx_bytes(sample(), reference_docx=ref)), "GongwenBody"))
        == "黑体"
    )


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "无此文件.docx", "不存在"),
        (lambda p: p, "目录"),
        (lambda p: (p / "a.docx").write_text("纯文本") and p / "a.docx", "zip"),
        (lambda p: _zip(p / "b.docx", {"readme.txt": "x"}), "不是 Word 文档"),
        (
            lambda p: _zip(
                p / "c.docx",
                {
                    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                    "</Relationships>",
                    "xl/workbook.xml": '<workbook xmlns="urn:x"/>',
                },
            ),
            "不是 Word 文档",
        ),
    ],
)
def test_bad_reference_is_an_input_error(
    tmp_path: Path,
    make: Callable[[Path], Path],
    message: str,
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputFileError, match=message) as info:
        docx_bytes(sample(), reference_docx=path)
    assert info.value.path == path


def test_reference_with_broken_styles_is_an_input_error(tmp_path: Path) -> None:
    good = make_reference(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            dst.writestr(
                item, b"<w:styles" if item.filename == "word/styles.xml" else src.read(item)
            )
    with pytest.raises(InputFileError, match=r"styles\.xml"):
        docx_bytes(sample(), reference_docx=broken)
