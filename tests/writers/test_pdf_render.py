"""LibreOffice opens drafter's .docx and prints every heading; skipped without soffice/pdftotext
(failed under CI=true, which installs them)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from drafter.document.model import Document, Heading, Paragraph
from drafter.writers.render import write_document
from tests.helpers import need_tools

ALIASES = Path(__file__).resolve().parents[2] / "docs" / "fonts" / "gongwen-aliases.conf"



@pytest.fixture(autouse=True, scope="module")
def _tools() -> None:
    need_tools("soffice", "pdftotext")  # skipped without them, failed under CI=true


def sample() -> Document:
    """A fictional report long enough for two pages, so both footers are used."""
    body = (
        "支部坚持把学习贯彻党的创新理论作为首要政治任务，结合档案工作实际，推动学习往深里走、往实里走。"
        * 3
    )
    return Document(
        title="某某县档案馆党支部2025年度党建工作总结",
        blocks=[
            Paragraph("2025年，某某县档案馆党支部扎实推进各项工作，现将有关情况总结如下："),
            Heading(1, "一、", "主要做法及成效"),
            Paragraph(body, run_in=Heading(2, "（一）", "坚持理论武装，筑牢思想根基")),
            Heading(2, "（二）", "严格组织生活，夯实基层基础"),
            Heading(3, "1.", "落实“三会一课”制度"),
            Paragraph(body),
            Heading(4, "（1）", "按期召开支部委员会"),
            Paragraph(body),
            Heading(1, "——", "聚焦主责主业，推动党建与业务融合"),
            Paragraph(body + "{{ 未填 }} <w:p> & 🚩"),
            Heading(1, "二、", "存在问题及下一步打算"),
            Paragraph(body),
        ],
        signature=["中共某某县档案馆支部委员会"],
        date="2025年12月5日",
    )


def to_pdf(docx_path: Path, work: Path) -> Path:
    """Convert with a private LibreOffice profile and the 公文 font aliases when available."""
    conf = work / "fonts.conf"
    includes = ["/etc/fonts/fonts.conf", str(ALIASES)]
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        + "".join(f'  <include ignore_missing="yes">{inc}</include>\n' for inc in includes)
        + "</fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=180,
    )
    pdf = work / f"{docx_path.stem}.pdf"
    assert pdf.exists(), "LibreOffice produced no PDF"
    return pdf


def pdf_text(pdf: Path, *options: str) -> str:
    out = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return out.stdout


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pdf")
    docx_path = work / "report.docx"
    write_document(sample(), docx_path, "docx")
    return to_pdf(docx_path, work)


def test_every_heading_is_printed(pdf: Path) -> None:
    text = compact(pdf_text(pdf))
    for heading in sample().headings():
        assert compact(heading.line) in text, heading.line
    assert compact(sample().title) in text


def test_closing_and_literal_text_are_printed(pdf: Path) -> None:
    text = compact(pdf_text(pdf))
    assert "{{未填}}<w:p>&" in text
    last_page = compact(pdf_text(pdf).split("\f")[-2])  # the text ends in a form feed
    assert "中共某某县档案馆支部委员会2025年12月5日" in last_page


def test_page_numbers_on_odd_and_even_pages(pdf: Path) -> None:
    pages = pdf_text(pdf).split("\f")
    numbered = [page for page in pages if page.strip()]
    assert len(numbered) >= 2
    for n, page in enumerate(numbered, 1):
        assert f"—{n}—" in compact(page)


def test_odd_numbers_right_even_numbers_left(pdf: Path) -> None:
    """The number sits right on odd pages, left on even ones, below the text block."""
    pages = pdf_text(pdf, "-bbox").split("<page ")[1:]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        width = float(page.partition('width="')[2].partition('"')[0])
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        x, y = next((float(x), float(y)) for x, y, word in reversed(words) if word == str(n))
        assert y > 842 - 99  # below the 35 mm bottom margin's edge of the text block
        assert (x > width / 2) if n % 2 else (x < width / 2)
