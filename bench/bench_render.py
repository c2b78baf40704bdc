"""Times drafter's .docx rendering against plain python-docx that sets fonts run by run.

    python bench/bench_render.py [--renders 40]

Prints ms per document for both at a ~6,000-character report and at 4× its length (the outline
repeated four times), their ratio (goal ≤ 0.7 and ≤ 0.35), and the peak memory of a full render
of the long report (goal ≤ 60 MB): Python allocations by tracemalloc, and the whole process's
maximum RSS measured in a fresh interpreter that only imports drafter and renders.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drafter.document import Document, Heading, Paragraph
from drafter.docx_writer import docx_bytes

_CLAUSES = [
    "某某县档案馆党支部坚持以党的政治建设为统领",
    "认真落实“三会一课”、主题党日和谈心谈话制度",
    "全年组织集中学习研讨12次、专题党课4次",
    "推动馆藏档案数字化扫描36万画幅",
    "党员志愿者深入社区开展档案查询服务6次",
    "持续深化“档案进万家”服务品牌建设",
    "严格执行中央八项规定及其实施细则精神",
    "引导党员在重点工作中当先锋、作表率",
]


def _text(seed: int, chars: int) -> str:
    """Fictional body text of about `chars` characters."""
    out: list[str] = []
    i = seed
    while sum(map(len, out)) < chars:
        out.append(_CLAUSES[i % len(_CLAUSES)] + ("，" if i % 3 else "。"))
        i += 1
    return "".join(out)[:-1] + "。"


def report(times: int = 1) -> Document:
    """A ~6,000-character report with its outline repeated `times` times.

    Once through, it has 30 body paragraphs, headings of every level and some run-in headings.
    """
    blocks: list[Heading | Paragraph] = []
    for rep in range(times):
        for one in range(3):
            blocks.append(
                Heading(
                    1,
                    "一二三四五六七八九十"[(rep * 3 + one) % 10] + "、",
                    "强化政治引领，提升组织力",
                )
            )
            for two in range(2):
                blocks.append(
                    Paragraph(
                        _text(one + two, 185),
                        run_in=Heading(2, f"（{'一二'[two]}）", "筑牢思想根基"),
                    )
                )
            blocks.append(Heading(2, "（三）", "夯实基层基础，规范组织生活"))
            blocks.append(Heading(3, "1.", "落实组织生活制度"))
            blocks += [Paragraph(_text(one + k, 185)) for k in range(3)]
            blocks.append(Heading(4, "（1）", "按期召开支部委员会"))
            blocks += [Paragraph(_text(one + k + 3, 185)) for k in range(5)]
    return Document(
        title="某某县档案馆党支部2025年度党建工作总结",
        blocks=blocks,
        signature=["中共某某县档案馆支部委员会"],
        date="2025年12月5日",
    )


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


def ms_per_doc(render: Callable[[Document], bytes], doc: Document, renders: int) -> float:
    start = time.perf_counter()
    for _ in range(renders):
        render(doc)
    return (time.perf_counter() - start) * 1000 / renders


def _peak_rss_mb() -> float:
    """Peak RSS (VmHWM) of a fresh interpreter that imports drafter and renders the long report.

    Read from /proc, not getrusage: a child's ru_maxrss keeps the forking parent's peak.
    """
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from bench.bench_render import report; from drafter.docx_writer import docx_bytes\n"
        "docx_bytes(report(4))\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run(
        [sys.executable, "-c", code, root], check=True, capture_output=True, text=True
    )
    return int(out.stdout) / 1024  # kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=40)
    renders = parser.parse_args().renders

    for label, doc in (("~6,000 chars", report(1)), ("4x length", report(4))):
        chars = len(doc.title) + sum(
            len(
                b.line
                if isinstance(b, Heading)
                else (b.run_in.sentence if b.run_in else "") + b.text
            )
            for b in doc.blocks
        )
        drafter_ms = ms_per_doc(docx_bytes, doc, renders)
        baseline_ms = ms_per_doc(python_docx_bytes, doc, renders)
        print(
            f"{label:>13} ({chars:,} chars, {len(doc.blocks)} blocks): "
            f"drafter {drafter_ms:6.2f} ms/doc, "
            f"python-docx {baseline_ms:6.2f} ms/doc, ratio {drafter_ms / baseline_ms:.3f}"
        )

    tracemalloc.start()
    docx_bytes(report(4))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak memory of a full render (4x): {peak / 2**20:.1f} MB allocated (tracemalloc), "
        f"{_peak_rss_mb():.1f} MB peak RSS of a fresh process"
    )


if __name__ == "__main__":
    main()
