"""Reads a .docx into paragraphs as Word shows them: numbers, wrappers, tables, text boxes.

The document part is walked directly with lxml, in document order:
- every run of text is kept wherever Word nests it — tracked insertions (w:ins, w:moveTo),
  content controls (inline and block w:sdt), smart tags, hyperlinks, simple fields and the
  results of complex fields, customXml, ruby bases, text boxes (read once: the mc:Choice of
  an mc:AlternateContent, never its mc:Fallback copy);
- what Word does not show is left out: deletions (w:del, w:moveFrom), field instructions,
  hidden runs (w:vanish) — the last counted for the user;
- automatic list numbering is rendered into the text from numbering.xml
  (`drafter.reading.word_numbering`), so "一、" typed or computed reads the same;
- Heading 1–9 styles and outline levels are kept as level evidence for the parser;
- table cells become paragraphs in order; a table of contents is skipped (it repeats the
  headings); pictures, footnotes, comments and embedded foreign content are counted.
Style and numbering lookups go through dictionaries built once, so reading is linear in
the size of the document whatever the number of styles.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import InputFileError
from drafter.reading.docx_package import SAVE_AS_ADVICE, open_package, parse_part
from drafter.reading.word_numbering import Numbering, read_numbering
from drafter.reading.word_styles import (
    FALSE_VALUES,
    StyleProps,
    Styles,
    numbering_of,
    outline_level,
    val,
)

if TYPE_CHECKING:
    from zipfile import ZipFile

    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN_DOCUMENT = "word/document.xml"
BODY_LEVEL = 9  # outlineLvl 9 is body text
MAX_FIELD_DEPTH = 64  # nested complex fields kept track of; deeper ones are damage
MAX_PARAGRAPHS = 100_000  # a 500-page report with large tables has a few tens of thousands

# Tag and attribute names, built once.
_ALTCHUNK = f"{W}altChunk"
_A_BLIP = f"{A}blip"
_BODY = f"{W}body"
_BR = f"{W}br"
_CHAR = f"{W}char"
_CR = f"{W}cr"
_DOCUMENT = f"{W}document"
_FLDCHAR = f"{W}fldChar"
_FLDCHARTYPE = f"{W}fldCharType"
_INSTRTEXT = f"{W}instrText"
_MC_ALTERNATECONTENT = f"{MC}AlternateContent"
_MC_CHOICE = f"{MC}Choice"
_MC_FALLBACK = f"{MC}Fallback"
_M_T = f"{M}t"
_NOBREAKHYPHEN = f"{W}noBreakHyphen"
_P = f"{W}p"
_PPR = f"{W}pPr"
_PSTYLE = f"{W}pStyle"
_PTAB = f"{W}ptab"
_RPR = f"{W}rPr"
_VANISH = f"{W}vanish"
_R = f"{W}r"
_SDT = f"{W}sdt"
_SYM = f"{W}sym"
_T = f"{W}t"
_TAB = f"{W}tab"
_TBL = f"{W}tbl"
_TXBXCONTENT = f"{W}txbxContent"
_TYPE = f"{W}type"
_VAL = f"{W}val"
_V_IMAGEDATA = f"{V}imagedata"


# Elements whose content Word does not show as text of the document body.
_NOT_SHOWN = frozenset(
    W + name for name in (
        "pPr", "rPr", "sectPr", "sdtPr", "sdtEndPr", "tblPr", "tblPrEx", "tblGrid", "trPr",
        "tcPr", "customXmlPr", "smartTagPr", "rubyPr", "rt", "del", "moveFrom", "delText",
        "delInstrText", "pPrChange", "rPrChange", "fldData", "bookmarkStart", "bookmarkEnd",
        "proofErr", "permStart", "permEnd", "commentRangeStart", "commentRangeEnd",
        "lastRenderedPageBreak", "annotationRef", "separator", "continuationSeparator",
    )
) | {MC + "Fallback"}
_DRAWINGS = frozenset({W + "drawing", W + "pict", W + "object"})
_GRAPHICS = {
    "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart": "charts",
    "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds": "diagrams",
}
_SDTPR = f"{W}sdtPr"
_SHOWING_PLACEHOLDER = f"{W}showingPlcHdr"
_NOTE_REFERENCES = {
    W + "footnoteReference": "footnotes",
    W + "endnoteReference": "endnotes",
    W + "commentReference": "comments",
}


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph as Word shows it, with what Word says about its level."""

    text: str  # list number (if any) followed by the paragraph's text
    outline_level: int | None = None  # 0 for Heading 1 … 8 for Heading 9; None for body text
    in_table: bool = False


