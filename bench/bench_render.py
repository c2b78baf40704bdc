"""One answers file: `drafter render` vs python-docx and docxtpl writing the same document.

    python bench/bench_render.py [--answers FILE] [--rounds 21] [--before SRC]

Each row is a whole process (start-up, imports, work, exit), run in interleaved rounds (see
_harness). drafter renders the answers file to .docx. The baselines write the very document
drafter wrote (its paragraphs read back from drafter's output, so they compose nothing), in the
same layout: python-docx with the styles defined once per document (`_layout`), docxtpl from a
template .docx made from the same layout. Before timing, `_docx_compare` checks that each
baseline's document has the same paragraphs, text, effective fonts, sizes, spacing, indents,
page setup and footers as drafter's; the script stops if not. `--before SRC` adds a row for
drafter run from another source tree (e.g. an older commit unpacked with `git archive`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from _docx_compare import differences
from _harness import (
    REPO,
    Command,
    Samples,
    drafter,
    interleaved,
    ms,
    preamble,
    print_commands,
    python,
    run_once,
    spread,
    table,
)
from _layout import paragraphs_of_docx, save_spec

BENCH = Path(__file__).resolve().parent
HAS_DOCXTPL = importlib.util.find_spec("docxtpl") is not None


def baselines(drafter_docs: list[Path], work: Path, name: str) -> list[Command]:
    """Baseline commands writing the documents drafter wrote, each checked to be the same.

    One process per baseline writes all of `drafter_docs` (as one `drafter render` of several
    answers files does). Stops with the differences when a document is not drafter's.
    """
    specs = []
    for i, doc in enumerate(drafter_docs):
        specs.append(work / f"{name}.{i}.spec.json")
        save_spec(paragraphs_of_docx(doc), specs[-1])
    kinds: list[tuple[str, str, dict[str, str]]] = [("python-docx", "baseline_python_docx.py", {})]
    if HAS_DOCXTPL:
        from baseline_docxtpl import make_template

        template = work / "template.docx"
        if not template.exists():
            make_template(template)
        kinds.append(("docxtpl", "baseline_docxtpl.py", {"template": str(template)}))
    commands = []
    for label, script, extra in kinds:
        outs = [work / f"{name}.{i}.{label}.docx" for i in range(len(specs))]
        manifest = work / f"{name}.{label}.json"
        jobs = [[str(spec), str(out)] for spec, out in zip(specs, outs, strict=True)]
        manifest.write_text(json.dumps({**extra, "jobs": jobs}), "utf-8")
        cmd = python(f"{label}, same layout", str(BENCH / script), str(manifest), cwd=work)
        run_once(cmd)
        for doc, out in zip(drafter_docs, outs, strict=True):
            check_same(doc, out, cmd.label)
        commands.append(cmd)
    return commands


def check_same(expected: Path, actual: Path, label: str) -> None:
    """Stop with the differences when `actual` is not the same document as `expected`."""
    found = differences(expected, actual)
    if found:
        sys.exit(
            f"{label}: not the same document as {expected.name}:\n  " + "\n  ".join(found[:20])
        )


def ratio_table(commands: list[Command], samples: list[Samples], base_cmds: list[Command]) -> str:
    """The results as a Markdown table, with each command's ratio to each baseline."""
    base = {
        c.label.split(",")[0]: s for c, s in zip(commands, samples, strict=True) if c in base_cmds
    }
    headers = ["command", "median ms", "IQR (min–max) ms", *[f"÷ {k}" for k in base], "peak RSS MB"]
    return table(headers, result_rows(commands, samples, base))


def result_rows(
    commands: list[Command], samples: list[Samples], base: dict[str, Samples]
) -> list[list[str]]:
    """Table rows: label, median, spread, ratio to each baseline, peak RSS."""
    rows = []
    for cmd, s in zip(commands, samples, strict=True):
        ratios = [f"{s.ratio(b):.2f}×" for b in base.values()]
        rows.append([cmd.label, ms(s.median), spread(s), *ratios, s.peak()])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=Path, default=REPO / "examples" / "complete.answers.yaml")
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--before", type=Path, metavar="SRC", help="also time drafter from SRC")
    args = parser.parse_args()
    preamble(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = work / "drafter.docx"
        commands = [
            python("python start-up (python -c pass)", "-c", "pass", cwd=work),
            drafter("drafter --help (start-up)", "--help", cwd=work),
            drafter(
                "drafter render",
                "render",
                str(args.answers.resolve()),
                "-o",
                str(out),
                "--force",
                cwd=work,
            ),
        ]
        if args.before:
            before_out = work / "before.docx"
            commands.append(
                drafter(
                    f"drafter render ({args.before})",
                    "render",
                    str(args.answers.resolve()),
                    "-o",
                    str(before_out),
                    "--force",
                    src=args.before.resolve(),
                    cwd=work,
                )
            )
        for cmd in commands[2:]:
            run_once(cmd)
        if args.before:
            check_same(out, before_out, "drafter (before)")
        paragraphs = len(paragraphs_of_docx(out))
        base_cmds = baselines([out], work, "doc")
        commands += base_cmds
        samples = interleaved(commands, args.rounds)
    print(
        f"{args.answers.name}: {paragraphs} paragraphs; every baseline document checked "
        "equal to drafter's (text, fonts, sizes, spacing, indents, page, footers)."
    )
    print()
    print(ratio_table(commands, samples, base_cmds))
    print()
    print_commands(commands)


if __name__ == "__main__":
    main()
