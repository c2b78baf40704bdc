"""Baseline: docxtpl fills a template .docx that has the 公文 layout with drafter's paragraphs.

    python bench/baseline_docxtpl.py MANIFEST.json

MANIFEST.json is {"template": TEMPLATE.docx, "jobs": [[SPEC.json, OUT.docx], …]}. The template
is made once, untimed, by `make_template` from the same layout as the python-docx baseline
(`_layout.styled_document`): a loop over the paragraphs with one template paragraph per kind
and heading level, as a docxtpl user would lay out such a report.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from _layout import load_spec, paragraph_style, styled_document
from docxtpl import DocxTemplate


def make_template(path: Path) -> None:
    """Write the template: styles, page and footers of the layout, and the paragraph loop."""
    doc = styled_document()
    body = doc.styles["公文正文"]

    def tag(text: str) -> None:
        doc.add_paragraph(text, style=body)  # docxtpl drops a {%p … %} tag's own paragraph

    tag("{%p for p in paragraphs %}")
    branches = [("title", 0), ("blank", 0), ("body", 0), ("signature", 0)]
    branches += [(kind, level) for kind in ("heading", "runin") for level in range(1, 5)]
    for i, (kind, level) in enumerate(branches):
        test = f"p.kind == '{kind}'" + (f" and p.level == {level}" if level else "")
        tag(f"{{%p {'if' if i == 0 else 'elif'} {test} %}}")
        para = doc.add_paragraph(style=doc.styles[paragraph_style(kind, level)])
        if kind == "runin":
            para.paragraph_format.keep_with_next = False
            para.add_run("{{ p.lead }}", style=doc.styles[f"公文{level}级标题字符"])
            para.add_run("{{ p.text }}", style=doc.styles["公文正文字符"])
        elif kind != "blank":
            para.add_run("{{ p.text }}")
    tag("{%p endif %}")
    tag("{%p endfor %}")
    doc.save(str(path))


def main(argv: list[str]) -> None:
    manifest = json.loads(Path(argv[0]).read_text("utf-8"))
    for spec, out in manifest["jobs"]:
        paragraphs = load_spec(Path(spec))
        tpl = DocxTemplate(manifest["template"])
        tpl.render({"paragraphs": [asdict(p) for p in paragraphs]}, autoescape=True)
        tpl.docx.core_properties.title = next((p.text for p in paragraphs if p.kind == "title"), "")
        tpl.save(out)


if __name__ == "__main__":
    main(sys.argv[1:])
