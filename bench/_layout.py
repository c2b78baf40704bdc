"""The 公文 layout written with python-docx: what the baselines use to make drafter's document.

A baseline has to write the *same* document as `drafter render` (same text, fonts, sizes,
spacing, indents, page setup and footers), or a speed ratio means nothing. This module defines
that layout the way a python-docx user would: every font and spacing in a style defined once,
page setup and footers on the section, and python-docx's oxml layer only where python-docx has
no API (East Asian font, character spacing, outline level, snap-to-grid, the PAGE field).
The values are written out here, not imported from drafter: `_docx_compare` checks them against
drafter's own output, so a drift shows up as a failed check instead of a flattering ratio.

It also reads the paragraphs back out of a document drafter wrote (`paragraphs_of_docx`), so
the baselines get exactly the text drafter composed without calling drafter's internals.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

LATIN = "Times New Roman"
FONT_BODY = "仿宋_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_FOOTER = "宋体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
SIZE_BODY = Pt(16)  # 三号
SIZE_TITLE = Pt(22)  # 二号
SIZE_FOOTER = Pt(14)  # 四号
LINE_PITCH = 579  # twips: exact 28.95 pt
INDENT = 640  # two 三号 characters, twips
FOOTER_INDENT = 280
TRACKING = -5  # twips, body paragraphs

# Paragraph kinds of a document spec, each a paragraph style below.
KINDS = ("title", "blank", "heading", "runin", "body", "signature")

# Children of w:pPr / w:rPr that may follow the elements python-docx has no API for, in
# schema order, so inserted elements land where Word expects them.
_AFTER_SNAP = (
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_TRACKING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


@dataclass(frozen=True)
class Para:
    """One paragraph of the document: its kind, heading level, run-in lead and text."""

    kind: str
    text: str = ""
    level: int = 0
    lead: str = ""


def _element(tag: str, **attrs: str) -> BaseOxmlElement:
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def _fonts(
    style: CharacterStyle,
    east_asia: str,
    size: Pt,
    *,
    latin: str = LATIN,
    bold: bool | None = None,
    tracking: int | None = None,
) -> None:
    """Fonts (all four slots, East Asian hint), size, bold and character spacing of a style."""
    style.font.name = latin  # ascii + hAnsi
    style.font.size = size
    if bold is not None:
        style.font.bold = bold
        style.font.cs_bold = bold
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:hint"), "eastAsia")  # shared punctuation (“” — …) in the Chinese font
    if tracking is not None:
        rpr.insert_element_before(_element("w:spacing", val=str(tracking)), *_AFTER_TRACKING)


def _grid(style: ParagraphStyle, *, exact: bool = True) -> None:
    """No space before or after; exactly the grid's line pitch, or single spacing."""
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = Twips(LINE_PITCH) if exact else 1.0
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY if exact else WD_LINE_SPACING.SINGLE


def _no_snap(style: ParagraphStyle) -> None:
    style.element.get_or_add_pPr().insert_element_before(
        _element("w:snapToGrid", val="0"), *_AFTER_SNAP
    )


def _paragraph_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    return cast(ParagraphStyle, doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))


def _character_style(doc: DocxDocument, name: str) -> CharacterStyle:
    return cast(CharacterStyle, doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER))


