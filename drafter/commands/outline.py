"""`drafter outline REPORT...`: a report's heading tree, or JSON for tools."""

from __future__ import annotations

import argparse
from typing import TextIO

from drafter.errors import EXIT_OK
from drafter.structure import run_outline


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the tree (or JSON) of every report named."""
    out.write(run_outline(args.reports, as_json=args.json, verbose=args.verbose) + "\n")
    return EXIT_OK
