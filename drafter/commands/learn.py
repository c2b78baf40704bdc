"""`drafter learn REPORT... -o DIR | --name NAME`: learn outlines from real reports.

With `-o`, one YAML per kind found (and the general outline) into a folder, as drafter's own
outlines/learned/ is made; with `--name`, one own kind from the office's own reports into the
user's library (drafter.learning.own), which `new`, `render` and `check` then use.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from drafter.errors import EXIT_OK, UsageError
from drafter.learning import run_learn, run_learn_own


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Learn, write the outlines, print what was learned."""
    if (args.output is None) == (args.name is None):
        raise UsageError(
            "请给出 --name 名称（学成本单位的报告类型）或 -o 目录（写成大纲 YAML）中的一个。",
            hint="例如：drafter learn 往期报告/*.docx --name 本单位年度总结",
        )
    if args.name is not None:
        out.write(run_learn_own(args.reports, args.name, outlines_root=args.outlines) + "\n")
    else:
        text = run_learn(args.reports, args.output, outlines_root=args.outlines, verbose=args.verbose)
        out.write(text + "\n")
    return EXIT_OK
