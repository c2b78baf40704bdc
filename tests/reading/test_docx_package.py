"""Untrusted .docx packages: zip bombs, DTDs, encryption — refused fast, for reports and for
`--reference-docx` alike. Every bomb is built here, small, from compressible data."""

from __future__ import annotations

import io
import re
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drafter.document.model import Document, Paragraph
from drafter.errors import InputFileError
from drafter.reading.docx_package import MAX_PART_BYTES, MAX_PARTS, MAX_RATIO, MAX_TOTAL_BYTES
from drafter.reading.reader import read_report
from drafter.writers.docx_writer import docx_bytes
from tests.wordml import W_NS, p, package, save

FAST_SECONDS = 1.0
SMALL_MEMORY = 100 * 1024 * 1024
CHUNK = b"<w:p><w:r><w:t>" + "支部学习。".encode() + b"</w:t></w:r></w:p>"


def refused(path: Path, action: Callable[[Path], object] = read_report) -> str:
    """The error message for `path`, checked to come in under a second and 100 MB."""
    tracemalloc.start()
    # CPU time: the work done, not how busy the machine is
    start = time.process_time()
    try:
        with pytest.raises(InputFileError) as info:
            action(path)
    finally:
        elapsed = time.process_time() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < FAST_SECONDS, f"{elapsed:.2f} s"
    assert peak < SMALL_MEMORY, f"{peak / 1e6:.0f} MB"
    assert str(path) in str(info.value)
    return info.value.problem


def with_reference(path: Path) -> bytes:
    doc = Document(title="标题", blocks=[Paragraph("正文。")])
    return docx_bytes(doc, reference_docx=path)


