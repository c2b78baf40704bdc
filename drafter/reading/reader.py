"""Reads a report file into normalised text, whatever encoding or format the user has.

Users hand drafter whatever they downloaded or saved: UTF-8 with or without BOM, UTF-16
from Notepad, GBK/GB18030 from older Windows tools, or a Word .docx. They are never asked
which; the encoding is detected by hand (a UTF-8 or UTF-16 BOM, then UTF-16 by its NUL-byte
pattern, then strict UTF-8, then strict GB18030), and every problem becomes a one-line
Chinese `InputFileError` naming the file. A .docx is read by `drafter.reading.docx_reader`, which
also says which lines are paragraphs, headings by style, or table cells (`Layout`).

Text is normalised before parsing: line endings unified, invisible format characters
(zero-width spaces and joiners, bidi marks, soft hyphens, BOMs) removed, full-width digits
made ASCII (１２次 → 12次). Nothing else is changed: full-width punctuation and brackets,
which markers such as （一） are written with, stay as written.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import InputFileError
from drafter.files import read_input
from drafter.reading.docx_package import (
    OLE_MAGIC,
    SAVE_AS_ADVICE,
    ZIP_MAGIC,
    is_encrypted_office_file,
)

DOCX_SUFFIX = ".docx"
MAX_REPORT_BYTES = 256 * 1024 * 1024  # a .docx with many photos; its text parts are capped apart
MAX_TEXT_BYTES = 32 * 1024 * 1024  # a plain-text report (a long one is well under 1 MB)

# Share of characters that must look like ordinary Chinese/ASCII text for a decoding to count.
PLAUSIBLE_SHARE = 0.9

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Invisible format characters: zero-width space/joiners, LRM/RLM and other bidi controls,
# word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e\u061c]"
)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Ranges of characters that are all plain (assigned, not control or private use): ASCII text,
# Latin, punctuation, symbols, CJK and full-width forms. The rest is checked one distinct
# character at a time.
_COMMON = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2100-\u218b\u2190-\u2426"
    "\u2460-\u27ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffbe]+"
)
_STARS = re.compile(r"[*＊]+")
_XS = re.compile("[XxＸｘ×]+")
_NOT_PLACEHOLDER_AFTER_X = ("光", "射线")  # X光, X射线 are words


@dataclass(frozen=True)
class Layout:
    """What a Word document says about its lines beyond their text (nothing for plain text)."""

    paragraphs: bool = False  # each line is a paragraph as written: never rejoined
    outline_levels: Mapping[int, int] = field(default_factory=dict)  # line → 0 (Heading 1) … 8
    table_lines: frozenset[int] = frozenset()  # 1-based lines that come from table cells


@dataclass
class SourceText:
    """A report's text as read: line endings normalised, placeholders kept verbatim."""

    path: Path
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030" or "docx"
    skipped: list[str] = field(default_factory=list)  # not read, e.g. "跳过图片2张"
    placeholders: list[str] = field(default_factory=list)  # distinct tokens: "**", "XX", …
    notes: list[str] = field(default_factory=list)  # read specially, e.g. table cells
    layout: Layout = field(default_factory=Layout)


def read_report(path: Path) -> SourceText:
    """Read a .txt/.md/.docx report (other extensions are tried as text)."""
    _check_file_size(path)
    data = read_input(path, "报告文件")
    if is_encrypted_office_file(data):
        raise InputFileError(path, "文件设置了打开密码（已加密），无法读取；请在 Word/WPS 中取消密码后另存为 .docx 再试")
    if path.suffix.lower() == DOCX_SUFFIX or (data.startswith(ZIP_MAGIC) and _is_word_package(data)):
        return _read_docx(path, data)
    if len(data) > MAX_TEXT_BYTES:
        raise InputFileError(path, f"文本文件过大（超过 {MAX_TEXT_BYTES // 1024 // 1024} MB），不像一份报告")
    text, encoding = decode_text(data, path)
    text = normalise(text)
    if not text.strip():
        raise InputFileError(path, "文件中没有文字内容")
    return SourceText(path, text, encoding, placeholders=find_placeholders(text))


