"""The attachments (附件) of a .docx: on a page of their own after the signature, the label
附件 flush left in 黑体, the title centred as a title, then each table and its note.

A table is a real Word table (`w:tbl`): full borders, the header row centred and repeated on
every page, rows that do not break across pages, every cell in 仿宋 小四 centred in its cell.
The cells' size and line spacing are direct formatting on the body style — the only direct run
formatting drafter writes: a document without attachments keeps exactly the styles it had, and
a unit's reference styles carry the fonts. A table wider than the text block holds
(`MAX_COLUMNS` figures) is printed in parts, each repeating the first column.
"""

from __future__ import annotations

from drafter.document import Annex, Table
from drafter.writers.docx_layout import BODY, HEITI, LATIN, SIZE_SAN, escape

TEXT_WIDTH = 8845  # twips: the 156 mm text block
CHAR = 240  # twips per 小四 character (12 pt)
CELL_MARGIN = 57  # twips on each side of a cell's text (1 mm)
FIRST_COLUMN_MIN = 1500
MAX_COLUMNS = 7  # figures beside the first column in one printed table
SIZE_XIAOSI = 24  # 小四 12 pt, in half-points
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _text(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _cell_paragraph(text: str, *, align: str = "center") -> str:
    """A paragraph of a cell or note: the body style, single-spaced off the grid, 小四."""
    ppr = (
        f'<w:pPr><w:pStyle w:val="{BODY}"/><w:snapToGrid w:val="0"/>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
    )
    size = f'<w:spacing w:val="0"/><w:sz w:val="{SIZE_XIAOSI}"/><w:szCs w:val="{SIZE_XIAOSI}"/>'
    runs = "".join(
        f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>{size}</w:rPr>{_text(line)}</w:r>'
        if n == 0 else f'<w:r><w:rPr>{size}</w:rPr><w:br/>{_text(line)}</w:r>'
        for n, line in enumerate(text.split("\n"))
    )
    return f"<w:p>{ppr}{runs}</w:p>"


def _widths(table: Table) -> list[int]:
    """The first column as wide as its longest name (at least FIRST_COLUMN_MIN), the rest even."""
    longest = max(len(cell) for cell in (table.header[0], *(r[0] for r in table.rows), *table.totals[:1]))
    first = max(FIRST_COLUMN_MIN, longest * CHAR + 2 * CELL_MARGIN)
    others = len(table.header) - 1
    if not others:
        return [TEXT_WIDTH]
    each = (TEXT_WIDTH - first) // others
    return [TEXT_WIDTH - each * others, *[each] * others]


def _row(cells: tuple[str, ...], widths: list[int], *, header: bool = False) -> str:
    trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    tcs = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f"{_cell_paragraph(cell)}</w:tc>"
        for cell, w in zip(cells, widths, strict=True)
    )
    return f"<w:tr>{trpr}{tcs}</w:tr>"


def table_xml(table: Table) -> str:
    """One `w:tbl` of the table as it is (see `parts` for tables wider than the page)."""
    widths = _widths(table)
    borders = "".join(BORDER.format(side=side) for side in _SIDES)
    tblpr = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    )
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    rows = [_row(table.header, widths, header=True), *(_row(r, widths) for r in table.rows)]
    if table.totals:
        rows.append(_row(table.totals, widths))
    return f"<w:tbl>{tblpr}{grid}{''.join(rows)}</w:tbl>"


def parts(table: Table) -> list[Table]:
    """The table as printed: at most MAX_COLUMNS figures beside its first column per part."""
    return table.parts(MAX_COLUMNS)


def annex_xml(annex: Annex, title: str) -> str:
    """An attachment from its own page on: label, its `title` paragraph (made by the writer),
    a blank line, its tables and the note (a paragraph always ends it: Word wants one after a
    table)."""
    label_rpr = (
        f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{HEITI}" w:cs="{LATIN}"/>'
        f'<w:sz w:val="{SIZE_SAN}"/><w:szCs w:val="{SIZE_SAN}"/></w:rPr>'
    )
    out = [
        f'<w:p><w:pPr><w:pStyle w:val="{BODY}"/><w:pageBreakBefore/><w:ind w:firstLine="0"/></w:pPr>'
        f"<w:r>{label_rpr}{_text('附件')}</w:r></w:p>",
        f'<w:p><w:pPr><w:pStyle w:val="{BODY}"/></w:pPr></w:p>',
        title,
        f'<w:p><w:pPr><w:pStyle w:val="{BODY}"/></w:pPr></w:p>',
    ]
    for n, table in enumerate(annex.tables):
        for k, part in enumerate(parts(table)):
            if n or k:  # parts and tables apart by a blank line
                out.append(_cell_paragraph(""))
            out.append(table_xml(part))
    out.append(_cell_paragraph(annex.note, align="left"))
    return "".join(out)
