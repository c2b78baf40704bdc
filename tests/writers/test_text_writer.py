"""Markdown and plain-text previews of a Document."""

from __future__ import annotations

import unicodedata

from drafter.document.model import Document, Heading, Paragraph
from drafter.writers.text_writer import to_markdown, to_text

RUN_IN = Heading(2, "（一）", "坚持理论武装")


def sample() -> Document:
    return Document(
        title="某某县档案馆党支部2025年度党建工作总结",
        blocks=[
            Paragraph("今年以来，支部围绕中心工作扎实推进党建工作。"),
            Heading(1, "一、", "主要做法"),
            Paragraph("全年开展集中学习12次。", run_in=RUN_IN),
            Heading(2, "（二）", "强化组织建设"),
            Heading(3, "1.", "规范组织生活"),
            Heading(4, "（1）", "按期召开支委会"),
            Paragraph("每月召开一次。"),
        ],
        signature=["中共某某县档案馆支部委员会"],
        date="2025年12月5日",
    )


def test_markdown_structure() -> None:
    assert to_markdown(sample()) == (
        "# 某某县档案馆党支部2025年度党建工作总结\n\n"
        "今年以来，支部围绕中心工作扎实推进党建工作。\n\n"
        "## 一、主要做法\n\n"
        "**（一）坚持理论武装**。全年开展集中学习12次。\n\n"
        "### （二）强化组织建设\n\n"
        "#### 1.规范组织生活\n\n"
        "#### （1）按期召开支委会\n\n"
        "每月召开一次。\n\n"
        "中共某某县档案馆支部委员会  \n2025年12月5日\n"
    )


def test_markdown_run_in_keeps_existing_end_punctuation() -> None:
    doc = Document(title="", blocks=[Paragraph("正文", run_in=Heading(2, "（三）", "怎么办？"))])
    assert to_markdown(doc) == "**（三）怎么办**？正文\n"


def test_markdown_escapes_only_structure() -> None:
    doc = Document(
        title="#标题*",
        blocks=[
            Paragraph("# 不是标题\n- 不是列表\n1. 不是编号 a*b_c <w:p> {{ x }} & 2025.12"),
            Paragraph("> 不是引用"),
            Paragraph("- 续行", run_in=RUN_IN),
        ],
    )
    assert to_markdown(doc) == (
        "# \\#标题\\*\n\n"
        "\\# 不是标题  \n\\- 不是列表  \n1\\. 不是编号 a\\*b\\_c \\<w:p> {{ x }} & 2025.12\n\n"
        "\\> 不是引用\n\n"
        "**（一）坚持理论武装**。- 续行\n"
    )


def test_markdown_heading_label_is_not_escaped() -> None:
    assert to_markdown(Document(title="", blocks=[Heading(3, "1.", "规范")])) == "#### 1.规范\n"


def test_markdown_heading_stays_on_one_line() -> None:
    doc = Document(title="", blocks=[Heading(1, "一、", "上半句\n下半句")])
    assert to_markdown(doc) == "## 一、上半句 下半句\n"


def test_text_layout() -> None:
    lines = to_text(sample()).splitlines()
    title = sample().title
    assert lines[0].strip("\u3000") == title
    pad = len(lines[0]) - len(title)
    assert pad > 0 and abs(2 * pad + 17 + 4 * 0.5 - 28) <= 1  # 17 CJK + 4 digits on a 28-wide line
    assert lines[1] == ""
    assert lines[2] == "\u3000\u3000今年以来，支部围绕中心工作扎实推进党建工作。"
    assert lines[3] == "\u3000\u3000一、主要做法"
    assert lines[4] == "\u3000\u3000（一）坚持理论武装。全年开展集中学习12次。"
    assert lines[-3] == ""
    signature, date = lines[-2:]
    assert signature.strip("\u3000") == "中共某某县档案馆支部委员会" and date.endswith(
        "2025年12月5日"
    )
    width = [
        sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in s)
        for s in (signature, date)
    ]
    assert width[0] == 26 and abs(width[1] - 26) < 1  # right-aligned two characters from the end


def test_text_escapes_nothing() -> None:
    doc = Document(title="", blocks=[Paragraph("# *x* <w:p> {{ y }}")])
    assert to_text(doc) == "\u3000\u3000# *x* <w:p> {{ y }}\n"


def test_long_title_is_not_padded() -> None:
    title = "某" * 40
    assert to_text(Document(title=title)).splitlines()[0] == title


def test_text_sets_a_flush_paragraph_without_indent() -> None:
    doc = Document(title="题", blocks=[Paragraph("市直机关工委：", flush=True), Paragraph("正文。")])
    lines = to_text(doc).splitlines()
    assert "市直机关工委：" in lines and "\u3000\u3000正文。" in lines
