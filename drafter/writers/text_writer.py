"""Markdown and plain-text renderings of a `Document`.

They are the wizard's preview and `drafter render --format md|txt`. Attachments (附件) follow
the signature: a pipe table in Markdown, columns aligned by display width in plain text.

Both read the same `Document` as the .docx writer, so the preview says exactly what the Word
file will say; only the layout is approximated.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.document import Annex, Document, Heading, Paragraph, Table

__all__ = ["to_markdown", "to_text"]

LINE_CHARS = 28  # a 公文 line holds 28 characters; the plain text centres and right-aligns on it
INDENT = "\u3000\u3000"  # two full-width spaces, the 公文 first-line indent
TEXT_COLUMNS = 4  # figures beside a table's first column per printed part in plain text
_HARD_BREAK = "  \n"  # Markdown line break inside a paragraph

# Inline characters that would start emphasis, code, HTML or an escape in Markdown.
_MD_INLINE = re.compile(r"([\\*_`<])")
# What would make a line a heading, quote, list item or thematic/setext line.
_MD_LINE_START = r"[ \t]*(?:[#>+=-]|\d{1,9}[.)](?=[ \t]|$))"
_MD_BLOCK_START = re.compile("^" + _MD_LINE_START, re.MULTILINE)
_MD_LATER_LINE_START = re.compile(r"(?<=\n)" + _MD_LINE_START, re.MULTILINE)
_NEWLINES = re.compile(r"\r\n?")


def _md_escape(text: str, *, starts_line: bool = True) -> str:
    """Escape only what would change the Markdown structure; line breaks become hard breaks.

    `starts_line` is False for text that continues a line (the body after a run-in heading).
    """
    text = _MD_INLINE.sub(r"\\\1", _NEWLINES.sub("\n", text))
    line_start = _MD_BLOCK_START if starts_line else _MD_LATER_LINE_START
    text = line_start.sub(lambda m: f"{m.group()[:-1]}\\{m.group()[-1]}", text)  # 1. → 1\.
    return text.replace("\n", _HARD_BREAK)


def _md_heading(heading: Heading) -> str:
    """An ATX heading: one line, so any line break in the heading becomes a space."""
    line = " ".join(heading.line.splitlines())
    return f"{'#' * min(heading.level + 1, 4)} {_md_escape(line, starts_line=False)}"


def _md_run_in(block: Paragraph, heading: Heading) -> str:
    """A run-in paragraph with its heading sentence in bold.

    The closing `**` goes before the sentence's end punctuation (。？： …, always present):
    CommonMark does not close emphasis on `**` that follows punctuation and precedes a letter,
    so `**（一）xxx。**body` would show its asterisks in any renderer.
    """
    sentence = _md_escape(heading.sentence)
    return f"**{sentence[:-1]}**{sentence[-1]}{_md_escape(block.text, starts_line=False)}"


def to_markdown(doc: Document) -> str:
    """`doc` as Markdown.

    `#` title, `##`..`####` headings, bold run-in headings, and the signature and date on
    their own lines at the end (Markdown cannot right-align).
    """
    out: list[str] = []
    if doc.title:
        out.append(f"# {_md_escape(doc.title)}")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(_md_heading(block))
        elif block.run_in is not None:
            out.append(_md_run_in(block, block.run_in))
        else:
            out.append(_md_escape(block.text))
    out += [_md_escape(line) for line in doc.annex_lines()]
    closing = _closing(doc)
    if closing:
        out.append(_HARD_BREAK.join(_md_escape(line) for line in closing))
    for annex in doc.annexes:
        out += ["附件", f"## {_md_escape(annex.title, starts_line=False)}"]
        out += [_md_table(table) for table in annex.tables]
        if annex.note:
            out.append(_md_escape(annex.note))
    return "\n\n".join(out) + "\n"


def _md_cell(text: str, *, bold: bool = False) -> str:
    cell = _md_escape("".join(text.splitlines()), starts_line=False).replace("|", "\\|")
    return f"**{cell}**" if bold and cell else cell


def _md_table(table: Table) -> str:
    """A pipe table: the header, a centring rule, the rows, the totals row in bold."""
    def line(cells: tuple[str, ...], *, bold: bool = False) -> str:
        return "| " + " | ".join(_md_cell(c, bold=bold) for c in cells) + " |"

    rows = [line(table.header), "|" + "|".join(":---:" for _ in table.header) + "|"]
    rows += [line(row) for row in table.rows]
    if table.totals:
        rows.append(line(table.totals, bold=True))
    return "\n".join(rows)


def _closing(doc: Document) -> list[str]:
    """Signature lines, then the date when there is one."""
    return [*doc.signature, *([doc.date] if doc.date else [])]


def _width(text: str) -> float:
    """Display width in full-width characters (a Latin letter or digit counts half)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def _placed(text: str, column: float) -> str:
    """`text` preceded by the full-width spaces that move its start to `column`."""
    return "\u3000" * max(0, int(column)) + text


def _text_block(block: Heading | Paragraph) -> str:
    """A heading or paragraph on its own line(s), first-line indented like the page."""
    if isinstance(block, Heading):
        return INDENT + block.line
    lead = block.run_in.sentence if block.run_in is not None else ""
    return ("" if block.flush else INDENT) + lead + block.text


def to_text(doc: Document) -> str:
    """`doc` as plain text laid out like the page.

    The title is centred on a 28-character line, then a blank line; paragraphs and headings are
    indented by two full-width spaces; the signature and date are right-aligned two characters
    from the line's end. Nothing is escaped.
    """
    out: list[str] = []
    if doc.title:
        out += [_placed(doc.title, (LINE_CHARS - _width(doc.title)) / 2), ""]
    out += [_text_block(block) for block in doc.blocks]
    if doc.annexes:
        out += ["", *(INDENT + line for line in doc.annex_lines())]
    closing = _closing(doc)
    if closing:
        out.append("")
        out += [_placed(line, LINE_CHARS - 2 - _width(line)) for line in closing]
    for annex in doc.annexes:
        out += _text_annex(annex)
    return "\n".join(out) + "\n"


def _text_annex(annex: Annex) -> list[str]:
    """An attachment after a blank line: 附件 flush left, the title centred, each table with
    its columns aligned by display width, then the note."""
    out = ["", "附件", "", _placed(annex.title, (LINE_CHARS - _width(annex.title)) / 2), ""]
    printed = [part for table in annex.tables for part in table.parts(TEXT_COLUMNS)]
    for n, table in enumerate(printed):
        out += ([""] if n else []) + _text_table(table)
    return out + ([annex.note] if annex.note else [])


def _text_table(table: Table) -> list[str]:
    """Rows of cells two full-width spaces apart, each column as wide as its widest cell."""
    rows = [table.header, *table.rows, *([table.totals] if table.totals else [])]
    flat = [tuple("".join(c.splitlines()) for c in row) for row in rows]
    widths = [max(_width(row[i]) for row in flat) for i in range(len(table.header))]
    return ["\u3000\u3000".join(_padded(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in flat]


def _padded(text: str, width: float) -> str:
    """`text` filled to `width` full-width characters: full-width spaces, a space for a half."""
    gap = width - _width(text)
    return text + "\u3000" * int(gap) + (" " if gap - int(gap) else "")
