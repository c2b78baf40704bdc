"""The title of a report and what is set under it (its date, a sign-off), and the sign-off
lines at its end.

The title is a short first line that is neither a heading nor a sentence, perhaps broken over
two or three lines; text pasted from a PDF or a web page may glue the author line to it
("…党建工作总结某某县水利局机关党支部"), which is set apart again as the byline, or run the
opening on after it ("…党建工作总结 今年以来，……"), which becomes the opening again.
"""

from __future__ import annotations

import re

from drafter.domain import parse_date, stated_period
from drafter.structure.fused import SUBJECT, opener_score
from drafter.structure.headings import classify, classify_styled
from drafter.structure.wrapping import (
    MAX_TITLE_CHARS,
    Para,
    looks_like_title,
    names_report_kind,
)

SIGNATURE_MAX_CHARS = 30
MAX_TITLE_LINES = 3  # a title broken over more lines than this is not recognised as one
MAX_BYLINE = 2  # lines under a title: its date and a sign-off
_NO_PUNCT = re.compile(r"^[^，。；！？：,;!?:]+$")
_DATE = re.compile(
    r"^[\d〇○零一二三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$"
)
_BRACKETED = re.compile(r"^[（(](.*)[)）]$")
_ORGANISATION_END = re.compile(r"(?:党支部|党总支|党委|党组|委员会|局|中心|办公室|院|所|站|馆|公司|学校)$")
# A signer line of a 述职报告: "述职人：张某某", or the post and the name: "某某局党支部书记 张某某".
_SIGNER = re.compile(r"^(?:述职人|报告人|汇报人|起草人|撰稿人)[:：]\s*\S{2,12}$")
_POST = r"\S{2,30}?(?:党支部|党总支|党委|党组|支部|委员会|局|中心|馆|院|所|站)(?:副?书记|副?主任|副?局长|副?馆长|副?院长|副?所长|副?站长)"
_POST_NAME = re.compile(rf"^{_POST}[ \t\u3000]*[\u4e00-\u9fff]{{2,4}}$")
# Where a title that names its kind ends, when an author line is glued to it.
_KIND_END = re.compile(r"总结|汇报|报告|要点|情况")
MAX_GLUED_BYLINE = 40  # an author line glued between a title and the text after it
MIN_GLUED_TITLE = 8
_SENTENCE_MARK = re.compile(r"[。！？!?；;，,]")


def take_title(paras: list[Para]) -> tuple[str | None, list[Para]]:
    """Split off the title: a short first line that is neither a heading nor a sentence.

    A following short "——…" line without end punctuation is its subtitle. In a Word document
    a first paragraph in a heading style is a section heading, not the title, when it is
    numbered or another unnumbered paragraph has a heading style of the same or a higher
    level (numbered peers, 一、 in Heading 1, leave an unnumbered Heading 1 first line the title).
    """
    if paras and paras[0].style is None:
        paras = [*unglue_title(paras[0]), *paras[1:]]
    if not paras or not looks_like_title(paras[0].text):
        return None, paras
    level = paras[0].style
    if level is not None:
        heading = classify_styled(paras[0].text, level)
        numbered = heading is not None and bool(heading.marker)  # "1 总体要求" by Word numbering
        peers = (p.style is not None and p.style <= level and classify(p.text) is None for p in paras[1:])
        if numbered or any(peers):
            return None, paras
    lines = _title_lines(paras)
    title, rest = "".join(p.text for p in paras[:lines]), paras[lines:]
    if rest and rest[0].text.startswith("——") and looks_like_title(rest[0].text):
        title, rest = title + rest[0].text, rest[1:]
    if rest and _names_period(rest[0].text):  # 某某局党支部党建工作总结 / （2026年度）
        title, rest = title + rest[0].text.strip(), rest[1:]
    return title, rest


def unglue_title(para: Para) -> list[Para]:
    """The first paragraph as the title and what was glued to it, when it starts with a title
    that names its kind: an author line (a unit, a post and name, a date) — "…党建工作总结某某县
    水利局机关党支部" → "…党建工作总结", "某某县水利局机关党支部" —, the opening or the first
    heading run on after it (perhaps after the author line): "…党建工作总结 今年以来，……",
    "…工作总结一、强化理论武装……". Otherwise the paragraph as it is."""
    text = para.text.strip()
    ends = [m.end() for m in _KIND_END.finditer(text, 0, MAX_TITLE_CHARS + 1) if m.end() >= MIN_GLUED_TITLE]
    for end in reversed(ends):  # the last kind word first: 关于…情况的报告
        title, tail = text[:end], text[end:]
        if not tail.strip() or _SENTENCE_MARK.search(title) or not looks_like_title(title):
            continue
        glued = (_byline_pieces(tail) if not _SENTENCE_MARK.search(tail) else []) or _run_on(tail)
        if glued:
            return [Para(para.line, title), *(Para(para.line, piece) for piece in glued)]
    return [para]


