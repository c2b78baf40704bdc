"""The small pure document model that composition produces and every writer consumes.

The .docx writer and the Markdown/plain-text preview read the same `Document`, so the
preview shows exactly what the Word file will say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A heading: level 1..4, its label as printed (一、 （一） 1. （1） ——) and its sentence."""

    level: int
    label: str
    text: str  # without label and end punctuation

    @property
    def line(self) -> str:
        """The heading as it stands on its own line."""
        return f"{self.label}{self.text}"

    @property
    def sentence(self) -> str:
        """The heading as it opens a run-in paragraph: ends with 。 unless it already ends in punctuation."""
        end = "" if self.text[-1:] in "。！？：；" else "。"
        return f"{self.label}{self.text}{end}"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `run_in` is a heading printed at its start in the heading's font;
    `flush` sets it without the first-line indent (the 主送 line, 市直机关工委：)."""

    text: str
    run_in: Heading | None = None
    flush: bool = False


Block = Heading | Paragraph


@dataclass(frozen=True)
class Table:
    """A table whose every cell is text already: a header row, body rows and an optional
    totals row (合计), all of the header's width. The first column names the rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        width = len(self.header)
        if any(len(row) != width for row in (*self.rows, *([self.totals] if self.totals else []))):
            raise ValueError("every row of a table has the header's width")

    def parts(self, columns: int) -> list[Table]:
        """The table in parts of at most `columns` columns beside the first, which each part
        repeats; parts of even width (16 → 6 + 5 + 5), the table itself when it fits."""
        count = -(-(len(self.header) - 1) // columns)
        if count <= 1:
            return [self]
        base, extra = divmod(len(self.header) - 1, count)
        out, start = [], 1
        for n in range(count):
            cut = slice(start, start + base + (n < extra))
            start = cut.stop
            out.append(Table(
                (self.header[0], *self.header[cut]),
                tuple((row[0], *row[cut]) for row in self.rows),
                (self.totals[0], *self.totals[cut]) if self.totals else (),
            ))
        return out


@dataclass(frozen=True)
class Annex:
    """An attachment (附件) printed after the report on a page of its own: its title, its
    tables, and a note under them (注：……, "" for none). The report names it above the
    signature (附件：title), as GB/T 9704 has it."""

    title: str
    tables: tuple[Table, ...]
    note: str = ""


@dataclass
class Document:
    """A whole report: title, body blocks in order, signature lines and date, attachments."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    date: str = ""  # already formatted: 2025年12月5日
    annexes: list[Annex] = field(default_factory=list)

    def annex_lines(self) -> list[str]:
        """The 附件说明 under the body: 附件：title, or 附件：1.title / 2.title (continuation lines
        aligned under the first title); none without attachments."""
        if len(self.annexes) == 1:
            return [f"附件：{self.annexes[0].title}"]
        return [
            f"{'附件：' if n == 1 else '　　　'}{n}.{annex.title}" for n, annex in enumerate(self.annexes, 1)
        ]

    def headings(self) -> list[Heading]:
        """Every heading, standalone or run-in, in document order."""
        return [heading for _, heading, _ in self.walk() if heading is not None]

    def walk(self) -> Iterator[tuple[Block, Heading | None, int]]:
        """Each block with the heading it opens (standalone or run-in; None for a plain
        paragraph) and that heading's depth in the tree: a heading closes every open section
        of its level or a deeper one, and nests under the sections still open (depth 0 at the
        top). A plain paragraph belongs to the last heading opened."""
        open_levels: list[int] = []
        for block in self.blocks:
            heading = block if isinstance(block, Heading) else block.run_in
            depth = 0
            if heading is not None:
                while open_levels and open_levels[-1] >= heading.level:
                    open_levels.pop()
                depth = len(open_levels)
                open_levels.append(heading.level)
            yield block, heading, depth
