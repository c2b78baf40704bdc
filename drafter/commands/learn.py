"""`drafter learn REPORT... -o DIR`: learn outlines from real reports and write them as YAML."""

from __future__ import annotations

import argparse
from typing import TextIO

from drafter.errors import EXIT_OK
from drafter.learning import run_learn


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Learn, write the outlines, print what was learned."""
    out.write(run_learn(args.reports, args.output, outlines_root=args.outlines, verbose=args.verbose) + "\n")
    return EXIT_OK
