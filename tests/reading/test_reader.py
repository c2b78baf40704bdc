"""Reading reports: encodings detected by hand, .docx paragraphs, placeholders, input errors."""

from __future__ import annotations

import codecs
import io
import os
import struct
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st

from drafter.errors import InputFileError
from drafter.reading.reader import decode_text, find_placeholders, plausibility, read_report

REPORT = (
    "某某县档案馆党支部2024年党建工作总结\n"
    "今年以来，XX县档案馆党支部坚持以党建引领业务工作。\n"
    "一、强化理论武装。支部全年开展集中学习12次，**同志讲授专题党课。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_report(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message, "errors are one line"
    return info.value


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),
        (REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "gb18030", "gbk"],
)
def test_encodings_are_detected(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    source = read_report(write(tmp_path, "report.txt", encoded))
    assert source.text == REPORT
    assert source.encoding == encoding


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "某某县档案馆党支部：㐀字与€符号均可读入。\n"
    assert read_report(write(tmp_path, "r.txt", text.encode("gb18030"))).text == text


@given(st.text(alphabet="党支部档案馆学习教育一二三、。，；：“”（）XX**abc123 \n", min_size=1))
def test_utf8_and_utf16_round_trip(text: str) -> None:
    for encoding, bom in (("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)):
        decoded, _ = decode_text(bom + text.encode(encoding), Path("x.txt"))
        assert decoded == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_endings_are_normalised(tmp_path: Path, newline: str) -> None:
    source = read_report(write(tmp_path, "r.txt", REPORT.replace("\n", newline).encode("utf-8")))
    assert source.text == REPORT


def test_markdown_and_other_extensions_are_read_as_text(tmp_path: Path) -> None:
    for name in ("r.md", "r.text", "r.log", "noext"):
        assert read_report(write(tmp_path, name, REPORT.encode("utf-8"))).text == REPORT


def test_placeholders_are_kept_verbatim_and_recorded(tmp_path: Path) -> None:
    text = "XX县档案馆**同志与xx科XXX书记在*月召开会议，形成X〔2024〕X号文件。\n"
    source = read_report(write(tmp_path, "r.txt", text.encode("utf-8")))
    assert source.text == text
    assert source.placeholders == ["XX", "**", "xx", "XXX", "*", "X"]


@pytest.mark.parametrize(
    "text",
    [
        "组织观看Xbox直播与taxi调度系统演示。",
        "会议室面积3x4米，另需X光检查。",
        "PPT x 模板",
        "* 第一条清单",
    ],
)
def test_latin_words_bullets_and_dimensions_are_not_placeholders(text: str) -> None:
    assert find_placeholders(text) == []


@given(st.from_regex(r"[A-Za-z]*[Xx]+[A-WYZa-wyz][A-Za-z]*", fullmatch=True))
def test_x_inside_latin_words_never_counts(word: str) -> None:
    assert find_placeholders(f"学习{word}平台") == []


def test_missing_file(tmp_path: Path) -> None:
    assert "不存在" in error_of(tmp_path / "none.txt").problem


def test_directory(tmp_path: Path) -> None:
    assert "目录" in error_of(tmp_path).problem


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "r.txt", b"")).problem == "文件是空的。"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert "没有文字" in error_of(write(tmp_path, "r.txt", " \n\u3000\n".encode("utf-8"))).problem


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "r.txt", tiny_png())).problem
    assert "二进制" in problem


def test_undecodable_bytes(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "r.txt", bytes(range(0x80, 0xFF)) * 4)).problem
    assert "编码" in problem


def test_old_word_file_is_binary_with_advice(tmp_path: Path) -> None:
    ole_header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    assert "另存为" in error_of(write(tmp_path, "r.doc", ole_header)).problem


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "r.docx", REPORT.encode("utf-8"))).problem
    assert "不是有效的 .docx" in problem


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "不是 Word 文档" in error_of(write(tmp_path, "r.docx", buffer.getvalue())).problem


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "r.txt", REPORT.encode("utf-8"))

    def refuse(*_: object, **__: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # how fsutil.read_input opens a file
    assert "权限" in error_of(path).problem


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", REPORT.encode("utf-8"))
    path.chmod(0)
    try:
        assert "权限" in error_of(path).problem
    finally:
        path.chmod(0o644)


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("某某县档案馆党支部2024年党建工作总结")
    document.add_paragraph("今年以来，XX支部坚持学习。")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "表格里的字"
    document.add_paragraph("一、强化理论武装。全年学习12次。")
    document.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()))
    document.add_paragraph("二、加强组织建设\n第二行")
    document.save(str(path))
    return path