class _TooManyParagraphs(Exception):
    """Raised by the walker past `MAX_PARAGRAPHS`; reported as an input error with the path."""


@dataclass
class DocxContent:
    """A document's paragraphs and the Chinese notes on what was left out or read specially."""

    paragraphs: list[DocxParagraph]
    skipped: list[str] = field(default_factory=list)  # not read: pictures, footnotes, …
    notes: list[str] = field(default_factory=list)  # read, but worth knowing: tables, …


def read_docx(path: Path, data: bytes) -> DocxContent:
    """The paragraphs of a .docx given as bytes; `InputFileError` for anything unreadable."""
    with open_package(path, data) as archive:
        main_name = _main_part(path, archive)
        document = _parse(path, archive, main_name)
        if document is None or document.tag != _DOCUMENT:
            raise InputFileError(path, f"不是 Word 文档，或文档已损坏；{SAVE_AS_ADVICE}")
        targets = _targets(path, archive, main_name)
        styles = _parse(path, archive, targets.get("styles", ""))
        numbering = _parse(path, archive, targets.get("numbering", ""))
    walker = _Walker(Styles(styles), read_numbering(numbering))
    body = document.find(_BODY)
    try:
        if body is not None:
            walker.block(body, in_table=False)
    except _TooManyParagraphs:
        raise InputFileError(
            path, f"文件中的段落超过 {MAX_PARAGRAPHS} 个，不像一份报告；文档可能已损坏或是恶意构造的"
        ) from None
    return DocxContent(walker.paragraphs, walker.skipped(), walker.notes())


# --- package ---------------------------------------------------------------------------------
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
)


def _parse(path: Path, archive: ZipFile, name: str) -> _Element | None:
    """A part parsed safely; Strict Open XML namespaces read as the transitional ones."""
    if not name:
        return None
    return parse_part(path, archive, name, replace=_STRICT)


def _main_part(path: Path, archive: ZipFile) -> str:
    """The main document part named by the package relationships (word/document.xml usually)."""
    rels = _parse(path, archive, "_rels/.rels")
    target = _relationship_targets(rels, "").get("officeDocument")
    names = set(archive.namelist())
    if target in names:
        return target
    if MAIN_DOCUMENT in names:
        return MAIN_DOCUMENT
    raise InputFileError(path, f"不是 Word 文档，或文档已损坏；{SAVE_AS_ADVICE}")


def _targets(path: Path, archive: ZipFile, main_name: str) -> dict[str, str]:
    """Relationship type (last path segment) → part name, for the main document."""
    base, file_name = posixpath.split(main_name)
    rels = _parse(path, archive, posixpath.join(base, "_rels", f"{file_name}.rels"))
    names = set(archive.namelist())
    return {kind: name for kind, name in _relationship_targets(rels, base).items() if name in names}


