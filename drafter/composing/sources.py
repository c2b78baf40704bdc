"""What a file on the command line holds, as the document a reader would see.

`diff` and `check` take a report (.txt/.md/.docx) or an answers file alike. Both become the same
pure document model: a report is parsed and its tree laid out as found (labels, run-in headings,
sign-off); an answers file is composed exactly as `render` would write it. Comparing or checking
those documents compares what a reader sees, so a document and its own answers are identical.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.answers import Answers
from drafter.document import Block, Document, Heading, Paragraph
from drafter.domain import format_date, parse_date
from drafter.library import Library

if TYPE_CHECKING:  # reports are parsed only for diff and check, never for render
    from drafter.structure import ParsedReport, Section

ANSWERS_SUFFIXES = (".yaml", ".yml")
MAX_SIGNATURE_LINES = 2
_DATE_LIKE = re.compile(r"^[\dXx×＊*]{4}\s*年\s*[\dXx×＊*]{1,2}\s*月\s*[\dXx×＊*]{1,2}\s*日$")


def is_answers_file(path: Path) -> bool:
    """An answers (YAML) file rather than a report, by its suffix."""
    return path.suffix.lower() in ANSWERS_SUFFIXES


def document_of(path: Path, library: Library) -> Document:
    """The document a report or an answers file gives (see the module docstring)."""
    if is_answers_file(path):
        return composed_answers(path, library)[1]
    from drafter.reading import read_report
    from drafter.structure import parse_report

    return document_of_report(parse_report(read_report(path), path.name))


def composed_answers(path: Path, library: Library, *, table: bool = False) -> tuple[Answers, Document]:
    """An answers file read, checked complete and composed exactly as `drafter render` would;
    `table` appends a gathered report's figures table (`render --table`), refused for answers
    that gathered nothing."""
    from drafter.answers import read_answers, require_complete
    from drafter.composing.composer import compose

    answers = read_answers(path, library)
    require_complete(answers, library)
    if table and answers.gathered is None:
        from drafter.errors import UserError

        raise UserError(
            f"{path}：不是由 drafter gather 汇总的报告，没有统计表可附。",
            hint="--table 只用于汇总各支部报告得到的答案文件（其中有 gathered）。",
        )
    return answers, compose(answers, library, table=table)


def document_of_report(report: ParsedReport) -> Document:
    """A parsed report laid out as written: its labels, run-in headings, sign-off and date.

    The sign-off is looked for at the very end of the text, where a reader sees it: in the
    closing, or at the end of the last section's body when the report has no closing.
    """
    sections = copy.deepcopy(report.sections)
    opening = [] if not sections else report.opening
    closing = report.closing if sections else report.opening
    last = sections[-1] if sections else None
    while last is not None and last.children:
        last = last.children[-1]
    body = last.body if last is not None else []
    tail, signature, date = split_signature(body + closing)
    if last is not None:
        last.body = tail[: len(body)]
    closing = tail[len(body):]
    # what is set under the title (its date, a sign-off) stays where it was written
    blocks: list[Block] = [Paragraph(p) for p in [*report.byline, *opening]]
    for section in sections:
        blocks.extend(_section_blocks(section))
    blocks.extend(Paragraph(p) for p in closing)
    return Document(
        title=report.title or "",
        blocks=blocks,
        signature=signature,
        date=_date_text(date),
    )


def _section_blocks(section: Section) -> list[Block]:
    heading = Heading(max(1, min(section.level, 4)), section.marker, section.title)
    body = list(section.body)
    blocks: list[Block] = []
    if section.run_in and body:
        blocks.append(Paragraph(body.pop(0), run_in=heading))
    else:
        blocks.append(heading)
    blocks.extend(Paragraph(p) for p in body)
    for child in section.children:
        blocks.extend(_section_blocks(child))
    return blocks


def split_signature(paragraphs: list[str]) -> tuple[list[str], list[str], str]:
    """(paragraphs before the sign-off, signature lines, date line as written) of a report's end.

    With a date line at the end (2023年7月5日, 2023-07-05, or one still holding a placeholder
    such as 20XX年12月20日), up to two short unpunctuated lines (unit, signer) just before it are
    the signature. Without a date, only lines that cannot be prose are: a signer line
    ("述职人：张某某") or a short line ending in an organisation's name.
    """
    if not paragraphs:
        return paragraphs, [], ""
    last = paragraphs[-1].strip()
    date = last if parse_date(last) is not None or _DATE_LIKE.match(last) else ""
    end = len(paragraphs) - 1 if date else len(paragraphs)
    start = end
    from drafter.structure import signs_off

    while start > max(0, end - MAX_SIGNATURE_LINES) and signs_off(paragraphs[start - 1], dated=bool(date)):
        start -= 1
    return paragraphs[:start], paragraphs[start:end], date


def _date_text(line: str) -> str:
    """A sign-off date as a document prints it: 公文 form when it is a real date, else as written."""
    date = parse_date(line) if line else None
    return format_date(date) if date is not None else line