def test_docx_paragraphs_in_order_with_tables_read_and_images_skipped(tmp_path: Path) -> None:
    source = read_report(make_docx(tmp_path / "r.docx"))
    assert source.text.split("\n") == [
        "某某县档案馆党支部2024年党建工作总结",
        "今年以来，XX支部坚持学习。",
        "表格里的字", "", "", "",
        "一、强化理论武装。全年学习12次。",
        "",
        "二、加强组织建设",
        "第二行",
    ]
    assert source.encoding == "docx"
    assert source.skipped == ["跳过图片1张"]
    assert source.notes == ["表格1个：单元格文字已按行逐段读入"]
    assert source.layout.paragraphs and source.layout.table_lines == {3, 4, 5, 6}
    assert source.placeholders == ["XX"]


def test_docx_content_under_another_extension_is_read_as_word(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "r.docx").rename(tmp_path / "r.txt")
    assert read_report(path).encoding == "docx"


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    docx.Document().save(str(path))
    assert "没有文字" in error_of(path).problem


def test_docx_content_controls_are_read_and_a_table_of_contents_skipped(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("一、强化理论武装。全年学习12次。")
    toc = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、强化理论武装\t1</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    cover = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>某某县档案馆党支部</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, toc)
    document.element.body.insert(0, cover)
    path = tmp_path / "r.docx"
    document.save(str(path))
    source = read_report(path)
    assert source.text == "某某县档案馆党支部\n一、强化理论武装。全年学习12次。"
    assert source.skipped == ["跳过目录1行（目录重复各级标题）"]


def test_docx_auto_numbering_is_rendered(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("强化理论武装", style="List Number")
    document.add_paragraph("加强组织建设", style="List Number")
    path = tmp_path / "r.docx"
    document.save(str(path))
    source = read_report(path)
    assert source.text == "1. 强化理论武装\n2. 加强组织建设"
    assert source.notes == ["2段使用了 Word 自动编号：编号已按 Word 的显示读入"]


def tiny_png() -> bytes:
    """A valid 1×1 grey PNG, built by hand so the tests need no image files."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")
    )


def test_invisible_characters_are_removed_and_full_width_digits_made_ascii(tmp_path: Path) -> None:
    text = "\u200f一\u200d、强化\u2060理论武装\n全年学习１２次，党员\u00ad参学率１００%。\u200b\n"
    source = read_report(write(tmp_path, "r.txt", text.encode("utf-8")))
    assert source.text == "一、强化理论武装\n全年学习12次，党员参学率100%。\n"


def test_plausibility_counts_controls_private_use_and_unassigned() -> None:
    assert plausibility("") == 1.0
    assert plausibility("党建工作，全年12次。\n") == 1.0
    assert plausibility("ab\x01\x02") == 0.5
    assert plausibility("\ue000党") == 0.5  # private use
    assert plausibility("\u0378党") == 0.5  # unassigned
    assert plausibility("\u2065党建") == pytest.approx(2 / 3)  # unassigned inside a common block


@given(st.text(max_size=200))
def test_plausibility_agrees_with_a_character_by_character_count(text: str) -> None:
    def plain(ch: str) -> bool:
        code = ord(ch)
        if 0x20 <= code < 0x7F or ch in "\n\r\t":
            return True
        if code < 0x20 or 0x7F <= code < 0xA0:
            return False
        return unicodedata.category(ch) not in ("Co", "Cn", "Cs", "Cc")

    expected = sum(map(plain, text)) / len(text) if text else 1.0
    assert plausibility(text) == pytest.approx(expected)


def test_plausibility_of_five_megabytes_is_fast() -> None:
    text = ("支部全年开展集中学习12次，党员参学率100%。\n" * 200_000)[:5_000_000] + "\x01"
    start = time.perf_counter()
    assert plausibility(text) > 0.99
    assert time.perf_counter() - start < 0.5


def test_text_report_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.reading.reader.MAX_TEXT_BYTES", 1000)
    assert "过大" in error_of(write(tmp_path, "r.txt", REPORT.encode("utf-8") * 20)).problem
