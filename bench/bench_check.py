"""Folder 核稿: `drafter check 报告/` over 50 branch reports of 5,000 characters (goal: under 2 s).

    python bench/bench_check.py [--files 50] [--chars 5000] [--rounds 11]

The reports are .docx written by drafter's own writer for fictional units (bench/_reports.py):
about 5,000 characters each, every third with a reviewer's slips, so the output has findings
to count and details to print. Rows: the folder (summary lines and details), the same reports named one by
one (`报告/*.docx` as the shell expands it), `--summary`, `--json`, the same folder checked one file after the other (worker processes turned off), and
one report alone for scale. Whole processes, interleaved rounds (see _harness); drafter runs
from a wheel of this checkout in a fresh virtual environment.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

from _harness import Command, drafter, interleaved, ms, preamble, spread, table, user_python
from _reports import write_reports

from drafter.reading import read_report

GOAL_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    preamble(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "报告"
        reports = write_reports(folder, args.files, args.chars)
        sizes = [len(re.sub(r"\s", "", read_report(p).text)) for p in reports]
        found = (0, 1)
        serial = (
            "import sys; import drafter.commands.check as c; c.PER_WORKER = 10**9; "
            "from drafter.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        commands = [
            drafter(f"drafter check 报告/ ({args.files} files)", "check", "报告", cwd=work, ok_exits=found),
            drafter(
                f"drafter check 报告/*.docx ({args.files} names)", "check",
                *(f"报告/{p.name}" for p in reports), cwd=work, ok_exits=found,
            ),
            drafter("drafter check 报告/ --summary", "check", "报告", "--summary", cwd=work, ok_exits=found),
            drafter("drafter check 报告/ --json", "check", "报告", "--json", cwd=work, ok_exits=found),
            Command(
                "drafter check 报告/, one file after the other (no workers)",
                [user_python(), "-c", serial, "check", "报告"], {}, work, found,
            ),
            drafter("drafter check 报告/第01支部.docx (one file)", "check", "报告/第01支部.docx", cwd=work, ok_exits=found),
        ]
        samples = interleaved(commands, args.rounds)
    print(
        f"{args.files} reports (.docx), {min(sizes):,}–{max(sizes):,} characters each "
        f"(mean {statistics.mean(sizes):,.0f}, white space not counted)."
    )
    print()
    rows = [[c.label, ms(s.median), spread(s), s.peak()] for c, s in zip(commands, samples, strict=True)]
    print(table(["command", "median ms", "IQR (min–max) ms", "peak RSS MB"], rows))
    print()
    folder_run = samples[0]
    verdict = "meets" if folder_run.median < GOAL_SECONDS else "MISSES"
    print(f"Folder check: median {ms(folder_run.median)} ms, {verdict} the goal of {GOAL_SECONDS:.0f} s; "
          f"workers {samples[4].ratio(samples[0]):.2f}× as fast as one file after the other.")
    print()
    for cmd in commands:  # 50 file names would drown the list: show the shape
        shown = cmd.shown()
        print(f"  {cmd.label}: {shown if len(shown) < 200 else shown[:200] + ' …'}")


if __name__ == "__main__":
    main()
