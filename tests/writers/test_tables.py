"""Attachments with tables (附件): the .docx table as Word reads it, Markdown, text, CSV."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from drafter.document.model import Annex, Document, Paragraph, Table
from drafter.writers.docx_tables import MAX_COLUMNS, parts
from drafter.writers.docx_writer import docx_bytes
from drafter.writers.table_csv import csv_bytes
from drafter.writers.text_writer import to_markdown, to_text

TABLE = Table(
    ("党支部", "召开支委会\n（次）", "收缴党费\n（元）"),
    (("第一党支部", "12", "12600"), ("第二党支部", "12", "—")),
    ("合计", "24", "12600"),
)
ANNEX = Annex("2026年度各党支部党建工作主要数据统计表", (TABLE,), "注：“—”表示该支部报告中未写明此项。")


def report(*annexes: Annex) -> Document:
    return Document(
        "某某县某某局机关党委2026年度党建工作总结", [Paragraph("各支部全年召开支委会24次。")],
        ["某某县某某局机关党委"], "2026年12月10日", list(annexes),
    )


def read(doc: Document) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_bytes(doc)))


def test_a_table_row_must_have_the_header_s_width() -> None:
    with pytest.raises(ValueError):
        Table(("a", "b"), (("1",),))


def test_docx_has_a_real_table_with_header_rows_and_totals() -> None:
    d = read(report(ANNEX))
    (table,) = d.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["党支部", "召开支委会\n（次）", "收缴党费\n（元）"],
        ["第一党支部", "12", "12600"], ["第二党支部", "12", "—"], ["合计", "24", "12600"],
    ]
    header = table.rows[0]._tr
    assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None  # repeats on each page
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.tag.split("}")[1] for b in borders} == {"top", "left", "bottom", "right", "insideH", "insideV"}
    assert all(b.get(qn("w:val")) == "single" for b in borders)
    for row in table.rows:
        for cell in row.cells:
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
            assert cell.paragraphs[0].style.style_id == "GongwenBody"  # 仿宋 from the body style


def test_docx_attachment_follows_the_signature_on_its_own_page() -> None:
    d = read(report(ANNEX))
    texts = [p.text for p in d.paragraphs]
    notice = texts.index("附件：2026年度各党支部党建工作主要数据统计表")
    assert texts.index("某某县某某局机关党委") > notice  # 附件说明 above the signature
    label = next(p for p in d.paragraphs if p.text == "附件")
    assert label._p.pPr.find(qn("w:pageBreakBefore")) is not None
    assert label.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    title = d.paragraphs[texts.index("2026年度各党支部党建工作主要数据统计表")]
    assert title.style.style_id == "GongwenTitle"
    assert texts[-1] == "注：“—”表示该支部报告中未写明此项。"


def test_a_document_without_attachments_has_neither_notice_nor_table() -> None:
    d = read(report())
    assert not d.tables
    assert not any(p.text.startswith("附件") for p in d.paragraphs)


def test_a_wide_table_is_printed_in_parts_repeating_its_first_column() -> None:
    wide = Table(
        ("党支部", *(f"数{i}" for i in range(16))),
        (("第一党支部", *(str(i) for i in range(16))),),
        ("合计", *(str(i) for i in range(16))),
    )
    printed = parts(wide)
    assert [len(p.header) - 1 for p in printed] == [6, 5, 5]
    assert all(p.header[0] == "党支部" and p.totals[0] == "合计" for p in printed)
    assert [c for p in printed for c in p.header[1:]] == list(wide.header[1:])
    assert parts(Table(("a", *("x" * MAX_COLUMNS)), ())) == [Table(("a", *("x" * MAX_COLUMNS)), ())]
    d = read(report(Annex("表", (wide,))))
    assert len(d.tables) == 3


def test_markdown_and_text_show_the_table() -> None:
    md = to_markdown(report(ANNEX))
    assert "附件：2026年度各党支部党建工作主要数据统计表" in md
    assert "| 党支部 | 召开支委会（次） | 收缴党费（元） |" in md
    assert "| **合计** | **24** | **12600** |" in md
    text = to_text(report(ANNEX))
    lines = text.splitlines()
    assert "附件" in lines
    row = next(line for line in lines if line.startswith("第二党支部"))
    header = next(line for line in lines if line.startswith("党支部"))
    assert row.index("12") == header.index("召开支委会")  # columns aligned
    dated = next(n for n, line in enumerate(lines) if line.strip() == "2026年12月10日")
    assert lines.index("附件") > dated  # the attachment follows the sign-off


def test_csv_has_a_bom_crlf_and_one_line_headers() -> None:
    data = csv_bytes(TABLE)
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").split("\r\n")[:2] == ["党支部,召开支委会（次）,收缴党费（元）", "第一党支部,12,12600"]


def test_the_package_stays_valid_xml_with_a_table() -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx_bytes(report(ANNEX)))) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(qn("w:body"))
    # Word wants a paragraph after a table: the note (or an empty one) always follows it
    children = [c.tag.split("}")[1] for c in body]
    assert children[-2:] == ["p", "sectPr"]
    assert children[children.index("tbl") + 1] == "p"
