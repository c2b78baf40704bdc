"""`drafter check REPORT|ANSWERS` (核稿): what a reader would stumble on, with where and how to fix."""

from __future__ import annotations

import argparse
from typing import TextIO

from drafter.checking import run_check
from drafter.errors import EXIT_CHECK_FAILED, EXIT_OK
from drafter.library import load_library


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check every file named; exit 1 when anything was found, 0 when all are clean."""
    library = load_library(args.outlines)
    found_any = False
    for n, path in enumerate(args.files):
        text, found = run_check(path, library)
        out.write(("\n" if n else "") + text + "\n")
        found_any = found_any or found
    return EXIT_CHECK_FAILED if found_any else EXIT_OK