def streamed_package(tmp_path: Path, name: str, inflated: int) -> Path:
    """A package whose document.xml really inflates to `inflated` bytes (written in chunks,
    so building it costs little memory)."""
    path = tmp_path / name
    small = package(p("一、强化理论武装"))
    with zipfile.ZipFile(io.BytesIO(small)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item))
        with dst.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(inflated // (len(CHUNK) * 1000)):
                stream.write(CHUNK * 1000)
            stream.write(b"</w:body></w:document>")
    return path


def patched_sizes(data: bytes, name: str, *, compressed: int | None = None, inflated: int) -> bytes:
    """The package with the sizes its zip directory (and local header) state for `name` replaced."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x01\x02", 20, 46), (b"PK\x03\x04", 18, 30)):
        for start in _find_all(bytes(out), signature):
            length = struct.unpack_from("<H", out, start + (28 if signature == b"PK\x01\x02" else 26))[0]
            if bytes(out[start + name_at:start + name_at + length]) != encoded:
                continue
            if compressed is not None:
                struct.pack_into("<I", out, start + size_at, compressed)
            struct.pack_into("<I", out, start + size_at + 4, inflated)
    return bytes(out)


def _find_all(data: bytes, needle: bytes) -> Iterator[int]:
    start = data.find(needle)
    while start != -1:
        yield start
        start = data.find(needle, start + 1)


# --- zip bombs --------------------------------------------------------------------------------


def test_directory_claiming_gigabytes_is_refused_before_inflating(tmp_path: Path) -> None:
    data = patched_sizes(package(p("一、强化理论武装")), "word/document.xml", inflated=3_000_000_000)
    problem = refused(save(tmp_path, data))
    assert "word/document.xml" in problem and "超过上限" in problem


def test_part_that_really_inflates_past_the_cap(tmp_path: Path) -> None:
    path = streamed_package(tmp_path, "big.docx", MAX_PART_BYTES + 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    assert "超过上限" in refused(path)


def test_part_with_an_extreme_compression_ratio(tmp_path: Path) -> None:
    """Under the size cap but inflating a thousandfold: only a bomb compresses like that."""
    path = streamed_package(tmp_path, "ratio.docx", 8 * 1024 * 1024)
    problem = refused(path)
    assert "压缩比异常" in problem and MAX_RATIO < 1000


def test_directory_that_understates_a_part_is_damage(tmp_path: Path) -> None:
    """The directory claims 1 KB, the stream inflates to 8 MB: never read past what is claimed."""
    data = streamed_package(tmp_path, "src.docx", 8 * 1024 * 1024).read_bytes()
    lying = patched_sizes(data, "word/document.xml", inflated=1024)
    assert "已损坏" in refused(save(tmp_path, lying, "lying.docx"))


def test_total_size_of_all_parts_is_capped(tmp_path: Path) -> None:
    per_part = MAX_TOTAL_BYTES // 3 + 1
    data = package(p("正文。"), **{f"word/media/image{i}.png": "x" for i in range(3)})
    for i in range(3):
        data = patched_sizes(data, f"word/media/image{i}.png", compressed=per_part, inflated=per_part)
    assert "解压后共" in refused(save(tmp_path, data))


def test_too_many_parts(tmp_path: Path) -> None:
    buffer = io.BytesIO(package(p("正文。")))
    with zipfile.ZipFile(buffer, "a") as archive:
        for i in range(MAX_PARTS + 1):
            archive.writestr(f"customXml/item{i}.bin", b"")
    assert "部件" in refused(save(tmp_path, buffer.getvalue()))


# --- XML ------------------------------------------------------------------------------------


def entity_package(part: str) -> bytes:
    laughs = '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    ) + "]>"
    good = package(p("一、强化理论武装"), styles='<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            text = src.read(item).decode()
            if item.filename == part:
                root = re.search(r"<[A-Za-z]", text)
                assert root is not None
                at = root.start()
                text = text[:at] + laughs + text[at:].replace("一、强化理论武装", "&i;", 1)
            dst.writestr(item, text)
    return buffer.getvalue()


def test_report_with_a_dtd_is_refused(tmp_path: Path) -> None:
    assert "DTD" in refused(save(tmp_path, entity_package("word/document.xml")))


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml", "_rels/.rels"])
def test_reference_docx_with_a_dtd_is_refused(tmp_path: Path, part: str) -> None:
    assert "DTD" in refused(save(tmp_path, entity_package(part), "ref.docx"), with_reference)


def reencoded(data: bytes, part: str, encoding: str, *, declaration: bool = True) -> bytes:
    """The package with one part re-encoded (a BOM first for utf-8-sig, utf-16, utf-32);
    `declaration=False` drops its XML declaration, so the BOM stands right before what follows."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == part:
                text = content.decode()
                if not declaration:
                    text = re.sub(r"^<\?xml[^>]*\?>", "", text)
                elif encoding != "utf-8-sig":
                    text = re.sub(r'encoding="[^"]*"', f'encoding="{encoding[:6].upper()}"', text, count=1)
                content = text.encode(encoding)
            dst.writestr(item, content)
    return buffer.getvalue()


BOMS = [("utf-8-sig", True), ("utf-8-sig", False), ("utf-16", True), ("utf-16", False), ("utf-32", False)]
PARTS = ["word/document.xml", "word/styles.xml", "_rels/.rels"]


@pytest.mark.parametrize(("encoding", "declaration"), BOMS)
@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("action", [read_report, with_reference], ids=["report", "reference"])
def test_a_byte_order_mark_before_a_dtd_is_refused_as_the_dtd(
    tmp_path: Path, part: str, encoding: str, declaration: bool, action: Callable[[Path], object]
) -> None:
    """Today's hole: a BOM before the DOCTYPE hid it (a reference was taken silently, a report
    got "已损坏"); every part, report or reference, now says DTD."""
    data = reencoded(entity_package(part), part, encoding, declaration=declaration)
    assert "DTD" in refused(save(tmp_path, data, "bom.docx"), action)


@pytest.mark.parametrize(("encoding", "declaration"), BOMS[:3])
def test_a_byte_order_mark_alone_is_read(tmp_path: Path, encoding: str, declaration: bool) -> None:
    """A BOM before well-formed XML is no fault: the report reads and the reference is taken."""
    good = package(p("一、强化理论武装"), styles=f'<w:styles xmlns:w="{W_NS}"/>')
    data = reencoded(good, "word/document.xml", encoding, declaration=declaration)
    data = reencoded(data, "word/styles.xml", encoding, declaration=declaration)
    path = save(tmp_path, data, "bom.docx")
    assert read_report(path).text.strip() == "一、强化理论武装"
    assert with_reference(path)[:2] == b"PK"


def test_a_part_in_an_encoding_no_docx_uses_is_refused(tmp_path: Path) -> None:
    """A declaration naming UTF-7 could spell the DTD "+ACE-DOCTYPE": the head must show a root."""
    data = package(p("正文。"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "word/document.xml":
                content = b'<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE' + content[content.index(b"?>") + 2:]
            dst.writestr(item, content)
    assert "开头异常" in refused(save(tmp_path, buffer.getvalue(), "utf7.docx"), with_reference)


def test_reference_docx_bomb_is_refused(tmp_path: Path) -> None:
    data = patched_sizes(package(p("正文。")), "word/document.xml", inflated=3_000_000_000)
    assert "超过上限" in refused(save(tmp_path, data, "ref.docx"), with_reference)


def test_nesting_deeper_than_the_parser_allows_is_damage(tmp_path: Path) -> None:
    deep = "<w:sdt><w:sdtContent>" * 400 + p("正文。") + "</w:sdtContent></w:sdt>" * 400
    assert "已损坏" in refused(save(tmp_path, package(deep)))


def test_unclosed_fields_do_not_pile_up(tmp_path: Path) -> None:
    begins = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' * 5000
    source = read_report(save(tmp_path, package(p("可见。") + p(begins, "域指令中的字") + p("正文。"))))
    assert source.text.strip() == "可见。"


# --- what is not a .docx ------------------------------------------------------------------


def encrypted_office_file() -> bytes:
    """The start of an OLE compound file whose directory names an EncryptionInfo stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    return header + entry + b"\x00" * 1024


@pytest.mark.parametrize("name", ["secret.docx", "secret.doc", "secret.txt"])
def test_password_protected_file_says_so(tmp_path: Path, name: str) -> None:
    problem = refused(save(tmp_path, encrypted_office_file(), name))
    assert "密码" in problem and ".doc）" not in problem


def test_password_protected_reference(tmp_path: Path) -> None:
    assert "密码" in refused(save(tmp_path, encrypted_office_file(), "ref.docx"), with_reference)


def test_old_word_document_named_docx(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    assert "旧版 Word 文档" in refused(save(tmp_path, ole, "old.docx"))


def test_too_many_paragraphs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.reading.docx_reader.MAX_PARAGRAPHS", 50)
    assert "段落超过 50 个" in refused(save(tmp_path, package(p("支部学习。") * 51)))
