"""`drafter diff OLD NEW`: what a reader would see changed between two reports (exit 1 if any)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from drafter.composing import document_of
from drafter.diff import DiffResult, diff_documents
from drafter.errors import EXIT_CHECK_FAILED, EXIT_OK
from drafter.library import Library, load_library


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Compare the two documents and print the differences section by section."""
    result = diff_files(args.old, args.new, load_library(args.outlines))
    out.write(result.to_text() + "\n")
    return EXIT_CHECK_FAILED if result.differs else EXIT_OK


def diff_files(old: Path, new: Path, library: Library) -> DiffResult:
    """The differences between what two reports or answers files say."""
    return diff_documents(document_of(old, library), document_of(new, library), str(old), str(new))