def _check_file_size(path: Path) -> None:
    """Refuse a file too large to be a report before reading it (read_input reports the rest)."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    if path.is_file() and size > MAX_REPORT_BYTES:
        raise InputFileError(path, f"文件过大（超过 {MAX_REPORT_BYTES // 1024 // 1024} MB），不像一份报告")


def _read_docx(path: Path, data: bytes) -> SourceText:
    """A .docx as lines (one per paragraph and line break) with what Word says about them."""
    from drafter.reading.docx_reader import read_docx

    if data.startswith(OLE_MAGIC):
        raise InputFileError(path, f"这是旧版 Word 文档（.doc），不是 .docx；{SAVE_AS_ADVICE}")
    content = read_docx(path, data)
    texts = [paragraph.text for paragraph in content.paragraphs]
    if any(_LINE_BREAKS.search(text) for text in texts):
        texts = [_LINE_BREAKS.sub("\n", text) for text in texts]
    levels: dict[int, int] = {}
    table_lines: set[int] = set()
    line = 1  # first line of the paragraph
    for paragraph, text in zip(content.paragraphs, texts, strict=True):
        count = text.count("\n") + 1
        if paragraph.outline_level is not None:
            levels[line] = paragraph.outline_level
        if paragraph.in_table:
            table_lines.update(range(line, line + count))
        line += count
    text = normalise("\n".join(texts))
    if not text.strip():
        raise InputFileError(path, "文件中没有文字内容")
    layout = Layout(paragraphs=True, outline_levels=levels, table_lines=frozenset(table_lines))
    return SourceText(
        path, text, "docx", content.skipped, find_placeholders(text), content.notes, layout
    )


def normalise(text: str) -> str:
    """Unify line endings to \\n, drop invisible format characters, make digits ASCII."""
    return _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)).translate(_DIGITS)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode `data` and name the encoding found; raise when it is binary or undecodable.

    Order matters: a BOM is unambiguous; NUL bytes only occur in UTF-16 text (or binary);
    strict UTF-8 rarely accepts anything else; GB18030 (a superset of GBK) comes last because
    it accepts many byte sequences.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(data[len(codecs.BOM_UTF8):], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_strict(data[2:], "utf-16-le", path), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_strict(data[2:], "utf-16-be", path), "utf-16-be"
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, path)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= PLAUSIBLE_SHARE:
            return text, encoding
    raise InputFileError(path, f"无法识别文件编码（不是 UTF-8、UTF-16 或 GBK/GB18030 文本）；{SAVE_AS_ADVICE}")


def _decode_strict(data: bytes, encoding: str, path: Path) -> str:
    """Decode text whose encoding a BOM announced; damage or binary content is an error."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputFileError(path, f"文件内容已损坏（按 {encoding.upper()} 无法解码）") from None
    if plausibility(text) < PLAUSIBLE_SHARE:
        raise InputFileError(path, f"不是文本文件（含二进制内容）；{SAVE_AS_ADVICE}")
    return text


def _decode_utf16_without_bom(data: bytes, path: Path) -> tuple[str, str]:
    """Text with NUL bytes: UTF-16 without BOM if one byte order reads as text, else binary."""
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < PLAUSIBLE_SHARE:
        raise InputFileError(path, f"不是文本文件（含二进制内容）；{SAVE_AS_ADVICE}")
    return best[1], best[2]


def plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese report text is made of (0..1).

    Runs of certainly plain characters are removed by one regex; each distinct remaining
    character is classified once and its occurrences removed with str.translate, so the
    cost stays at C speed whatever the text.
    """
    if not text:
        return 1.0
    rest = _COMMON.sub("", text)
    implausible = {ord(ch): None for ch in set(rest) if not _is_plain_char(ch)}
    bad = len(rest) - len(rest.translate(implausible)) if implausible else 0
    return (len(text) - bad) / len(text)


def _is_plain_char(ch: str) -> bool:
    """Printable ASCII, tab and newlines, and any assigned character that is not a control,
    private-use or surrogate code point (Chinese, punctuation, full-width forms…)."""
    code = ord(ch)
    if 0x20 <= code < 0x7F or ch in "\n\r\t":
        return True
    if code < 0x20 or 0x7F <= code < 0xA0:
        return False
    return unicodedata.category(ch) not in ("Co", "Cn", "Cs", "Cc")


def _is_word_package(data: bytes) -> bool:
    """True when a zip archive (whatever its extension) is a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return False


def find_placeholders(text: str) -> list[str]:
    """Distinct placeholder tokens (`**`, `XX`, `×××`, …) in order of first appearance.

    A run of stars at a line start followed by a space is a Markdown bullet, not a placeholder.
    X runs count only in Chinese context: at least one neighbour is a non-ASCII character.
    """
    first_seen: dict[str, int] = {}
    for pattern, counts in ((_STARS, _is_placeholder_star), (_XS, _stands_for_a_name)):
        for match in pattern.finditer(text):
            token = match.group()
            if token not in first_seen and counts(text, match.start(), match.end()):
                first_seen[token] = match.start()
    return sorted(first_seen, key=first_seen.__getitem__)


def _is_placeholder_star(text: str, start: int, end: int) -> bool:
    """A star run is a placeholder unless it is a Markdown bullet (line start, then a space)."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    return not (at_line_start and text[end:end + 1] in (" ", "\t"))


def _stands_for_a_name(text: str, start: int, end: int) -> bool:
    """An X run is a placeholder in Chinese context, not in a Latin word or 3×4 or X光.

    Neither neighbour may be a Latin letter or digit, and at least one must be a
    non-ASCII (Chinese) character.
    """
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _is_ascii_alnum(before) or _is_ascii_alnum(after):
        return False
    if text.startswith(_NOT_PLACEHOLDER_AFTER_X, end):
        return False
    return any(ch and ord(ch) > 0x7F and not ch.isspace() for ch in (before, after))


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
