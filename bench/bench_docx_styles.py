"""A .docx with many styles: reading must stay linear in styles × paragraphs.

Run: python bench/bench_docx_styles.py [STYLES] [PARAGRAPHS] [--chain]. Builds a package with
STYLES paragraph styles (all based on the first; with --chain each on the one before, a
worst case for inheritance) and PARAGRAPHS paragraphs spread over them, then prints the
seconds `read_report` takes. Issue 10 measured 57 s for 4,000 × 4,000 before style lookups
went by id.
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from drafter.reading.reader import read_report

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)


def many_styles_docx(styles: int, paragraphs: int, *, chain: bool = False) -> bytes:
    """The package as bytes: a chain of `styles` styles, `paragraphs` paragraphs using them."""
    style_xml = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Style {i}"/>'
        + (f'<w:basedOn w:val="S{i - 1 if chain else 0}"/>' if i else "")
        + "</w:style>"
        for i in range(styles)
    )
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{(i * 7919) % styles}"/></w:pPr>'
        f"<w:r><w:t>支部第{i}次学习。</w:t></w:r></w:p>"
        for i in range(paragraphs)
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/styles.xml": f'<w:styles xmlns:w="{W_NS}">{style_xml}</w:styles>',
        "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
    }
    path = Path(tempfile.mkdtemp()) / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path.read_bytes()


def main() -> None:
    args = [arg for arg in sys.argv[1:] if arg != "--chain"]
    styles = int(args[0]) if args else 4000
    paragraphs = int(args[1]) if len(args) > 1 else 4000
    data = many_styles_docx(styles, paragraphs, chain="--chain" in sys.argv)
    path = Path(tempfile.mkdtemp()) / "many-styles.docx"
    path.write_bytes(data)
    start = time.perf_counter()
    source = read_report(path)
    elapsed = time.perf_counter() - start
    print(f"{styles} styles × {paragraphs} paragraphs, {len(data) / 1024:.0f} KB: {elapsed:.2f} s "
          f"({len(source.text)} characters)")


if __name__ == "__main__":
    main()
