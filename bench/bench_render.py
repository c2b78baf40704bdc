"""Times a full drafter render of the complete example against plain python-docx.

    python bench/bench_render.py [--renders 40]

drafter: answers file → composition → .docx written to disk, `--renders` times in one process,
for examples/complete.answers.yaml and for the same answers with their sections repeated four
times. The baseline writes the same composed paragraphs with python-docx, setting fonts run by
run. Prints ms per document, the ratio (goals ≤ 0.7 and ≤ 0.35) and the peak RSS of a
`drafter render` process (goal ≤ 60 MB).
"""

from __future__ import annotations

import argparse
import copy
import io
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from drafter.answers import load_answers, save_answers  # noqa: E402
from drafter.compose import compose  # noqa: E402
from drafter.document import Document, Heading  # noqa: E402
from drafter.outline import load_library  # noqa: E402
from drafter.render import render_answers  # noqa: E402

COMPLETE = REPO / "examples" / "complete.answers.yaml"


_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}


def python_docx_bytes(doc: Document) -> bytes:
    """The baseline: python-docx, every run given its font name, East Asian font and size."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph as DocxParagraph

    out = docx.Document()

    def run(paragraph: DocxParagraph, text: str, font: str, size: float) -> None:
        r = paragraph.add_run(text)
        r.font.name = "Times New Roman"
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        r.font.size = Pt(size)

    run(out.add_paragraph(), doc.title, "方正小标宋简体", 22)
    for block in doc.blocks:
        p = out.add_paragraph()
        if isinstance(block, Heading):
            run(p, block.line, _FONTS[block.level], 16)
            continue
        if block.run_in is not None:
            run(p, block.run_in.sentence, _FONTS[block.run_in.level], 16)
        run(p, block.text, "仿宋_GB2312", 16)
    for line in [*doc.signature, doc.date]:
        run(out.add_paragraph(), line, "仿宋_GB2312", 16)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def timed(render: Callable[[], object], renders: int) -> float:
    """Milliseconds per call of `render`, over `renders` calls."""
    start = time.perf_counter()
    for _ in range(renders):
        render()
    return (time.perf_counter() - start) * 1000 / renders


def peak_rss_mb(answers: Path, out: Path) -> float:
    """Peak RSS (VmHWM) of a fresh `drafter render` process, read from /proc before it exits."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print(next(l.split()[1] for l in open('/proc/self/status')"
        " if l.startswith('VmHWM')), file=sys.stderr))\n"
        "from drafter.cli import main; main(sys.argv[1:])\n"
    )
    args = [sys.executable, "-c", code, "render", str(answers), "-o", str(out), "--force"]
    result = subprocess.run(args, cwd=REPO, check=True, capture_output=True, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024  # kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=40)
    renders = parser.parse_args().renders
    library = load_library()
    data, _ = load_answers(COMPLETE, library)
    long = copy.deepcopy(data)
    long["sections"] = [copy.deepcopy(s) for _ in range(4) for s in data["sections"]]

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, answers in (("complete example", data), ("4x its length", long)):
            path = work / f"{len(answers['sections'])}.answers.yaml"
            save_answers(path, answers)
            out = work / "out.docx"

            def drafter_render() -> None:
                loaded, _ = load_answers(path, library)
                render_answers(loaded, library, out, force=True)

            doc = compose(answers, library)
            chars = len(doc.title) + sum(
                len(b.line if isinstance(b, Heading) else (b.run_in.sentence if b.run_in else "") + b.text)
                for b in doc.blocks
            )
            drafter_ms = timed(drafter_render, renders)
            baseline_ms = timed(lambda: (work / "base.docx").write_bytes(python_docx_bytes(doc)), renders)
            print(
                f"{label:>16} ({chars:,} chars, {len(doc.blocks)} blocks): drafter {drafter_ms:6.2f} ms/doc, "
                f"python-docx {baseline_ms:6.2f} ms/doc, ratio {drafter_ms / baseline_ms:.3f}"
            )
        print(f"peak RSS of `drafter render` (complete example): {peak_rss_mb(COMPLETE, work / 'c.docx'):.1f} MB")


if __name__ == "__main__":
    main()
