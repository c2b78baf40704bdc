"""Reads a report file into normalised text, whatever encoding or format the user has.

Users hand drafter whatever they downloaded or saved: UTF-8 with or without BOM, UTF-16
from Notepad, GBK/GB18030 from older Windows tools, or a Word .docx. They are never asked
which; the encoding is detected by hand (a UTF-8 or UTF-16 BOM, then UTF-16 by its NUL-byte
pattern, then strict UTF-8, then strict GB18030), and every problem becomes a one-line
Chinese `InputFileError` naming the file.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import InputFileError
from drafter.fsutil import read_input

if TYPE_CHECKING:  # python-docx is imported only when a .docx is read: text reports skip its cost
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

DOCX_SUFFIX = ".docx"
ZIP_MAGIC = b"PK\x03\x04"
SAVE_AS_ADVICE = "请在 Word/WPS 中另存为 .docx 或 .txt 后再试"

# Share of characters that must look like ordinary Chinese/ASCII text for a decoding to count.
PLAUSIBLE_SHARE = 0.9

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMBERING_PATH = f"{_W}pPr/{_W}numPr"
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(r"[\ufeff\u200b]")
_STARS = re.compile(r"[*＊]+")
_XS = re.compile("[XxＸｘ×]+")
_NOT_PLACEHOLDER_AFTER_X = ("光", "射线")  # X光, X射线 are words


@dataclass
class SourceText:
    """A report's text as read: line endings normalised, placeholders kept verbatim."""

    path: Path
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030" or "docx"
    skipped: list[str] = field(default_factory=list)  # e.g. "跳过表格2个"
    placeholders: list[str] = field(default_factory=list)  # distinct tokens: "**", "XX", …


def read_report(path: Path) -> SourceText:
    """Read a .txt/.md/.docx report (other extensions are tried as text)."""
    data = read_input(path, "报告文件")
    skipped: list[str] = []
    if path.suffix.lower() == DOCX_SUFFIX or (data.startswith(ZIP_MAGIC) and _is_word_package(data)):
        text, skipped = docx_text(path, data)
        encoding = "docx"
    else:
        text, encoding = decode_text(data, path)
    text = normalise(text)
    if not text.strip():
        raise InputFileError(path, "文件中没有文字内容")
    return SourceText(path, text, encoding, skipped, find_placeholders(text))


def normalise(text: str) -> str:
    """Unify line endings to \\n and drop invisible BOM/zero-width characters."""
    return _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))


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
    """Share of characters that ordinary Chinese report text is made of (0..1)."""
    if not text:
        return 1.0
    return sum(1 for ch in text if _is_plain_char(ch)) / len(text)


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
    except zipfile.BadZipFile:
        return False


def docx_text(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Paragraph text of a .docx in document order, and what was skipped.

    Tables, pictures and content controls (a table of contents, a cover page) are not read;
    Word's automatic list numbering is not text either. Each is counted for the user.
    """
    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    if not data.startswith(ZIP_MAGIC):
        raise InputFileError(path, f"不是有效的 .docx 文件（可能是旧版 .doc 或改了扩展名）；{SAVE_AS_ADVICE}")
    try:
        document = open_docx(io.BytesIO(data))
    # lxml's XMLSyntaxError (a damaged part) is a SyntaxError.
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, PackageNotFoundError):
        raise InputFileError(path, f"不是 Word 文档，或文档已损坏；{SAVE_AS_ADVICE}") from None
    paragraphs: list[str] = []
    counts = {"tables": 0, "images": 0, "controls": 0, "numbered": 0}
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}tbl":
            counts["tables"] += 1
        elif element.tag == f"{_W}sdt":
            counts["controls"] += 1
        elif element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)
            paragraphs.append(paragraph.text)
            counts["images"] += _count_images(element)
            counts["numbered"] += _is_auto_numbered(element, paragraph)
    return "\n".join(paragraphs), _skipped_summary(counts)


def _count_images(element: BaseOxmlElement) -> int:
    """Inline or floating pictures (w:drawing, legacy w:pict) inside one paragraph."""
    return sum(1 for _ in element.iter(f"{_W}drawing", f"{_W}pict"))


def _is_auto_numbered(element: BaseOxmlElement, paragraph: Paragraph) -> bool:
    """Word list numbering, set on the paragraph or inherited from its style chain.

    Such numbers (一、 1.) are not in the text, so headings numbered this way are not seen.
    """
    if element.find(_NUMBERING_PATH) is not None:
        return True
    style = paragraph.style
    while style is not None:
        if style.element.find(_NUMBERING_PATH) is not None:
            return True
        style = style.base_style
    return False


def _skipped_summary(counts: dict[str, int]) -> list[str]:
    """Chinese notes on what a .docx held that drafter does not read."""
    templates = {
        "tables": "跳过表格{}个",
        "images": "跳过图片{}张",
        "controls": "跳过内容控件（如目录、封面）{}个",
        "numbered": "{}段使用了 Word 自动编号，编号本身未读入",
    }
    return [templates[kind].format(n) for kind, n in counts.items() if n]


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