def _run_on(tail: str) -> list[str]:
    """[author line…, start of the report] when the text after a title is perhaps a byline and
    then the opening or the first heading; [] otherwise. The longest byline wins."""
    for cut in range(min(len(tail), MAX_GLUED_BYLINE), -1, -1):
        piece, rest = tail[:cut].strip(), tail[cut:].lstrip(" \t\u3000")
        if rest and (not piece or _sets_under_title(piece)) and _opens_report(rest):
            return [piece, rest] if piece else [rest]
    return []


def _opens_report(text: str) -> bool:
    """Whether text starts a report's body: an opening sentence (今年以来，…) or its first heading."""
    if opener_score(text, 0) >= SUBJECT and _SENTENCE_MARK.search(text):
        return True
    heading = classify(text)
    return heading is not None and heading.number == 1 and heading.family in ("part", "cn")


def _byline_pieces(tail: str) -> list[str]:
    """The byline lines a title's glued tail consists of, or [] when it is not only a byline."""
    if not tail.strip():
        return []
    whole = tail.strip()
    if _sets_under_title(whole):
        return [whole]
    pieces: list[str] = []
    for piece in tail.split():
        if pieces and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", piece) and _POST_NAME.match(f"{pieces[-1]} {piece}"):
            pieces[-1] = f"{pieces[-1]} {piece}"  # the post and the name, spaced apart
        else:
            pieces.append(piece)
    return pieces if all(_sets_under_title(p) for p in pieces) else []


def _sets_under_title(line: str) -> bool:
    """Whether a line is what may stand under a title: its date, bracketed or not, or a sign-off."""
    inner = unbracketed(line)
    return bool(_DATE.match(inner) or parse_date(inner) or signs_off(inner, dated=False))


def _names_period(line: str) -> bool:
    """Whether a line is the bracketed period of the title above it: （2026年度）, （2026年上半年）."""
    inner = unbracketed(line)
    return inner != line.strip() and stated_period(inner)[1] is not None


def unbracketed(line: str) -> str:
    """A line without the brackets around it: （2026年12月10日） → 2026年12月10日."""
    return _BRACKETED.sub(r"\1", line.strip())


def _title_lines(paras: list[Para]) -> int:
    """How many of the first paragraphs are the title: one, or a title centred over two or
    three lines (GB/T 9704 breaks a long title so; in Word by Enter or Shift+Enter), whose
    first line does not name the report kind and whose last line does
    (某某市气象局机关党支部 / 2026年度党建工作总结). Each line looks like a title on its own,
    in the first line's style, and together they are no longer than a title."""
    first = paras[0]
    if names_report_kind(first.text):
        return 1
    length = len(first.text)
    for count, para in enumerate(paras[1:MAX_TITLE_LINES], start=2):
        length += len(para.text)
        if (
            para.style != first.style
            or para.text.startswith("——")
            or not looks_like_title(para.text)
            or length > MAX_TITLE_CHARS
        ):
            break
        if names_report_kind(para.text):
            return count
    return 1


def take_byline(paras: list[Para]) -> tuple[list[str], list[Para]]:
    """Split off what is set under a title before the opening (at most MAX_BYLINE lines):
    its date, in brackets or not — （2026年12月10日）, 2026年12月 — and a sign-off line
    (某某县自然资源局机关党支部, 述职人：张某某)."""
    byline: list[str] = []
    while paras and len(byline) < MAX_BYLINE:
        if not _sets_under_title(paras[0].text):
            break
        byline.append(paras[0].text)
        paras = paras[1:]
    return byline, paras


def signs_off(line: str, *, dated: bool) -> bool:
    """Whether a line at a report's end (or under its title) is a sign-off, not prose: a signer
    line (述职人：张某某, 某某局党支部书记 张某某), or a short unpunctuated line — ending in an organisation's name
    unless a date follows it (`dated`)."""
    line = line.strip()
    if parse_date(line) is not None:
        return False
    if _SIGNER.match(line) or _POST_NAME.match(line):
        return True
    return is_signature(line) and (dated or is_organisation(line))


def is_organisation(line: str) -> bool:
    """Whether a short unpunctuated line names an organisation (…党支部, …委员会, …局)."""
    return is_signature(line) and _ORGANISATION_END.search(line.strip()) is not None


def is_signature(text: str) -> bool:
    """A date or a short unpunctuated line (unit name, signer) at the end of a report."""
    if _DATE.match(text):
        return True
    short = len(text) <= SIGNATURE_MAX_CHARS
    return short and _NO_PUNCT.match(text) is not None and classify(text) is None