def _relationship_targets(rels: _Element | None, base: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if rels is None:
        return found
    for rel in rels.iter(f"{RELS}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target or kind in found:
            continue
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        found[kind] = posixpath.normpath(joined)
    return found


# --- walking the body ------------------------------------------------------------------------
@dataclass
class _Field:
    """A complex field being read: its instruction until w:fldChar separate, then its result."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False

    @property
    def is_toc(self) -> bool:
        return "".join(self.instruction).strip().upper().startswith("TOC")


class _Walker:
    """Walks block and inline content in document order, collecting paragraphs and counts."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[DocxParagraph] = []
        self.counts: Counter[str] = Counter()
        self._fields: list[_Field] = []
        self._overflow = 0  # fields nested past MAX_FIELD_DEPTH, only counted

    # block level
    def block(self, element: _Element, *, in_table: bool) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                continue
            if tag == _P:
                self.paragraph(child, in_table=in_table)
            elif tag == _TBL:
                self.counts["tables"] += 1
                self.block(child, in_table=True)
            elif tag == _SDT and _is_toc_control(child):
                self.counts["toc"] += sum(1 for p in child.iter(_P) if _has_text(p))
            elif tag == _SDT and _shows_placeholder(child):
                self.counts["unfilled"] += 1
            elif tag == _MC_ALTERNATECONTENT:
                self._first_choice(child, in_table=in_table)
            elif tag == _ALTCHUNK:
                self.counts["alt_chunks"] += 1
            else:  # sdt, sdtContent, customXml, ins, moveTo, rows and cells, …
                self.block(child, in_table=in_table)

    def _first_choice(self, alternate: _Element, *, in_table: bool) -> None:
        choice = alternate.find(_MC_CHOICE)
        if choice is not None:
            self.block(choice, in_table=in_table)

    # paragraphs
    def paragraph(self, p: _Element, *, in_table: bool) -> None:
        ppr = p[0] if len(p) and p[0].tag == _PPR else None  # pPr comes first when present
        style_id = val(ppr.find(_PSTYLE)) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        props = self.styles.props(style_id)
        toc = props.toc or self._in_toc_field()
        pieces: list[str] = []
        boxes: list[_Element] = []
        self.inline(p, pieces, boxes)
        toc = toc or self._in_toc_field()
        text = "".join(pieces)
        marker = self._number(ppr, style_id, props)
        if toc:
            self.counts["toc"] += bool(text.strip())
        else:
            if marker and text.strip():
                self.counts["numbered"] += 1
                text = marker + text.lstrip()
            if len(self.paragraphs) >= MAX_PARAGRAPHS:
                raise _TooManyParagraphs
            self.paragraphs.append(DocxParagraph(text, self._level(ppr, props, text), in_table))
        for box in boxes:
            self.counts["text_boxes"] += 1
            self.block(box, in_table=in_table)

    def _level(self, ppr: _Element | None, props: StyleProps, text: str) -> int | None:
        direct = outline_level(ppr)
        level = props.outline_level if direct is None else direct
        if level is None or not 0 <= level < BODY_LEVEL or not text.strip():
            return None
        return level

    def _number(self, ppr: _Element | None, style_id: str | None, props: StyleProps) -> str | None:
        """Count the paragraph in its list (even when empty, as Word does) and give its number."""
        num_id, ilvl = numbering_of(ppr)
        if num_id is None:
            num_id = props.num_id
            if ilvl is None and num_id is not None:
                linked = (
                    self.numbering.style_level(num_id, style_id, self.styles.num_id_of)
                    if style_id else None
                )
                ilvl = linked if linked is not None else props.ilvl
        if num_id is None or num_id == "0":
            return None
        return self.numbering.render(num_id, ilvl or 0, self.styles.num_id_of)

    # inline level
    def inline(self, element: _Element, out: list[str], boxes: list[_Element]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                continue
            if tag in (_T, _M_T):
                if self._shown():
                    out.append(child.text or "")
            elif tag == _R:
                if len(child) and child[0].tag == _RPR and _is_hidden(child[0]):
                    self.counts["hidden"] += any(_has_text(t) for t in child.iter(_T))
                else:
                    self.inline(child, out, boxes)
            elif tag in (_TAB, _PTAB):
                out.append("\t" if self._shown() else "")
            elif tag in (_BR, _CR):
                if self._shown() and child.get(_TYPE) not in ("page", "column"):
                    out.append("\n")
            elif tag == _NOBREAKHYPHEN:
                out.append("-" if self._shown() else "")
            elif tag == _SYM:
                out.append(_symbol(child) if self._shown() else "")
            elif tag == _FLDCHAR:
                self._field_char(child.get(_FLDCHARTYPE))
            elif tag == _INSTRTEXT:
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].instruction.append(child.text or "")
            elif tag in _DRAWINGS:
                self._drawing(child, boxes)
            elif tag in _NOTE_REFERENCES:
                self.counts[_NOTE_REFERENCES[tag]] += 1
            elif tag == _SDT and _shows_placeholder(child):
                self.counts["unfilled"] += 1
            elif tag == _MC_ALTERNATECONTENT:
                choice = child.find(_MC_CHOICE)
                if choice is not None:
                    self.inline(choice, out, boxes)
            elif tag == _P:  # a paragraph where runs were expected: keep its text apart
                self.paragraph(child, in_table=False)
            else:  # hyperlink, smartTag, ins, moveTo, sdt, sdtContent, fldSimple, customXml, …
                self.inline(child, out, boxes)

    def _drawing(self, drawing: _Element, boxes: list[_Element]) -> None:
        """Text boxes inside a drawing (collected in order, read after the paragraph) and
        pictures; an mc:Fallback repeats the mc:Choice and is never read."""
        stack = list(reversed(drawing))
        while stack:
            element = stack.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag == _MC_FALLBACK:
                continue
            if tag == _TXBXCONTENT:
                boxes.append(element)
            elif tag in (_A_BLIP, _V_IMAGEDATA):
                self.counts["images"] += 1
            elif tag in _GRAPHICS:
                self.counts[_GRAPHICS[tag]] += 1
            else:
                stack.extend(reversed(element))

    # fields
    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            if len(self._fields) < MAX_FIELD_DEPTH:
                self._fields.append(_Field())
            else:
                self._overflow += 1
        elif kind == "separate" and self._fields and not self._overflow:
            self._fields[-1].in_result = True
        elif kind == "end":
            if self._overflow:
                self._overflow -= 1
            elif self._fields:
                self._fields.pop()

    def _shown(self) -> bool:
        """Text is shown unless it is part of a field instruction."""
        if not self._fields:
            return not self._overflow
        return not self._overflow and all(f.in_result for f in self._fields)

    def _in_toc_field(self) -> bool:
        return bool(self._fields) and any(f.in_result and f.is_toc for f in self._fields)

    # summary
    def skipped(self) -> list[str]:
        """Chinese notes on what was not read."""
        templates = {
            "images": "跳过图片{}张",
            "toc": "跳过目录{}行（目录重复各级标题）",
            "footnotes": "脚注{}处未读入正文",
            "endnotes": "尾注{}处未读入正文",
            "comments": "批注{}处未读入正文",
            "hidden": "隐藏文字{}处未读入",
            "alt_chunks": "嵌入的其他格式内容{}处未读入",
            "charts": "跳过图表{}个",
            "diagrams": "跳过 SmartArt 图形{}个（其中的文字未读入）",
            "unfilled": "未填写的内容控件{}个：只有占位提示文字，未读入",
        }
        return [text.format(self.counts[kind]) for kind, text in templates.items() if self.counts[kind]]

    def notes(self) -> list[str]:
        """Chinese notes on what was read in a way worth knowing."""
        templates = {
            "tables": "表格{}个：单元格文字已按行逐段读入",
            "text_boxes": "文本框{}个：文字已作为单独段落读入",
            "numbered": "{}段使用了 Word 自动编号：编号已按 Word 的显示读入",
        }
        return [text.format(self.counts[kind]) for kind, text in templates.items() if self.counts[kind]]


def _is_toc_control(sdt: _Element) -> bool:
    """A content control Word inserted as a table of contents."""
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and (gallery.get(_VAL) or "").lower() == "table of contents"


def _shows_placeholder(sdt: _Element) -> bool:
    """A content control still showing its placeholder prompt (单击或点击此处输入文字)."""
    props = sdt[0] if len(sdt) and sdt[0].tag == _SDTPR else None
    return props is not None and props.find(_SHOWING_PLACEHOLDER) is not None


def _is_hidden(rpr: _Element) -> bool:
    """Run properties marking hidden text (w:vanish), which Word does not show or print."""
    vanish = rpr.find(_VANISH)
    return vanish is not None and vanish.get(_VAL) not in FALSE_VALUES


def _has_text(element: _Element) -> bool:
    return any((t.text or "").strip() for t in element.iter(_T))


def _symbol(sym: _Element) -> str:
    """A w:sym character, unless it is a private-use glyph of a symbol font (Wingdings…)."""
    code = _int_hex(sym.get(_CHAR))
    if code is None or 0xE000 <= code <= 0xF8FF or code < 0x20:
        return ""
    return chr(code)


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None