def _add_styles(doc: DocxDocument) -> None:
    """Every style of the layout, each defined once."""
    body = _paragraph_style(doc, "公文正文")
    _fonts(body, FONT_BODY, SIZE_BODY, tracking=TRACKING)
    _grid(body)
    body.paragraph_format.first_line_indent = Twips(INDENT)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.widow_control = False
    body_char = _character_style(doc, "公文正文字符")
    _fonts(body_char, FONT_BODY, SIZE_BODY)

    title = _paragraph_style(doc, "公文标题")
    title.base_style = body
    _fonts(title, FONT_TITLE, SIZE_TITLE, bold=False, tracking=0)
    _no_snap(title)
    title.paragraph_format.first_line_indent = Twips(0)
    title.paragraph_format.left_indent = Twips(0)
    title.paragraph_format.right_indent = Twips(0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    signature = _paragraph_style(doc, "公文署名日期")
    signature.base_style = body
    _fonts(signature, FONT_BODY, SIZE_BODY)
    signature.paragraph_format.first_line_indent = Twips(0)
    signature.paragraph_format.left_indent = Twips(0)
    signature.paragraph_format.right_indent = Twips(INDENT)
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    footer = _paragraph_style(doc, "公文页码")
    _fonts(footer, FONT_FOOTER, SIZE_FOOTER, latin=FONT_FOOTER)
    _no_snap(footer)
    _grid(footer, exact=False)
    footer.paragraph_format.first_line_indent = Twips(0)
    footer.paragraph_format.widow_control = False

    for level, font in HEADING_FONTS.items():
        heading = _paragraph_style(doc, f"公文{level}级标题")
        heading.base_style = body
        _fonts(heading, font, SIZE_BODY, bold=False)
        heading.paragraph_format.keep_with_next = True
        heading.element.get_or_add_pPr().insert_element_before(
            _element("w:outlineLvl", val=str(level - 1)), *_AFTER_OUTLINE
        )
        char = _character_style(doc, f"公文{level}级标题字符")
        _fonts(char, font, SIZE_BODY, bold=False)


def _page_field(paragraph: DocxParagraph) -> None:
    """— PAGE — with a cached 1, as drafter writes it."""
    paragraph.add_run("— ")
    for kind in ("begin", None, "separate", "1", "end"):
        r = paragraph.add_run()._r
        if kind is None:
            instr = _element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            r.append(instr)
        elif kind == "1":
            r.append(_element("w:t"))
            r[-1].text = "1"
        else:
            r.append(_element("w:fldChar", fldCharType=kind))
    paragraph.add_run(" —")


def _page_setup(doc: DocxDocument) -> None:
    """A4, 公文 margins, a line grid, page numbers right on odd pages and left on even ones."""
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin, section.bottom_margin = Twips(2098), Twips(1984)
    section.left_margin, section.right_margin = Twips(1587), Twips(1474)
    section.header_distance, section.footer_distance = Twips(851), Twips(1247)
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align, left, right in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, 0, FOOTER_INDENT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, FOOTER_INDENT, 0),
    ):
        p = footer.paragraphs[0]
        p.style = doc.styles["公文页码"]
        p.paragraph_format.left_indent = Twips(left)
        p.paragraph_format.right_indent = Twips(right)
        p.alignment = align
        _page_field(p)


def styled_document() -> DocxDocument:
    """An empty python-docx document with the whole 公文 layout: styles, page, footers."""
    doc = docx.Document()
    _add_styles(doc)
    _page_setup(doc)
    body = doc.element.body
    for p in body.findall(
        qn("w:p")
    ):  # python-docx's template starts with no paragraphs, but be sure
        body.remove(p)
    return doc


def paragraph_style(kind: str, level: int) -> str:
    """The style name a paragraph kind is written in."""
    return {
        "title": "公文标题",
        "blank": "公文正文",
        "body": "公文正文",
        "signature": "公文署名日期",
    }.get(kind) or f"公文{level}级标题"


# --- document specs: the paragraphs drafter wrote --------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_text(run: object) -> str:
    out = []
    for child in run:  # type: ignore[attr-defined]
        if child.tag == f"{_W}t":
            out.append(child.text or "")
        elif child.tag == f"{_W}tab":
            out.append("\t")
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return "".join(out)


def paragraphs_of_docx(path: Path) -> list[Para]:
    """The paragraphs of a document `drafter render` wrote, by drafter's style ids."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for p in root.iter(f"{_W}p"):
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        style = style_el.get(f"{_W}val") if style_el is not None else ""
        runs = [_run_text(r) for r in p.iter(f"{_W}r")]
        text = "".join(runs)
        if style == "GongwenTitle":
            out.append(Para("title", text))
        elif style == "GongwenSignature":
            out.append(Para("signature", text))
        elif style == "GongwenBody":
            out.append(Para("body", text) if text else Para("blank"))
        elif style.startswith("GongwenHeading"):
            level = int(style.removeprefix("GongwenHeading"))
            if len(runs) == 2:
                out.append(Para("runin", runs[1], level, runs[0]))
            else:
                out.append(Para("heading", text, level))
        else:
            raise ValueError(f"{path}: paragraph in unknown style {style!r}")
    return out


def save_spec(paragraphs: list[Para], path: Path) -> None:
    path.write_text(json.dumps([asdict(p) for p in paragraphs], ensure_ascii=False), "utf-8")


def load_spec(path: Path) -> list[Para]:
    return [Para(**p) for p in json.loads(path.read_text("utf-8"))]
