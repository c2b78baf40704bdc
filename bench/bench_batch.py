"""Batch: 200 answers files in one `drafter render` vs the same 200 documents by the baselines.

    python bench/bench_batch.py [--files 200] [--rounds 5] [--before SRC]

The answers files are examples/complete.answers.yaml for 200 fictional units (the unit's name
numbered). drafter renders them all in one process (`drafter render A B … -o DIR`), with its
worker processes (one per core) and, in a second row, one document after the other (the same
command with the workers turned off); each baseline writes the same 200 documents in one
process, every one checked equal to drafter's (see bench_render). Whole processes, interleaved
rounds (see _harness).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from _corpus import renamed_answers
from _harness import REPO, drafter, interleaved, preamble, python, run_once
from bench_render import baselines, check_same, ratio_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=Path, default=REPO / "examples" / "complete.answers.yaml")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", type=Path, metavar="SRC", help="also time drafter from SRC")
    args = parser.parse_args()
    preamble(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        answers = []
        for i in range(1, args.files + 1):
            answers.append(work / f"unit{i:03}.answers.yaml")
            renamed_answers(args.answers, i, answers[-1])
        out = work / "out"
        out.mkdir()
        names = [str(a) for a in answers]
        commands = [
            drafter(
                f"drafter render ×{args.files}",
                "render",
                *names,
                "-o",
                str(out),
                "--force",
                cwd=work,
            )
        ]
        # `drafter render` itself, with its worker processes turned off (PER_WORKER beyond any batch)
        serial = (
            "import sys; import drafter.commands.render as r; r.PER_WORKER = 10**9; "
            "from drafter.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        (work / "serial").mkdir()
        commands.append(
            python(
                f"drafter render ×{args.files}, one after the other (no workers)",
                "-c", serial, "render", *names, "-o", str(work / "serial"), "--force",
                cwd=work,
            )
        )
        if args.before:
            (work / "before").mkdir()
            commands.append(
                drafter(
                    f"drafter render ×{args.files} ({args.before})",
                    "render",
                    *names,
                    "-o",
                    str(work / "before"),
                    "--force",
                    src=args.before.resolve(),
                    cwd=work,
                )
            )
        for cmd in commands:
            run_once(cmd)
        docs = [out / f"unit{i:03}.docx" for i in range(1, args.files + 1)]
        for doc in docs:
            if doc.read_bytes() != (work / "serial" / doc.name).read_bytes():
                raise SystemExit(f"{doc.name}: the workers wrote other bytes than a serial run")
        if args.before:
            for doc in docs:
                check_same(doc, work / "before" / doc.name, "drafter (before)")
        base_cmds = baselines(docs, work, "batch")
        commands += base_cmds
        samples = interleaved(commands, args.rounds)
    print(
        f"{args.files} answers files ({args.answers.name}, one unit each), one process per row; "
        "every baseline document checked equal to drafter's."
    )
    print()
    print(ratio_table(commands, samples, base_cmds))
    print()
    speedup = samples[1].ratio(samples[0])
    print(f"Worker processes ({os.cpu_count()} cores): {speedup:.2f}× as fast as one document after the other "
          "(median of the per-round ratios); the documents are byte for byte the same (checked above).")
    print()
    for cmd in commands:  # 200 file names would drown the table: show the shape
        print(f"  {cmd.label}: {cmd.shown()[:160]} …")


if __name__ == "__main__":
    main()
