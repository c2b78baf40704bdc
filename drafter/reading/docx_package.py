"""Opening an untrusted .docx package safely: size limits, no DTDs, encryption recognised.

A .docx is a zip of XML parts. A small file can claim or inflate to gigabytes (a zip bomb),
an XML part can carry a DTD with entities, and a password-protected Word file is not a zip
at all but an OLE compound file holding an `EncryptionInfo` stream. Everything here runs
before any part is inflated or parsed, for the reports drafter reads and for the
`--reference-docx` the writer takes its styles from (`check_docx_package`).

Limits: every part's size as the zip directory states it (zipfile never inflates a member
past that size: a stream that inflates further fails its CRC check), its ratio to the
compressed size, the sum over all parts, and the number of parts.

Every XML part of every package drafter reads — a report, a `--reference-docx` — goes through
`parse_part` (or `read_xml_part` for one copied as bytes): its head decoded by byte-order mark
or NUL pattern (UTF-8, UTF-16, UTF-32), a DTD refused before parsing whatever the encoding,
then a parser without DTDs, entities or network, and the DTD refused again if the parser saw one.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import InputFileError

if TYPE_CHECKING:
    from lxml.etree import _Element

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS_ADVICE = "请在 Word/WPS 中另存为 .docx 或 .txt 后再试"

MAX_PART_BYTES = 32 * 1024 * 1024  # one XML part, inflated (a 300-page report is ~5 MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts together, pictures included
MAX_RATIO = 100  # inflated / compressed, for parts large enough to matter
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may compress as well as they like
MAX_PARTS = 5000
PROLOG_BYTES = 64 * 1024  # where a DOCTYPE would have to be: before the root element
_XML_PART = re.compile(r"\.(?:xml|rels|vml)$", re.IGNORECASE)
# What may stand before the root element besides a DTD: XML's own white space (not Unicode's:
# U+00A0 is no space to a parser), the XML declaration, processing instructions and comments.
_PROLOG = re.compile(r"\A[ \t\r\n]*(?:(?:<\?.*?\?>|<!--.*?-->)[ \t\r\n]*)*", re.DOTALL)
# Byte-order marks and the NUL patterns of a BOM-less "<" (XML 1.0 appendix F), longest first.
_ENCODINGS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
# The names of an encrypted package's streams, as stored (UTF-16LE) in the OLE directory.
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


@dataclass(frozen=True)
class PartLimits:
    """The bounds a package must respect; tests shrink them to build small bombs."""

    part_bytes: int = MAX_PART_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    ratio: int = MAX_RATIO
    parts: int = MAX_PARTS


LIMITS = PartLimits()


def is_encrypted_office_file(data: bytes) -> bool:
    """A password-protected Office file: an OLE compound file holding EncryptionInfo."""
    return data.startswith(OLE_MAGIC) and any(name in data for name in _ENCRYPTION_STREAMS)


def check_docx_package(path: Path, data: bytes, limits: PartLimits = LIMITS) -> None:
    """Refuse a .docx that is encrypted, not a zip, too large when inflated, or has a DTD.

    Only the zip directory and the first bytes of each XML part are read, so a bomb is
    refused in milliseconds. Raises `InputFileError` naming `path`.
    """
    with open_package(path, data, limits) as archive:
        for info in archive.infolist():
            if _XML_PART.search(info.filename):
                _check_prolog(path, archive, info)


@contextmanager
def open_package(path: Path, data: bytes, limits: PartLimits = LIMITS) -> Iterator[zipfile.ZipFile]:
    """The package as an open zip whose directory passed the size limits."""
    if is_encrypted_office_file(data):
        raise InputFileError(path, "文件设置了打开密码（已加密），无法读取；请在 Word/WPS 中取消密码后另存为 .docx 再试")
    if not data.startswith(ZIP_MAGIC):
        raise InputFileError(path, f"不是有效的 .docx 文件（不是 zip 包，可能是旧版 .doc 或改了扩展名）；{SAVE_AS_ADVICE}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise InputFileError(path, f"不是 Word 文档，或文档已损坏；{SAVE_AS_ADVICE}") from None
    with archive:
        _check_directory(path, archive.infolist(), limits)
        yield archive


def _check_directory(path: Path, infos: list[zipfile.ZipInfo], limits: PartLimits) -> None:
    """Sizes as the zip directory states them: per part, per ratio, in total, and the count."""
    if len(infos) > limits.parts:
        raise InputFileError(path, f"文件包含 {len(infos)} 个部件，超过上限 {limits.parts}；文档可能已损坏")
    total = 0
    for info in infos:
        total += info.file_size
        if _XML_PART.search(info.filename) and info.file_size > limits.part_bytes:
            raise InputFileError(
                path, f"文件中的 {info.filename} 解压后有 {_mb(info.file_size)}，超过上限 "
                f"{_mb(limits.part_bytes)}；文档可能已损坏或是恶意构造的压缩包",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise InputFileError(
                path, f"文件中的 {info.filename} 压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍）；"
                "文档可能已损坏或是恶意构造的压缩包",
            )
    if total > limits.total_bytes:
        raise InputFileError(
            path, f"文件解压后共 {_mb(total)}，超过上限 {_mb(limits.total_bytes)}；文档可能已损坏"
        )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} 字节"


def _check_prolog(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose prolog (what precedes the root element) declares a DTD."""
    try:
        with archive.open(info) as stream:
            head = stream.read(PROLOG_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise InputFileError(path, f"文件中的 {info.filename} 已损坏；{SAVE_AS_ADVICE}") from None
    refuse_doctype(path, info.filename, head)


def refuse_doctype(path: Path, name: str, data: bytes) -> None:
    """Refuse XML whose prolog declares a DTD (entities, external subsets), whatever byte-order
    mark or encoding comes first, or whose root element cannot be seen within its first
    `PROLOG_BYTES` (a prolog too long, or a head in no encoding a .docx part may have)."""
    head = data[:PROLOG_BYTES]
    text = _decode_head(head)
    prolog = _PROLOG.match(text)
    rest = text[prolog.end():] if prolog else text
    if rest.startswith("<!DOCTYPE"):
        raise InputFileError(path, f"文件中的 {name} 含有 DTD 声明（DOCTYPE），出于安全原因拒绝读取")
    if not rest and len(head) < PROLOG_BYTES:
        return  # an empty part: nothing to parse, nothing declared
    if len(rest) < 2 or rest[0] != "<" or rest[1] in "!?" or rest[1] <= " ":
        raise InputFileError(path, f"文件中的 {name} 开头异常（注释过长、未结束或编码不对）；文档可能已损坏")


def _decode_head(head: bytes) -> str:
    """The start of an XML part as text, without its byte-order mark: by BOM or NUL pattern,
    else byte by byte (an XML declaration and DOCTYPE are ASCII in every ASCII-based encoding)."""
    for start, encoding in _ENCODINGS:
        if head.startswith(start):
            whole = len(head) - len(head) % (4 if "32" in encoding else 2 if "16" in encoding else 1)
            return head[:whole].decode(encoding, errors="replace").lstrip("\ufeff")
    return head.decode("latin-1")


def read_part(path: Path, archive: zipfile.ZipFile, name: str) -> bytes | None:
    """One part's bytes (bounded by the checked directory size), or None when absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise InputFileError(path, f"文件中的 {name} 已损坏；{SAVE_AS_ADVICE}") from None


def read_xml_part(path: Path, archive: zipfile.ZipFile, name: str) -> bytes | None:
    """An XML part's bytes to copy as they are (a reference's theme), its DTD refused first."""
    data = read_part(path, archive, name)
    if data is not None:
        refuse_doctype(path, name, data)
    return data


def parse_part(
    path: Path, archive: zipfile.ZipFile, name: str, *, replace: tuple[tuple[bytes, bytes], ...] = ()
) -> _Element | None:
    """One XML part parsed without DTDs, entities or network access; None when absent.

    `replace` rewrites byte strings first (namespace URIs of Strict Open XML).
    """
    from lxml import etree

    data = read_part(path, archive, name)
    if data is None:
        return None
    refuse_doctype(path, name, data)
    for old, new in replace:
        data = data.replace(old, new)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputFileError(path, f"文件中的 {name} 已损坏（第{exc.lineno}行的 XML 无法解析）；{SAVE_AS_ADVICE}") from None
    if root.getroottree().docinfo.doctype:
        raise InputFileError(path, f"文件中的 {name} 含有 DTD 声明（DOCTYPE），出于安全原因拒绝读取")
    return root
