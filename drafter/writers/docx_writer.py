"""Writes a `Document` as a .docx laid out as a 公文 (GB/T 9704): the one module that makes .docx.

Why it does not use python-docx: setting fonts run by run through python-docx's object layer
costs more than half of a render and grows with the length of the report. Here every font lives
in a paragraph or character style defined once, the package's fixed parts (styles, settings,
footers, font table, relationships) are built once per process and cached as bytes, and each
document only adds its own `word/document.xml`, generated as text and zipped with `zipfile`
(the approach docxtpl takes). The result opens in python-docx, LibreOffice, Word and WPS.

Layout facts (page, grid, fonts, page numbers, signature) follow docs/gongwen-format.md.
A `--reference-docx` supplies a unit's own styles.xml (and page setup): our style ids are merged
into it where missing, and its definitions of our ids win, as pandoc's `--reference-doc` does.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from drafter.document import Document, Heading, Paragraph
from drafter.writers.docx_layout import (
    BODY,
    BODY_CHAR,
    NS,
    SIGNATURE,
    TITLE,
    XML_HEAD,
    ZIP_TIME,
    Template,
    default_template,
    escape,
    heading_style,
)
from drafter.writers.docx_tables import annex_xml
from drafter.writers.title_lines import title_lines

__all__ = ["docx_bytes"]


def _reference(path: Path) -> Template:
    """A reference .docx's template; its reader (and lxml) is imported only when one is given."""
    from drafter.writers.docx_reference import reference_template

    return reference_template(path)


# --- document.xml -------------------------------------------------------------------------------
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|\n|\t")
_BREAK_XML = {"\t": '</w:t><w:tab/><w:t xml:space="preserve">'}
_LINE_BREAK_XML = '</w:t><w:br/><w:t xml:space="preserve">'
# Characters Word shares between Latin and CJK fonts; without the hint they take the Latin font.
_AMBIGUOUS = re.compile("[“”‘’—–…·‧ˉˇ¨〃§№°±×÷]")
_HINT = '<w:rFonts w:hint="eastAsia"/>'


def _run(text: str, char_style: str = "") -> str:
    """One run with `text` rendered literally.

    The text is XML-escaped, XML-illegal control characters are dropped, and line breaks and
    tabs become Word breaks and tabs; the run carries no fonts, only a character style and,
    for shared punctuation, the East Asian hint.
    """
    text = escape(_ILLEGAL_XML.sub("", text))
    if "\n" in text or "\r" in text or "\t" in text:
        text = _BREAKS.sub(lambda m: _BREAK_XML.get(m.group(), _LINE_BREAK_XML), text)
    hint = _HINT if _AMBIGUOUS.search(text) else ""
    style = f'<w:rStyle w:val="{char_style}"/>' if char_style else ""
    rpr = f"<w:rPr>{style}{hint}</w:rPr>" if style or hint else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(style: str, runs: str = "", extra_ppr: str = "") -> str:
    """A paragraph in `style`; direct paragraph formatting only where a style cannot say it."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra_ppr}</w:pPr>{runs}</w:p>'


def _block(block: Heading | Paragraph) -> str:
    """A heading on its own line, a body paragraph, or a run-in paragraph.

    A run-in paragraph is in the heading's paragraph style, so it has the outline level and
    shows in the navigation pane; its body run switches back to 仿宋 by character style.
    """
    if isinstance(block, Heading):
        return _para(heading_style(block.level), _run(block.line))
    if block.run_in is None:
        return _para(BODY, _run(block.text), '<w:ind w:firstLine="0"/>' if block.flush else "")
    style = heading_style(block.run_in.level)
    runs = _run(block.run_in.sentence, style + "Char") + _run(block.text, BODY_CHAR)
    return _para(style, runs, '<w:keepNext w:val="0"/>')  # a run-in paragraph is body: no keep


def _document_xml(doc: Document, sect_pr: str, *, ours: bool) -> str:
    """word/document.xml: title and a blank line, the blocks, a blank line, signature and date.

    On drafter's own page and title size (`ours`) a title too wide for a line is broken where
    its words stay whole (drafter.writers.title_lines); a reference's sizes are its own: no break."""
    blank = _para(BODY)
    out = [f"{XML_HEAD}<w:document {NS}><w:body>"]
    if doc.title:
        out += [_para(TITLE, _run("\n".join(title_lines(doc.title)) if ours else doc.title)), blank]
    out += [_block(block) for block in doc.blocks]
    if doc.annexes:  # 附件说明: a blank line under the body, indented two characters
        out += [blank, *(_para(BODY, _run(line)) for line in doc.annex_lines())]
    closing = [*doc.signature, *([doc.date] if doc.date else [])]
    if closing:
        out.append(blank)
        out += [_para(SIGNATURE, _run(line)) for line in closing]
    for annex in doc.annexes:
        title = _para(TITLE, _run("\n".join(title_lines(annex.title)) if ours else annex.title))
        out.append(annex_xml(annex, title))
    out.append(f"{sect_pr}</w:body></w:document>")
    return "".join(out)


def _core_xml(doc: Document) -> str:
    """docProps/core.xml, carrying the title so file managers and Word's properties show it."""
    title = escape(_ILLEGAL_XML.sub("", doc.title))
    return (
        f"{XML_HEAD}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>"
    )


# --- public API ---------------------------------------------------------------------------------
def docx_bytes(doc: Document, reference_docx: Path | None = None) -> bytes:
    """The .docx file for `doc` as bytes, styled by drafter or by `reference_docx`'s styles.

    Raises InputFileError when `reference_docx` is missing, not a zip or not a Word document.
    """
    template = (
        _reference(reference_docx) if reference_docx is not None else default_template()
    )
    variable = [
        ("word/document.xml", _document_xml(doc, template.sect_pr, ours=reference_docx is None).encode()),
        ("docProps/core.xml", _core_xml(doc).encode()),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in (*template.parts, *variable):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()
