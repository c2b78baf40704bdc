"""Baseline: a plain python-docx script writing drafter's paragraphs in the same 公文 layout.

    python bench/baseline_python_docx.py MANIFEST.json

MANIFEST.json is {"jobs": [[SPEC.json, OUT.docx], …]}; each SPEC is the list of paragraphs a
`drafter render` wrote (see `_layout.paragraphs_of_docx`). Styles, page setup and footers are
defined once per document (`_layout.styled_document`), every paragraph names its style, and
run-in headings are two runs in character styles: the way a python-docx user would write it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from _layout import Para, load_spec, paragraph_style, styled_document
from docx.document import Document as DocxDocument
from docx.styles.style import BaseStyle


def build(paragraphs: list[Para]) -> DocxDocument:
    """The document for a spec, ready to save."""
    doc = styled_document()
    styles: dict[str, BaseStyle] = {}

    def style(name: str) -> Any:
        if name not in styles:
            styles[name] = doc.styles[name]
        return styles[name]

    for p in paragraphs:
        para = doc.add_paragraph(style=style(paragraph_style(p.kind, p.level)))
        if p.kind == "runin":
            para.paragraph_format.keep_with_next = False  # a run-in paragraph is body text
            para.add_run(p.lead, style=style(f"公文{p.level}级标题字符"))
            para.add_run(p.text, style=style("公文正文字符"))
        elif p.text:
            para.add_run(p.text)
    doc.core_properties.title = next((p.text for p in paragraphs if p.kind == "title"), "")
    return doc


def main(argv: list[str]) -> None:
    manifest = json.loads(Path(argv[0]).read_text("utf-8"))
    for spec, out in manifest["jobs"]:
        build(load_spec(Path(spec))).save(out)


if __name__ == "__main__":
    main(sys.argv[1:])
